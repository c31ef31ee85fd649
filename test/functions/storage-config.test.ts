import { readFileSync } from 'node:fs';
import { API_TIMEOUT_SECONDS, TRANSACTION_MAX_ATTEMPTS } from '../../functions/src/config';

// Firestore indexes every field of a map by default, at most 40.000 entries per document; the large maps
// the functions store are never queried, so they must be exempt (the emulator does not enforce the limit).
const LARGE_MAPS = [
  ['reports', 'summary'],
  ['versions', 'report'],
  ['consolidated', 'consolidation'],
  ['targets', 'targets'],
  ['organizations', 'organizations'],
];

it('exempts every large map from indexing', () => {
  const config = JSON.parse(readFileSync('firestore.indexes.json', 'utf8'));
  const exempt = config.fieldOverrides
    .filter((o: { indexes: unknown[] }) => o.indexes.length === 0)
    .map((o: { collectionGroup: string; fieldPath: string }) => [o.collectionGroup, o.fieldPath]);
  expect(exempt).toEqual(expect.arrayContaining(LARGE_MAPS));
});

it('gives up a contended transaction well inside the function timeout', () => {
  // The Admin SDK backs off 1 s, then ×1,5 per attempt (up to 60 s), with up to 50 % jitter; each attempt
  // may also wait up to ~2 s for a lock in the worst case we measured on the emulator.
  let waited = 0;
  for (let attempt = 1; attempt < TRANSACTION_MAX_ATTEMPTS; attempt++)
    waited += Math.min(1.5 ** (attempt - 1), 60) * 1.5 + 2;
  expect(waited).toBeLessThan(API_TIMEOUT_SECONDS / 2);
});
