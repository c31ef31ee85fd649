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
  /** Calls that reach the spreadsheet (the host's count; builders and metadata left out). */
  roundTrips: Sizes & { computeSummary100: number; computeSummary12000: number };
  naiveCalls: Sizes;
  naiveRoundTrips: Sizes;
  bundleBytes: number;
  loadMs: number;
  loadAndOnOpenMs: number;
}

const SETTINGS = { 'xeploai.unitCode': 'DB99', 'xeploai.year': '2023' };

interface Counted {
  calls: number;
  roundTrips: number;
}

function callsOf(rows: number, action: string, badRating = false): Counted {
  const host = createAddonHost({
    workbook: memberWorkbook(rows, { badRating }),
    documentProperties: SETTINGS,
  });
  host.calls.reset();
  host.run(action);
  if (host.consoleErrors.length) throw new Error(`${action}: ${host.consoleErrors.join('\n')}`);
  return { calls: host.calls.total(), roundTrips: host.calls.roundTrips() };
}

function naiveCallsOf(rows: number, badRating = false): Counted {
  const host = createAddonHost({ workbook: memberWorkbook(rows, { badRating }) });
  const app = host.services.globals().SpreadsheetApp as NaiveApp;
  host.calls.reset();
  const issues = naiveValidate(app);
  if (badRating && issues < rows) throw new Error(`naive: ${issues} issues for ${rows} bad rows`);
  return { calls: host.calls.total(), roundTrips: host.calls.roundTrips() };
}

/** `{a: {calls, roundTrips}}` → `{calls: {a}, roundTrips: {a}}`. */
function split<K extends string>(
  counted: Record<K, Counted>,
): { calls: Record<K, number>; roundTrips: Record<K, number> } {
  const pick = (field: keyof Counted) =>
    Object.fromEntries(Object.entries<Counted>(counted).map(([k, v]) => [k, v[field]])) as Record<K, number>;
  return { calls: pick('calls'), roundTrips: pick('roundTrips') };
}

export function runAddon(quick: boolean, log: (line: string) => void): AddonResult {
  log('  add-on: calls per action');
  const addon = split({
    validate100: callsOf(100, 'validateData'),
    validate12000: callsOf(12_000, 'validateData'),
    validateIssues3000: callsOf(3_000, 'validateData', true),
    computeSummary100: callsOf(100, 'computeSummary'),
    computeSummary12000: callsOf(12_000, 'computeSummary'),
  });
  log('  add-on: naive cell-by-cell version');
  const naive = split({
    validate100: naiveCallsOf(100),
    validate12000: naiveCallsOf(12_000),
    validateIssues3000: naiveCallsOf(3_000, true),
  });
  log('  add-on: cold load + onOpen');
  const starts = Array.from(
    { length: quick ? 3 : 7 },
    () =>
      JSON.parse(
        execFileSync(process.execPath, [join(__dirname, 'addon-load.cjs')], { encoding: 'utf8' }),
      ) as { loadMs: number; loadAndOnOpenMs: number },
  );
  return {
    calls: addon.calls,
    roundTrips: addon.roundTrips,
    naiveCalls: naive.calls,
    naiveRoundTrips: naive.roundTrips,
    bundleBytes: statSync(join(DIST_DIR, 'Code.js')).size,
    loadMs: round(median(starts.map((s) => s.loadMs)), 1),
    loadAndOnOpenMs: round(median(starts.map((s) => s.loadAndOnOpenMs)), 1),
  };
}
