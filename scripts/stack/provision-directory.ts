// Writes units/, users/ and years/{year} into the local Firestore emulator (never a real project).
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { UnitDoc, UserDoc } from '../../functions/src/store/directory';
import { paths } from '../../functions/src/store/paths';

export const EMULATOR_PROJECT_ID = 'demo-xeploai';
export const EMULATOR_FIRESTORE_HOST = `127.0.0.1:${8080 + (Number(process.env.XEPLOAI_PORT_OFFSET ?? 0) || 0)}`;

export interface ProvisionSpec {
  units?: UnitDoc[];
  users?: ({ email: string } & UserDoc)[];
  years?: (number | { year: number; open: boolean })[];
}

/** The Admin SDK's Firestore of the local emulator (sets FIRESTORE_EMULATOR_HOST when unset). */
export function emulatorFirestore(): Firestore {
  process.env.FIRESTORE_EMULATOR_HOST ??= EMULATOR_FIRESTORE_HOST;
  process.env.METADATA_SERVER_DETECTION ??= 'none'; // offline: no Google metadata server to look for
  const app =
    getApps().find((a) => a.name === 'provision') ??
    initializeApp({ projectId: EMULATOR_PROJECT_ID }, 'provision');
  const db = getFirestore(app);
  if (!provisioned.has(db)) {
    db.settings({ ignoreUndefinedProperties: true });
    provisioned.add(db);
  }
  return db;
}
const provisioned = new WeakSet<Firestore>();

/** Creates or replaces the given units, users (emails lower-cased) and years; touches nothing else. */
export async function provision(spec: ProvisionSpec, db: Firestore = emulatorFirestore()): Promise<void> {
  const writer = db.bulkWriter();
  for (const unit of spec.units ?? [])
    writer.set(db.doc(paths.unit(unit.code)), { code: unit.code, name: unit.name, kind: unit.kind });
  for (const { email, role, units } of spec.users ?? []) {
    writer.set(db.doc(paths.user(email.trim().toLowerCase())), { role, units: units ?? [] });
  }
  for (const entry of spec.years ?? []) {
    const { year, open } = typeof entry === 'number' ? { year: entry, open: true } : entry;
    writer.set(db.doc(paths.year(year)), { open });
  }
  await writer.close();
}
