import {
  formatNumber,
  formatPercent,
  percentOf,
  RATING_LABELS,
  RATING_LEVELS,
  type ScoreSummary,
  type Tally,
} from '../../core';
import { renderTable } from './table';

const BAND_WORDS = ['từ 90', '70 – dưới 90', '50 – dưới 70', 'dưới 50'];

/** Members' scores (QĐ 366): how many were scored, the average, and the count and share per band. */
export function renderScores(scores: ScoreSummary): string {
  const head = `Chấm điểm: ${formatNumber(scores.scored)} đảng viên có điểm, điểm trung bình ${formatNumber(scores.average, 2)}.`;
  if (!scores.bands) return head;
  const bands = scores.bands;
  const rows = RATING_LEVELS.map((level, i) => [
    `${BAND_WORDS[i]} điểm (tối đa ${RATING_LABELS[level].abbreviation})`,
    formatNumber(bands[level]),
    formatPercent(percentOf(bands[level], scores.scored)),
  ]);
  return `${head}\n${renderTable(['Mức điểm', 'Số lượng', 'Tỷ lệ'], rows)}`;
}

/** "Đảng viên dự bị: 12 (được xếp loại: 8)." — empty when the tally has none. */
export function renderProbationary(tally: Tally): string {
  const { total, evaluated } = tally.probationary ?? { total: 0, evaluated: 0 };
  if (!total) return '';
  return `Đảng viên dự bị: ${formatNumber(total)} (được xếp loại: ${formatNumber(evaluated)}).`;
}
