import {
  formatNumber,
  formatPercent,
  quotaRatioText,
  RATING_LABELS,
  RATING_LEVELS,
  type Consolidation,
} from '../../core';
import { renderTable } from './table';

/**
 * Organizations per `Khối` (design.md §2.7): count and share of each level, and the 20% quota on excellent
 * organizations within the group. Empty when the superior's list gives no groups.
 */
export function renderOrganizationGroups(report: Consolidation): string {
  const groups = report.organizationGroups;
  if (!groups || !Object.keys(groups).length) return '';
  const headers = [
    'Khối',
    'Số tổ chức',
    ...RATING_LEVELS.flatMap((l) => [RATING_LABELS[l].abbreviation, 'Tỷ lệ']),
    'Xuất sắc tối đa',
  ];
  const rows = Object.entries(groups).map(([label, tally]) => [
    label,
    formatNumber(tally.total),
    ...RATING_LEVELS.flatMap((l) => [formatNumber(tally.counts[l]), formatPercent(tally.percent[l])]),
    `${formatNumber(tally.quota.maxExcellent)}${tally.quota.ok ? '' : ' (vượt)'}`,
  ]);
  const first = Object.values(groups)[0];
  return [
    `Xếp loại tổ chức cơ sở đảng theo khối (giới hạn xuất sắc ${quotaRatioText(first.quota.ratio)} tính trong từng khối):`,
    renderTable(headers, rows),
  ].join('\n');
}
