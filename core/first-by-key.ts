/**
 * The first row seen with each key, for duplicate checks over hundreds of thousands of rows: keys are
 * given as 32-bit hashes (see `foldedKeyHash`) with an equality test that settles equal hashes, so no key
 * string is built per row and the table is two flat integer arrays (a Map of key strings was most of the
 * check's time at a million rows).
 */
export class FirstByKey {
  /** Row index + 1 per slot, 0 when free. */
  private rows: Int32Array;
  private hashes: Int32Array;
  private count = 0;

  /**
   * @param sameKey whether two rows (by index) have the same key; only asked when their hashes are equal.
   * @param expected how many rows will be added, to size the table once.
   */
  constructor(
    private readonly sameKey: (earlier: number, later: number) => boolean,
    expected = 0,
  ) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.rows = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }

  /** The first row added with the same key as `row`; when there is none, `row` is added and -1 returned. */
  firstOrAdd(hash: number, row: number): number {
    const mask = this.rows.length - 1;
    let slot = hash & mask;
    for (;;) {
      const held = this.rows[slot];
      if (held === 0) break;
      if (this.hashes[slot] === hash && this.sameKey(held - 1, row)) return held - 1;
      slot = (slot + 1) & mask;
    }
    this.rows[slot] = row + 1;
    this.hashes[slot] = hash;
    if (++this.count * 2 > this.rows.length) this.grow();
    return -1;
  }

  private grow(): void {
    const { rows, hashes } = this;
    this.rows = new Int32Array(rows.length * 2);
    this.hashes = new Int32Array(rows.length * 2);
    const mask = this.rows.length - 1;
    for (let old = 0; old < rows.length; old++) {
      if (rows[old] === 0) continue;
      let slot = hashes[old] & mask;
      while (this.rows[slot] !== 0) slot = (slot + 1) & mask;
      this.rows[slot] = rows[old];
      this.hashes[slot] = hashes[old];
    }
  }
}
