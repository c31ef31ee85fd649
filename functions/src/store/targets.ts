import { TRANSACTION_MAX_ATTEMPTS } from '../config';
import type { Firestore } from 'firebase-admin/firestore';
import { paths } from './paths';

/** One assigned target (design.md §2.6): indicator `code` for `unit` in the year. */
export interface AssignedTargetRow {
  unit: string;
  code: string;
  name: string;
  target: number;
}

/** `years/{year}/targets/{unit}`: every target the superior level assigned to one unit. */
export interface UnitTargetsDoc {
  year: number;
  unit: string;
  targets: { code: string; name: string; target: number }[];
  updatedAt: string;
  updatedBy: string;
}

/** Replaces the year's targets with these rows in one transaction (units no longer listed lose theirs). */
export async function replaceTargets(
  db: Firestore,
  year: number,
  rows: AssignedTargetRow[],
  stamp: { updatedAt: string; updatedBy: string },
): Promise<void> {
  const byUnit = new Map<string, UnitTargetsDoc>();
  for (const row of rows) {
    const doc = byUnit.get(row.unit) ?? { year, unit: row.unit, targets: [], ...stamp };
    doc.targets.push({ code: row.code, name: row.name, target: row.target });
    byUnit.set(row.unit, doc);
  }
  const collection = db.collection(paths.targets(year));
  await db.runTransaction(
    async (tx) => {
      const existing = await tx.get(collection);
      for (const doc of existing.docs) if (!byUnit.has(doc.id)) tx.delete(doc.ref);
      for (const [unit, doc] of byUnit) tx.set(collection.doc(unit), doc);
    },
    { maxAttempts: TRANSACTION_MAX_ATTEMPTS },
  );
}

/** The year's assigned targets, by unit then in the order given; only these units' when `units` is set. */
export async function readTargets(
  db: Firestore,
  year: number,
  units?: string[],
): Promise<AssignedTargetRow[]> {
  const collection = db.collection(paths.targets(year));
  const snaps = units
    ? units.length
      ? (await db.getAll(...units.map((u) => collection.doc(u)))).filter((s) => s.exists)
      : []
    : (await collection.get()).docs;
  return targetRows(snaps.map((s) => s.data() as UnitTargetsDoc));
}

export function targetRows(docs: UnitTargetsDoc[]): AssignedTargetRow[] {
  return [...docs]
    .sort((a, b) => a.unit.localeCompare(b.unit))
    .flatMap((doc) =>
      doc.targets.map((t) => ({ unit: doc.unit, code: t.code, name: t.name, target: t.target })),
    );
}
