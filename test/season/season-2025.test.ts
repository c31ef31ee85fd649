import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consolidation } from '../../core';
import { generateSample } from '../../scripts/sample/generate';
import { cliConsolidation, rollUpDifferences } from '../../scripts/season/roll-up-files';
import { runTreeSeason, type TreeSeasonResult } from '../../scripts/season/run-tree-season';
import { emulatorFirestore } from '../../scripts/stack/provision-directory';

// The 2025 season as `npm start -- --year 2025` runs it: one commune's units send through the built add-on to
// the local functions (one, to keep the time modest); every commune consolidates its units' files and the
// province rolls up the communes' consolidations.
const apiUrl = process.env.XEPLOAI_API_URL!;
const scheduledUrl = process.env.XEPLOAI_SCHEDULED_URL!;
const COMMUNE = 'X-QUANGBI';
const KEYS = ['members', 'organizations', 'cells', 'groups', 'targets', 'change', 'development'] as const;

/** The keys compared; units and byUnit in code order (the order units come in is not a figure). */
function figures(report: Consolidation) {
  const picked: Record<string, unknown> = Object.fromEntries(KEYS.map((key) => [key, report[key]]));
  picked.units = { ...report.units, codes: [...report.units.codes].sort() };
  picked.byUnit = [...report.byUnit].sort((a, b) => a.code.localeCompare(b.code));
  return picked;
}

describe('the 2025 season of an organization tree', () => {
  const sample = mkdtempSync(join(tmpdir(), 'xeploai-season-2025-'));
  let season: TreeSeasonResult;

  beforeAll(async () => {
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await generateSample(sample, { years: [2025, 2024] });
    const db = emulatorFirestore();
    for (const year of [2024, 2025]) await db.recursiveDelete(db.doc(`years/${year}`));
    season = await runTreeSeason({
      apiUrl,
      scheduledUrl,
      sample,
      year: 2025,
      out: join(sample, 'out'),
      communes: [COMMUNE],
    });
  }, 180_000);
  afterAll(() => rmSync(sample, { recursive: true, force: true }));

  it('rolls the communes up into the province with the figures of xeploai consolidate, flat', () => {
    // Key by key in test/scripts/roll-up-2025.test.ts; here as `npm start -- --year 2025` checks it.
    expect(season.rollUp.levels.map((l) => l.code)).toEqual([
      'X-CHUONGMY',
      'X-QUANGBI',
      'X-XUANMAI',
      'TU-HANOI',
    ]);
    expect(rollUpDifferences(season.rollUp)).toEqual([]);
  });

  it('gives the server, from the reports the built add-on sent, the figures of xeploai consolidate', async () => {
    const cli = await cliConsolidation(
      season.files.units.map((u) => u.file),
      season.previous,
    );
    for (const [key, value] of Object.entries(figures(season.server)))
      expect({ [key]: value }).toEqual({ [key]: figures(cli)[key] });
    expect(season.server.errors).toEqual([]);
    expect(season.server.units.count).toBe(season.files.units.length);
  }, 60_000);
});
