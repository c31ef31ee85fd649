/**
 * count ÷ whole × 100, rounded half-up to 2 decimals with integer arithmetic: no binary-float artefacts
 * (1/8 → 12.5, 3/7 → 42.86). Null when whole is 0.
 */
export function percentOf(count: number, whole: number): number | null {
  if (!whole) return null;
  if (Number.isInteger(count) && Number.isInteger(whole)) {
    const negative = count < 0 !== whole < 0;
    const c = BigInt(Math.abs(count)) * 10000n;
    const w = BigInt(Math.abs(whole));
    const hundredths = (c * 2n + w) / (2n * w);
    const value = Number(hundredths) / 100;
    return negative ? -value : value;
  }
  return roundHalfUp((count / whole) * 100, 2);
}

/** Half-up rounding of a decimal number through its shortest decimal text, so 1.005 → 1.01. */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const negative = value < 0;
  const [digits, exponentText] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const [whole, fraction = ''] = digits.split('.');
  const mantissa = whole + fraction;
  const pointAt = 1 + exponent;
  const scaled = pointAt + decimals;
  let kept: bigint;
  if (scaled < 0) kept = 0n;
  else if (scaled === 0) kept = Number(mantissa[0]) >= 5 ? 1n : 0n;
  else {
    const intDigits = mantissa.padEnd(scaled, '0').slice(0, scaled);
    kept = BigInt(intDigits);
    const next = mantissa[scaled];
    if (next !== undefined && Number(next) >= 5) kept += 1n;
  }
  // Parsing the decimal text rounds once, correctly; dividing by 10 ** decimals can be off by one ulp.
  const result = Number(`${kept}e-${decimals}`);
  return negative && result !== 0 ? -result : result;
}

/** Difference of two 2-decimal shares in percentage points, exact to 2 decimals. */
export function pointsChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round(current * 100 - previous * 100) / 100;
}
