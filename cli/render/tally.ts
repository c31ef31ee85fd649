import {
  formatChange,
  formatNumber,
  formatPercent,
  NOT_RATED_REASONS,
  QUOTA_BASE_WORDS,
  quotaRatioText,
  RATING_LEVELS,
  ratingLabel,
  reasonLabel,
  type ShareChange,
  type Tally,
} from '../../core';
import { renderTable } from './table';

/** Counts and shares per level, with the change vs last year when known. */
export function renderTally(tally: Tally, change?: ShareChange | null): string {
  const headers = ['Mức xếp loại', 'Số lượng', 'Tỷ lệ'];
  if (change) headers.push('So với năm trước');
  const rows = RATING_LEVELS.map((level) => {
    const row = [ratingLabel(level), formatNumber(tally.counts[level]), formatPercent(tally.percent[level])];
    if (change) row.push(formatChange(change[level]));
    return row;
  });
  rows.push([
    'Tổng số được xếp loại',
    formatNumber(tally.evaluated),
    tally.evaluated ? '100,00%' : '—',
    ...(change ? [''] : []),
  ]);
  return renderTable(headers, rows, ['left', 'right', 'right', 'left']);
}

export function renderNotRated(tally: Tally): string {
  const parts = NOT_RATED_REASONS.filter((r) => tally.notRated[r] > 0).map(
    (r) => `${reasonLabel(r).toLowerCase()}: ${formatNumber(tally.notRated[r])}`,
  );
  const notRated = tally.total - tally.evaluated;
  return `Không xếp loại: ${formatNumber(notRated)}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** "Xuất sắc so với hoàn thành tốt: 18,60% — tối đa 1.587 theo tỷ lệ 20%: đạt". */
export function renderQuota(tally: Tally, subject: string): string {
  const verdict = tally.quota.ok ? 'trong giới hạn' : 'VƯỢT giới hạn';
  return (
    `Xuất sắc so với hoàn thành tốt: ${formatPercent(tally.excellentPerGood)}. ` +
    `Giới hạn ${quotaRatioText(tally.quota.ratio)} số ${QUOTA_BASE_WORDS[tally.quota.base]}: tối đa ${formatNumber(tally.quota.maxExcellent)} ${subject} xuất sắc, ` +
    `có ${formatNumber(tally.counts.excellent)}: ${verdict}.`
  );
}
