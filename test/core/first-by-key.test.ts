import fc from 'fast-check';
import { firstRowsByKey } from '../../core/first-by-key';
import { foldedKeyHash, foldText } from '../../core';

/** What firstRowsByKey must answer, with a Map of the keys themselves; null keys take no part. */
function firstRowsByMap(keys: (string | null)[]): number[] {
  const seen = new Map<string, number>();
  return keys.map((key, row) => {
    if (key === null) return -1;
    const first = seen.get(key);
    if (first !== undefined) return first;
    seen.set(key, row);
    return -1;
  });
}

function firstRows(keys: (string | null)[], hash: (key: string) => number): number[] {
  const found = firstRowsByKey(
    keys.length,
    (row) => (keys[row] === null ? null : hash(keys[row]!)),
    (a, b) => keys[a] === keys[b],
  );
  return [...found];
}

const keyLists = fc.array(fc.option(fc.string({ maxLength: 3 }), { freq: 5 }), { maxLength: 400 });

describe('firstRowsByKey', () => {
  it('finds the first row of each key as a Map does, with good hashes and with colliding ones', () => {
    fc.assert(
      fc.property(keyLists, (keys) => {
        const reference = firstRowsByMap(keys);
        expect(firstRows(keys, (key) => foldedKeyHash(key, false))).toEqual(reference);
        // Keys in four hashes, then all in one: only the equality test tells them apart.
        expect(firstRows(keys, (key) => key.length & 3)).toEqual(reference);
        expect(firstRows(keys, () => -1)).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts on every bit of the hash', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i % 3001}`);
    // Hashes that differ only in their top bits, only in their bottom bits, and in the middle.
    for (const shift of [0, 11, 21, 22, 31]) {
      expect(firstRows(keys, (key) => Number(key.slice(1)) << shift)).toEqual(firstRowsByMap(keys));
    }
  });

  it('finds the repeats among many different keys, whose hashes mostly have a slot of their own', () => {
    // 200.000 keys, one in ten repeating an earlier one: the rows set aside as unique must be exactly the
    // keys met once, at sizes where the slot table is large.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const keys = Array.from({ length: 200_000 }, (_, i) =>
      i > 0 && random() < 0.1 ? `k${Math.floor(random() * i)}` : `k${i}`,
    );
    expect(firstRows(keys, (key) => foldedKeyHash(key, false))).toEqual(firstRowsByMap(keys));
  });

  it('keys spellings of one name together when the hash and the test fold alike', () => {
    const names = ['Nguyễn Văn An', 'Lê Bình', 'NGUYEN VAN AN', 'le  binh', 'Lê Bình'];
    const found = firstRowsByKey(
      names.length,
      (row) => foldedKeyHash(names[row], false),
      (a, b) => foldText(names[a]) === foldText(names[b]),
    );
    expect([...found]).toEqual([-1, -1, 0, 1, 1]);
  });
});
