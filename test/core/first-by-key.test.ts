import fc from 'fast-check';
import { FirstByKey } from '../../core/first-by-key';
import { foldedKeyHash, foldText } from '../../core';

/** What FirstByKey must answer, with a Map of the keys themselves. */
function firstRowsByMap(keys: string[]): number[] {
  const seen = new Map<string, number>();
  return keys.map((key, row) => {
    const first = seen.get(key);
    if (first !== undefined) return first;
    seen.set(key, row);
    return -1;
  });
}

function firstRowsByIndex(keys: string[], hash: (key: string) => number, expected: number): number[] {
  const index = new FirstByKey((a, b) => keys[a] === keys[b], expected);
  return keys.map((key, row) => index.firstOrAdd(hash(key), row));
}

const keyLists = fc.array(fc.string({ maxLength: 4 }), { maxLength: 300 });

describe('FirstByKey', () => {
  it('finds the first row of each key as a Map does, with good hashes and with colliding ones', () => {
    fc.assert(
      fc.property(keyLists, fc.nat({ max: 400 }), (keys, expected) => {
        const reference = firstRowsByMap(keys);
        expect(firstRowsByIndex(keys, (key) => foldedKeyHash(key, false), expected)).toEqual(reference);
        // Every key in one of four hashes: only the equality test tells keys apart.
        expect(firstRowsByIndex(keys, (key) => key.length & 3, expected)).toEqual(reference);
        expect(firstRowsByIndex(keys, () => -1, 0)).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('grows past the size it was given', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i % 3001}`);
    expect(firstRowsByIndex(keys, (key) => foldedKeyHash(key, false), 10)).toEqual(firstRowsByMap(keys));
  });

  it('keys spellings of one name together when the hash and the test fold alike', () => {
    const names = ['Nguyễn Văn An', 'Lê Bình', 'NGUYEN VAN AN', 'le  binh'];
    const index = new FirstByKey((a, b) => foldText(names[a]) === foldText(names[b]), names.length);
    expect(names.map((name, row) => index.firstOrAdd(foldedKeyHash(name, false), row))).toEqual([
      -1, -1, 0, 1,
    ]);
  });
});
