import { call, tokenFor } from './api';
import { clearScope, closeFirestore, db, provision } from './emulator-firestore';
import { buildReport } from './reports';
import { paths } from '../../functions/src/store/paths';
import { checkUnitReport, summarizeUnit, type UnitSummary } from '../../core';

jest.setTimeout(60_000);

// This file's own year, units and accounts in the shared emulator.
const YEAR = 2031;
const A = 'SUB01';
const B = 'SUB02';
const unitA = 'sub01@submissions.test';
const unitB = 'sub02@submissions.test';
const district = 'district@submissions.test';

beforeAll(async () => {
  await clearScope({ years: [YEAR, YEAR - 1], ids: [A, B, unitA, unitB, district] });
  await provision({
    units: [
      { code: A, name: 'Đảng bộ SUB01', kind: 'Đảng bộ cơ sở' },
      { code: B, name: 'Chi bộ SUB02', kind: 'Chi bộ cơ sở' },
    ],
    users: [
      { email: unitA, role: 'unit', units: [A] },
      { email: unitB, role: 'unit', units: [B] },
      { email: district, role: 'district' },
    ],
    years: [YEAR],
  });
});
afterAll(closeFirestore);

const versionDoc = (unit: string, version: number) =>
  db()
    .doc(paths.version(YEAR, unit, version))
    .get();

describe('POST /v1/reports', () => {
  const first = buildReport(YEAR, A, { members: 15 });
  const changed = buildReport(YEAR, A, { members: 15, variant: 3 });

  it('stores version 1, answers 200 with version 1 for the same content, stores version 2 for a change and keeps 1', async () => {
    const token = tokenFor(unitA);
    const created = await call('POST', '/v1/reports', { token, json: first });
    expect(created.status).toBe(201);
    const expected = summarizeUnit(first, checkUnitReport(first));
    expect(created.body).toEqual({
      year: YEAR,
      unit: A,
      version: 1,
      members: expected.members,
      warnings: expected.warnings,
      issueCounts: { errors: 0, warnings: expected.warnings.length, byCode: expect.any(Object) },
      submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const again = await call('POST', '/v1/reports', { token, json: first });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);

    // Same content, keys in another order and explicit nulls: still the same report.
    const reordered = {
      members: first.members.map((m) => ({ ...Object.fromEntries(Object.entries(m).reverse()), note: null })),
      unit: first.unit,
      year: first.year,
    };
    const same = await call('POST', '/v1/reports', { token, json: reordered });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);

    const second = await call('POST', '/v1/reports', { token, json: changed });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);

    const [v1, v2, v3] = await Promise.all([versionDoc(A, 1), versionDoc(A, 2), versionDoc(A, 3)]);
    expect(v1.data()).toMatchObject({ version: 1, report: first, submittedBy: unitA });
    expect(v2.data()).toMatchObject({ version: 2, report: changed, submittedBy: unitA });
    expect(v1.data()!.hash).not.toBe(v2.data()!.hash);
    expect(v3.exists).toBe(false);

    // Sending the first content again makes it the latest again, as version 3.
    const back = await call('POST', '/v1/reports', { token, json: first });
    expect(back.status).toBe(201);
    expect(back.body.version).toBe(3);
    expect((await versionDoc(A, 3)).data()!.hash).toBe(v1.data()!.hash);
  });

  it('lets the district role submit for any unit and fills the unit name and kind from units/', async () => {
    const report = buildReport(YEAR, B, { members: 5, name: '', kind: undefined });
    delete report.unit.kind;
    report.unit.name = '';
    const response = await call('POST', '/v1/reports', { token: tokenFor(district), json: report });
    expect(response.status).toBe(201);
    const stored = (await versionDoc(B, 1)).data()!;
    expect(stored.report.unit).toEqual({ code: B, name: 'Chi bộ SUB02', kind: 'Chi bộ cơ sở' });
    expect(stored.submittedBy).toBe(district);
  });
});

/** The stored summary also counts its issues by code (it may list only the first ones). */
function withCounts(summary: UnitSummary) {
  const byCode: Record<string, number> = {};
  for (const found of [...summary.errors, ...summary.warnings])
    byCode[found.code] = (byCode[found.code] ?? 0) + 1;
  return {
    ...summary,
    issueCounts: { errors: summary.errors.length, warnings: summary.warnings.length, byCode },
  };
}

describe('GET /v1/reports/{year}/{unit}', () => {
  it('returns the latest submission with its summary to the unit and to the district role', async () => {
    const latest = (await db().doc(paths.latestReport(YEAR, A)).get()).data()!;
    for (const email of [unitA, district]) {
      const response = await call('GET', `/v1/reports/${YEAR}/${A}`, { token: tokenFor(email) });
      expect(response.status).toBe(200);
      const report = (await versionDoc(A, latest.version)).data()!.report;
      expect(response.body).toEqual({
        year: YEAR,
        unit: A,
        version: latest.version,
        submittedAt: latest.submittedAt,
        submittedBy: unitA,
        report,
        summary: withCounts(summarizeUnit(report, checkUnitReport(report))),
      });
    }
  });

  it('refuses another unit’s report (403) and answers 404 when nothing was submitted', async () => {
    const other = await call('GET', `/v1/reports/${YEAR}/${A}`, { token: tokenFor(unitB) });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    const none = await call('GET', `/v1/reports/${YEAR - 1}/${A}`, { token: tokenFor(unitA) });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('NOT_FOUND');
  });
});
