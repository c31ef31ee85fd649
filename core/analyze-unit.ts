import { readUnitWorkbook, type UnitRead, type UnitReadOptions } from './read-unit';
import { ruleSetFor, type RuleSet } from './rules';
import { membersOf } from './member-table';
import type { Issue, QuotaSettings, UnitSummary, WorkbookData } from './types';
import { checkUnitReport, summarizeUnit, tallyMembers } from './unit-summary';

export interface UnitAnalysisOptions extends UnitReadOptions {
  ruleSet?: RuleSet;
  quota?: QuotaSettings;
}

export type UnitAnalysis =
  | { ok: true; read: UnitRead; summary: UnitSummary }
  | { ok: false; code: 'E_NO_MEMBER_SHEET'; message: string };

/** Read, check and tally one unit workbook: what `validate` and `summarize` show and what the add-on sends. */
export function analyzeUnitWorkbook(workbook: WorkbookData, options: UnitAnalysisOptions = {}): UnitAnalysis {
  const result = readUnitWorkbook(workbook, options);
  if (!result.ok) return result;
  const { read } = result;
  const quota = options.quota ?? (options.ruleSet ?? ruleSetFor(read.report.year, read.report.ruleSet)).quota;
  // Tallied once: the quota check and the summary count the same members.
  const memberTally = tallyMembers(membersOf(read.report), quota);
  const checks = checkUnitReport(read.report, {
    sheet: read.members.sheet,
    headerMissing: read.issues.some((i) => i.code === 'E_HEADER_MISSING' && i.sheet === read.members.sheet),
    columns: read.members.columns,
    unreadable: read.members.unreadable,
    unreadableNames: read.members.unreadableNames,
    rawValue: read.members.rawValue,
    columnAt: read.members.columnAt,
    unreadableCells: read.cells.unreadable,
    cellColumns: read.cells.columns,
    cellValue: read.cells.rawValue,
    ruleSet: options.ruleSet,
    quota: options.quota,
    memberTally,
  });
  const issues = sortByPlace([...read.issues, ...checks]);
  read.issues = issues;
  const summary = summarizeUnit(read.report, issues, quota, memberTally);
  return { ok: true, read, summary };
}

/** Sheets in the order they first appear, rows in sheet order within each (issues without a row last). */
function sortByPlace(issues: Issue[]): Issue[] {
  const sheets = [...new Set(issues.map((i) => i.sheet))];
  return issues.sort(
    (a, b) =>
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) ||
      (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER),
  );
}
