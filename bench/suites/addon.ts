// The add-on: Apps Script service calls per menu action, counted by the in-memory host, at 100 and
// 12.000 rows and at 3.000 rows that each carry an issue, beside a naive cell-by-cell version; the
// bundle's size; a cold load + onOpen.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createAddonHost, DIST_DIR } from '../../scripts/addon-host';
import { memberWorkbook } from './member-grid';
import { naiveValidate, type NaiveApp } from './naive-validate';
import { median, round } from './stats';

type Sizes = { validate100: number; validate12000: number; validateIssues3000: number };

export interface AddonResult {
  calls: Sizes & { computeSummary100: number; computeSummary12000: number };
  /** Calls that reach Google's servers (not in-memory builders); null until the host counts them. */
  roundTrips: Sizes | null;
  naiveCalls: Sizes;
  bundleBytes: number;
  loadMs: number;
  loadAndOnOpenMs: number;
}

const SETTINGS = { 'xeploai.unitCode': 'DB99', 'xeploai.year': '2023' };

function callsOf(rows: number, action: string, badRating = false): number {
  const host = createAddonHost({
    workbook: memberWorkbook(rows, { badRating }),
    documentProperties: SETTINGS,
  });
  host.calls.reset();
  host.run(action);
  if (host.consoleErrors.length) throw new Error(`${action}: ${host.consoleErrors.join('\n')}`);
  return host.calls.total();
}

function naiveCallsOf(rows: number, badRating = false): number {
  const host = createAddonHost({ workbook: memberWorkbook(rows, { badRating }) });
  const app = host.services.globals().SpreadsheetApp as NaiveApp;
  host.calls.reset();
  const issues = naiveValidate(app);
  if (badRating && issues < rows) throw new Error(`naive: ${issues} issues for ${rows} bad rows`);
  return host.calls.total();
}

export function runAddon(quick: boolean, log: (line: string) => void): AddonResult {
  log('  add-on: calls per action');
  const calls = {
    validate100: callsOf(100, 'validateData'),
    validate12000: callsOf(12_000, 'validateData'),
    validateIssues3000: callsOf(3_000, 'validateData', true),
    computeSummary100: callsOf(100, 'computeSummary'),
    computeSummary12000: callsOf(12_000, 'computeSummary'),
  };
  log('  add-on: naive cell-by-cell version');
  const naiveCalls = {
    validate100: naiveCallsOf(100),
    validate12000: naiveCallsOf(12_000),
    validateIssues3000: naiveCallsOf(3_000, true),
  };
  log('  add-on: cold load + onOpen');
  const starts = Array.from(
    { length: quick ? 3 : 7 },
    () =>
      JSON.parse(
        execFileSync(process.execPath, [join(__dirname, 'addon-load.cjs')], { encoding: 'utf8' }),
      ) as { loadMs: number; loadAndOnOpenMs: number },
  );
  return {
    calls,
    roundTrips: null,
    naiveCalls,
    bundleBytes: statSync(join(DIST_DIR, 'Code.js')).size,
    loadMs: round(median(starts.map((s) => s.loadMs)), 1),
    loadAndOnOpenMs: round(median(starts.map((s) => s.loadAndOnOpenMs)), 1),
  };
}
