import { splitIssues } from './issues';
import { ruleSetFor, type RuleSet } from './rules';
import { checkCells, type CellCheckContext } from './cell-checks';
import { SHEET_NAMES, type CellColumn, type MemberColumn } from './sheet-formats';
import { summarizeScores } from './score-summary';
import { tallyCells, tallyRows } from './tally';
import { targetResult } from './targets';
import { foldText } from './text';
import { type Issue, type QuotaSettings, type Tally, type UnitReport, type UnitSummary } from './types';
import { checkMembers, checkQuota, type MemberCheckContext } from './validate-members';

export interface UnitCheckOptions {
  sheet?: string;
  columns?: Partial<Record<MemberColumn, string>>;
  unreadable?: Set<number>;
  unreadableNames?: Set<number>;
  rawValue?: MemberCheckContext['rawValue'];
  columnAt?: MemberCheckContext['columnAt'];
  /** Rows of the `Chi bộ` sheet whose rating was already reported as unreadable. */
  unreadableCells?: Set<number>;
  /** Column letters and raw cells of the `Chi bộ` sheet. */
  cellColumns?: Partial<Record<CellColumn, string>>;
  cellValue?: CellCheckContext['rawValue'];
  ruleSet?: RuleSet;
  quota?: QuotaSettings;
  /** The members' tally under the same quota, when the caller has it already. */
  memberTally?: Tally;
}

/** Last day of each quarter, as MM-DD. */
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/** The evaluation date: the one given, else the last day of the year (31/12), or of the quarter evaluated. */
export function evaluationDateOf(report: UnitReport): string {
  return report.evaluationDate ?? `${report.year}-${QUARTER_ENDS[(report.quarter ?? 4) - 1]}`;
}

/** Row checks and unit checks on a report, whether it was read from a sheet or received as JSON. */
export function checkUnitReport(report: UnitReport, options: UnitCheckOptions = {}): Issue[] {
  const ruleSet = options.ruleSet ?? ruleSetFor(report.year, report.ruleSet);
  const quota = options.quota ?? ruleSet.quota;
  // Rows received as JSON name the sheet and columns they were read from, when the sender says.
  const sheet = options.sheet ?? report.source?.sheet ?? SHEET_NAMES.members;
  const found = checkMembers(report.members, {
    sheet,
    evaluationDate: evaluationDateOf(report),
    ruleSet,
    columns: options.columns ?? report.source?.columns,
    unreadable: options.unreadable,
    unreadableNames: options.unreadableNames,
    rawValue: options.rawValue,
    columnAt: options.columnAt,
  });
  found.push(
    ...checkQuota(options.memberTally ?? tallyRows(report.members, quota), sheet, 'đảng viên', quota),
  );
  if (report.cells) {
    found.push(
      ...checkCells(report.cells, {
        evaluationDate: evaluationDateOf(report),
        ruleSet,
        columns: options.cellColumns,
        unreadable: options.unreadableCells,
        rawValue: options.cellValue,
      }),
    );
    found.push(...checkQuota(tallyCells(report.cells, quota), SHEET_NAMES.cells, 'chi bộ', quota));
  }
  return found;
}

/** Tallies per member group; a member tagged with several groups counts in each. */
export function groupTallies(report: UnitReport, quota: QuotaSettings): Record<string, Tally> {
  const groups = new Map<string, { label: string; rows: UnitReport['members'] }>();
  /** Tags repeat down a sheet: each spelling is folded once, and the last one is compared first. */
  const keys = new Map<string, string>();
  let lastTag = '';
  let lastKey = '';
  const members = report.members;
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    if (!member.groups) continue;
    for (const tag of member.groups) {
      let key = tag === lastTag ? lastKey : keys.get(tag);
      if (key === undefined) keys.set(tag, (key = foldText(tag)));
      lastTag = tag;
      lastKey = key;
      let entry = groups.get(key);
      if (entry === undefined) groups.set(key, (entry = { label: tag, rows: [] }));
      entry.rows.push(member);
    }
  }
  return Object.fromEntries([...groups.values()].map(({ label, rows }) => [label, tallyRows(rows, quota)]));
}

export function summarizeUnit(
  report: UnitReport,
  issues: Issue[],
  quota: QuotaSettings = ruleSetFor(report.year, report.ruleSet).quota,
  /** The members' tally under `quota`, when the caller has it already. */
  memberTally: Tally = tallyRows(report.members, quota),
): UnitSummary {
  const { errors, warnings } = splitIssues(issues);
  return {
    year: report.year,
    ...(report.quarter ? { quarter: report.quarter } : {}),
    unit: report.unit,
    members: memberTally,
    groups: groupTallies(report, quota),
    cells: report.cells ? tallyCells(report.cells, quota) : null,
    scores: summarizeScores(report.members, ruleSetFor(report.year, report.ruleSet)),
    ...(report.cells
      ? {
          weakCells: {
            notComplete: report.cells.filter((c) => c.rating === 'notComplete').map((c) => c.name),
            disciplined: report.cells.filter((c) => c.disciplined).map((c) => c.name),
          },
        }
      : {}),
    targets: (report.targets ?? []).map(targetResult),
    errors,
    warnings,
  };
}
