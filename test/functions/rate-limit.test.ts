import { createTokenVerifier } from '../../functions/src/auth/verify-token';
import { DEV_AUDIENCE } from '../../functions/src/auth/dev-key';
import { createSharedRateLimiter } from '../../functions/src/http/rate-limit-shared';
import type { ApiContext } from '../../functions/src/http/request';
import { dispatch } from '../../functions/src/http/router';
import { tokenFor } from './api';
import { clearScope, closeFirestore, db, provision, type Scope } from './emulator-firestore';

jest.setTimeout(60_000);

const YEAR = 2063;
const UNIT = 'RTL01';
const scope: Scope = { years: [YEAR], ids: [UNIT] };
const LIMIT = { burst: 5, perMinute: 5 };
// Each test run's own accounts: the counts of an earlier run stay in the emulator for a minute.
const run = Date.now().toString(36);
const accounts = ['a', 'b'].map((name) => `${name}-${run}@rate-limit.test`);

beforeAll(async () => {
  await clearScope(scope);
  await provision({
    units: [{ code: UNIT, name: 'Đảng bộ RTL01' }],
    users: accounts.map((email) => ({ email, role: 'unit' as const, units: [UNIT] })),
    years: [YEAR],
  });
});
afterAll(async () => {
  await clearScope({ years: [YEAR], ids: [UNIT, ...accounts] });
  await closeFirestore();
});

/** One function instance: its own memory, the shared Firestore, and a clock the test moves. */
function instance(clock: { at: number }): ApiContext {
  return {
    db: db(),
    verifyToken: createTokenVerifier({ audiences: [DEV_AUDIENCE], allowDevTokens: true }),
    now: () => new Date(clock.at),
    rateLimit: createSharedRateLimiter(LIMIT),
  };
}

const get = (context: ApiContext, email: string) =>
  dispatch(
    { method: 'GET', path: `/v1/targets/${YEAR}`, headers: { authorization: `Bearer ${tokenFor(email)}` } },
    context,
  );

it('holds one account’s limit across instances, names the wait, and lets it in again after it', async () => {
  // 3 s into a 10-second slot, so the wait below is computed from a known position.
  const clock = { at: Math.ceil(Date.now() / 10_000) * 10_000 + 3_000 };
  const instances = [instance(clock), instance(clock), instance(clock)];
  const statuses: number[] = [];
  for (let i = 0; i < 9; i++) statuses.push((await get(instances[i % 3], accounts[0])).status);
  // Each instance alone saw 3 requests, under its own limit of 5: only the shared count refuses.
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429]);

  const refused = await get(instances[1], accounts[0]);
  expect(refused.status).toBe(429);
  expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  // All ten requests fell in one slot: it leaves the sliding minute 60 s after the slot began.
  expect(refused.headers?.['Retry-After']).toBe('57');

  // Another account is not limited by it.
  expect((await get(instances[0], accounts[1])).status).toBe(200);

  clock.at += 56_000;
  expect((await get(instances[2], accounts[0])).status).toBe(429);
  clock.at += 1_000;
  expect((await get(instances[2], accounts[0])).status).toBe(200);
});
