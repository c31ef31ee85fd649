import type { RatingLevel } from '../../core';
import { assignedSheet, type AssignedLine } from './district-workbook';
import { ratingText, sheetStyle } from './sheet-style';
import type { SampleWorkbook } from './write-xlsx';

export interface SuperiorInfo {
  code: string;
  name: string;
  superior: string;
  year: number;
  place: string;
}

/** The superior level's rating of one organization directly below it. */
export interface OrganizationEntry {
  code: string;
  name: string;
  kind: string;
  group: string | null;
  rating: RatingLevel;
  score: number | null;
  /** Last year's codes it was formed from (empty: it continues under its own code, or is new). */
  mergedFrom: string[];
}

const LABELS = sheetStyle('');

/**
 * A superior level's workbook (design.md §3): `Thông tin`, `Tổ chức cơ sở` (with `Khối`, `Điểm` and
 * `Sáp nhập từ` when any organization has one) and `Giao chỉ tiêu`.
 */
export function superiorWorkbook(
  info: SuperiorInfo,
  organizations: OrganizationEntry[],
  assigned: AssignedLine[],
): SampleWorkbook {
  const groups = organizations.some((o) => o.group);
  const scores = organizations.some((o) => o.score !== null);
  const mergers = organizations.some((o) => o.mergedFrom.length);
  const header = [
    'STT',
    'Mã đơn vị',
    'Tên tổ chức',
    'Loại hình',
    ...(groups ? ['Khối'] : []),
    ...(scores ? ['Điểm'] : []),
    'Xếp loại',
    ...(mergers ? ['Sáp nhập từ'] : []),
  ];
  const sheets: SampleWorkbook['sheets'] = [
    {
      name: 'Thông tin',
      rows: [
        ['Mã tổ chức', info.code],
        ['Tên tổ chức', info.name],
        ['Cấp trên', info.superior],
        ['Năm', info.year],
        ['Địa danh', info.place],
      ],
    },
    {
      name: 'Tổ chức cơ sở',
      rows: [
        header,
        ...organizations.map((o, i) => [
          i + 1,
          o.code,
          o.name,
          o.kind,
          ...(groups ? [o.group ?? ''] : []),
          ...(scores ? [o.score ?? ''] : []),
          ratingText(LABELS, o.rating),
          ...(mergers ? [o.mergedFrom.join('; ')] : []),
        ]),
      ],
    },
  ];
  if (assigned.length) sheets.push(assignedSheet(assigned));
  return { sheets };
}
