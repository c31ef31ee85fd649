// Writes units/, users/ and years/{year} into the local Firestore emulator, or into a real project's
// Firestore when its id is given explicitly.
import { applicationDefault, getApps, initializeApp } from 'firebase-admin/app';
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

/**
 * A real project's Firestore, with the Application Default Credentials. Refused for a `demo-*` id (no live
 * resources) and while FIRESTORE_EMULATOR_HOST is set (the writes would go to the emulator instead).
 */
export function projectFirestore(
  projectId: string,
): { ok: true; firestore: Firestore } | { ok: false; message: string } {
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(projectId) || projectId.startsWith('demo-'))
    return {
      ok: false,
      message: `“${projectId}” không phải mã một dự án Firebase thật (dự án demo-… chỉ có trên máy giả lập).`,
    };
  if (process.env.FIRESTORE_EMULATOR_HOST)
    return {
      ok: false,
      message: `FIRESTORE_EMULATOR_HOST đang đặt (${process.env.FIRESTORE_EMULATOR_HOST}): bỏ biến này trước khi ghi vào dự án ${projectId}.`,
    };
  const name = `provision-${projectId}`;
  const app =
    getApps().find((a) => a.name === name) ??
    initializeApp({ projectId, credential: applicationDefault() }, name);
  const db = getFirestore(app);
  db.settings({ ignoreUndefinedProperties: true });
  return { ok: true, firestore: db };
}

/** Creates or replaces the given units, users (emails lower-cased) and years; touches nothing else. */
export async function provision(spec: ProvisionSpec, db: Firestore = emulatorFirestore()): Promise<void> {
  const writer = db.bulkWriter();
  for (const unit of spec.units ?? [])
    writer.set(db.doc(paths.unit(unit.code)), {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
      ...(unit.group ? { group: unit.group } : {}),
    });
  for (const { email, role, units, orgs } of spec.users ?? []) {
    writer.set(db.doc(paths.user(email.trim().toLowerCase())), {
      role,
      units: units ?? [],
      ...(orgs ? { orgs } : {}),
    });
  }
  for (const entry of spec.years ?? []) {
    const { year, open } = typeof entry === 'number' ? { year: entry, open: true } : entry;
    writer.set(db.doc(paths.year(year)), { open });
  }
  await writer.close();
}
