/**
 * For duplicate checks over up to millions of rows: for each row, the first row before it with the same key
 * (-1 when it is the first, or takes no part). Keys are given as 32-bit hashes (see `foldedKeyHash`) with an
 * equality test that only settles rows whose hashes are equal. The rows are sorted by hash (a stable radix
 * sort over flat integer arrays) and equal hashes read side by side: no key string is built per row, and
 * memory is read in order — a Map of key strings, or a hash table probed at random, spent most of the
 * check's time waiting for memory at a million rows.
 *
 * @param hashOf the row's key hash, or null when the row takes no part (no name, no card number).
 * @param sameKey whether two rows (by index) have the same key.
 */
export function firstRowsByKey(
  count: number,
  hashOf: (row: number) => number | null,
  sameKey: (earlier: number, later: number) => boolean,
): Int32Array {
  const first = new Int32Array(count).fill(-1);
  let keys = new Uint32Array(count);
  let rows = new Int32Array(count);
  let taking = 0;
  for (let row = 0; row < count; row++) {
    const hash = hashOf(row);
    if (hash === null) continue;
    keys[taking] = hash >>> 0;
    rows[taking] = row;
    taking++;
  }
  if (taking < 2) return first;
  keys = keys.subarray(0, taking);
  rows = rows.subarray(0, taking);
  let sortedKeys = new Uint32Array(taking);
  let sortedRows = new Int32Array(taking);
  const counts = new Int32Array(RADIX);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < taking; i++) counts[(keys[i] >>> shift) & RADIX_MASK]++;
    let position = 0;
    for (let digit = 0; digit < RADIX; digit++) {
      const inDigit = counts[digit];
      counts[digit] = position;
      position += inDigit;
    }
    for (let i = 0; i < taking; i++) {
      const to = counts[(keys[i] >>> shift) & RADIX_MASK]++;
      sortedKeys[to] = keys[i];
      sortedRows[to] = rows[i];
    }
    [keys, sortedKeys] = [sortedKeys, keys];
    [rows, sortedRows] = [sortedRows, rows];
  }
  // Rows of one hash are in row order (the sort is stable): each row's first is the earliest row of its
  // key; a run of one hash usually holds one key, so the list of keys met in it stays short.
  const keysMet: number[] = [];
  for (let start = 0; start < taking;) {
    let end = start + 1;
    while (end < taking && keys[end] === keys[start]) end++;
    if (end - start > 1) {
      keysMet.length = 0;
      for (let i = start; i < end; i++) {
        const row = rows[i];
        const earlier = keysMet.find((met) => sameKey(met, row));
        if (earlier === undefined) keysMet.push(row);
        else first[row] = earlier;
      }
    }
    start = end;
  }
  return first;
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;
