import { checkUnitReport, consolidate, summarizeUnit, type UnitReport } from '../../core';
import { call, tokenFor } from '../functions/api';
import { db, type Scope } from '../functions/emulator-firestore';
import { useScope } from './scope';
import { buildReport } from '../functions/reports';
import { FULL, sized, tryAll } from './record';

jest.setTimeout(300_000);

const YEAR = 2075;
const UNITS = Array.from({ length: sized(12, 85) }, (_, i) => `LOAD${String(i + 1).padStart(2, '0')}`);
const VERSIONS = sized(2, 3);
/** Submissions not started by then are left out (the run is bounded, the machine shared). */
const SUBMIT_FOR_MS = sized(30_000, 60_000);
const district = 'district@load.test';
const emailOf = (code: string) => `${code.toLowerCase()}@load.test`;
const scope: Scope = { years: [YEAR], ids: [...UNITS, ...UNITS.map(emailOf), district] };

useScope(scope, {
  units: UNITS.map((code) => ({ code, name: `Đảng bộ ${code}`, kind: 'Đảng bộ cơ sở' })),
  users: [
    { email: district, role: 'district' },
    ...UNITS.map((code) => ({ email: emailOf(code), role: 'unit' as const, units: [code] })),
  ],
  years: [YEAR],
});

/** Runs the jobs `width` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], width: number, deadline: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length && Date.now() < deadline) {
        const job = jobs[next++];
        results.push(await job());
      }
    }),
  );
  return results;
}

it(`${UNITS.length} units × up to ${VERSIONS} versions for a bounded time while the district consolidates every 3 s: no 5xx, every version kept, final figures equal core's`, async () => {
  const last = new Map<string, UnitReport>();
  // Round by round: every unit's version v is queued before any unit's version v + 1.
  const jobs = Array.from({ length: VERSIONS }, (_, v) =>
    UNITS.map((code, u) => async () => {
      const report = buildReport(YEAR, code, { members: 20 + ((u * 7 + v * 3) % 40), variant: v + u });
      const sent = await call('POST', '/v1/reports', {
        token: tokenFor(emailOf(code)),
        json: report,
        headers: { 'idempotency-key': `load-${code}-${v}-key` },
      });
      return { code, report, status: sent.status, version: Number(sent.body?.version) };
    }),
  ).flat();
  const consolidations: number[] = [];
  let running = true;
  const consolidating = (async () => {
    while (running) {
      consolidations.push(
        (await call('POST', `/v1/consolidate/${YEAR}`, { token: tokenFor(district) })).status,
      );
      await new Promise((done) => setTimeout(done, 3000));
    }
  })();
  const started = Date.now();
  const results = await pool(jobs, FULL ? 8 : 4, started + SUBMIT_FOR_MS);
  running = false;
  await consolidating;
  const seconds = (Date.now() - started) / 1000;
  const latest = new Map<string, number>();
  for (const r of results) {
    if (r.status === 201 && r.version > (latest.get(r.code) ?? 0)) {
      latest.set(r.code, r.version);
      last.set(r.code, r.report);
    }
  }

  await tryAll(
    'load',
    `submissions (${UNITS.length} units × ${VERSIONS} versions, ${seconds.toFixed(0)} s) → 201, no 5xx`,
    results,
    (r) => expect(r.status).toBe(201),
    `${seconds.toFixed(1)} s`,
  );
  await tryAll('load', `consolidations every 3 s during the submissions → 200`, consolidations, (status) =>
    expect(status).toBe(200),
  );
  const sentBy = new Map<string, number>();
  for (const r of results) if (r.status === 201) sentBy.set(r.code, (sentBy.get(r.code) ?? 0) + 1);
  await tryAll(
    'load',
    'every version accounted for: each unit has exactly the versions 1…n it was answered',
    UNITS,
    async (code) => {
      const ids = (await db().collection(`years/${YEAR}/reports/${code}/versions`).listDocuments()).map((d) =>
        Number(d.id),
      );
      expect(ids.sort((a, b) => a - b)).toEqual(
        Array.from({ length: sentBy.get(code) ?? 0 }, (_, i) => i + 1),
      );
    },
  );
  const final = await call('POST', `/v1/consolidate/${YEAR}`, { token: tokenFor(district) });
  const summaries = UNITS.filter((code) => last.has(code))
    .map((code) => last.get(code)!)
    .map((r) => summarizeUnit(r, checkUnitReport(r)));
  const expected = JSON.parse(JSON.stringify(consolidate(summaries, { year: YEAR })));
  await tryAll(
    'load',
    'final consolidation equals core’s (the CLI’s) figures for each unit’s last version',
    [final.body],
    (body) => {
      expect(body.members).toEqual(expected.members);
      expect(body.byUnit).toEqual(expected.byUnit);
      expect(body.groups).toEqual(expected.groups);
      expect(body.units).toEqual(expected.units);
    },
  );
});
