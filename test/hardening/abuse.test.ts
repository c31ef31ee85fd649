import { readFileSync } from 'node:fs';
import { call, tokenFor } from '../functions/api';
import { snapshotDocuments, type Scope } from '../functions/emulator-firestore';
import { useScope } from './scope';
import { buildReport } from '../functions/reports';
import { record, tryAll } from './record';

jest.setTimeout(120_000);

const YEAR = 2071;
const UNIT = 'ABU01';
const user = 'abu01@abuse.test';
const flooder = 'flood@abuse.test';
const scope: Scope = { years: [YEAR], ids: [UNIT, user, flooder] };
// A name that must never reach a log line: logs may name units and counts, not members.
const MARKER = 'Nguyễn Thị Dấuvết';

useScope(scope, {
  units: [{ code: UNIT, name: 'Đảng bộ ABU01' }],
  users: [
    { email: user, role: 'unit', units: [UNIT] },
    { email: flooder, role: 'unit', units: [UNIT] },
  ],
  years: [YEAR],
});

it('caps body sizes with a JSON 400 and writes nothing', async () => {
  const before = await snapshotDocuments(scope);
  const sizes = [6, 12, 40].map((mb) => mb * 1024 * 1024);
  await tryAll(
    'abuse',
    'bodies over the 5 MB cap (6, 12, 40 MB) → 400 BODY_TOO_LARGE',
    sizes,
    async (bytes) => {
      const report = buildReport(YEAR, UNIT);
      report.members[0].note = 'x'.repeat(bytes);
      const sent = await call('POST', '/v1/reports', { token: tokenFor(user), json: report });
      expect({ status: sent.status, code: sent.body?.error?.code }).toEqual({
        status: 400,
        code: 'BODY_TOO_LARGE',
      });
    },
  );
  expect(await snapshotDocuments(scope)).toEqual(before);
});

it('limits one account’s request rate with 429 and Retry-After, and lets it in again later', async () => {
  const token = tokenFor(flooder);
  const statuses: number[] = [];
  let retryAfter = '';
  for (let i = 0; i < 160 && !retryAfter; i++) {
    const response = await fetch(`${process.env.XEPLOAI_API_URL}/v1/targets/${YEAR}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    statuses.push(response.status);
    if (response.status === 429) {
      retryAfter = response.headers.get('retry-after') ?? 'missing';
      expect((await response.json()).error.code).toBe('RATE_LIMITED');
    } else await response.text();
  }
  const limited = statuses.filter((s) => s === 429).length;
  record(
    'abuse',
    `one account sending ${statuses.length} requests at once → 429 with Retry-After`,
    1,
    limited === 1 && /^\d+$/.test(retryAfter) ? 1 : 0,
  );
  expect(limited).toBe(1);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  // Another account is not limited by it.
  expect((await call('GET', `/v1/targets/${YEAR}`, { token: tokenFor(user) })).status).toBe(200);
  await new Promise((done) => setTimeout(done, Number(retryAfter) * 1000 + 100));
  expect((await call('GET', `/v1/targets/${YEAR}`, { token })).status).toBe(200);
});

it('logs no member data: only unit codes and counts', async () => {
  const report = buildReport(YEAR, UNIT, { members: 30 });
  report.members.forEach((m, i) => (m.name = `${MARKER} ${i}`));
  report.members[3].note = `Ghi chú riêng của ${MARKER}`;
  expect((await call('POST', '/v1/reports', { token: tokenFor(user), json: report })).status).toBe(201);
  const invalid = { ...report, members: report.members.map(({ rating: _r, reason: _s, ...m }) => m) };
  expect((await call('POST', '/v1/reports', { token: tokenFor(user), json: invalid })).status).toBe(400);
  await call('POST', '/v1/reports', { token: tokenFor(user), raw: `{"members":[{"name":"${MARKER}"` });
  const logFile = process.env.XEPLOAI_EMULATOR_LOG;
  const log = logFile ? readFileSync(logFile, 'utf8') : '';
  const clean = Boolean(log) && !log.includes('Dấuvết');
  record('abuse', 'member names and notes never appear in the functions’ log (3 requests)', 1, clean ? 1 : 0);
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain('Dấuvết');
});
