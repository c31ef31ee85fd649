import { checkUnitReport, type UnitReport } from '../../core';
import { call, tokenFor } from './api';
import {
  clearScope,
  closeFirestore,
  db,
  provision,
  snapshotDocuments,
  type Scope,
} from './emulator-firestore';
import { buildReport } from './reports';

jest.setTimeout(120_000);

// Firestore refuses a document over 1 MiB and more than 40.000 index entries in one; the emulator enforces
// neither, so these tests measure what was stored.
const MIB = 1024 * 1024;
const YEAR = 2061;
const BIG = 'LIM01';
const OTHER = 'LIM02';
const district = 'district@limits.test';
const unitUser = 'lim01@limits.test';
const scope: Scope = { years: [YEAR], ids: [BIG, OTHER, district, unitUser] };

beforeAll(async () => {
  await clearScope(scope);
  await provision({
    units: [
      { code: BIG, name: 'Đảng bộ LIM01', kind: 'Đảng bộ cơ sở' },
      { code: OTHER, name: 'Đảng bộ LIM02', kind: 'Đảng bộ cơ sở' },
    ],
    users: [
      { email: district, role: 'district' },
      { email: unitUser, role: 'unit', units: [BIG] },
    ],
    years: [YEAR],
  });
});
afterAll(async () => {
  await clearScope(scope);
  await closeFirestore();
});

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** 4.500 members sharing three names: a valid report with thousands of W_DUPLICATE_NAME. */
function sameNames(): UnitReport {
  const report = buildReport(YEAR, BIG, { members: 4500 });
  report.members.forEach((m, i) => {
    m.name = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'][i % 3];
    delete m.card;
  });
  return report;
}

describe('a unit with thousands of warnings', () => {
  it('is stored with counts by code and the first issues only, and consolidation still works', async () => {
    const report = sameNames();
    const duplicates = checkUnitReport(report).filter((i) => i.code === 'W_DUPLICATE_NAME').length;
    expect(duplicates).toBeGreaterThan(4000);
    const sent = await call('POST', '/v1/reports', { token: tokenFor(unitUser), json: report });
    expect(sent.status).toBe(201);
    expect(jsonBytes(sent.body)).toBeLessThan(100_000);

    const latest = (await db().doc(`years/${YEAR}/reports/${BIG}`).get()).data()!;
    expect(jsonBytes(latest)).toBeLessThan(100_000);
    expect(latest.summary.issueCounts.byCode.W_DUPLICATE_NAME).toBe(duplicates);
    expect(latest.summary.warnings.length).toBeLessThanOrEqual(20);

    const other = await call('POST', '/v1/reports', {
      token: tokenFor(district),
      json: buildReport(YEAR, OTHER, { members: 30 }),
    });
    expect(other.status).toBe(201);
    const consolidated = await call('POST', `/v1/consolidate/${YEAR}`, { token: tokenFor(district) });
    expect(consolidated.status).toBe(200);
    expect(consolidated.body.byUnit.find((u: { code: string }) => u.code === BIG).warnings).toBe(duplicates);
    expect(consolidated.body.issueCounts.byCode.W_DUPLICATE_NAME).toBe(duplicates);
    const stored = (await db().doc(`years/${YEAR}/consolidated/current`).get()).data()!;
    expect(jsonBytes(stored)).toBeLessThan(MIB / 2);
  });

  it('answers a report whose summary cannot fit in a document with a 4xx, storing nothing', async () => {
    // 2.000 members each in 25 groups of their own: a small body, but 50.000 group tallies to store.
    const report = buildReport(YEAR, OTHER, { members: 2000, variant: 3 });
    report.members.forEach((m, i) => (m.groups = Array.from({ length: 20 }, (_, g) => `N${i}-${g}`)));
    expect(jsonBytes(report)).toBeLessThan(900 * 1024);
    const before = await snapshotDocuments(scope);
    const sent = await call('POST', '/v1/reports', { token: tokenFor(district), json: report });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe('REPORT_TOO_LARGE');
    expect(await snapshotDocuments(scope)).toEqual(before);
  });
});

describe('REPORT_INVALID', () => {
  it('sends the first 500 issues and the counts, not every issue', async () => {
    const report = buildReport(YEAR, BIG, { members: 3000 });
    report.members.forEach((m) => {
      delete m.rating;
      delete m.reason;
    });
    const sent = await call('POST', '/v1/reports', { token: tokenFor(unitUser), json: report });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe('REPORT_INVALID');
    expect(sent.body.error.issues).toHaveLength(500);
    expect(sent.body.error.issueCounts.byCode.E_NO_RATING).toBe(3000);
    expect(sent.body.error.issueCounts.errors).toBe(3000);
    expect(sent.body.error.message).toContain('3.000 lỗi');
  });
});

describe('district lists that would not fit in one document', () => {
  it('refuses more targets for one unit than its document holds (400)', async () => {
    const targets = Array.from({ length: 1000 }, (_, i) => ({
      unit: BIG,
      code: `CT_${i}`,
      name: 'x'.repeat(290),
      target: i,
    }));
    const before = await snapshotDocuments(scope);
    const sent = await call('PUT', `/v1/targets/${YEAR}`, { token: tokenFor(district), json: targets });
    expect({ status: sent.status, code: sent.body.error?.code }).toEqual({
      status: 400,
      code: 'INVALID_BODY',
    });
    expect(await snapshotDocuments(scope)).toEqual(before);
  });

  it('refuses organizations whose document would pass 1 MiB (400)', async () => {
    await provision({
      units: Array.from({ length: 4000 }, (_, i) => ({ code: `LIMORG${i}`, name: 'x' })),
    });
    const organizations = Array.from({ length: 4000 }, (_, i) => ({
      code: `LIMORG${i}`,
      name: 'Đảng bộ '.repeat(36),
      kind: 'Đảng bộ cơ sở'.repeat(4),
      rating: 'good',
    }));
    const sent = await call('PUT', `/v1/organizations/${YEAR}`, {
      token: tokenFor(district),
      json: organizations,
    });
    expect({ status: sent.status, code: sent.body.error?.code }).toEqual({
      status: 400,
      code: 'DOCUMENT_TOO_LARGE',
    });
    expect((await db().doc(`years/${YEAR}/organizations/current`).get()).exists).toBe(false);
    const writer = db().bulkWriter();
    for (let i = 0; i < 4000; i++) writer.delete(db().doc(`units/LIMORG${i}`));
    await writer.close();
  });
});

describe('ids Firestore reserves', () => {
  it.each(['.', '..', '__x__', '__reports__'])('refuses the unit code “%s” with 400', async (code) => {
    const before = await snapshotDocuments(scope);
    const report = { ...buildReport(YEAR, BIG), unit: { code, name: 'x' } };
    const sent = await call('POST', '/v1/reports', { token: tokenFor(district), json: report });
    expect({ status: sent.status, code: sent.body.error?.code }).toEqual({
      status: 400,
      code: 'INVALID_BODY',
    });
    // “.” and “..” never reach the API in a path: URLs resolve them before sending.
    const read = await call('GET', `/v1/reports/${YEAR}/${encodeURIComponent(code)}`, {
      token: tokenFor(district),
    });
    if (code.length > 2) expect(read.body.error.code).toBe('INVALID_PATH');
    expect(await snapshotDocuments(scope)).toEqual(before);
  });

  it('refuses an account email containing “/” with 400, in JSON', async () => {
    const sent = await call('POST', '/v1/reports', {
      token: tokenFor('unit/../x@limits.test'),
      json: buildReport(YEAR, BIG),
    });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe('INVALID_ACCOUNT');
  });
});
