import type { Firestore } from 'firebase-admin/firestore';
import { buildOrgTree, type OrgTree } from '../../../core';
import { paths } from './paths';

/** `units/{code}`: an organization of the tree (design.md §2.8); a grassroots unit when nothing is below it. */
export interface UnitDoc {
  code: string;
  name: string;
  kind?: string;
  /** The organization directly above; none for the root. */
  parent?: string | null;
  /** `Khối`: the group of similar organizations the quota applies within. */
  group?: string;
}

/**
 * `users/{email}`: what a signed-in account may do. `unit`: act for its units; `superior`: read, assign targets
 * in and consolidate the subtrees of `orgs`; `district`: the superior of the root (kept for compatibility).
 */
export interface UserDoc {
  role: 'unit' | 'district' | 'superior';
  units?: string[];
  orgs?: string[];
}

/** `years/{year}`: an evaluation year; submissions are accepted while open. */
export interface YearDoc {
  open: boolean;
}

export async function readUnit(db: Firestore, code: string): Promise<UnitDoc | null> {
  const snap = await db.doc(paths.unit(code)).get();
  return snap.exists ? (snap.data() as UnitDoc) : null;
}

export async function readUser(db: Firestore, email: string): Promise<UserDoc | null> {
  const snap = await db.doc(paths.user(email)).get();
  return snap.exists ? (snap.data() as UserDoc) : null;
}

export async function readYear(db: Firestore, year: number): Promise<YearDoc | null> {
  const snap = await db.doc(paths.year(year)).get();
  return snap.exists ? (snap.data() as YearDoc) : null;
}

export async function openYears(db: Firestore): Promise<number[]> {
  const snap = await db.collection(paths.years()).where('open', '==', true).get();
  return snap.docs.map((d) => Number(d.id)).filter(Number.isInteger);
}

/** Which of these codes have no `units/{code}` document. */
export async function unknownUnits(db: Firestore, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const snaps = await db.getAll(...unique.map((code) => db.doc(paths.unit(code))));
  return snaps.filter((s) => !s.exists).map((s) => s.id);
}

/** The directory entries of these codes that exist. */
export async function readUnits(db: Firestore, codes: string[]): Promise<OrganizationEntry[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const snaps = await db.getAll(...unique.map((code) => db.doc(paths.unit(code))));
  return snaps.filter((s) => s.exists).map((s) => ({ ...(s.data() as UnitDoc), code: s.id }));
}

/** The organization tree from every `units/{code}` document's parent. */
export async function readOrganizationTree(db: Firestore): Promise<OrgTree> {
  const snap = await db.collection(paths.units()).get();
  const nodes = snap.docs.map((d) => {
    const unit = d.data() as UnitDoc;
    return {
      code: d.id,
      name: unit.name ?? d.id,
      kind: unit.kind,
      group: unit.group,
      parent: unit.parent ?? null,
    };
  });
  return buildOrgTree(nodes).tree;
}

/** An organization as the directory holds it, with its code. */
export type OrganizationEntry = UnitDoc & { code: string };

/** How far up the parent links a lineage is followed (the tree has 3–4 levels; this stops a bad loop). */
const MAX_DEPTH = 12;

/**
 * The organization and its ancestors, itself first, following `parent` in `units/{code}` (one read per level);
 * null when the organization is unknown.
 */
export async function readLineage(db: Firestore, code: string): Promise<OrganizationEntry[] | null> {
  const lineage: OrganizationEntry[] = [];
  for (let at: string | null = code; at && lineage.length < MAX_DEPTH;) {
    if (lineage.some((o) => o.code === at)) break;
    const unit = await readUnit(db, at);
    if (!unit) break;
    lineage.push({ ...unit, code: at });
    at = unit.parent ?? null;
  }
  return lineage.length ? lineage : null;
}
