import { call, tokenFor } from './api';
import { clearScope, closeFirestore, db, provision } from './emulator-firestore';
import { buildReport } from './reports';
import { paths } from '../../functions/src/store/paths';

jest.setTimeout(60_000);

// design.md §2.5: QĐ 366 allows quarterly evaluation; a quarter's report is kept apart from the year's and
// never consolidated with it. This file's own year, unit and accounts in the shared emulator.
const YEAR = 2047;
const A = 'QUY01';
const unitA = 'quy01@quarters.test';
const district = 'district@quarters.test';

beforeAll(async () => {
  await clearScope({ years: [YEAR], ids: [A, unitA, district] });
  await provision({
    units: [{ code: A, name: 'Chi bộ QUY01', kind: 'Chi bộ cơ sở' }],
    users: [
      { email: unitA, role: 'unit', units: [A] },
      { email: district, role: 'district' },
    ],
    years: [YEAR],
  });
});
afterAll(closeFirestore);

describe('a quarter’s report (QĐ 366)', () => {
  const year = buildReport(YEAR, A, { members: 12 });
  const second = { ...buildReport(YEAR, A, { members: 30, variant: 2 }), quarter: 2 as const };

  it('is stored apart from the year’s, read back apart, and never consolidated with it', async () => {
    const token = tokenFor(unitA);
    const yearly = await call('POST', '/v1/reports', { token, json: year });
    expect(yearly.status).toBe(201);
    expect(yearly.body).not.toHaveProperty('quarter');

    const quarterly = await call('POST', '/v1/reports', { token, json: second });
    expect(quarterly.status).toBe(201);
    expect(quarterly.body).toMatchObject({ year: YEAR, quarter: 2, unit: A, version: 1 });
    // The same quarter's content again: the same version (idempotent), and the year's is untouched.
    const again = await call('POST', '/v1/reports', { token, json: second });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);

    const stored = await db()
      .doc(paths.latestReport(YEAR, A, 2))
      .get();
    expect(stored.ref.path).toBe(`years/${YEAR}/quarters/2/reports/${A}`);
    expect(stored.data()).toMatchObject({ quarter: 2, version: 1 });
    expect((await db().doc(paths.latestReport(YEAR, A)).get()).data()).toMatchObject({ version: 1 });

    const readYear = await call('GET', `/v1/reports/${YEAR}/${A}`, { token });
    expect(readYear.status).toBe(200);
    expect(readYear.body.report).toEqual(year);
    const readQuarter = await call('GET', `/v1/reports/${YEAR}/${A}/quarters/2`, { token });
    expect(readQuarter.status).toBe(200);
    expect(readQuarter.body).toMatchObject({ year: YEAR, quarter: 2, report: second });
    const none = await call('GET', `/v1/reports/${YEAR}/${A}/quarters/3`, { token });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe(`Đơn vị ${A} chưa nộp báo cáo quý 3 năm ${YEAR}.`);
    const bad = await call('GET', `/v1/reports/${YEAR}/${A}/quarters/5`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_PATH');

    const consolidated = await call('POST', `/v1/consolidate/${YEAR}`, { token: tokenFor(district) });
    expect(consolidated.status).toBe(200);
    expect(consolidated.body.units.codes).toEqual([A]);
    expect(consolidated.body.members.total).toBe(12);
  });

  it('refuses a quarter that is not 1–4, naming the field', async () => {
    const response = await call('POST', '/v1/reports', {
      token: tokenFor(unitA),
      json: { ...year, quarter: 5 },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_BODY');
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['quarter']);
  });
});
