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
type Actions = Sizes & {
  computeSummary100: number;
  computeSummary12000: number;
  sendReport100: number;
  sendReport12000: number;
  /** Tạo biểu mẫu on a unit workbook that has `Thông tin` and `Đảng viên`: two sheets created. */
  createTemplate: number;
};

export interface AddonResult {
  calls: Actions;
  /** Calls that reach the spreadsheet (the host's count; builders and metadata left out). */
  roundTrips: Actions;
  naiveCalls: Sizes;
  naiveRoundTrips: Sizes;
  bundleBytes: number;
  loadMs: number;
  loadAndOnOpenMs: number;
}

const API = 'https://asia-southeast1-demo-xeploai.cloudfunctions.net/api';
const SETTINGS = { 'xeploai.unitCode': 'DB99', 'xeploai.year': '2023', 'xeploai.apiUrl': API };
/** The server's answer to Gửi báo cáo, in memory: the bench counts the add-on's calls, not the network. */
const receipt = () => ({
  status: 201,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    year: 2023,
    unit: 'DB99',
    version: 1,
    members: 1,
    warnings: 0,
    submittedAt: '2024-11-27T07:05:00.000Z',
  }),
});
/** Rows with a misspelt rating in the 100- and 12.000-row cases, as many as the add-on's own test has. */
const FEW_ISSUES = 3;

interface Counted {
  calls: number;
  roundTrips: number;
}

function callsOf(rows: number, action: string, badRating = false, badRows = 0): Counted {
  const host = createAddonHost({
    workbook: memberWorkbook(rows, { badRating, badRows }),
    documentProperties: SETTINGS,
    urlFetch: receipt,
    identityToken: () => 'bench',
  });
  host.calls.reset();
  host.run(action);
  if (host.consoleErrors.length) throw new Error(`${action}: ${host.consoleErrors.join('\n')}`);
  return { calls: host.calls.total(), roundTrips: host.calls.roundTrips() };
}

function naiveCallsOf(rows: number, badRating = false, badRows = 0): Counted {
  const host = createAddonHost({ workbook: memberWorkbook(rows, { badRating, badRows }) });
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
    validate100: callsOf(100, 'validateData', false, FEW_ISSUES),
    validate12000: callsOf(12_000, 'validateData', false, FEW_ISSUES),
    validateIssues3000: callsOf(3_000, 'validateData', true),
    computeSummary100: callsOf(100, 'computeSummary'),
    computeSummary12000: callsOf(12_000, 'computeSummary'),
    sendReport100: callsOf(100, 'sendReport'),
    sendReport12000: callsOf(12_000, 'sendReport'),
    createTemplate: callsOf(100, 'createTemplate'),
  });
  log('  add-on: naive cell-by-cell version');
  const naive = split({
    validate100: naiveCallsOf(100, false, FEW_ISSUES),
    validate12000: naiveCallsOf(12_000, false, FEW_ISSUES),
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
