import type { Firestore } from 'firebase-admin/firestore';
import { success, type Outcome } from '../http/failure';
import { consolidateOrganization } from './consolidate-level';
import type { LevelDoc } from './levels';
import { paths } from './paths';

/**
 * Brings every level of the year up to date, bottom-up: each top level (nothing above it has a level) is
 * consolidated, and that consolidates first every stale level below it. Current levels are only read.
 */
export async function refreshLevels(db: Firestore, year: number, now: () => Date): Promise<Outcome<number>> {
  const snap = await db.collection(paths.levels(year)).select('code', 'parent', 'name', 'kind').get();
  const levels = snap.docs.map((d) => d.data() as Pick<LevelDoc, 'code' | 'parent' | 'name' | 'kind'>);
  const known = new Set(levels.map((l) => l.code));
  const tops = levels.filter((l) => !l.parent || !known.has(l.parent));
  for (const top of tops) {
    const done = await consolidateOrganization(db, year, top, now);
    if (!done.ok) return done;
  }
  return success(levels.length);
}
