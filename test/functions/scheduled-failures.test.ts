import { logger } from 'firebase-functions';
import { tallyRows, type UnitSummary } from '../../core';
import { consolidateOpenYears } from '../../functions/src/scheduled/consolidate-open-years';
import { call, tokenFor } from './api';
import { clearScope, closeFirestore, db, provision, type Scope } from './emulator-firestore';

jest.setTimeout(120_000);

const YEAR = 2064;
const UNITS = ['SCH01', 'SCH02', 'SCH03'];
const district = 'district@scheduled-failures.test';
const scope: Scope = { years: [YEAR], ids: [...UNITS, district] };

/** A stored summary with 1.500 groups of its own: each unit fits, their consolidation (4.500 groups) cannot. */
function manyGroups(code: string): UnitSummary {
  const tally = tallyRows([{ rating: 'good' }, { rating: 'excellent' }]);
  const groups = Object.fromEntries(
    Array.from({ length: 1500 }, (_, i) => [`${code} nhóm ${i} ${'x'.repeat(60)}`, tally]),
  );
  return {
    year: YEAR,
    unit: { code, name: `Đảng bộ ${code}` },
    members: tally,
    groups,
    cells: null,
    targets: [],
    errors: [],
    warnings: [],
  };
}

beforeAll(async () => {
  await clearScope(scope);
  await provision({
    units: UNITS.map((code) => ({ code, name: `Đảng bộ ${code}` })),
    users: [{ email: district, role: 'district' }],
    years: [YEAR],
  });
  for (const code of UNITS) {
    await db()
      .doc(`years/${YEAR}/reports/${code}`)
      .set({
        year: YEAR,
        unit: code,
        version: 1,
        hash: code,
        submittedAt: '',
        submittedBy: '',
        summary: manyGroups(code),
      });
  }
});
afterAll(async () => {
  await clearScope(scope);
  await closeFirestore();
});

it('answers a consolidation that cannot fit in a document with a 4xx, and writes nothing', async () => {
  const sent = await call('POST', `/v1/consolidate/${YEAR}`, { token: tokenFor(district) });
  expect({ status: sent.status, code: sent.body.error?.code }).toEqual({
    status: 422,
    code: 'CONSOLIDATION_TOO_LARGE',
  });
  expect((await db().doc(`years/${YEAR}/consolidated/current`).get()).exists).toBe(false);
});

it('the scheduled job logs a structured error for it and does not throw (no pointless retries)', async () => {
  const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  try {
    const outcome = await consolidateOpenYears(db(), () => new Date());
    const failed = outcome.failed.find((f) => f.year === YEAR);
    expect(failed).toEqual({ year: YEAR, code: 'CONSOLIDATION_TOO_LARGE', retryable: false });
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining(String(YEAR)),
      expect.objectContaining({ year: YEAR, code: 'CONSOLIDATION_TOO_LARGE', retryable: false }),
    );
  } finally {
    logged.mockRestore();
  }
  expect((await db().doc(`years/${YEAR}/consolidated/current`).get()).exists).toBe(false);
});
