import { readFileSync } from 'node:fs';
import { call, tokenFor } from '../functions/api';
import { snapshotDocuments, type Scope } from '../functions/emulator-firestore';
import { useScope } from './scope';
import { buildReport } from '../functions/reports';
import { FULL, record, sized, tryAll } from './record';
import { DEFAULT_RATE_LIMIT } from '../../functions/src/http/rate-limit';

jest.setTimeout(240_000);

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

it('holds one account’s limit across instances: a flood spread over several instances lets at most the limit through, then 429 with Retry-After', async () => {
  // Requests at once: the functions emulator serves each concurrent one in a worker process of its own, as
  // Cloud Functions spreads them over instances, so a limit kept in one instance's memory would let them all in.
  const token = tokenFor(flooder);
  const sent = sized(160, 200);
  const answers: { status: number; retryAfter: string | null; code?: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: sized(4, 8) }, async () => {
      while (next < sent) {
        next++;
        const response = await fetch(`${process.env.XEPLOAI_API_URL}/v1/targets/${YEAR}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = await response.json();
        answers.push({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          code: body?.error?.code,
        });
      }
    }),
  );
  const through = answers.filter((a) => a.status === 200).length;
  const limited = answers.filter((a) => a.status === 429);
  const held =
    through <= DEFAULT_RATE_LIMIT.perMinute &&
    through + limited.length === sent &&
    limited.length > 0 &&
    limited.every((a) => a.code === 'RATE_LIMITED' && /^\d+$/.test(a.retryAfter ?? ''));
  record(
    'abuse',
    `one account sending ${sent} requests ${sized(4, 8)} at a time (over several function instances) → at most ${DEFAULT_RATE_LIMIT.perMinute} let through in the minute, the rest 429 with Retry-After`,
    1,
    held ? 1 : 0,
    `${through} let through`,
  );
  expect(through).toBeLessThanOrEqual(DEFAULT_RATE_LIMIT.perMinute);
  expect(through + limited.length).toBe(sent);
  expect(limited.length).toBeGreaterThan(0);
  for (const answer of limited) {
    expect(answer.code).toBe('RATE_LIMITED');
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  }
  // Another account is not limited by it.
  expect((await call('GET', `/v1/targets/${YEAR}`, { token: tokenFor(user) })).status).toBe(200);
  if (FULL) {
    // Waiting out the longest Retry-After (up to a minute) lets the account in again; the short run checks
    // this with a moved clock in test/functions/rate-limit.test.ts.
    const wait = Math.max(...limited.map((a) => Number(a.retryAfter)));
    await new Promise((done) => setTimeout(done, wait * 1000 + 500));
    const again = await call('GET', `/v1/targets/${YEAR}`, { token });
    record(
      'abuse',
      `the flooded account after the longest Retry-After (${wait} s) → 200 again`,
      1,
      again.status === 200 ? 1 : 0,
    );
    expect(again.status).toBe(200);
  }
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
