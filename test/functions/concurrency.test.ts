import { call, tokenFor } from './api';
import { clearScope, closeFirestore, db, provision } from './emulator-firestore';
import { buildReport } from './reports';
import { paths } from '../../functions/src/store/paths';
import { contentHash } from '../../functions/src/store/content-hash';

jest.setTimeout(120_000);

const YEAR = 2035;
const codes = Array.from({ length: 20 }, (_, i) => `CON${String(i + 1).padStart(2, '0')}`);
const emailOf = (code: string) => `${code.toLowerCase()}@concurrency.test`;

beforeAll(async () => {
  await clearScope({ years: [YEAR], ids: [...codes, ...codes.map(emailOf)] });
  await provision({
    units: codes.map((code) => ({ code, name: `Đảng bộ ${code}`, kind: 'Đảng bộ cơ sở' })),
    users: codes.map((code) => ({ email: emailOf(code), role: 'unit' as const, units: [code] })),
    years: [YEAR],
  });
});
afterAll(closeFirestore);

async function versionsOf(unit: string) {
  const snap = await db().collection(paths.versions(YEAR, unit)).get();
  return snap.docs.map((d) => d.data());
}

it('stores 20 concurrent submissions from 20 units, each as version 1', async () => {
  const responses = await Promise.all(
    codes.map((code, i) =>
      call('POST', '/v1/reports', {
        token: tokenFor(emailOf(code)),
        json: buildReport(YEAR, code, { members: 30, variant: i }),
      }),
    ),
  );
  expect(responses.map((r) => [r.status, r.body.version])).toEqual(codes.map(() => [201, 1]));
  for (const code of codes) {
    const versions = await versionsOf(code);
    expect(versions.map((v) => v.version)).toEqual([1]);
    const latest = (await db().doc(paths.latestReport(YEAR, code)).get()).data()!;
    expect(latest).toMatchObject({ version: 1, hash: versions[0].hash });
  }
});

it('stores 5 concurrent different submissions from one unit as versions 1..5, each exactly once', async () => {
  const unit = codes[0];
  const already = (await versionsOf(unit)).length;
  // Variants 1..5 differ from each other and from the unit's current content (variant 0).
  const reports = [1, 2, 3, 4, 5].map((n) => buildReport(YEAR, unit, { members: 30, variant: n }));
  const token = tokenFor(emailOf(unit));
  const responses = await Promise.all(reports.map((json) => call('POST', '/v1/reports', { token, json })));
  expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  const numbers = responses.map((r) => r.body.version).sort((a, b) => a - b);
  expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => n + already));

  const versions = await versionsOf(unit);
  expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual(
    [1, 2, 3, 4, 5, 6].slice(0, already + 5),
  );
  // Each sent report is stored exactly once, under the version its response named.
  const sent = reports.map((r) => contentHash(r));
  const stored = versions.filter((v) => v.version > already);
  expect(stored.map((v) => v.hash).sort()).toEqual([...sent].sort());
  for (const [i, response] of responses.entries()) {
    expect(stored.find((v) => v.version === response.body.version)!.hash).toBe(sent[i]);
  }
  const latest = (await db().doc(paths.latestReport(YEAR, unit)).get()).data()!;
  expect(latest.version).toBe(already + 5);
  expect(latest.hash).toBe(stored.find((v) => v.version === already + 5)!.hash);
});
