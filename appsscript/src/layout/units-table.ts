import { formatNumber, RATING_LABELS, RATING_LEVELS, type OrganizationRating } from '../../../core';
import type { ConsolidationReply } from './district-report';
import { COLOURS, count, headerRow, percent, text, type BlockCell, type SheetBlock } from './sheet-block';

export const UNITS_SHEET = 'Theo đơn vị';

/** One row a unit: counts, shares, the quota verdict, issues; units that have not reported in red. */
export function unitsSheet(report: ConsolidationReply, organizations: OrganizationRating[]): SheetBlock {
  const names = new Map(organizations.map((o) => [o.code, o]));
  const rows: BlockCell[][] = [
    headerRow([
      'Mã đơn vị',
      'Tên đơn vị',
      'Loại hình',
      'Báo cáo',
      'Tổng số',
      'Được xếp loại',
      ...RATING_LEVELS.flatMap((l) => [
        RATING_LABELS[l].abbreviation,
        `Tỷ lệ ${RATING_LABELS[l].abbreviation}`,
      ]),
      'HTXSNV so với HTTNV',
      'Định mức HTXSNV',
      'Lỗi',
      'Cảnh báo',
    ]),
  ];
  const units = [...report.byUnit].sort((a, b) => a.code.localeCompare(b.code));
  for (const unit of units) {
    const tally = unit.members;
    const breach = !tally.quota.ok;
    const flag = breach ? { background: COLOURS.breach } : {};
    rows.push([
      text(unit.code),
      text(unit.name || names.get(unit.code)?.name || ''),
      text(unit.kind || names.get(unit.code)?.kind || ''),
      text('Đã gửi', { background: COLOURS.ok }),
      count(tally.total),
      count(tally.evaluated),
      ...RATING_LEVELS.flatMap((l) => [
        count(tally.counts[l], l === 'excellent' ? flag : {}),
        percent(tally.percent[l], l === 'excellent' ? flag : {}),
      ]),
      percent(tally.excellentPerGood, flag),
      text(breach ? `Vượt (tối đa ${formatNumber(tally.quota.maxExcellent)})` : 'Trong định mức', {
        bold: breach,
        ...flag,
      }),
      count(unit.errors),
      count(unit.warnings),
    ]);
  }
  const missing = { background: COLOURS.missing };
  for (const code of [...report.missing].sort()) {
    rows.push([
      text(code, missing),
      text(names.get(code)?.name ?? '', missing),
      text(names.get(code)?.kind ?? '', missing),
      text('Chưa gửi', { ...missing, bold: true }),
      ...Array.from({ length: 14 }, () => text('', missing)),
    ]);
  }
  return {
    sheet: UNITS_SHEET,
    rows,
    widths: [110, 260, 120, 80, 80, 90, 70, 80, 70, 80, 70, 80, 70, 80, 110, 160, 50, 70],
    frozenRows: 1,
    charts: [],
  };
}
