import fc from 'fast-check';
import { achievement, percentOf, pointsChange, roundHalfUp } from '../../core';

/** count ÷ whole × 100 rounded half-up to 2 decimals, in BigInt, as decimal text ("14.25", "220.00"). */
function referencePercent(count: number, whole: number): string {
  const scaled = BigInt(count) * 10000n;
  const w = BigInt(whole);
  let hundredths = scaled / w;
  if ((scaled % w) * 2n >= w) hundredths += 1n;
  const text = hundredths.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

describe('percentOf', () => {
  test.each([
    [1, 8, 12.5],
    [1476, 10357, 14.25],
    [7935, 10357, 76.61],
    [818, 10357, 7.9],
    [128, 10357, 1.24],
    [1476, 7935, 18.6],
    [218, 205, 106.34],
    [11, 5, 220],
    [100, 96, 104.17],
    [406, 400, 101.5],
    [2, 1, 200],
    [17, 85, 20],
    [67, 85, 78.82],
    [1, 85, 1.18],
    [3, 7, 42.86],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 200, 0.5],
    [1, 20000, 0.01], // 0,005 rounds up
    [1, 20001, 0],
    [0, 5, 0],
  ])('%i / %i → %p', (count, whole, expected) => {
    expect(percentOf(count, whole)).toBe(expected);
    expect(referencePercent(count, whole)).toBe(expected.toFixed(2));
  });

  test('a whole of 0 gives null, not a division error', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(5, 0)).toBeNull();
  });

  test('equals the BigInt half-up reference for any counts', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        (count, whole) => {
          expect(percentOf(count, whole)).toBe(Number(referencePercent(count, whole)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('exact halves round up where binary floats would round down', () => {
    // 0,145 × 100 … cases: count/whole × 100 lands exactly on a half hundredth
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (h) => {
        // (2h + 1) / 20000 × 100 = h/100 + 0,005 exactly
        expect(percentOf(2 * h + 1, 20000)).toBe((h + 1) / 100);
      }),
    );
  });
});

describe('achievement of a target', () => {
  test.each([
    [218, 205, 106.34],
    [11, 5, 220],
    [100, 96, 104.17],
    [406, 400, 101.5],
    [5, 5, 100],
    [0, 3, 0],
  ])('%i of %i → %p%', (actual, target, expected) => {
    expect(achievement(actual, target)).toBe(expected);
  });

  test.each([
    [5, 0],
    [5, null],
    [null, 5],
  ])('actual %p of target %p → null', (actual, target) => {
    expect(achievement(actual, target)).toBeNull();
  });
});

describe('roundHalfUp', () => {
  test.each([
    [1.005, 2, 1.01],
    [1.004999, 2, 1],
    [2.675, 2, 2.68],
    [101.5, 0, 102],
    [-1.005, 2, -1.01],
    [0.0049, 2, 0],
    [1e21, 2, 1e21],
    [123.456, 1, 123.5],
  ])('roundHalfUp(%p, %i) = %p', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });
});

describe('change in percentage points', () => {
  test.each([
    [14.25, 13.84, 0.41],
    [7.9, 12.5, -4.6],
    [76.61, 72.89, 3.72],
    [0.3, 0.1, 0.2], // 0.3 − 0.1 is 0.19999999999999998 in binary floats
    [20, 20, 0],
  ])('%p − %p = %p', (current, previous, expected) => {
    expect(pointsChange(current, previous)).toBe(expected);
  });
  test('null when either share is missing', () => {
    expect(pointsChange(null, 3)).toBeNull();
    expect(pointsChange(3, null)).toBeNull();
  });
});
