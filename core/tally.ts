import { percentOf } from './percent';
import { quotaOf } from './quota';
import { DEFAULT_QUOTA } from './rules';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type NotRatedReason,
  type QuotaSettings,
  type RatingLevel,
  type Tally,
} from './types';

export interface TallyCounts {
  counts: Record<RatingLevel, number>;
  notRated: Record<NotRatedReason, number>;
}

export function emptyCounts(): TallyCounts {
  return {
    counts: { excellent: 0, good: 0, complete: 0, notComplete: 0 },
    notRated: { exempt: 0, suspended: 0, newMember: 0, pending: 0 },
  };
}

/** Counts of ratings and not-rated reasons; a row with neither counts nowhere (it is an error). */
export function countRows(
  rows: Iterable<{ rating?: RatingLevel | null; reason?: NotRatedReason | null }>,
): TallyCounts {
  const result = emptyCounts();
  for (const row of rows) {
    if (row.rating) result.counts[row.rating]++;
    else if (row.reason) result.notRated[row.reason]++;
  }
  return result;
}

export function tallyFromCounts(source: TallyCounts, quota: QuotaSettings = DEFAULT_QUOTA): Tally {
  const counts = { ...source.counts };
  const notRated = { ...source.notRated };
  const evaluated = RATING_LEVELS.reduce((sum, level) => sum + counts[level], 0);
  const total = evaluated + NOT_RATED_REASONS.reduce((sum, reason) => sum + notRated[reason], 0);
  const percent = Object.fromEntries(
    RATING_LEVELS.map((level) => [level, percentOf(counts[level], evaluated)]),
  ) as Record<RatingLevel, number | null>;
  return {
    total,
    evaluated,
    notRated,
    counts,
    percent,
    excellentPerGood: percentOf(counts.excellent, counts.good),
    quota: quotaOf(counts, quota),
  };
}

export function tallyRows(
  rows: Iterable<{ rating?: RatingLevel | null; reason?: NotRatedReason | null }>,
  quota: QuotaSettings = DEFAULT_QUOTA,
): Tally {
  return tallyFromCounts(countRows(rows), quota);
}

/** Sum of tallies: counts add up, shares and quota are recomputed from the sums. */
export function addTallies(tallies: Iterable<Tally>, quota: QuotaSettings = DEFAULT_QUOTA): Tally {
  const sum = emptyCounts();
  for (const tally of tallies) {
    for (const level of RATING_LEVELS) sum.counts[level] += tally.counts[level];
    for (const reason of NOT_RATED_REASONS) sum.notRated[reason] += tally.notRated[reason];
  }
  return tallyFromCounts(sum, quota);
}
