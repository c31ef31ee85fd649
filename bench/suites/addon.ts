// The add-on: Apps Script service calls per menu action (and per call from its pages), counted by the
// in-memory host, at 100 and 12.000 rows and at 3.000 rows that each carry an issue, beside a naive
// cell-by-cell version; the bundle's size; a cold load + onOpen.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createAddonHost, DIST_DIR } from '../../scripts/addon-host';
import { INDICATORS, type WorkbookData } from '../../core';
import { consolidationReply, SUPERIOR_CODE, superiorWorkbook } from './addon-district';
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
  /** The same on a unit's four sheets as Tạo biểu mẫu makes them (`Chi bộ` and `Chỉ tiêu` read too). */
  validateFull100: number;
  validateFull12000: number;
  validateFullIssues3000: number;
  computeSummaryFull100: number;
  computeSummaryFull12000: number;
  sendReportFull100: number;
  /** Tạo biểu mẫu on an empty spreadsheet: all four sheets created. */
  createTemplateEmpty: number;
  /** Tính tỷ lệ run again from the `Đảng viên` sheet: its sheet is there already (cleared, rewritten). */
  computeSummaryAgain100: number;
  computeSummaryAgain12000: number;
  /** Gửi báo cáo refused: every row carries an issue, shown as Kiểm tra dữ liệu shows them. */
  sendReportIssues3000: number;
  /**
   * Sửa chữ xếp loại (from the sidebar Kiểm tra dữ liệu opened): 3 labels fixed in 100 and 12.000 rows,
   * then 3.000 of them; two distinct texts either way.
   */
  fixLabels100: number;
  fixLabels12000: number;
  fixLabelsIssues3000: number;
  /** Tạo biểu mẫu cấp trên on an empty spreadsheet: three sheets created. */
  createSuperiorSheets: number;
  /** Giao chỉ tiêu: a target for each of 100 and 12.000 organizations; then without the sheet (created). */
  assignTargets100: number;
  assignTargets12000: number;
  assignTargetsCreate: number;
  /**
   * Tổng hợp of 100 and 12.000 organizations (the server's answer in memory), then run again from the
   * `Tổ chức cơ sở` sheet.
   */
  consolidate100: number;
  consolidate12000: number;
  consolidateAgain100: number;
  consolidateAgain12000: number;
  /** The settings dialog, its saving, and a click on an issue in the sidebar. */
  openSettings: number;
  saveSettings: number;
  selectCell: number;
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

interface Run {
  workbook: WorkbookData;
  action: string;
  args?: unknown[];
  properties?: Record<string, string>;
  /** The server's answer to every request (default: Gửi báo cáo's receipt). */
  reply?: () => { status: number; headers?: Record<string, string>; body: string };
  /** Run first, not counted: an action whose output sheet is then there. */
  before?: string;
  /** The sheet the user is on when the counted action starts (default: where `before` left them). */
  on?: string;
}

function counted(run: Run): Counted {
  const host = createAddonHost({
    workbook: run.workbook,
    documentProperties: run.properties ?? SETTINGS,
    urlFetch: run.reply ?? receipt,
    identityToken: () => 'bench',
  });
  if (run.before) host.run(run.before);
  if (run.on) host.spreadsheet.activeSheet = host.spreadsheet.sheet(run.on);
  host.calls.reset();
  host.run(run.action, ...(run.args ?? []));
  if (host.consoleErrors.length) throw new Error(`${run.action}: ${host.consoleErrors.join('\n')}`);
  return { calls: host.calls.total(), roundTrips: host.calls.roundTrips() };
}

function callsOf(rows: number, action: string, badRating = false, badRows = 0): Counted {
  return counted({ workbook: memberWorkbook(rows, { badRating, badRows }), action });
}

/** A unit workbook whose first `count` ratings (all when `count` is the size) lack their diacritics. */
function unfixedLabels(rows: number, count: number): WorkbookData {
  const workbook = memberWorkbook(rows);
  const members = workbook.sheets[1].rows;
  for (let r = 1; r <= count; r++)
    members[r][4] = r % 2 ? 'Hoan thanh tot nhiem vu' : 'hoan thanh xuat sac nhiem vu';
  return workbook;
}

/** The fix is offered by the sidebar, which Kiểm tra dữ liệu opened (its `Lỗi` sheet and marks are there). */
const fixCalls = (rows: number, count: number) =>
  counted({ workbook: unfixedLabels(rows, count), action: 'fixLabels', before: 'validateData' });

const SUPERIOR_SETTINGS = { 'xeploai.year': '2023', 'xeploai.apiUrl': API, 'xeploai.orgCode': SUPERIOR_CODE };
const ok = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' });

function superiorCalls(count: number, action: string, again = false): Counted {
  const workbook = superiorWorkbook(count, true);
  const body = action === 'consolidateDistrict' ? consolidationReply(count, workbook) : '';
  return counted({
    workbook,
    action,
    properties: SUPERIOR_SETTINGS,
    reply: body ? () => ({ status: 200, headers: { 'content-type': 'application/json' }, body }) : ok,
    before: again ? action : undefined,
    on: again ? 'Tổ chức cơ sở' : undefined,
  });
}

/**
 * The unit's four sheets as Tạo biểu mẫu makes them: `Thông tin`, `Đảng viên`, `Chi bộ` (five cells rated)
 * and `Chỉ tiêu` (the catalogue's indicators, three of them with a target and a result): every sheet read.
 */
function fullUnitWorkbook(
  rows: number,
  options: { badRating?: boolean; badRows?: number } = {},
): WorkbookData {
  const workbook = memberWorkbook(rows, options);
  const cellRatings = ['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ'];
  workbook.sheets.push(
    {
      name: 'Chi bộ',
      rows: [
        ['Tên chi bộ', 'Xếp loại'],
        ...Array.from({ length: 5 }, (_, i) => [`Chi bộ ${i + 1}`, cellRatings[i % 2]]),
      ],
    },
    {
      name: 'Chỉ tiêu',
      rows: [
        ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
        ...INDICATORS.map((indicator, i) => [indicator.code, indicator.name, i < 3 ? 5 : '', i < 3 ? 6 : '']),
      ],
    },
  );
  return workbook;
}

const EMPTY: WorkbookData = { sheets: [{ name: 'Trang tính1', rows: [] }] };

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
    createTemplateEmpty: counted({ workbook: EMPTY, action: 'createTemplate' }),
    validateFull100: counted({
      workbook: fullUnitWorkbook(100, { badRows: FEW_ISSUES }),
      action: 'validateData',
    }),
    validateFull12000: counted({
      workbook: fullUnitWorkbook(12_000, { badRows: FEW_ISSUES }),
      action: 'validateData',
    }),
    validateFullIssues3000: counted({
      workbook: fullUnitWorkbook(3_000, { badRating: true }),
      action: 'validateData',
    }),
    computeSummaryFull100: counted({ workbook: fullUnitWorkbook(100), action: 'computeSummary' }),
    computeSummaryFull12000: counted({ workbook: fullUnitWorkbook(12_000), action: 'computeSummary' }),
    sendReportFull100: counted({ workbook: fullUnitWorkbook(100), action: 'sendReport' }),
    computeSummaryAgain100: counted({
      workbook: memberWorkbook(100),
      action: 'computeSummary',
      before: 'computeSummary',
      on: 'Đảng viên',
    }),
    computeSummaryAgain12000: counted({
      workbook: memberWorkbook(12_000),
      action: 'computeSummary',
      before: 'computeSummary',
      on: 'Đảng viên',
    }),
    sendReportIssues3000: callsOf(3_000, 'sendReport', true),
    fixLabels100: fixCalls(100, FEW_ISSUES),
    fixLabels12000: fixCalls(12_000, FEW_ISSUES),
    fixLabelsIssues3000: fixCalls(3_000, 3_000),
    createSuperiorSheets: counted({
      workbook: EMPTY,
      action: 'createSuperiorSheets',
      properties: SUPERIOR_SETTINGS,
    }),
    assignTargets100: superiorCalls(100, 'assignTargets'),
    assignTargets12000: superiorCalls(12_000, 'assignTargets'),
    assignTargetsCreate: counted({
      workbook: superiorWorkbook(100, false),
      action: 'assignTargets',
      properties: SUPERIOR_SETTINGS,
    }),
    consolidate100: superiorCalls(100, 'consolidateDistrict'),
    consolidate12000: superiorCalls(12_000, 'consolidateDistrict'),
    consolidateAgain100: superiorCalls(100, 'consolidateDistrict', true),
    consolidateAgain12000: superiorCalls(12_000, 'consolidateDistrict', true),
    openSettings: counted({ workbook: memberWorkbook(100), action: 'openSettings' }),
    saveSettings: counted({
      workbook: memberWorkbook(100),
      action: 'saveSettings',
      args: [{ apiUrl: API, unitCode: 'DB99', orgCode: '', year: '2023' }],
    }),
    selectCell: counted({ workbook: memberWorkbook(100), action: 'selectCell', args: ['Đảng viên', 'E5'] }),
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
