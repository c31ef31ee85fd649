import { buildConsolidation } from '../../cli/commands/consolidate';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Consolidation } from '../../core';
import { differencesFromCli } from './compare-with-cli';
import type { TreeFiles } from './tree-files';

export interface FileLevels {
  /** Each office's consolidation, bottom-up; the root's last. */
  levels: { code: string; report: Consolidation }[];
  /** `xeploai consolidate` of every unit file below the root, flat, with the offices' workbooks. */
  flat: Consolidation;
  /** The same of the unit files alone: the targets as the units report them. */
  flatUnits: Consolidation;
}

/** What `xeploai consolidate <inputs> --previous <previous>` gives. */
export async function cliConsolidation(inputs: string[], previous: string[]): Promise<Consolidation> {
  const built = await buildConsolidation({ inputs, previous: previous.length ? previous : undefined });
  if (!built.ok) throw new Error(built.failures.map((f) => f.message).join(' '));
  return built.report;
}

/**
 * The tree rolled up from the files each office receives, with `xeploai consolidate` at every level: a commune
 * consolidates its units' workbooks with its own workbook, the level above the communes' consolidations (the
 * JSON `--json` prints, written to `outDir`) with its own workbook; and the flat consolidation of all unit files
 * the top must equal.
 */
export async function rollUpFiles(files: TreeFiles, previous: string[], outDir: string): Promise<FileLevels> {
  await mkdir(outDir, { recursive: true });
  const levels: FileLevels['levels'] = [];
  const sent = new Map<string, string>();
  for (const office of files.superiors) {
    const units = files.units.filter((u) => u.parent === office.code).map((u) => u.file);
    const lower = office.below.flatMap((o) => sent.get(o.code) ?? []);
    const report = await cliConsolidation([...units, ...lower, office.file], previous);
    const json = join(outDir, `${office.code}-${report.year}.json`);
    await writeFile(json, JSON.stringify(report, null, 2) + '\n');
    sent.set(office.code, json);
    levels.push({ code: office.code, report });
  }
  const unitFiles = files.units.map((u) => u.file);
  const flat = await cliConsolidation([...unitFiles, ...files.superiors.map((s) => s.file)], previous);
  return { levels, flat, flatUnits: await cliConsolidation(unitFiles, previous) };
}

/**
 * Where the top of the roll-up differs from the flat consolidation. Targets are compared with the unit files'
 * alone: given the workbooks of two levels, `xeploai consolidate` adds the province's targets for the communes
 * to the communes' targets for their units.
 */
export function rollUpDifferences(rollUp: FileLevels): string[] {
  const top = rollUp.levels.at(-1)!.report;
  return differencesFromCli(top, { ...rollUp.flat, targets: rollUp.flatUnits.targets });
}
