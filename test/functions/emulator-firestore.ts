import { deleteApp, getApps } from 'firebase-admin/app';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { emulatorFirestore, provision, type ProvisionSpec } from '../../scripts/stack/provision-directory';

export { provision, type ProvisionSpec };

export const db = (): Firestore => emulatorFirestore();

export async function closeFirestore(): Promise<void> {
  await Promise.all(getApps().map((app) => deleteApp(app)));
}

/** What a test file owns in the shared emulator: its years and the ids of its units and users. */
export interface Scope {
  years: number[];
  ids: string[];
  /** Paths a concurrent actor other than the request under test may write (e.g. the scheduled consolidation). */
  ignore?: (path: string) => boolean;
}

/**
 * Every document under this scope's years, units and users, by path. Other test files run in parallel
 * against the same emulator, so only what this file owns is compared.
 */
export async function snapshotDocuments(scope: Scope): Promise<Record<string, unknown>> {
  const firestore = db();
  const markers = new Set([...scope.years.map(String), ...scope.ids]);
  const found: Record<string, unknown> = {};
  const visit = async (collections: CollectionReference[]): Promise<void> => {
    for (const collection of collections) {
      const refs = await collection.listDocuments();
      const mine = refs.filter((ref) => ref.path.split('/').some((segment) => markers.has(segment)));
      if (mine.length === 0) continue;
      for (const snap of await firestore.getAll(...mine)) {
        if (snap.exists && !scope.ignore?.(snap.ref.path)) found[snap.ref.path] = snap.data();
      }
      for (const ref of mine) await visit(await ref.listCollections());
    }
  };
  await visit(await firestore.listCollections());
  return found;
}

/** Deletes this scope's years (with everything under them) and its units and users, so a rerun starts clean. */
export async function clearScope(scope: Pick<Scope, 'years' | 'ids'>): Promise<void> {
  const firestore = db();
  await Promise.all(scope.years.map((year) => firestore.recursiveDelete(firestore.doc(`years/${year}`))));
  const writer = firestore.bulkWriter();
  for (const id of scope.ids) {
    writer.delete(firestore.doc(`units/${id}`));
    writer.delete(firestore.doc(`users/${id}`));
  }
  await writer.close();
}
