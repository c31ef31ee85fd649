import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consolidation } from '../../core';
import { generateSample } from '../../scripts/sample/generate';
import { readWorkbookFile } from '../../cli/read-workbook';
import { cliConsolidation } from '../../scripts/season/roll-up-files';
import { runTreeSeason, type TreeSeasonResult } from '../../scripts/season/run-tree-season';
import { emulatorFirestore } from '../../scripts/stack/provision-directory';

// The 2025 season as `npm start -- --year 2025` runs it, every click through the built add-on: one commune's
// units send to the local functions (one, to keep the time modest), that commune's office assigns targets and
// clicks "Tổng hợp" in its workbook, then the province's office does the same over its communes.
const apiUrl = process.env.XEPLOAI_API_URL!;
const scheduledUrl = process.env.XEPLOAI_SCHEDULED_URL!;
const COMMUNE = 'X-QUANGBI';
const KEYS = [
  'members',
  'organizations',
  'upperOrganizations',
  'cells',
  'groups',
  'targets',
  'change',
  'development',
] as const;

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

  it('rolls the commune up into the province, each office clicking “Tổng hợp”, with the figures of xeploai consolidate, flat', () => {
    expect(season.levels.map((l) => l.code)).toEqual([COMMUNE, 'TU-HANOI']);
    expect(season.levels[0].said).toMatch(
      /^Đã tổng hợp báo cáo của Đảng ủy xã Quảng Bị \(X-QUANGBI\): \d+ tổ chức cơ sở đảng\.$/,
    );
    const province = season.levels[1].report;
    const flat = figures(season.flat);
    for (const [key, value] of Object.entries(figures(province)))
      expect({ [key]: value }).toEqual({ [key]: flat[key] });
    expect(province.units.count).toBe(season.files.units.length);
    expect(province.errors).toEqual([]);
    // The province's children: the commune's stored consolidation, and the two communes that sent nothing.
    expect(province.children!.map((c) => [c.code, c.isUnit, c.members === null ? null : c.units])).toEqual([
      [COMMUNE, false, season.files.units.length],
      ['X-CHUONGMY', true, null],
      ['X-XUANMAI', true, null],
    ]);
  });

  it("writes the province's report sheets, its communes listed and the missing ones flagged", async () => {
    const read = await readWorkbookFile(join(sample, 'out', 'TU-HANOI-2025.xlsx'));
    if (!read.ok) throw new Error(read.message);
    expect(read.workbook.sheets[0].name).toBe('Báo cáo tổng hợp');
    const rows = read.workbook.sheets[0].rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
    const listed = rows.filter((r) => /^X-/.test(r[1] ?? '')).map((r) => [r[1], r[3]]);
    expect(listed).toEqual([
      [COMMUNE, 'Có'],
      ['X-CHUONGMY', 'Chưa có'],
      ['X-XUANMAI', 'Chưa có'],
    ]);
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
