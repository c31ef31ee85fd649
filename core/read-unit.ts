import { isEmptyCell } from './cells';
import { issue } from './issues';
import { bestHeaderGuess, columnLetter, findSheet, headerName } from './headers';
import { CELL_REASON_LABELS, normalizedLabelIssue, readCellReasonLabel } from './labels';
import { readUnitInfo } from './parse-info';
import { lazyMembers, MemberTable } from './member-table';
import { parseMemberSheet, type ParsedMembers } from './parse-members';
import { findMemberHeader } from './rating-marks';
import { withoutFormRows } from './form-rows';
import { readTable, type TableRow } from './parse-tables';
import { CELL_COLUMNS, MEMBER_COLUMNS, SHEET_NAMES, TARGET_COLUMNS, type CellColumn } from './sheet-formats';
import { canonicalIndicatorCode, indicatorName } from './targets';
import type { CellRow, CellValue, Issue, SheetData, TargetRow, UnitReport, WorkbookData } from './types';

export interface UnitReadOptions {
  /** From --unit / --year or the add-on's settings: used when `Thông tin` lacks them (always for CSV). */
  unitCode?: string;
  year?: number;
  /** Names the unit when nothing else does (a file name). */
  fallbackName?: string;
}

export interface UnitRead {
  report: UnitReport;
  issues: Issue[];
  members: Pick<
    ParsedMembers,
    'sheet' | 'columns' | 'unreadable' | 'unreadableNames' | 'rawValue' | 'columnAt'
  >;
  /** Rows of the `Chi bộ` sheet whose rating could not be read (already reported), and its column letters. */
  cells: {
    unreadable: Set<number>;
    columns: Partial<Record<CellColumn, string>>;
    rawValue: (row: number, key: CellColumn) => CellValue;
  };
}

export type UnitReadResult =
  { ok: true; read: UnitRead } | { ok: false; code: 'E_NO_MEMBER_SHEET'; message: string };

/** The member sheet: the one named `Đảng viên`, else the first sheet with a name + rating header row. */
export function locateMemberSheet(workbook: WorkbookData): SheetData | null {
  return (
    findSheet(workbook, SHEET_NAMES.members) ??
    workbook.sheets.find((s) => findMemberHeader(s.rows) !== null) ??
    null
  );
}

export function readUnitWorkbook(workbook: WorkbookData, options: UnitReadOptions = {}): UnitReadResult {
  const sheet = locateMemberSheet(workbook);
  if (!sheet) {
    return {
      ok: false,
      code: 'E_NO_MEMBER_SHEET',
      message: `Không tìm thấy trang “${SHEET_NAMES.members}” hay trang nào có dòng tiêu đề gồm cột “Họ và tên” và “Xếp loại”.`,
    };
  }
  const issues: Issue[] = [];
  const info = readUnitInfo(workbook, issues);
  const year = info.year ?? options.year ?? null;
  const code = info.code ?? options.unitCode?.toUpperCase() ?? null;
  if (year === null) {
    issues.push(
      issue(
        'W_INFO_MISSING',
        { sheet: SHEET_NAMES.info, row: null, column: null },
        'Chưa ghi năm đánh giá (trang “Thông tin”, dòng “Năm”, hoặc tuỳ chọn --year).',
      ),
    );
  }
  if (code === null) {
    issues.push(
      issue(
        'W_INFO_MISSING',
        { sheet: SHEET_NAMES.info, row: null, column: null },
        'Chưa ghi mã đơn vị (trang “Thông tin”, dòng “Mã đơn vị”, hoặc tuỳ chọn --unit).',
      ),
    );
  }

  const header = findMemberHeader(sheet.rows);
  let parsed: ParsedMembers;
  if (header) parsed = parseMemberSheet(withoutFormRows(sheet, header), header);
  else {
    const guess = bestHeaderGuess(sheet.rows, MEMBER_COLUMNS);
    const missing = guess.missing.map((c) => `“${c.header}”`).join(', ');
    issues.push(
      issue(
        'E_HEADER_MISSING',
        { sheet: sheet.name, row: guess.headerIndex + 1, column: null },
        `Thiếu cột ${missing} trong dòng tiêu đề của trang “${sheet.name}” (tìm trong 15 dòng đầu).`,
      ),
    );
    parsed = {
      sheet: sheet.name,
      members: [],
      table: new MemberTable(0, new Set()),
      issues: [],
      columns: {},
      unreadable: new Set(),
      unreadableNames: new Set(),
      rawValue: () => null,
      columnAt: () => null,
    };
  }
  issues.push(...parsed.issues);

  const report: UnitReport = {
    year: year ?? 0,
    unit: {
      code: code ?? '',
      name: info.name ?? options.fallbackName ?? code ?? '',
      kind: info.kind ?? undefined,
    },
    members: [],
  };
  // The rows stay a table until a caller reads `report.members` (the checks and tallies read the table).
  if (header) lazyMembers(report, parsed.table);
  if (info.evaluationDate) report.evaluationDate = info.evaluationDate;
  if (info.ruleSet) report.ruleSet = info.ruleSet;
  if (info.quarter) report.quarter = info.quarter;
  if (header) report.source = { sheet: sheet.name, columns: { ...parsed.columns } };
  const unreadableCells = new Set<number>();
  const cellColumns: Partial<Record<CellColumn, string>> = {};
  const cellRows = new Map<number, TableRow<CellColumn>>();
  const cells = readCells(workbook, issues, unreadableCells, cellColumns, cellRows);
  if (cells) report.cells = cells;
  const targets = readTargets(workbook, issues);
  if (targets) report.targets = targets;
  return {
    ok: true,
    read: {
      report,
      issues,
      members: parsed,
      cells: {
        unreadable: unreadableCells,
        columns: cellColumns,
        rawValue: (row, key) => cellRows.get(row)?.raw(key) ?? null,
      },
    },
  };
}

function readCells(
  workbook: WorkbookData,
  issues: Issue[],
  unreadable: Set<number>,
  columns: Partial<Record<CellColumn, string>>,
  rows: Map<number, TableRow<CellColumn>>,
): CellRow[] | null {
  const sheet = findSheet(workbook, SHEET_NAMES.cells);
  if (!sheet) return null;
  const table = readTable(sheet, CELL_COLUMNS, ['name', 'rating'], issues);
  if (!table) return null;
  for (const [key, index] of Object.entries(table.header.columns) as [CellColumn, number][])
    columns[key] = columnLetter(index);
  return table.rows.map((row) => {
    rows.set(row.row, row);
    const cell: CellRow = { row: row.row, name: row.text('name') };
    const place = (key: CellColumn) => ({
      sheet: sheet.name,
      row: row.row,
      column: columns[key] ?? null,
      header: headerName(CELL_COLUMNS, key),
      value: row.raw(key),
    });
    // "Mới thành lập" typed into the rating column is read as the reason.
    const newCellInRating = readCellReasonLabel(row.text('rating'));
    const rating = newCellInRating ? null : row.rating('rating');
    if (rating) cell.rating = rating;
    else if (newCellInRating) {
      cell.reason = newCellInRating.code;
      if (newCellInRating.normalized)
        issues.push(normalizedLabelIssue(place('rating'), row.text('rating'), newCellInRating.canonical));
    } else if (!isEmptyCell(row.raw('rating'))) unreadable.add(row.row);
    const reasonText = row.text('reason');
    if (reasonText) {
      const reason = readCellReasonLabel(reasonText);
      if (reason) {
        cell.reason = reason.code;
        if (reason.normalized)
          issues.push(normalizedLabelIssue(place('reason'), reasonText, reason.canonical));
      } else {
        unreadable.add(row.row);
        issues.push(
          issue(
            'E_REASON_UNKNOWN',
            place('reason'),
            `Không nhận ra lý do không xếp loại “${reasonText}”: với chi bộ chỉ có “${CELL_REASON_LABELS.newCell.label}”.`,
          ),
        );
      }
    }
    const founded = row.date('foundedOn');
    if (founded) cell.foundedOn = founded;
    if (row.yes('disciplined')) cell.disciplined = true;
    if (row.yes('selfCorrected')) cell.selfCorrected = true;
    const score = row.number('score');
    if (score !== null) cell.score = score;
    const note = row.text('note');
    if (note) cell.note = note;
    return cell;
  });
}

function readTargets(workbook: WorkbookData, issues: Issue[]): TargetRow[] | null {
  const sheet = findSheet(workbook, SHEET_NAMES.targets);
  if (!sheet) return null;
  const table = readTable(sheet, TARGET_COLUMNS, ['code'], issues);
  if (!table) return null;
  return table.rows
    .filter((row) => row.text('code') || row.text('name'))
    .map((row) => {
      const code = canonicalIndicatorCode(row.text('code'), row.text('name'));
      return {
        code,
        name: row.text('name') || indicatorName(code),
        target: row.number('target'),
        actual: row.number('actual'),
      };
    });
}
