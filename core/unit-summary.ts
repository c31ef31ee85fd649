import { issue, splitIssues } from './issues';
import { membersOf, MemberTable } from './member-table';
import { ruleSetFor, type RuleSet } from './rules';
import { checkCells, type CellCheckContext } from './cell-checks';
import { SHEET_NAMES, type CellColumn, type MemberColumn } from './sheet-formats';
import { summarizeScores } from './score-summary';
import { tallyCells, tallyFromCounts, tallyRows } from './tally';
import { targetResult } from './targets';
import { foldText } from './text';
import {
  type Issue,
  type MemberRow,
  type QuotaSettings,
  type Tally,
  type UnitReport,
  type UnitSummary,
} from './types';
import { checkMembers, checkQuota, type MemberCheckContext } from './validate-members';

export interface UnitCheckOptions {
  sheet?: string;
  /** The member sheet has no header row (already reported): its emptiness is not reported again. */
  headerMissing?: boolean;
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
  const members = membersOf(report);
  const found = checkMembers(members, {
    sheet,
    evaluationDate: evaluationDateOf(report),
    ruleSet,
    columns: options.columns ?? report.source?.columns,
    unreadable: options.unreadable,
    unreadableNames: options.unreadableNames,
    rawValue: options.rawValue,
    columnAt: options.columnAt,
  });
  // A report with no member is never right: an emptied sheet sent by a slip would replace the unit's figures.
  if (members.length === 0 && !options.headerMissing)
    found.push(
      issue(
        'E_NO_MEMBERS',
        { sheet, row: null, column: null },
        `Trang “${sheet}” chưa có dòng đảng viên nào: không có số liệu để tính, gửi hay tổng hợp.`,
      ),
    );
  found.push(...checkQuota(options.memberTally ?? tallyMembers(members, quota), sheet, 'đảng viên', quota));
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

/** The members' tally, from a table's columns or from the rows. */
export function tallyMembers(members: MemberRow[] | MemberTable, quota: QuotaSettings): Tally {
  return members instanceof MemberTable
    ? tallyFromCounts(members.counts(), quota)
    : tallyRows(members, quota);
}

/** Tallies per member group; a member tagged with several groups counts in each. */
export function groupTallies(report: UnitReport, quota: QuotaSettings): Record<string, Tally> {
  const members = membersOf(report);
  const table = members instanceof MemberTable ? members : null;
  const rows = table ? null : (members as MemberRow[]);
  /** The members of each group, by index. */
  const groups = new Map<string, { label: string; rows: number[] }>();
  /** Tags repeat down a sheet: each spelling is folded once, and the last one is compared first. */
  const keys = new Map<string, string>();
  let lastTag = '';
  let lastKey = '';
  // A table lists its tagged rows: the others are not read.
  const tagged = table ? table.groupedRows() : null;
  const count = tagged ? tagged.length : rows!.length;
  for (let k = 0; k < count; k++) {
    const i = tagged ? tagged[k] : k;
    const tags = table ? table.groupsAt(i) : rows![i].groups;
    if (!tags) continue;
    // Indexed: a for-of loop over every tagged row made an iterator and a result object for each.
    for (let t = 0; t < tags.length; t++) {
      const tag = tags[t];
      let key = tag === lastTag ? lastKey : keys.get(tag);
      if (key === undefined) keys.set(tag, (key = foldText(tag)));
      lastTag = tag;
      lastKey = key;
      let entry = groups.get(key);
      if (entry === undefined) groups.set(key, (entry = { label: tag, rows: [] }));
      entry.rows.push(i);
    }
  }
  return Object.fromEntries(
    [...groups.values()].map(({ label, rows: indexes }) => [
      label,
      table
        ? tallyFromCounts(table.counts(indexes), quota)
        : tallyRows(
            indexes.map((i) => rows![i]),
            quota,
          ),
    ]),
  );
}

export function summarizeUnit(
  report: UnitReport,
  issues: Issue[],
  quota: QuotaSettings = ruleSetFor(report.year, report.ruleSet).quota,
  /** The members' tally under `quota`, when the caller has it already. */
  memberTally: Tally = tallyMembers(membersOf(report), quota),
): UnitSummary {
  const { errors, warnings } = splitIssues(issues);
  return {
    year: report.year,
    ...(report.quarter ? { quarter: report.quarter } : {}),
    unit: report.unit,
    members: memberTally,
    groups: groupTallies(report, quota),
    cells: report.cells ? tallyCells(report.cells, quota) : null,
    scores: summarizeScores(membersOf(report), ruleSetFor(report.year, report.ruleSet)),
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
