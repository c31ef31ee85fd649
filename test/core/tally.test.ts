import fc from 'fast-check';
import {
  addTallies,
  consolidate,
  maxExcellent,
  NOT_RATED_REASONS,
  quotaOf,
  RATING_LEVELS,
  tallyFromCounts,
  tallyCells,
  tallyRows,
  type NotRatedReason,
  type QuotaBase,
  type RatingLevel,
  type Tally,
  type UnitSummary,
} from '../../core';

const ratingCounts = fc.record({
  excellent: fc.nat({ max: 5000 }),
  good: fc.nat({ max: 20000 }),
  complete: fc.nat({ max: 5000 }),
  notComplete: fc.nat({ max: 1000 }),
});
const reasonCounts = fc.record({
  exempt: fc.nat({ max: 500 }),
  suspended: fc.nat({ max: 50 }),
  newMember: fc.nat({ max: 200 }),
  pending: fc.nat({ max: 100 }),
});

function rowsOf(counts: Record<RatingLevel, number>, reasons: Record<NotRatedReason, number>) {
  const rows: { rating?: RatingLevel; reason?: NotRatedReason }[] = [];
  for (const level of RATING_LEVELS) for (let i = 0; i < counts[level]; i++) rows.push({ rating: level });
  for (const reason of NOT_RATED_REASONS) for (let i = 0; i < reasons[reason]; i++) rows.push({ reason });
  return rows;
}

describe('tallyRows', () => {
  test('counts each row once: a rating wins, rows with neither count nowhere', () => {
    const tally = tallyRows([
      { rating: 'excellent' },
      { rating: 'good' },
      { rating: 'good' },
      { rating: 'complete' },
      { reason: 'exempt' },
      { reason: 'pending' },
      { rating: 'good', reason: 'exempt' },
      {},
    ]);
    expect(tally).toEqual({
      total: 7,
      evaluated: 5,
      notRated: { exempt: 1, suspended: 0, newMember: 0, pending: 1 },
      counts: { excellent: 1, good: 3, complete: 1, notComplete: 0 },
      percent: { excellent: 20, good: 60, complete: 20, notComplete: 0 },
      excellentPerGood: 33.33,
      quota: { ratio: 0.2, base: 'good', maxExcellent: 0, ok: false },
      probationary: { total: 0, evaluated: 0 },
    });
  });

  test('probationary members are counted among total and, when rated, among evaluated', () => {
    const tally = tallyRows([
      { rating: 'good', probationary: true },
      { reason: 'newMember', probationary: true },
      { rating: 'complete' },
      { probationary: true }, // neither rating nor reason: an error row, counted nowhere
    ]);
    expect(tally.probationary).toEqual({ total: 2, evaluated: 1 });
    expect(tally.total).toBe(3);
  });

  test('cells founded less than 6 months ago count as not rated "newCell", members never carry the key', () => {
    const cells = tallyCells([{ rating: 'good' }, { reason: 'newCell' }, { reason: 'newCell' }]);
    expect(cells.notRated).toEqual({ exempt: 0, suspended: 0, newMember: 0, pending: 0, newCell: 2 });
    expect(cells.total).toBe(3);
    expect(cells.evaluated).toBe(1);
    expect(tallyCells([]).notRated.newCell).toBe(0);
    expect(tallyRows([{ rating: 'good' }]).notRated).not.toHaveProperty('newCell');
  });

  test('nobody evaluated: every share and the excellent-per-good figure are null', () => {
    const tally = tallyRows([{ reason: 'exempt' }]);
    expect(tally.percent).toEqual({ excellent: null, good: null, complete: null, notComplete: null });
    expect(tally.excellentPerGood).toBeNull();
    expect(tally.total).toBe(1);
    expect(tally.quota.ok).toBe(true);
  });

  test('for random multisets: total = evaluated + not rated; shares are 2-decimal and sum to 100 ± 0,02', () => {
    fc.assert(
      fc.property(ratingCounts, reasonCounts, (counts, reasons) => {
        const tally = tallyRows(rowsOf(counts, reasons));
        const evaluated = RATING_LEVELS.reduce((s, l) => s + counts[l], 0);
        expect(tally.counts).toEqual(counts);
        expect(tally.notRated).toEqual(reasons);
        expect(tally.evaluated).toBe(evaluated);
        expect(tally.total).toBe(evaluated + NOT_RATED_REASONS.reduce((s, r) => s + reasons[r], 0));
        if (evaluated === 0) return;
        let hundredths = 0;
        for (const level of RATING_LEVELS) {
          const share = tally.percent[level]!;
          expect(share).toBeGreaterThanOrEqual(0);
          expect(/^\d+(\.\d{1,2})?$/.test(String(share))).toBe(true);
          hundredths += Math.round(share * 100);
        }
        expect(Math.abs(hundredths - 10000)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});

describe('adding tallies', () => {
  const unitSummary = (code: string, members: Tally, groups: Record<string, Tally> = {}): UnitSummary => ({
    year: 2023,
    unit: { code, name: code },
    members,
    groups,
    cells: null,
    targets: [],
    errors: [],
    warnings: [],
  });

  test('counts are preserved through addTallies and consolidate; shares are recomputed from the sums', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ratingCounts, reasonCounts), { minLength: 1, maxLength: 12 }),
        (units) => {
          const tallies = units.map(([counts, notRated]) => tallyFromCounts({ counts, notRated }));
          const sum = (pick: (t: Tally) => number) => tallies.reduce((s, t) => s + pick(t), 0);
          const added = addTallies(tallies);
          const consolidated = consolidate(
            tallies.map((t, i) => unitSummary(`DV${i}`, t, { 'Đoàn viên thanh niên': t })),
            { year: 2023 },
          ).members;
          for (const total of [added, consolidated]) {
            for (const level of RATING_LEVELS) expect(total.counts[level]).toBe(sum((t) => t.counts[level]));
            for (const reason of NOT_RATED_REASONS)
              expect(total.notRated[reason]).toBe(sum((t) => t.notRated[reason]));
            expect(total.total).toBe(sum((t) => t.total));
            expect(total.evaluated).toBe(sum((t) => t.evaluated));
            expect(total).toEqual(tallyFromCounts({ counts: total.counts, notRated: total.notRated }));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('no tallies add up to an empty tally', () => {
    expect(addTallies([])).toEqual(tallyRows([]));
  });

  test('probationary counts and new cells add up; a tally stored before probationary existed counts none', () => {
    const a = tallyRows([
      { rating: 'good', probationary: true },
      { reason: 'newMember', probationary: true },
    ]);
    const b = tallyRows([{ rating: 'excellent', probationary: true }, { rating: 'good' }]);
    const { probationary: _dropped, ...stored } = tallyRows([{ rating: 'complete' }]);
    const added = addTallies([a, b, stored as Tally]);
    expect(added.probationary).toEqual({ total: 3, evaluated: 2 });
    expect(added.total).toBe(5);
    const cells = addTallies([tallyCells([{ reason: 'newCell' }]), tallyCells([{ rating: 'good' }])]);
    expect(cells.notRated.newCell).toBe(1);
    expect(cells.total).toBe(2);
  });
});

describe('quota: ⌊ratio × base⌋ computed exactly', () => {
  const counts = (excellent: number, good: number, complete = 0, notComplete = 0) => ({
    excellent,
    good,
    complete,
    notComplete,
  });

  test.each<[number, QuotaBase, ReturnType<typeof counts>, number]>([
    [0.2, 'good', counts(0, 31), 6],
    [0.2, 'good', counts(0, 30), 6],
    [0.2, 'good', counts(0, 29), 5],
    [0.2, 'good', counts(0, 4), 0],
    [0.2, 'good', counts(17, 67), 13],
    [0.3, 'all', counts(2, 5, 3), 3], // 0.3 × 10 = 3.0000000000000004
    [0.3, 'good', counts(0, 10), 3],
    [0.15, 'good', counts(0, 20), 3],
    [0.15, 'good', counts(0, 40), 6],
    [0.15, 'good', counts(0, 39), 5],
    [0.29, 'good', counts(0, 100), 29], // 0.29 × 100 = 28.999999999999996
    [0.57, 'good', counts(0, 100), 57], // 0.57 × 100 = 56.99999999999999
    [0.2, 'goodOrBetter', counts(7, 31), 7],
    [0.2, 'all', counts(7, 31, 10, 2), 10],
    [1, 'good', counts(0, 9), 9],
    [0, 'good', counts(0, 9), 0],
  ])('ratio %p of %s %p → at most %i', (ratio, base, c, expected) => {
    expect(maxExcellent(c, { ratio, base })).toBe(expected);
  });

  test('any ratio of whole hundredths matches the integer reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.nat({ max: 100000 }), (hundredths, good) => {
        const ratio = hundredths / 100;
        expect(maxExcellent(counts(0, good), { ratio, base: 'good' })).toBe(
          Number((BigInt(hundredths) * BigInt(good)) / 100n),
        );
      }),
      { numRuns: 2000 },
    );
  });

  test('31 good: 6 excellent is within the quota, 7 is not', () => {
    expect(quotaOf(counts(6, 31), { ratio: 0.2, base: 'good' })).toEqual({
      ratio: 0.2,
      base: 'good',
      maxExcellent: 6,
      ok: true,
    });
    expect(quotaOf(counts(7, 31), { ratio: 0.2, base: 'good' })).toEqual({
      ratio: 0.2,
      base: 'good',
      maxExcellent: 6,
      ok: false,
    });
  });

  test('the quota settings reach the tally and its warning', () => {
    const rows = [...Array(10).fill({ rating: 'good' }), ...Array(3).fill({ rating: 'excellent' })];
    expect(tallyRows(rows, { ratio: 0.3, base: 'good' }).quota).toEqual({
      ratio: 0.3,
      base: 'good',
      maxExcellent: 3,
      ok: true,
    });
    expect(tallyRows(rows, { ratio: 0.2, base: 'goodOrBetter' }).quota).toEqual({
      ratio: 0.2,
      base: 'goodOrBetter',
      maxExcellent: 2,
      ok: false,
    });
  });
});
