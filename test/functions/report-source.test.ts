import { call, tokenFor } from './api';
import { clearScope, closeFirestore, provision } from './emulator-firestore';
import { buildReport } from './reports';
import type { UnitReport } from '../../core';

jest.setTimeout(60_000);

// The server re-checks every report (design.md §1). A unit's member sheet is often "Sheet1" or "Trang tính1"
// (design.md §3): when the report says where its rows were read, the re-check's issues name that sheet and
// its columns, as the add-on and the CLI do. This file's own year, unit and account in the shared emulator.
const YEAR = 2048;
const A = 'NGUON01';
const unitA = 'nguon01@report-source.test';

beforeAll(async () => {
  await clearScope({ years: [YEAR], ids: [A, unitA] });
  await provision({
    units: [{ code: A, name: 'Chi bộ NGUON01', kind: 'Chi bộ cơ sở' }],
    users: [{ email: unitA, role: 'unit', units: [A] }],
    years: [YEAR],
  });
});
afterAll(closeFirestore);

const source = { sheet: 'Trang tính1', columns: { name: 'B', rating: 'E', reason: 'F', disciplined: 'G' } };

describe('a report that says where its rows were read', () => {
  it('is refused with issues naming its own sheet and columns', async () => {
    const report: UnitReport = {
      ...buildReport(YEAR, A, { members: 6 }),
      source,
    };
    report.members[1] = { ...report.members[1], rating: 'good', reason: undefined, disciplined: true };
    const response = await call('POST', '/v1/reports', { token: tokenFor(unitA), json: report });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('REPORT_INVALID');
    const issues = response.body.error.issues as { code: string; sheet: string }[];
    expect(issues[0]).toEqual(
      expect.objectContaining({
        code: 'E_DISCIPLINED_RATED_ABOVE',
        sheet: 'Trang tính1',
        row: report.members[1].row,
        column: 'E',
      }),
    );
    expect(issues.map((i) => i.sheet)).toEqual(issues.map(() => 'Trang tính1'));
  });

  it('names them in the stored warnings too, and a renamed sheet with the same rows is the same version', async () => {
    const report: UnitReport = { ...buildReport(YEAR, A, { members: 6 }), source };
    report.members[2] = { ...report.members[2], rating: undefined, reason: 'pending', note: undefined };
    const token = tokenFor(unitA);
    const created = await call('POST', '/v1/reports', { token, json: report });
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'W_PENDING_NO_NOTE', sheet: 'Trang tính1', column: 'F' }),
      ]),
    );
    const renamed = { ...report, source: { sheet: 'Đảng viên', columns: source.columns } };
    const again = await call('POST', '/v1/reports', { token, json: renamed });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(created.body.version);
  });

  it('refuses a column that is not a column letter, naming the field', async () => {
    const report = { ...buildReport(YEAR, A), source: { sheet: 'Sheet1', columns: { rating: 'e5' } } };
    const response = await call('POST', '/v1/reports', { token: tokenFor(unitA), json: report });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual([
      { path: 'source.columns.rating', message: 'Cột phải là chữ cái như “A” hay “AB”.' },
    ]);
  });
});
