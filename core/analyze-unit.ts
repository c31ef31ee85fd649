import { readUnitWorkbook, type UnitRead, type UnitReadOptions } from './read-unit';
import type { RuleSet } from './rules';
import type { QuotaSettings, UnitSummary, WorkbookData } from './types';
import { checkUnitReport, summarizeUnit } from './unit-summary';

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
  const checks = checkUnitReport(read.report, {
    sheet: read.members.sheet,
    columns: read.members.columns,
    unreadable: read.members.unreadable,
    ruleSet: options.ruleSet,
    quota: options.quota,
  });
  const issues = [...read.issues, ...checks].sort(byPlace);
  read.issues = issues;
  const summary = summarizeUnit(read.report, issues, options.quota ?? options.ruleSet?.quota);
  return { ok: true, read, summary };
}

function byPlace(a: { sheet: string; row: number | null }, b: { sheet: string; row: number | null }): number {
  if (a.sheet !== b.sheet) return 0;
  return (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER);
}
