import { cellText, isEmptyCell } from './cells';
import { readRatingLabel, readReasonLabel } from './labels';
import type { MemberHeader } from './rating-marks';
import type { CellValue, SheetData } from './types';

/** A column-number cell of the row forms put under the header: "1", "(2)", "A". */
const COLUMN_NUMBER = /^\(?(\d{1,2}|[A-Z])\)?$/;
/** A total row's first cell: "Cộng", "Cộng:", "Tổng cộng", "Tổng số: 25 đảng viên". */
const TOTAL = /^(cộng|tổng cộng|tổng số|tổng)(?=$|[\s:.,(])/;
/** The first line of a signature block: who signs, or the place-and-date line. */
const SIGNATURE = /^(người lập|người tổng hợp|t\/m|tm[\s.]|thay mặt|bí thư|phó bí thư|xác nhận|thủ trưởng)/;
const DATE_LINE = /ngày[\s\d.…_/-]*tháng[\s\d.…_/-]*năm/;

const lower = (value: CellValue) => cellText(value).normalize('NFC').toLowerCase();

/** Where a table's rows start and which of its columns say that a row is one (a name, a code). */
export interface TableShape {
  dataStart: number;
  /** The column naming each row (Họ và tên, Mã đơn vị…). */
  keyColumn: number;
  /** The last column that may hold a total row's word (the key column, or an STT column after it). */
  leading: number;
  /** Whether a row gives what the table is for (a rating, a number): the signature block is below the last one. */
  givesData: (row: CellValue[]) => boolean;
  /** Whether a row is surely an entry (it holds a rating): such a row is never a total row, whatever its name. */
  isEntry?: (row: CellValue[]) => boolean;
}

/**
 * Rows of a table that belong to the form, not to its data (design.md is silent; Vietnamese forms keep them,
 * and a careful office expects them left alone): the column-number row under the header ("1 | 2 | 3…"), total
 * rows ("Cộng", "Tổng số: 25 đảng viên") and the signature block under the table ("Người lập biểu",
 * "T/M CHI ỦY", "…, ngày 20 tháng 12 năm 2023", then the signers' names) when nothing below its first line
 * gives data. 0-based row indexes.
 */
export function formRows(rows: CellValue[][], shape: TableShape): Set<number> {
  const { dataStart, keyColumn, leading, givesData, isEntry } = shape;
  const found = new Set<number>();

  const numbers = (rows[dataStart] ?? []).filter((cell) => !isEmptyCell(cell)).map(cellText);
  if (
    numbers.length >= 3 &&
    numbers.every((text) => COLUMN_NUMBER.test(text)) &&
    !isEmptyCell(rows[dataStart]?.[keyColumn] ?? null)
  )
    found.add(dataStart);

  /** The row's first filled cell up to the key (or STT) column. */
  const firstLeading = (row: CellValue[]): CellValue | undefined => {
    const end = Math.min(row.length, leading + 1);
    for (let column = 0; column < end; column++) if (!isEmptyCell(row[column])) return row[column];
    return undefined;
  };
  // Every row is looked at: only a text starting with c/C/t/T (cộng, tổng…) is read further.
  for (let index = dataStart; index < rows.length; index++) {
    const first = firstLeading(rows[index] ?? []);
    if (typeof first !== 'string' || !/^\s*[cCtT]/.test(first)) continue;
    if (TOTAL.test(lower(first)) && !isEntry?.(rows[index] ?? [])) found.add(index);
  }

  // The signature block: under the last row that gives data, the first row that starts one — by its first
  // cell, or, with no key, by any cell ("T/M ĐẢNG ỦY" under the rating column, the date line). A row with a
  // key is an entry even with a date in its note ("chuyển đến ngày 5 tháng 3 năm 2023"): read, and reported.
  let lastData = dataStart - 1;
  for (let index = rows.length - 1; index >= dataStart; index--) {
    if (!found.has(index) && givesData(rows[index] ?? [])) {
      lastData = index;
      break;
    }
  }
  for (let index = lastData + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const first = firstLeading(row);
    const keyless = isEmptyCell(row[keyColumn] ?? null);
    const starts =
      (first !== undefined && (SIGNATURE.test(lower(first)) || DATE_LINE.test(lower(first)))) ||
      (keyless && row.some((cell) => SIGNATURE.test(lower(cell)) || DATE_LINE.test(lower(cell))));
    if (!starts) continue;
    for (let below = index; below < rows.length; below++) found.add(below);
    break;
  }
  return found;
}

/** The member sheet without its form rows (emptied; row numbers kept). */
export function withoutFormRows(sheet: SheetData, header: MemberHeader): SheetData {
  const keyColumn = header.columns.name;
  if (keyColumn === undefined) return sheet;
  const emptied = formRows(sheet.rows, {
    dataStart: header.dataStart,
    keyColumn,
    leading: Math.max(keyColumn, header.columns.index ?? 0),
    givesData: (row) => row.some((cell) => givesRating(cell, header.marks.size > 0)),
    isEntry: (row) => row.some((cell) => givesRating(cell, false)),
  });
  const indexColumn = header.columns.index;
  for (let index = header.dataStart; index < sheet.rows.length; index++) {
    if (isSectionRow(sheet.rows[index] ?? [], keyColumn, indexColumn)) emptied.add(index);
  }
  if (emptied.size === 0) return sheet;
  return { ...sheet, rows: sheet.rows.map((row, index) => (emptied.has(index) ? [] : row)) };
}

/** A section's number in the STT column: "I", "II.", "A", "B)". */
const SECTION_NUMBER = /^([IVX]{1,5}|[A-Z])[.)]?$/;
/** A section's name in the name column: the cell or party group whose members follow. */
const SECTION_NAME = /^(chi bộ|tổ đảng|đảng bộ)\s/;

/**
 * A section row of a list grouped by cell ("I | CHI BỘ THÔN 1", or "Chi bộ thôn 1" alone): a section number
 * in STT or a cell's name in the name column, and nothing else in the row. Members follow it; it is not one.
 */
function isSectionRow(row: CellValue[], keyColumn: number, indexColumn: number | undefined): boolean {
  // Cheap tests first: a member's STT is a number or digits, a member's name no cell's name.
  const number = indexColumn === undefined ? null : (row[indexColumn] ?? null);
  if (typeof number === 'number') return false;
  const key = row[keyColumn];
  if (typeof key !== 'string') return false;
  if (typeof number === 'string' && number !== '') {
    const first = number.charCodeAt(0);
    if (first < 65 || first > 90 || !SECTION_NUMBER.test(number.trim())) return false;
  } else if (!/^\s*[cCtTđĐ]/.test(key) || !SECTION_NAME.test(lower(key))) return false;
  if (isEmptyCell(key)) return false;
  return row.every((cell, at) => at === keyColumn || at === indexColumn || isEmptyCell(cell));
}

/** A cell holding a rating or a not-rated reason (with `marks`, a mark of the one-column-per-level form). */
export function givesRating(cell: CellValue, marks: boolean): boolean {
  if (isEmptyCell(cell)) return false;
  if (marks && (cell === true || cell === 1 || /^[xX✓]$/.test(cellText(cell)))) return true;
  const text = cellText(cell);
  return readRatingLabel(text) !== null || readReasonLabel(text) !== null;
}
