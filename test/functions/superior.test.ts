/** design.md §4.2: a superior reads the reports of its subtrees and nothing outside (403). */
import { call, tokenFor } from './api';
import { clearScope, closeFirestore, provision } from './emulator-firestore';
import { buildReport } from './reports';

jest.setTimeout(60_000);

const YEAR = 2061;
// A province over two communes, each over one grassroots unit.
const tree = [
  { code: 'SUP_TINH', parent: null },
  { code: 'SUP_XA1', parent: 'SUP_TINH' },
  { code: 'SUP_XA2', parent: 'SUP_TINH' },
  { code: 'SUP_CB11', parent: 'SUP_XA1' },
  { code: 'SUP_CB21', parent: 'SUP_XA2' },
];
const district = 'district@superior.test';
const commune1 = 'xa1@superior.test';
const province = 'tinh@superior.test';
const nowhere = 'khong-co@superior.test';

beforeAll(async () => {
  await clearScope({
    years: [YEAR],
    ids: [...tree.map((t) => t.code), district, commune1, province, nowhere],
  });
  await provision({
    units: tree.map(({ code, parent }) => ({ code, name: `Tổ chức ${code}`, parent, group: 'Thôn' })),
    users: [
      { email: district, role: 'district' },
      { email: commune1, role: 'superior', orgs: ['SUP_XA1'] },
      { email: province, role: 'superior', orgs: ['SUP_TINH'] },
      { email: nowhere, role: 'superior', orgs: [] },
    ],
    years: [YEAR],
  });
  for (const code of ['SUP_CB11', 'SUP_CB21']) {
    const sent = await call('POST', '/v1/reports', {
      token: tokenFor(district),
      json: buildReport(YEAR, code, { members: 8 }),
    });
    expect(sent.status).toBe(201);
  }
});
afterAll(closeFirestore);

const read = (email: string, unit: string) =>
  call('GET', `/v1/reports/${YEAR}/${unit}`, { token: tokenFor(email) });

test('a commune’s superior reads its own units’ reports and gets 403 on another commune’s', async () => {
  expect((await read(commune1, 'SUP_CB11')).status).toBe(200);
  const other = await read(commune1, 'SUP_CB21');
  expect(other.status).toBe(403);
  expect(other.body.error).toEqual({
    code: 'FORBIDDEN',
    message: `Tài khoản ${commune1} không có quyền với đơn vị SUP_CB21.`,
  });
});

test('the province sees every report below it; a superior with no organizations sees none', async () => {
  expect((await read(province, 'SUP_CB11')).status).toBe(200);
  expect((await read(province, 'SUP_CB21')).status).toBe(200);
  expect((await read(nowhere, 'SUP_CB11')).status).toBe(403);
});
