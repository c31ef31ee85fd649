/**
 * For duplicate checks over up to millions of rows: for each row, the first row before it with the same key
 * (-1 when it is the first, or takes no part). Keys are given as 32-bit hashes (see `foldedKeyHash`) with an
 * equality test that only settles rows whose hashes are equal. Most keys occur once: rows whose hash cannot
 * be shared with another row are set aside first (`mayRepeat`), the others are sorted by hash (a stable
 * radix sort over flat integer arrays) and equal hashes read side by side. No key string is built per row,
 * and memory is read in order or within a small table — a Map of key strings, or a hash table probed at
 * random, spent most of the check's time waiting for memory at a million rows.
 *
 * @param hashOf the row's key hash, or null when the row takes no part (no name, no card number).
 * @param sameKey whether two rows (by index) have the same key.
 */
export function firstRowsByKey(
  count: number,
  hashOf: (row: number) => number | null,
  sameKey: (earlier: number, later: number) => boolean,
): Int32Array {
  return firstRowsByKeys(
    count,
    (keys, rows) => {
      let taking = 0;
      for (let row = 0; row < count; row++) {
        const hash = hashOf(row);
        if (hash === null) continue;
        keys[taking] = hash >>> 0;
        rows[taking] = row;
        taking++;
      }
      return taking;
    },
    sameKey,
  );
}

/**
 * The same, the hashes given at once: `fill` writes, in row order, the hash (as unsigned) and the index of
 * each row that takes part, and returns how many (a table that has its hashes fills them in one loop,
 * without a call a row).
 */
export function firstRowsByKeys(
  count: number,
  fill: (keys: Uint32Array, rows: Int32Array) => number,
  sameKey: (earlier: number, later: number) => boolean,
): Int32Array {
  const first = new Int32Array(count).fill(-1);
  let keys: Uint32Array = new Uint32Array(count);
  let rows: Int32Array = new Int32Array(count);
  let taking = fill(keys, rows);
  taking = keepMayRepeat(keys, rows, taking);
  if (taking < 2) return first;
  keys = keys.subarray(0, taking);
  rows = rows.subarray(0, taking);
  [keys, rows] = sortByKey(keys, rows);
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

/**
 * Keeps, in order at the front of `keys` and `rows`, the rows whose hash may be another's: those whose
 * slot in a bit table about eight times the rows' number was met twice (a slot is some bits of the hash,
 * so equal hashes share one). Returns how many are kept: about one row in eight when all keys differ.
 */
function keepMayRepeat(keys: Uint32Array, rows: Int32Array, taking: number): number {
  const bits = Math.min(MAX_SLOT_BITS, Math.max(MIN_SLOT_BITS, Math.ceil(Math.log2(taking + 1)) + 3));
  const shift = 32 - bits;
  const once = new Int32Array(1 << (bits - 5));
  const twice = new Int32Array(1 << (bits - 5));
  for (let i = 0; i < taking; i++) {
    const slot = Math.imul(keys[i], SLOT_MULTIPLIER) >>> shift;
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    if (once[word] & bit) twice[word] |= bit;
    else once[word] |= bit;
  }
  let kept = 0;
  for (let i = 0; i < taking; i++) {
    const slot = Math.imul(keys[i], SLOT_MULTIPLIER) >>> shift;
    if (twice[slot >>> 5] & (1 << (slot & 31))) {
      keys[kept] = keys[i];
      rows[kept] = rows[i];
      kept++;
    }
  }
  return kept;
}

/** 2^32 ÷ the golden ratio: spreads every bit of the hash into the slot's top bits. */
const SLOT_MULTIPLIER = 0x9e3779b1 | 0;
const MIN_SLOT_BITS = 10;
/** 2^26 bits: two tables of 8 MB at most (past eight million rows the tables fill up, and more rows are kept). */
const MAX_SLOT_BITS = 26;

/** A stable radix sort of the rows by key, three passes of 11 bits; returns the sorted copies. */
function sortByKey(keys: Uint32Array, rows: Int32Array): [Uint32Array, Int32Array] {
  const taking = keys.length;
  let sortedKeys: Uint32Array = new Uint32Array(taking);
  let sortedRows: Int32Array = new Int32Array(taking);
  // The digits of every pass counted in one read of the keys.
  const counts = new Int32Array(RADIX * PASSES);
  for (let i = 0; i < taking; i++) {
    const key = keys[i];
    counts[key & RADIX_MASK]++;
    counts[RADIX + ((key >>> RADIX_BITS) & RADIX_MASK)]++;
    counts[2 * RADIX + (key >>> (2 * RADIX_BITS))]++;
  }
  for (let pass = 0; pass < PASSES; pass++) {
    const shift = pass * RADIX_BITS;
    const base = pass * RADIX;
    let position = 0;
    for (let digit = base; digit < base + RADIX; digit++) {
      const inDigit = counts[digit];
      counts[digit] = position;
      position += inDigit;
    }
    for (let i = 0; i < taking; i++) {
      const to = counts[base + ((keys[i] >>> shift) & RADIX_MASK)]++;
      sortedKeys[to] = keys[i];
      sortedRows[to] = rows[i];
    }
    [keys, sortedKeys] = [sortedKeys, keys];
    [rows, sortedRows] = [sortedRows, rows];
  }
  return [keys, rows];
}

const RADIX_BITS = 11;
const PASSES = 3;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;
