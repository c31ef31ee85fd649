import {
  formatChange,
  formatNumber,
  NOT_RATED_REASONS,
  QUOTA_BASE_WORDS,
  quotaRatioText,
  RATING_LABELS,
  RATING_LEVELS,
  REASON_LABELS,
  type ShareChange,
  type Tally,
} from '../../../core';
import { COLOURS, count, headerRow, percent, text, type BlockCell } from './sheet-block';

export interface TallyTable {
  rows: BlockCell[][];
  /** Index, within `rows`, of the first of the four rating rows (label | count), for a chart. */
  levelsAt: number;
}

/** Counts and shares per level, the not-rated breakdown, excellent per good and the quota verdict. */
export function tallyTable(title: string, tally: Tally, change: ShareChange | null): TallyTable {
  const withChange = change !== null;
  const rows: BlockCell[][] = [
    [text(title, { bold: true })],
    headerRow(['Mức xếp loại', 'Số lượng', 'Tỷ lệ', ...(withChange ? ['So với năm trước'] : [])]),
  ];
  const levelsAt = rows.length;
  for (const level of RATING_LEVELS) {
    rows.push([
      text(RATING_LABELS[level].label),
      count(tally.counts[level]),
      percent(tally.percent[level]),
      ...(withChange ? [text(formatChange(change[level]))] : []),
    ]);
  }
  rows.push([text('Cộng số được xếp loại', { bold: true }), count(tally.evaluated, { bold: true })]);
  for (const reason of NOT_RATED_REASONS) {
    rows.push([
      text(`Không xếp loại: ${REASON_LABELS[reason].label.toLowerCase()}`),
      count(tally.notRated[reason]),
    ]);
  }
  rows.push([text('Tổng số', { bold: true }), count(tally.total, { bold: true })]);
  rows.push([
    text('Tỷ lệ hoàn thành xuất sắc so với hoàn thành tốt nhiệm vụ'),
    text(''),
    percent(tally.excellentPerGood),
  ]);
  const quota = tally.quota;
  rows.push([
    text(`Định mức hoàn thành xuất sắc (${quotaRatioText(quota.ratio)} số ${QUOTA_BASE_WORDS[quota.base]})`),
    count(quota.maxExcellent),
    text(quota.ok ? 'Trong định mức' : `Vượt ${formatNumber(tally.counts.excellent - quota.maxExcellent)}`, {
      bold: !quota.ok,
      background: quota.ok ? COLOURS.ok : COLOURS.breach,
    }),
  ]);
  return { rows, levelsAt };
}
