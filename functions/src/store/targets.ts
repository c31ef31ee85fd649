import type { Firestore } from 'firebase-admin/firestore';
import { paths } from './paths';

/** One assigned target (design.md §2.6): indicator `code` for `unit` in the year. */
export interface AssignedTargetRow {
  unit: string;
  code: string;
  name: string;
  target: number;
}

/** `years/{year}/targets/current`: every target the superior of the whole year assigned, by unit. */
export interface TargetsDoc {
  year: number;
  targets: AssignedTargetRow[];
  updatedAt: string;
  updatedBy: string;
}

/** The document that replaces the year's targets (units no longer listed lose theirs), sorted by unit. */
export function targetsDoc(
  year: number,
  rows: AssignedTargetRow[],
  stamp: { updatedAt: string; updatedBy: string },
): TargetsDoc {
  const targets = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.unit.localeCompare(b.row.unit) || a.index - b.index)
    .map(({ row }) => row);
  return { year, targets, ...stamp };
}

export async function writeTargets(db: Firestore, doc: TargetsDoc): Promise<void> {
  await db.doc(paths.targets(doc.year)).set(doc);
}

/** The year's assigned targets, by unit then in the order given; only these units' when `units` is set. */
export async function readTargets(
  db: Firestore,
  year: number,
  units?: string[],
): Promise<AssignedTargetRow[]> {
  const snap = await db.doc(paths.targets(year)).get();
  const all = snap.exists ? (snap.data() as TargetsDoc).targets : [];
  return units ? all.filter((row) => units.includes(row.unit)) : all;
}
