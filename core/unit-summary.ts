import { issue, splitIssues } from './issues';
import { ruleSetFor, type RuleSet } from './rules';
import { SHEET_NAMES, type MemberColumn } from './sheet-formats';
import { tallyCells, tallyRows } from './tally';
import { targetResult } from './targets';
import { foldText } from './text';
import {
  RATING_LEVELS,
  type Issue,
  type QuotaSettings,
  type Tally,
  type UnitReport,
  type UnitSummary,
} from './types';
import { nearestLabel } from './labels';
import { checkMembers, checkQuota, type MemberCheckContext } from './validate-members';

export interface UnitCheckOptions {
  sheet?: string;
  columns?: Partial<Record<MemberColumn, string>>;
  unreadable?: Set<number>;
  unreadableNames?: Set<number>;
  rawValue?: MemberCheckContext['rawValue'];
  /** Rows of the `Chi bộ` sheet whose rating was already reported as unreadable. */
  unreadableCells?: Set<number>;
  ruleSet?: RuleSet;
  quota?: QuotaSettings;
}

export function evaluationDateOf(report: UnitReport): string {
  return report.evaluationDate ?? `${report.year}-12-31`;
}

/** Row checks and unit checks on a report, whether it was read from a sheet or received as JSON. */
export function checkUnitReport(report: UnitReport, options: UnitCheckOptions = {}): Issue[] {
  const ruleSet = options.ruleSet ?? ruleSetFor(report.year, report.ruleSet);
  const quota = options.quota ?? ruleSet.quota;
  const sheet = options.sheet ?? SHEET_NAMES.members;
  const found = checkMembers(report.members, {
    sheet,
    evaluationDate: evaluationDateOf(report),
    ruleSet,
    columns: options.columns,
    unreadable: options.unreadable,
    unreadableNames: options.unreadableNames,
    rawValue: options.rawValue,
  });
  found.push(...checkQuota(tallyRows(report.members, quota), sheet, 'đảng viên', quota));
  if (report.cells) {
    report.cells.forEach((cell, index) => {
      const row = cell.row ?? index + 1;
      if (!cell.name.trim()) {
        found.push(
          issue('E_NAME_MISSING', { sheet: SHEET_NAMES.cells, row, column: null }, 'Thiếu tên chi bộ.'),
        );
      }
      if (!cell.rating && !cell.reason && !options.unreadableCells?.has(row)) {
        found.push(
          issue(
            'E_NO_RATING',
            { sheet: SHEET_NAMES.cells, row, column: null, value: cell.name },
            `Chi bộ “${cell.name}” chưa có mức xếp loại.`,
          ),
        );
      } else if (cell.rating && !(RATING_LEVELS as readonly string[]).includes(cell.rating)) {
        const text = String(cell.rating);
        found.push(
          issue(
            'E_RATING_UNKNOWN',
            { sheet: SHEET_NAMES.cells, row, column: null, value: text },
            `Không nhận ra mức xếp loại “${text}”. Có phải “${nearestLabel(text, 'rating')}”?`,
          ),
        );
      }
    });
    found.push(...checkQuota(tallyCells(report.cells, quota), SHEET_NAMES.cells, 'chi bộ', quota));
  }
  return found;
}

/** Tallies per member group; a member tagged with several groups counts in each. */
export function groupTallies(report: UnitReport, quota: QuotaSettings): Record<string, Tally> {
  const groups = new Map<string, { label: string; rows: UnitReport['members'] }>();
  for (const member of report.members) {
    for (const tag of member.groups ?? []) {
      const key = foldText(tag);
      const entry = groups.get(key) ?? { label: tag, rows: [] };
      entry.rows.push(member);
      groups.set(key, entry);
    }
  }
  return Object.fromEntries([...groups.values()].map(({ label, rows }) => [label, tallyRows(rows, quota)]));
}

export function summarizeUnit(
  report: UnitReport,
  issues: Issue[],
  quota: QuotaSettings = ruleSetFor(report.year, report.ruleSet).quota,
): UnitSummary {
  const { errors, warnings } = splitIssues(issues);
  return {
    year: report.year,
    unit: report.unit,
    members: tallyRows(report.members, quota),
    groups: groupTallies(report, quota),
    cells: report.cells ? tallyCells(report.cells, quota) : null,
    targets: (report.targets ?? []).map(targetResult),
    errors,
    warnings,
  };
}
