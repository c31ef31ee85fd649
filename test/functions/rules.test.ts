import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertFails,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  setDoc,
  setLogLevel,
  updateDoc,
} from 'firebase/firestore';
import { call, tokenFor } from './api';
import { clearScope, closeFirestore, provision } from './emulator-firestore';
import { buildReport } from './reports';

jest.setTimeout(60_000);

// Documents the functions wrote in this file's year; clients must not read or write them, signed in or not.
const YEAR = 2038;
const UNIT = 'RUL01';
const email = 'rul01@rules.test';
const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080').split(':');

let env: RulesTestEnvironment;
setLogLevel('silent'); // the denials below are expected; the web SDK would log each one

beforeAll(async () => {
  await clearScope({ years: [YEAR], ids: [UNIT, email] });
  await provision({
    units: [{ code: UNIT, name: 'Đảng bộ RUL01' }],
    users: [{ email, role: 'unit', units: [UNIT] }],
    years: [YEAR],
  });
  expect(
    (await call('POST', '/v1/reports', { token: tokenFor(email), json: buildReport(YEAR, UNIT) })).status,
  ).toBe(201);
  // Loads firestore.rules into the emulator for this project (the same rules firebase.json deploys).
  env = await initializeTestEnvironment({
    projectId: 'demo-xeploai',
    firestore: {
      host,
      port: Number(port),
      rules: readFileSync(join(__dirname, '../../firestore.rules'), 'utf8'),
    },
  });
});
afterAll(async () => {
  await env?.cleanup();
  await closeFirestore();
});

const existing = [
  `units/${UNIT}`,
  `users/${email}`,
  `years/${YEAR}`,
  `years/${YEAR}/reports/${UNIT}`,
  `years/${YEAR}/reports/${UNIT}/versions/1`,
];

it('reads the documents under test when rules are bypassed (they exist)', async () => {
  await env.withSecurityRulesDisabled(async (context) => {
    for (const path of existing) expect((await getDoc(doc(context.firestore(), path))).exists()).toBe(true);
  });
});

describe.each([
  ['an anonymous client', () => env.unauthenticatedContext()],
  ['a signed-in unit account', () => env.authenticatedContext('uid-rul01', { email, email_verified: true })],
])('%s', (_label, context) => {
  it('can read no document and list no collection', async () => {
    const db = context().firestore();
    for (const path of existing) await assertFails(getDoc(doc(db, path)));
    for (const path of [
      'units',
      'users',
      'years',
      `years/${YEAR}/reports`,
      `years/${YEAR}/reports/${UNIT}/versions`,
    ]) {
      await assertFails(getDocs(collection(db, path)));
    }
  });

  it('can create, change or delete nothing', async () => {
    const db = context().firestore();
    await assertFails(setDoc(doc(db, `years/${YEAR}/reports/${UNIT}/versions/2`), { version: 2 }));
    await assertFails(setDoc(doc(db, `users/${email}`), { role: 'district' }));
    await assertFails(updateDoc(doc(db, `years/${YEAR}`), { open: false }));
    await assertFails(deleteDoc(doc(db, `years/${YEAR}/reports/${UNIT}`)));
    await assertFails(setDoc(doc(db, 'anything/new'), { x: 1 }));
  });
});
