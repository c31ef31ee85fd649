import { percentOf } from './percent';
import { quotaOf } from './quota';
import { DEFAULT_QUOTA } from './rules';
import {
  NOT_RATED_REASONS,
  RATING_LEVELS,
  type CellNotRatedReason,
  type NotRatedReason,
  type Probationary,
  type QuotaSettings,
  type RatingLevel,
  type Tally,
} from './types';

export interface TallyCounts {
  counts: Record<RatingLevel, number>;
  notRated: Tally['notRated'];
  /** Absent in counts made before probationary members were counted: none. */
  probationary?: Probationary;
}

/** A row as it is counted: a member, a cell or an organization. */
export interface CountedRow {
  rating?: RatingLevel | null;
  reason?: NotRatedReason | CellNotRatedReason | null;
  probationary?: boolean;
}

export function emptyCounts(): TallyCounts & { probationary: Probationary } {
  return {
    counts: { excellent: 0, good: 0, complete: 0, notComplete: 0 },
    notRated: { exempt: 0, suspended: 0, newMember: 0, pending: 0 },
    probationary: { total: 0, evaluated: 0 },
  };
}

/** Counts of ratings and not-rated reasons; a row with neither counts nowhere (it is an error). */
export function countRows(rows: Iterable<CountedRow>): TallyCounts {
  const result = emptyCounts();
  // Arrays by index: a for-of loop that runs once, over a million rows, made an object a row.
  if (Array.isArray(rows)) for (let i = 0; i < rows.length; i++) countRow(result, rows[i] as CountedRow);
  else for (const row of rows) countRow(result, row);
  return result;
}

function countRow(result: ReturnType<typeof emptyCounts>, row: CountedRow): void {
  if (row.rating) result.counts[row.rating]++;
  else if (row.reason === 'newCell') result.notRated.newCell = (result.notRated.newCell ?? 0) + 1;
  else if (row.reason) result.notRated[row.reason]++;
  else return;
  if (row.probationary) {
    result.probationary.total++;
    if (row.rating) result.probationary.evaluated++;
  }
}

/** Counts of subordinate cells: their tally always carries `notRated.newCell`. */
export function countCells(rows: Iterable<CountedRow>): TallyCounts {
  const result = countRows(rows);
  result.notRated.newCell ??= 0;
  return result;
}

export function tallyFromCounts(source: TallyCounts, quota: QuotaSettings = DEFAULT_QUOTA): Tally {
  const counts = { ...source.counts };
  const notRated = { ...source.notRated };
  const evaluated = RATING_LEVELS.reduce((sum, level) => sum + counts[level], 0);
  const total =
    evaluated +
    NOT_RATED_REASONS.reduce((sum, reason) => sum + notRated[reason], 0) +
    (notRated.newCell ?? 0);
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
    probationary: { ...(source.probationary ?? { total: 0, evaluated: 0 }) },
  };
}

export function tallyRows(rows: Iterable<CountedRow>, quota: QuotaSettings = DEFAULT_QUOTA): Tally {
  return tallyFromCounts(countRows(rows), quota);
}

export function tallyCells(rows: Iterable<CountedRow>, quota: QuotaSettings = DEFAULT_QUOTA): Tally {
  return tallyFromCounts(countCells(rows), quota);
}

/** Keys of a Tally computed from its counts; every other numeric field is a count that adds up. */
const DERIVED_TALLY_KEYS = new Set(['total', 'evaluated', 'percent', 'excellentPerGood', 'quota']);

/**
 * Sum of tallies: every count adds up, including fields added to Tally later (e.g. `probationary`);
 * shares and quota are recomputed from the sums.
 */
export function addTallies(tallies: Iterable<Tally>, quota: QuotaSettings = DEFAULT_QUOTA): Tally {
  const sum: Record<string, unknown> = { ...emptyCounts() };
  for (const tally of tallies) {
    for (const [key, value] of Object.entries(tally)) {
      if (!DERIVED_TALLY_KEYS.has(key)) sum[key] = addCounts(sum[key], value);
    }
  }
  const { counts, notRated, probationary, ...extra } = sum;
  return { ...tallyFromCounts({ counts, notRated, probationary } as TallyCounts, quota), ...extra };
}

/** Adds numbers, and records of numbers key by key; anything else keeps the first value seen. */
function addCounts(into: unknown, value: unknown): unknown {
  if (typeof value === 'number') return (typeof into === 'number' ? into : 0) + value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const result: Record<string, unknown> =
      into && typeof into === 'object' ? { ...(into as Record<string, unknown>) } : {};
    for (const [key, inner] of Object.entries(value)) result[key] = addCounts(result[key], inner);
    return result;
  }
  return into ?? value;
}
