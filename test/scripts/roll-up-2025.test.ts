import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consolidation } from '../../core';
import { generateSample } from '../../scripts/sample/generate';
import { rollUpDifferences, rollUpFiles, type FileLevels } from '../../scripts/season/roll-up-files';
import { readTreeFiles } from '../../scripts/season/tree-files';

// The 2025 sample rolled up as the offices would with `xeploai consolidate`: each commune from its units' files
// and its own workbook, the province from the communes' --json output and its own workbook.
const KEYS = ['members', 'organizations', 'cells', 'groups', 'change', 'development'] as const;

/** The keys compared; units and byUnit in code order (the order units come in is not a figure). */
function figures(report: Consolidation): Record<string, unknown> {
  const picked: Record<string, unknown> = Object.fromEntries(KEYS.map((key) => [key, report[key]]));
  picked.units = { ...report.units, codes: [...report.units.codes].sort() };
  picked.byUnit = [...report.byUnit].sort((a, b) => a.code.localeCompare(b.code));
  return picked;
}

describe('the 2025 tree rolled up level by level from its files', () => {
  let dir: string;
  let rollUp: FileLevels;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xeploai-roll-up-'));
    await generateSample(dir, { years: [2025, 2024] });
    const files = await readTreeFiles(join(dir, '2025'));
    rollUp = await rollUpFiles(files, [join(dir, '2024')], join(dir, 'out'));
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('the province equals xeploai consolidate of all unit files flat, key by key', () => {
    expect(rollUp.levels.map((l) => l.code)).toEqual(['X-CHUONGMY', 'X-QUANGBI', 'X-XUANMAI', 'TU-HANOI']);
    const top = rollUp.levels[3].report;
    const flat = figures(rollUp.flat);
    for (const [key, value] of Object.entries(figures(top)))
      expect({ [key]: value }).toEqual({ [key]: flat[key] });
    // Given every level's workbook at once, each level's assignments replace what was planned below it, once.
    expect(rollUp.flat.targets).toEqual(top.targets);
    expect(top.targets).toEqual(rollUp.flatUnits.targets);
    expect(rollUpDifferences(rollUp)).toEqual([]);
    expect(top.units.count).toBe(107);
  });

  test('mergers: the communes and the merged units are compared with the 2024 organizations they came from', () => {
    const top = rollUp.levels[3].report;
    expect(
      top
        .children!.filter((c) => !c.isUnit && c.change !== null)
        .map((c) => c.code)
        .sort(),
    ).toEqual(['X-CHUONGMY', 'X-QUANGBI', 'X-XUANMAI']);
    expect(
      top.byUnit
        .filter((u) => u.mergedFrom?.length && u.change)
        .map((u) => u.code)
        .sort(),
    ).toEqual(['CM34', 'QB32', 'XM33']);
    expect(top.change).not.toBeNull();
  });
});
