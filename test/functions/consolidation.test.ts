import { call, runScheduledConsolidation, tokenFor } from './api';
import { clearScope, closeFirestore, provision } from './emulator-firestore';
import { buildReport } from './reports';
import {
  checkUnitReport,
  consolidate,
  summarizeUnit,
  type AssignedTarget,
  type Consolidation,
  type OrganizationRating,
  type UnitReport,
} from '../../core';

jest.setTimeout(60_000);

// No other suite uses 2055: the scheduled consolidation here must not find last year's figures.
const PREVIOUS = 2056;
const YEAR = 2057;
const codes = ['AGG01', 'AGG02', 'AGG03', 'AGG04'];
const SILENT = 'AGG05';
const district = 'district@consolidation.test';
const unitUser = 'agg01@consolidation.test';
const kindOf = (code: string) => (code === 'AGG03' ? 'Chi bộ cơ sở' : 'Đảng bộ cơ sở');

beforeAll(async () => {
  await clearScope({ years: [PREVIOUS, YEAR], ids: [...codes, SILENT, district, unitUser] });
  await provision({
    units: [...codes, SILENT].map((code) => ({ code, name: `Tổ chức ${code}`, kind: kindOf(code) })),
    users: [
      { email: district, role: 'district' },
      { email: unitUser, role: 'unit', units: ['AGG01'] },
    ],
    years: [PREVIOUS, YEAR],
  });
});
afterAll(closeFirestore);

const admin = () => tokenFor(district);

/** What core computes from the same reports and district data (as JSON, like the HTTP answer). */
function expected(
  year: number,
  reports: UnitReport[],
  organizations: OrganizationRating[],
  assignedTargets: AssignedTarget[],
  previous: Consolidation | null,
): Consolidation {
  const summaries = reports.map((r) => summarizeUnit(r, checkUnitReport(r)));
  const result = consolidate(summaries, { year, district: { organizations, assignedTargets }, previous });
  // The server also counts the issues by code (it may list only the first ones).
  const byCode: Record<string, number> = {};
  for (const found of [...result.errors, ...result.warnings])
    byCode[found.code] = (byCode[found.code] ?? 0) + 1;
  const issueCounts = { errors: result.errors.length, warnings: result.warnings.length, byCode };
  return JSON.parse(JSON.stringify({ ...result, issueCounts }));
}

async function submitAll(reports: UnitReport[]) {
  for (const json of reports) {
    const response = await call('POST', '/v1/reports', { token: admin(), json });
    expect(response.status).toBe(201);
  }
}

const withoutStamp = ({ missing: _missing, asOf: _asOf, ...rest }: Record<string, unknown>) => rest;

const targetsFor = (code: string, index: number) => [
  { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 4 + index, actual: 3 + 2 * index },
  {
    code: 'LOP_DAO_TAO_BOI_DUONG',
    name: 'Mở lớp đào tạo, bồi dưỡng',
    target: 2,
    actual: index === 1 ? 0 : 2,
  },
  { code: `RIENG_${code}`, name: 'Chỉ tiêu riêng', target: null, actual: 1 },
];

let previousResult: Consolidation;

it('consolidates the previous year exactly as core does, without change figures', async () => {
  const reports = codes
    .slice(0, 3)
    .map((code, i) => buildReport(PREVIOUS, code, { members: 20 + i, variant: i, kind: kindOf(code) }));
  await submitAll(reports);
  const organizations: OrganizationRating[] = codes.map((code, i) => ({
    code,
    name: `Tổ chức ${code}`,
    kind: kindOf(code),
    rating: (['good', 'excellent', 'good', 'complete'] as const)[i],
  }));
  expect(
    (await call('PUT', `/v1/organizations/${PREVIOUS}`, { token: admin(), json: organizations })).status,
  ).toBe(200);

  const response = await call('POST', `/v1/consolidate/${PREVIOUS}`, { token: admin() });
  expect(response.status).toBe(200);
  previousResult = expected(PREVIOUS, reports, organizations, [], null);
  expect(withoutStamp(response.body)).toEqual(previousResult);
  expect(response.body.change).toBeNull();
  // Expected are the organizations the district rated for the year: SILENT is known but was not rated then.
  expect(response.body.missing).toEqual(['AGG04']);
});

describe('the year after', () => {
  const reports = codes.map((code, i) =>
    buildReport(YEAR, code, {
      members: 25 + 3 * i,
      variant: 2 * i + 1,
      kind: kindOf(code),
      withCells: i !== 2,
      targets: targetsFor(code, i),
    }),
  );
  const organizations: OrganizationRating[] = [...codes, SILENT].map((code, i) => ({
    code,
    name: `Tổ chức ${code}`,
    kind: kindOf(code),
    rating: (['excellent', 'good', 'good', 'notComplete', null] as const)[i],
  }));
  const assigned = [
    { unit: 'AGG01', code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 6 },
    { unit: 'AGG02', code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 5 },
    { unit: 'AGG02', code: 'KET_NAP_HS_THPT', name: 'Kết nạp đảng viên là học sinh THPT', target: 1 },
  ];
  let first: Record<string, unknown>;

  it('gives core’s figures with the change from last year, the missing units and the assigned targets', async () => {
    await submitAll(reports);
    expect(
      (await call('PUT', `/v1/organizations/${YEAR}`, { token: admin(), json: organizations })).status,
    ).toBe(200);
    const put = await call('PUT', `/v1/targets/${YEAR}`, { token: admin(), json: assigned });
    expect(put.status).toBe(200);
    expect(put.body.targets).toEqual(assigned);

    const response = await call('POST', `/v1/consolidate/${YEAR}`, { token: admin() });
    expect(response.status).toBe(200);
    expect(withoutStamp(response.body)).toEqual(
      expected(YEAR, reports, organizations, assigned, previousResult),
    );
    expect(response.body.change).not.toBeNull();
    expect(response.body.missing).toContain(SILENT);
    expect(response.body.missing).not.toEqual(expect.arrayContaining(['AGG01']));
    expect(codes.filter((c) => response.body.missing.includes(c))).toEqual([]);
    expect(Date.parse(response.body.asOf)).not.toBeNaN();
    first = response.body;
  });

  it('serves the last consolidation, and consolidating unchanged data again changes nothing', async () => {
    const stored = await call('GET', `/v1/consolidated/${YEAR}`, { token: admin() });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(first);
    const again = await call('POST', `/v1/consolidate/${YEAR}`, { token: admin() });
    expect(again.body).toEqual(first);
  });

  it('lets a unit read its own targets and organization rating only', async () => {
    const token = tokenFor(unitUser);
    const targets = await call('GET', `/v1/targets/${YEAR}`, { token });
    expect(targets.body).toEqual({ year: YEAR, targets: assigned.filter((t) => t.unit === 'AGG01') });
    const ratings = await call('GET', `/v1/organizations/${YEAR}`, { token });
    expect(ratings.body.organizations).toEqual([organizations[0]]);
  });

  it('is redone by the scheduled consolidation after a unit submits a new version', async () => {
    const changed = buildReport(YEAR, 'AGG02', {
      members: 40,
      variant: 7,
      kind: kindOf('AGG02'),
      targets: targetsFor('AGG02', 1),
    });
    await submitAll([changed]);
    expect(await runScheduledConsolidation()).toBe(200);
    const updated = [reports[0], changed, reports[2], reports[3]];
    const want = expected(YEAR, updated, organizations, assigned, previousResult);
    let current = await call('GET', `/v1/consolidated/${YEAR}`, { token: admin() });
    for (let tries = 0; tries < 50 && current.body.asOf === first.asOf; tries++) {
      await new Promise((done) => setTimeout(done, 200));
      current = await call('GET', `/v1/consolidated/${YEAR}`, { token: admin() });
    }
    expect(withoutStamp(current.body)).toEqual(want);
    expect(current.body.asOf).not.toBe(first.asOf);
  });
});
