import { RATING_LABELS, RATING_LEVELS, type Tally } from '../../../core';
import { count, headerRow, percent, text, type BlockCell } from './sheet-block';

/** One row a member group (cadres, youth-union members…): counts and shares per level. */
export function groupTable(title: string, groups: Record<string, Tally>): BlockCell[][] {
  const entries = Object.entries(groups);
  if (!entries.length) return [];
  return [
    [text(title, { bold: true })],
    headerRow([
      'Nhóm',
      'Tổng số',
      'Được xếp loại',
      ...RATING_LEVELS.flatMap((l) => [RATING_LABELS[l].abbreviation, 'Tỷ lệ']),
    ]),
    ...entries.map(([label, tally]) => [
      text(label),
      count(tally.total),
      count(tally.evaluated),
      ...RATING_LEVELS.flatMap((l) => [count(tally.counts[l]), percent(tally.percent[l])]),
    ]),
  ];
}
