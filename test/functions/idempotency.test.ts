import { call, tokenFor } from './api';
import {
  clearScope,
  closeFirestore,
  db,
  snapshotDocuments,
  provision,
  type Scope,
} from './emulator-firestore';
import { buildReport } from './reports';

jest.setTimeout(60_000);

const YEAR = 2062;
const UNIT = 'IDEM01';
const user = 'idem01@idempotency.test';
const scope: Scope = { years: [YEAR], ids: [UNIT, user] };

beforeAll(async () => {
  await clearScope(scope);
  await provision({
    units: [{ code: UNIT, name: 'Đảng bộ IDEM01', kind: 'Đảng bộ cơ sở' }],
    users: [{ email: user, role: 'unit', units: [UNIT] }],
    years: [YEAR],
  });
});
afterAll(async () => {
  await clearScope(scope);
  await closeFirestore();
});

const submit = (json: unknown, key?: string) =>
  call('POST', '/v1/reports', {
    token: tokenFor(user),
    json,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });

it('a late retry of an older submission never makes its content the latest again', async () => {
  const first = buildReport(YEAR, UNIT, { variant: 1 });
  const second = buildReport(YEAR, UNIT, { variant: 2 });
  expect((await submit(first, 'key-first-0001')).body.version).toBe(1);
  expect((await submit(second, 'key-second-0002')).body.version).toBe(2);

  // The first request's retry arrives late (its answer was lost on the way back).
  const late = await submit(first, 'key-first-0001');
  expect({ status: late.status, version: late.body.version }).toEqual({ status: 200, version: 1 });

  const latest = await call('GET', `/v1/reports/${YEAR}/${UNIT}`, { token: tokenFor(user) });
  expect(latest.body.version).toBe(2);
  expect(latest.body.report.members).toEqual(second.members);
  const versions = await db().collection(`years/${YEAR}/reports/${UNIT}/versions`).listDocuments();
  expect(versions.map((v) => v.id).sort()).toEqual(['1', '2']);
  const stored = (await db().doc(`years/${YEAR}/reports/${UNIT}/versions/2`).get()).data()!;
  expect(stored.idempotencyKey).toBe('key-second-0002');
});

it('refuses a key reused for different content with 409, writing nothing', async () => {
  const before = await snapshotDocuments(scope);
  const reused = await submit(buildReport(YEAR, UNIT, { variant: 3 }), 'key-first-0001');
  expect({ status: reused.status, code: reused.body.error?.code }).toEqual({
    status: 409,
    code: 'IDEMPOTENCY_KEY_REUSED',
  });
  expect(await snapshotDocuments(scope)).toEqual(before);
});

it.each([
  ['too short', 'abc'],
  ['reserved', '__abcdefgh__'],
  ['with a slash', 'abcdefgh/ijk'],
  ['too long', 'k'.repeat(201)],
])('refuses a key that is %s with 400', async (_label, key) => {
  const before = await snapshotDocuments(scope);
  const sent = await submit(buildReport(YEAR, UNIT, { variant: 4 }), key);
  expect({ status: sent.status, code: sent.body.error?.code }).toEqual({
    status: 400,
    code: 'INVALID_IDEMPOTENCY_KEY',
  });
  expect(await snapshotDocuments(scope)).toEqual(before);
});

it('without a key, the same content twice still makes one version', async () => {
  const third = buildReport(YEAR, UNIT, { variant: 5 });
  expect((await submit(third)).status).toBe(201);
  const again = await submit(third);
  expect({ status: again.status, version: again.body.version }).toEqual({ status: 200, version: 3 });
});
