import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { call, tokenFor, type CallOptions } from './api';
import { clearScope, closeFirestore, provision, snapshotDocuments, type Scope } from './emulator-firestore';
import { buildReport } from './reports';

jest.setTimeout(60_000);

// This file's own years and units in the shared emulator: OPEN is open, CLOSED exists but is closed,
// NEVER is never created.
const OPEN = 2032;
const CLOSED = 2033;
const NEVER = 2034;
const A = 'REJ01';
const B = 'REJ02';
const UNLISTED = 'REJ99';
const unitA = 'rej01@rejections.test';
const unitB = 'rej02@rejections.test';
const district = 'district@rejections.test';
const stranger = 'stranger@rejections.test';

// Another actor may write the open year's consolidation at any moment (the scheduled consolidation that a
// parallel test file triggers); the closed year's is never touched by it, so rejected consolidations are
// checked there.
const scope: Scope = {
  years: [OPEN, CLOSED, NEVER],
  ids: [A, B, UNLISTED, unitA, unitB, district, stranger],
  ignore: (path) => path === `years/${OPEN}/consolidated/current`,
};

const forgedKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  format: 'jwk',
}) as JsonWebKey;

beforeAll(async () => {
  await clearScope(scope);
  await provision({
    units: [
      { code: A, name: 'Đảng bộ REJ01', kind: 'Đảng bộ cơ sở' },
      { code: B, name: 'Đảng bộ REJ02', kind: 'Đảng bộ cơ sở' },
    ],
    users: [
      { email: unitA, role: 'unit', units: [A] },
      { email: unitB, role: 'unit', units: [B] },
      { email: district, role: 'district' },
    ],
    years: [OPEN, { year: CLOSED, open: false }],
  });
  // Existing data a faulty request could damage.
  const stored = await call('POST', '/v1/reports', { token: tokenFor(unitA), json: buildReport(OPEN, A) });
  expect(stored.status).toBe(201);
  const targets = await call('PUT', `/v1/targets/${CLOSED}`, {
    token: tokenFor(district),
    json: [{ unit: A, code: 'KET_NAP_DANG_VIEN', target: 5 }],
  });
  expect(targets.status).toBe(200);
  expect((await call('POST', `/v1/consolidate/${CLOSED}`, { token: tokenFor(district) })).status).toBe(200);
  // The snapshot sees this file's documents, so a change to any of them would show.
  expect(Object.keys(await snapshotDocuments(scope)).sort()).toEqual([
    `units/${A}`,
    `units/${B}`,
    `users/${district}`,
    `users/${unitA}`,
    `users/${unitB}`,
    `years/${OPEN}`,
    `years/${OPEN}/reports/${A}`,
    `years/${OPEN}/reports/${A}/versions/1`,
    `years/${CLOSED}`,
    `years/${CLOSED}/consolidated/current`,
    `years/${CLOSED}/targets/current`,
  ]);
});
afterAll(closeFirestore);

/** Sends the request, checks the status and error code, the JSON error shape, and that nothing changed. */
async function expectRejected(
  method: string,
  path: string,
  options: CallOptions,
  status: number,
  code: string,
) {
  const before = await snapshotDocuments(scope);
  const response = await call(method, path, options);
  const after = await snapshotDocuments(scope);
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
  expect(response.contentType).toMatch(/^application\/json/);
  expect(typeof response.body.error.message).toBe('string');
  expect(response.text).not.toMatch(/\bat .+:\d+:\d+|Error:|<html/i);
  expect(after).toEqual(before);
  return response.body.error;
}

const valid = () => buildReport(OPEN, A, { variant: 5 });

describe('authentication (401) and authorization (403)', () => {
  it.each([
    ['no token', null],
    ['a malformed token', 'not-a-token'],
    ['a dev token signed by an unknown key', tokenFor(unitA, { privateJwk: forgedKey })],
    [
      'a dev token with an unknown key id and forged key',
      tokenFor(unitA, { privateJwk: forgedKey, keyId: 'other' }),
    ],
    ['an expired dev token', tokenFor(unitA, { expiresIn: -600 })],
    ['a dev token for another audience', tokenFor(unitA, { audience: 'someone-else' })],
    ['a dev token with an unverified email', tokenFor(unitA, { emailVerified: false })],
  ])('refuses a submission with %s (401)', async (_label, token) => {
    await expectRejected('POST', '/v1/reports', { token, json: valid() }, 401, 'UNAUTHENTICATED');
  });

  it('refuses an account without users/ document (403)', async () => {
    await expectRejected(
      'POST',
      '/v1/reports',
      { token: tokenFor(stranger), json: valid() },
      403,
      'FORBIDDEN',
    );
  });

  it('refuses a report for another unit (403)', async () => {
    await expectRejected('POST', '/v1/reports', { token: tokenFor(unitB), json: valid() }, 403, 'FORBIDDEN');
    await expectRejected('GET', `/v1/reports/${OPEN}/${A}`, { token: tokenFor(unitB) }, 403, 'FORBIDDEN');
  });

  it.each([
    ['PUT', `/v1/targets/${CLOSED}`, [{ unit: A, code: 'KET_NAP_DANG_VIEN', target: 9 }]],
    ['PUT', `/v1/organizations/${CLOSED}`, [{ code: A, name: 'Đảng bộ REJ01', rating: 'good' }]],
    ['POST', `/v1/consolidate/${CLOSED}`, undefined],
    ['GET', `/v1/consolidated/${CLOSED}`, undefined],
  ])('refuses the district-only route %s %s to a unit account (403)', async (method, path, json) => {
    const error = await expectRejected(method, path, { token: tokenFor(unitA), json }, 403, 'FORBIDDEN');
    // Said to a clerk: who may do it, in Vietnamese, not the role's code name.
    expect(error.message).toBe(
      'Chỉ tài khoản của văn phòng cấp trên toàn đảng bộ được thực hiện thao tác này.',
    );
  });
});

describe('bad requests (400)', () => {
  const token = tokenFor(unitA);

  it('answers malformed JSON with BAD_JSON, not an HTML page', async () => {
    await expectRejected('POST', '/v1/reports', { token, raw: '{"year": 2032, "unit": ' }, 400, 'BAD_JSON');
    await expectRejected(
      'POST',
      '/v1/reports',
      { token, raw: '{oops}', contentType: 'text/plain' },
      400,
      'BAD_JSON',
    );
    await expectRejected('POST', '/v1/reports', { token, raw: '' }, 400, 'BAD_JSON');
    await expectRejected(
      'PUT',
      `/v1/targets/${CLOSED}`,
      { token: tokenFor(district), raw: '[{,]' },
      400,
      'BAD_JSON',
    );
  });

  it('answers a body over 5 MB with BODY_TOO_LARGE', async () => {
    const report = valid();
    report.members[0].note = 'x'.repeat(6 * 1024 * 1024);
    await expectRejected('POST', '/v1/reports', { token, json: report }, 400, 'BODY_TOO_LARGE');
  });

  it.each([
    ['an unknown key', { ...valid(), extra: true }, ''],
    [
      'a rating label instead of its code',
      { ...valid(), members: [{ name: 'A', rating: 'Hoàn thành tốt nhiệm vụ' }] },
      'members.0.rating',
    ],
    ['a date in dd/mm/yyyy', { ...valid(), evaluationDate: '31/12/2032' }, 'evaluationDate'],
    [
      'an impossible date',
      { ...valid(), members: [{ name: 'A', rating: 'good', admittedOn: '2031-02-30' }] },
      'members.0.admittedOn',
    ],
    ['a year as text', { ...valid(), year: '2032' }, 'year'],
    ['members missing', { year: OPEN, unit: { code: A, name: 'x' } }, 'members'],
    ['an array body', [valid()], ''],
    ['a unit code with a slash', { ...valid(), unit: { code: 'REJ/01', name: 'x' } }, 'unit.code'],
  ])('answers %s with INVALID_BODY and where it is', async (_label, json, path) => {
    const error = await expectRejected(
      'POST',
      '/v1/reports',
      { token: tokenFor(district), json },
      400,
      'INVALID_BODY',
    );
    expect(error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('says in Vietnamese what is wrong with each field, with the value sent and what is accepted', async () => {
    const json = {
      ...valid(),
      year: 1999,
      extra: true,
      members: [
        { name: 'A', rating: 'HTTNV' },
        { name: 7, rating: 'good', score: 'tám mươi' },
        { rating: 'good', groups: ['x', ''] },
      ],
    };
    const error = await expectRejected(
      'POST',
      '/v1/reports',
      { token: tokenFor(district), json },
      400,
      'INVALID_BODY',
    );
    const byPath = Object.fromEntries(
      error.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    );
    expect(byPath).toEqual({
      '': 'Trường không có trong cấu trúc: “extra”.',
      year: 'Giá trị 1999 quá nhỏ: phải từ 2000 trở lên.',
      'members.0.rating':
        'Giá trị “HTTNV” không hợp lệ: cần một trong “excellent”, “good”, “complete”, “notComplete”.',
      'members.1.name': 'Cần chữ (chuỗi), nhận được số 7.',
      'members.1.score': 'Cần số, nhận được chữ (chuỗi) “tám mươi”.',
      'members.2.name': 'Thiếu giá trị (cần chữ (chuỗi)).',
      'members.2.groups.1': 'Không được để trống.',
    });
    // zod's own locale leaves type names in English and says only "invalid input" for an absentable value.
    expect(JSON.stringify(error.issues)).not.toMatch(/\b(string|object|number|int)\b|Đầu vào không hợp lệ$/);
  });

  it('refuses a report without any member (an emptied sheet would replace the unit’s figures)', async () => {
    const error = await expectRejected(
      'POST',
      '/v1/reports',
      { token: tokenFor(unitA), json: { ...valid(), members: [] } },
      400,
      'REPORT_INVALID',
    );
    expect(error.issues.map((i: { code: string }) => i.code)).toEqual(['E_NO_MEMBERS']);
  });

  it('refuses an unknown unit, an unknown year and a closed year', async () => {
    const admin = tokenFor(district);
    await expectRejected(
      'POST',
      '/v1/reports',
      { token: admin, json: buildReport(OPEN, UNLISTED) },
      400,
      'UNKNOWN_UNIT',
    );
    await expectRejected('POST', '/v1/reports', { token, json: buildReport(NEVER, A) }, 400, 'UNKNOWN_YEAR');
    await expectRejected('POST', '/v1/reports', { token, json: buildReport(CLOSED, A) }, 400, 'YEAR_CLOSED');
    const targets = [{ unit: UNLISTED, code: 'KET_NAP_DANG_VIEN', target: 1 }];
    await expectRejected(
      'PUT',
      `/v1/targets/${CLOSED}`,
      { token: admin, json: targets },
      400,
      'UNKNOWN_UNIT',
    );
    await expectRejected('PUT', `/v1/targets/${NEVER}`, { token: admin, json: [] }, 400, 'UNKNOWN_YEAR');
    const organizations = [{ code: UNLISTED, name: 'x', rating: 'good' }];
    await expectRejected(
      'PUT',
      `/v1/organizations/${CLOSED}`,
      { token: admin, json: organizations },
      400,
      'UNKNOWN_UNIT',
    );
    await expectRejected('POST', `/v1/consolidate/${NEVER}`, { token: admin }, 400, 'UNKNOWN_YEAR');
  });

  it('refuses a report with errors in its rows, naming each with core’s codes', async () => {
    const report = valid();
    report.members[0] = { name: 'Nguyễn Văn A', rating: 'good', disciplined: true };
    report.members[1] = { name: '', rating: 'good' };
    report.members[2] = { name: 'Trần Thị B' };
    report.members[3] = { name: 'Lê Văn C', rating: 'good', admittedOn: `${OPEN}-10-01` };
    report.members[4] = { name: 'Phạm D', card: report.members[5].card, rating: 'complete' };
    const error = await expectRejected('POST', '/v1/reports', { token, json: report }, 400, 'REPORT_INVALID');
    const codes = error.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'E_DISCIPLINED_RATED_ABOVE',
        'E_NAME_MISSING',
        'E_NO_RATING',
        'E_NEW_MEMBER_RATED',
        'E_DUPLICATE_CARD',
      ]),
    );
  });

  it('refuses duplicate targets and organizations', async () => {
    const admin = tokenFor(district);
    const twice = [
      { unit: A, code: 'KET_NAP_DANG_VIEN', target: 1 },
      { unit: A, code: 'ket nap dang vien', target: 2 },
    ];
    await expectRejected('PUT', `/v1/targets/${CLOSED}`, { token: admin, json: twice }, 400, 'INVALID_BODY');
    const organizations = [
      { code: A, name: 'x', rating: 'good' },
      { code: A, name: 'y', rating: 'excellent' },
    ];
    await expectRejected(
      'PUT',
      `/v1/organizations/${CLOSED}`,
      { token: admin, json: organizations },
      400,
      'INVALID_BODY',
    );
  });

  it('answers bad paths and methods with JSON errors', async () => {
    await expectRejected('GET', `/v1/reports/20x2/${A}`, { token }, 400, 'INVALID_PATH');
    await expectRejected('GET', '/v1/nowhere', { token }, 404, 'NOT_FOUND');
    await expectRejected('DELETE', '/v1/reports', { token }, 405, 'METHOD_NOT_ALLOWED');
  });
});
