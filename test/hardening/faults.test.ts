import type { Firestore } from 'firebase-admin/firestore';
import { createTokenVerifier } from '../../functions/src/auth/verify-token';
import { DEV_AUDIENCE } from '../../functions/src/auth/dev-key';
import { dispatch } from '../../functions/src/http/router';
import { call, tokenFor } from '../functions/api';
import { db, snapshotDocuments, type Scope } from '../functions/emulator-firestore';
import { useScope } from './scope';
import { buildReport } from '../functions/reports';
import { sized, tryAll } from './record';

jest.setTimeout(300_000);

const YEAR = 2074;
const UNITS = ['FLT01', 'FLT02', 'FLT03', 'FLT04', 'FLT05'];
/** A unit of its own for the crashed-instance case (an old-style lock on it would stall the others). */
const CRASH_UNIT = 'FLT06';
const district = 'district@faults.test';
const unitUser = 'flt01@faults.test';
const scope: Scope = {
  years: [YEAR],
  ids: [...UNITS, CRASH_UNIT, district, unitUser],
  ignore: (path) => path === `years/${YEAR}/consolidated/current`,
};

useScope(scope, {
  units: [...UNITS, CRASH_UNIT].map((code) => ({ code, name: `Đảng bộ ${code}` })),
  users: [
    { email: district, role: 'district' },
    { email: unitUser, role: 'unit', units: [UNITS[0], CRASH_UNIT] },
  ],
  years: [YEAR],
});

const versionsOf = async (unit: string) =>
  (await db().collection(`years/${YEAR}/reports/${unit}/versions`).listDocuments()).length;

/** The real emulator Firestore, except that every write fails as a lost connection would (gRPC 14). */
function failingAtWrite(real: Firestore): Firestore {
  const lost = async () => {
    throw Object.assign(new Error('14 UNAVAILABLE: connection lost (injected)'), { code: 14 });
  };
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'runTransaction') return lost;
      if (key === 'batch') return () => Object.assign(target.batch(), { commit: lost });
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

it('a failure injected between validation and write answers 503 with Retry-After, writes nothing, and the retry stores once', async () => {
  const verifyToken = createTokenVerifier({ audiences: [DEV_AUDIENCE], allowDevTokens: true });
  const reports = Array.from({ length: sized(3, 10) }, (_, i) =>
    buildReport(YEAR, UNITS[0], { variant: 20 + i }),
  );
  await tryAll(
    'faults',
    'Firestore failing between validation and write → 503 + Retry-After, nothing written; the retry with the same Idempotency-Key stores one version',
    reports,
    async (report, i) => {
      const request = (database: Firestore) =>
        dispatch(
          {
            method: 'POST',
            path: '/v1/reports',
            headers: {
              authorization: `Bearer ${tokenFor(unitUser)}`,
              'idempotency-key': `fault-key-${i}-abcdef`,
            },
            rawBody: Buffer.from(JSON.stringify(report)),
          },
          { db: database, verifyToken, now: () => new Date() },
        );
      const before = await snapshotDocuments(scope);
      const failed = await request(failingAtWrite(db()));
      expect(failed.status).toBe(503);
      expect(failed.headers?.['Retry-After']).toMatch(/^\d+$/);
      expect(await snapshotDocuments(scope)).toEqual(before);
      const count = await versionsOf(UNITS[0]);
      expect((await request(db())).status).toBe(201);
      expect((await request(db())).status).toBe(200);
      expect(await versionsOf(UNITS[0])).toBe(count + 1);
    },
  );
});

/**
 * The real emulator Firestore, as used by an instance that dies just before its write reaches Firestore: a
 * transaction keeps what it read (and the locks it took) but never commits; a batch is never sent. Nothing
 * of it ever settles, as with a killed process.
 */
function crashingBeforeWrite(real: Firestore): Firestore {
  const never = () => new Promise<never>(() => undefined);
  return new Proxy(real, {
    get(target, key) {
      if (key === 'runTransaction')
        return (run: (tx: unknown) => Promise<unknown>, options?: { readOnly?: boolean }) =>
          options?.readOnly
            ? target.runTransaction(run as never, options)
            : target.runTransaction(async (tx) => (await run(tx), never()), options as never);
      if (key === 'batch') return () => Object.assign(target.batch(), { commit: never });
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

it('an instance that dies just before writing leaves no lock: the retry on another instance is answered at once and stores once', async () => {
  const verifyToken = createTokenVerifier({ audiences: [DEV_AUDIENCE], allowDevTokens: true });
  const context = (database: Firestore) => ({ db: database, verifyToken, now: () => new Date() });
  const request = (path: string, body?: unknown, key?: string) => ({
    method: 'POST',
    path,
    headers: {
      authorization: `Bearer ${tokenFor(path.startsWith('/v1/reports') ? unitUser : district)}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    rawBody: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
  });
  /** The answer, or 'no answer' when none came within 15 s (a lock left by the dead instance). */
  const within15s = async <T>(pending: Promise<T>) =>
    Promise.race([
      pending,
      new Promise<'no answer'>((done) => setTimeout(() => done('no answer'), 15_000).unref()),
    ]);
  const cases = [
    { path: '/v1/reports', body: buildReport(YEAR, CRASH_UNIT, { variant: 7 }), key: 'crash-before-write-1' },
    { path: `/v1/consolidate/${YEAR}` },
  ];
  await tryAll(
    'faults',
    'an instance dying just before its write (a submission, a consolidation) → the retry on another instance is answered at once (no lock left behind) and the submission stored once',
    cases,
    async ({ path, body, key }) => {
      const before = await versionsOf(CRASH_UNIT);
      // The dying instance's request never settles; it is left behind.
      void dispatch(request(path, body, key), context(crashingBeforeWrite(db())));
      await new Promise((done) => setTimeout(done, 1000));
      const retry = await within15s(dispatch(request(path, body, key), context(db())));
      expect(retry === 'no answer' ? retry : retry.status).toBe(body ? 201 : 200);
      if (body) expect(await versionsOf(CRASH_UNIT)).toBe(before + 1);
    },
  );
});

it('two clicks at once send once', async () => {
  const rounds = Array.from({ length: sized(2, 10) }, (_, i) => i);
  await tryAll(
    'faults',
    'the same report sent twice at the same moment (same key, and different keys) → one version',
    rounds,
    async (i) => {
      const report = buildReport(YEAR, UNITS[1], { variant: 40 + i });
      const count = await versionsOf(UNITS[1]);
      const key = i % 2 ? { 'idempotency-key': `double-click-${i}-xyz` } : undefined;
      const both = await Promise.all(
        [0, 1].map((n) =>
          call('POST', '/v1/reports', {
            token: tokenFor(district),
            json: report,
            headers: key ?? { 'idempotency-key': `double-click-${i}-${n}-xyz` },
          }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
      expect(both[0].body.version).toBe(both[1].body.version);
      expect(await versionsOf(UNITS[1])).toBe(count + 1);
    },
  );
});

it('a consolidation while units submit never mixes in a half-written report', async () => {
  // Version v of a unit has 10 + v members: a consolidation's figures name the version they come from.
  const rounds = sized(3, 8);
  const results: { byUnit: { code: string; members: { total: number } }[]; members: { total: number } }[] =
    [];
  const submitting = (async () => {
    for (let v = 1; v <= rounds; v++) {
      await Promise.all(
        UNITS.slice(2).map((code) =>
          call('POST', '/v1/reports', {
            token: tokenFor(district),
            json: buildReport(YEAR, code, { members: 10 + v, variant: v }),
          }),
        ),
      );
    }
  })();
  const consolidating = (async () => {
    for (let i = 0; i < rounds * 2; i++) {
      const done = await call('POST', `/v1/consolidate/${YEAR}`, { token: tokenFor(district) });
      expect(done.status).toBe(200);
      results.push(done.body);
    }
  })();
  await Promise.all([submitting, consolidating]);
  await tryAll(
    'faults',
    'consolidations run while 3 units submit new versions: every unit’s figures are one whole version and the totals add up',
    results,
    (result) => {
      const mine = result.byUnit.filter((u) => UNITS.includes(u.code));
      for (const unit of mine.filter((u) => UNITS.slice(2).includes(u.code))) {
        expect(unit.members.total).toBeGreaterThanOrEqual(11);
        expect(unit.members.total).toBeLessThanOrEqual(10 + rounds);
      }
      expect(result.members.total).toBe(result.byUnit.reduce((sum, u) => sum + u.members.total, 0));
    },
  );
});
