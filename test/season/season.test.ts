import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsolidation } from '../../cli/commands/consolidate';
import { generateSample } from '../../scripts/sample/generate';
import { runSeason } from '../../scripts/season/run-season';
import { emulatorFirestore } from '../../scripts/stack/provision-directory';

// A smaller season than `npm start` (same code path): three unit workbooks, one over its quota.
const UNITS = ['CB01', 'CB23', 'DB05'];
const apiUrl = process.env.XEPLOAI_API_URL!;
const scheduledUrl = process.env.XEPLOAI_SCHEDULED_URL!;

describe('a reporting season through the built add-on and the local functions', () => {
  const sample = mkdtempSync(join(tmpdir(), 'xeploai-season-'));
  const files = (year: number) => [
    ...UNITS.map((u) => join(sample, String(year), 'units', `${u}.xlsx`)),
    join(sample, String(year), 'district.xlsx'),
  ];

  beforeAll(async () => {
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:5001\//);
    await generateSample(sample, {});
    const db = emulatorFirestore();
    for (const year of [2022, 2023]) await db.recursiveDelete(db.doc(`years/${year}`));
  }, 60_000);
  afterAll(() => rmSync(sample, { recursive: true, force: true }));

  it('gives the district exactly the figures xeploai consolidate gives on the same files', async () => {
    const out = join(sample, 'bao-cao.xlsx');
    const season = await runSeason({ apiUrl, scheduledUrl, sample, year: 2023, units: UNITS, out });
    const cli = await buildConsolidation({ inputs: files(2023), previous: files(2022) });
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    expect(season.report.units.codes).toEqual(UNITS);
    for (const key of [
      'members',
      'organizations',
      'cells',
      'groups',
      'targets',
      'units',
      'change',
    ] as const) {
      expect({ [key]: season.report[key] }).toEqual({ [key]: cli.report[key] });
    }
    expect(season.report.byUnit.map((u) => [u.code, u.members.total])).toEqual(
      cli.report.byUnit.map((u) => [u.code, u.members.total]),
    );
    // 82 of the 85 organizations the district rated for 2023 have not reported in this smaller season.
    expect(season.report.missing).toHaveLength(82);
    expect(season.report.warnings.map((w) => [w.code, (w as { unit?: string }).unit ?? null])).toEqual(
      expect.arrayContaining([['W_QUOTA_EXCEEDED', 'CB23']]),
    );
  }, 120_000);
});
