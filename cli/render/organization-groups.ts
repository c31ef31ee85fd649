import {
  formatNumber,
  formatPercent,
  quotaRatioText,
  RATING_LABELS,
  RATING_LEVELS,
  type Consolidation,
  type Tally,
} from '../../core';
import { renderTable } from './table';

/**
 * Organizations per `Khối` (design.md §2.7): count and share of each level, and the 20% quota on excellent
 * organizations within the group; the grassroots organizations first, then each tier above them. Empty when
 * no list gives groups.
 */
export function renderOrganizationGroups(report: Consolidation): string {
  const tables = [
    groupsTable('tổ chức cơ sở đảng', report.organizationGroups ?? null),
    ...(report.upperOrganizations ?? []).map((tier) =>
      groupsTable(tier.name.toLocaleLowerCase('vi'), tier.groups),
    ),
  ];
  return tables.filter(Boolean).join('\n\n');
}

function groupsTable(subject: string, groups: Record<string, Tally> | null): string {
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
    `Xếp loại ${subject} theo khối (giới hạn xuất sắc ${quotaRatioText(first.quota.ratio)} tính trong từng khối):`,
    renderTable(headers, rows),
  ].join('\n');
}
