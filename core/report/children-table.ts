import { RATING_LABELS } from '../labels';
import { RATING_LEVELS, type ChildFigures } from '../types';
import { count, EMPTY, fraction, index, text, type ReportRow, type ReportTable } from './model';

/**
 * The level's direct inputs — lower levels' consolidations and units reporting to it directly — one row each,
 * those listed that sent nothing flagged. Null when every child is a unit: the units' list says it already.
 */
export function childrenTable(id: string, caption: string, children: ChildFigures[]): ReportTable | null {
  if (children.every((child) => child.isUnit)) return null;
  const rows: ReportRow[] = children.map((child, at) => {
    const members = child.members;
    return {
      alert: members === null || child.errors > 0,
      cells: [
        index(at + 1),
        text(child.code),
        text(child.name),
        text(members === null ? 'Chưa có' : 'Có'),
        members === null ? EMPTY : count(child.units),
        count(members?.total ?? null),
        count(members?.evaluated ?? null),
        ...RATING_LEVELS.map((level) => count(members?.counts[level] ?? null)),
        fraction(members?.percent.excellent ?? null),
        members === null ? EMPTY : count(child.errors),
      ],
    };
  });
  return {
    id,
    caption,
    columns: [
      { header: 'STT', role: 'index' },
      { header: 'Mã', role: 'code' },
      { header: 'Tổ chức trực thuộc', role: 'label' },
      { header: 'Báo cáo', role: 'code' },
      { header: 'Số tổ chức cơ sở đảng', role: 'figure' },
      { header: 'Tổng số đảng viên', role: 'figure' },
      { header: 'Được xếp loại', role: 'figure' },
      ...RATING_LEVELS.map((level) => ({
        header: RATING_LABELS[level].abbreviation,
        role: 'figure' as const,
      })),
      { header: 'Tỷ lệ HTXSNV', role: 'figure' },
      { header: 'Lỗi', role: 'figure' },
    ],
    rows,
  };
}
