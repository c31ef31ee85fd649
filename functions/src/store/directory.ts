import type { Firestore } from 'firebase-admin/firestore';
import { paths } from './paths';

/** `units/{code}`: a grassroots organization that may submit. */
export interface UnitDoc {
  code: string;
  name: string;
  kind?: string;
}

/** `users/{email}`: what a signed-in account may do. */
export interface UserDoc {
  role: 'unit' | 'district';
  units?: string[];
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
