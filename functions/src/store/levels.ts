import { FieldValue, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import type { Consolidation, OrganizationRating } from '../../../core';
import type { OrganizationEntry } from './directory';
import { paths } from './paths';
import type { AssignedTargetRow } from './targets';

/** What an organization gives its own level: its list of the organizations directly below it (rating, `Khối`,
 * `Sáp nhập từ`) and the targets it assigned to them. */
export interface LevelLists {
  organizations?: OrganizationRating[];
  organizationsUpdatedAt?: string;
  targets?: AssignedTargetRow[];
  targetsUpdatedAt?: string;
  updatedBy?: string;
}

/**
 * `years/{year}/levels/{org}`: an organization with something below it or lists of its own. `changed` is bumped
 * (in the same transaction) whenever a report below it gets a new version or a level at or below it changes its
 * lists; the stored consolidation is current while its `basis` equals `changed`. One document, so that a level
 * above reads each child level once.
 */
export interface LevelDoc extends LevelLists {
  year: number;
  code: string;
  parent: string | null;
  name: string;
  kind?: string;
  changed: number;
  basis?: number;
  version?: number;
  hash?: string;
  asOf?: string;
  missing?: string[];
  /** The version of each direct input: a unit's report, a lower level's consolidation. */
  inputs?: Record<string, number>;
  consolidation?: Consolidation;
}

/** `…/levels/{org}/consolidations/{n}`: one consolidated content of the level, kept for ever. */
export type LevelVersionDoc = Required<
  Pick<
    LevelDoc,
    'year' | 'code' | 'parent' | 'name' | 'version' | 'hash' | 'asOf' | 'missing' | 'inputs' | 'consolidation'
  >
> & { kind?: string };

export const isCurrent = (level: LevelDoc): boolean =>
  level.consolidation !== undefined && level.basis === level.changed;

type SetMerge = (ref: DocumentReference, data: Record<string, unknown>) => void;

/**
 * Marks these organizations' consolidations stale (with `also` written into the first one's document);
 * `set` merges into a document within the enclosing transaction or batch.
 */
export function markChanged(
  db: Firestore,
  year: number,
  organizations: OrganizationEntry[],
  set: SetMerge,
  also: Record<string, unknown> = {},
): void {
  organizations.forEach((org, index) => {
    set(db.doc(paths.level(year, org.code)), {
      year,
      code: org.code,
      parent: org.parent ?? null,
      name: org.name ?? org.code,
      kind: org.kind,
      changed: FieldValue.increment(1),
      ...(index === 0 ? also : {}),
    });
  });
}

/**
 * Replaces one of the organization's lists and marks it and every level above it stale, in one batch. A new list
 * of organizations also marks the levels directly below stale: it gives each its `Khối` and `Sáp nhập từ`, which
 * their own consolidations use.
 */
export async function writeLevelList(
  db: Firestore,
  year: number,
  lineage: OrganizationEntry[],
  list: LevelLists,
): Promise<void> {
  const below = list.organizations
    ? await db.collection(paths.levels(year)).where('parent', '==', lineage[0].code).select().get()
    : null;
  const batch = db.batch();
  markChanged(db, year, lineage, (ref, data) => batch.set(ref, data, { merge: true }), { ...list });
  for (const level of below?.docs ?? []) batch.update(level.ref, { changed: FieldValue.increment(1) });
  await batch.commit();
}
