/**
 * Splits `total` into integers proportional to `weights`, none above its cap (largest remainder, ties to the
 * lower index). Throws when the caps cannot hold the total: the sample plan itself would be wrong.
 */
export function allocate(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const cap = (i: number) => (caps ? caps[i] : Number.POSITIVE_INFINITY);
  const capacity = weights.reduce((sum, w, i) => sum + (w > 0 ? cap(i) : 0), 0);
  if (!Number.isInteger(total) || total < 0 || capacity < total) {
    throw new Error(`allocate: ${total} does not fit (capacity ${capacity})`);
  }
  const ideal = new Array<number>(weights.length).fill(0);
  const fixed = new Set<number>();
  let remaining = total;
  for (;;) {
    const open = weights.map((w, i) => i).filter((i) => weights[i] > 0 && !fixed.has(i));
    const weightSum = open.reduce((sum, i) => sum + weights[i], 0);
    const over = open.filter((i) => (remaining * weights[i]) / weightSum > cap(i));
    if (over.length === 0) {
      for (const i of open) ideal[i] = (remaining * weights[i]) / weightSum;
      break;
    }
    for (const i of over) {
      ideal[i] = cap(i);
      fixed.add(i);
      remaining -= cap(i);
    }
  }
  const result = ideal.map((value) => Math.floor(value + 1e-9));
  let left = total - result.reduce((sum, n) => sum + n, 0);
  const order = ideal
    .map((value, i) => ({ i, rest: value - result[i] }))
    .filter(({ i }) => weights[i] > 0 && result[i] < cap(i))
    .sort((x, y) => y.rest - x.rest || x.i - y.i);
  for (const { i } of order) {
    if (left === 0) break;
    result[i]++;
    left--;
  }
  if (left !== 0) throw new Error(`allocate: ${left} left over`);
  return result;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, n) => total + n, 0);
}
