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

/**
 * Rows of a member list that belong to the form, not to members (design.md is silent; Vietnamese forms keep
 * them, and a careful office expects them left alone): the column-number row under the header ("1 | 2 | 3…"),
 * total rows ("Cộng", "Tổng số: 25 đảng viên") and the signature block under the list ("Người lập biểu",
 * "T/M CHI ỦY", "…, ngày 20 tháng 12 năm 2023", then the signers' names) when no rating is given below its
 * first line. Gives the sheet with those rows emptied; row numbers are kept.
 */
export function withoutFormRows(sheet: SheetData, header: MemberHeader): SheetData {
  const rows = sheet.rows;
  const nameAt = header.columns.name;
  if (nameAt === undefined) return sheet;
  const leading = Math.max(nameAt, header.columns.index ?? 0);
  const emptied = new Set<number>();

  const numbers = (rows[header.dataStart] ?? []).filter((cell) => !isEmptyCell(cell)).map(cellText);
  if (
    numbers.length >= 3 &&
    numbers.every((text) => COLUMN_NUMBER.test(text)) &&
    !isEmptyCell(rows[header.dataStart]?.[nameAt] ?? null)
  )
    emptied.add(header.dataStart);

  /** The row's first filled cell up to the name (or STT) column. */
  const firstLeading = (row: CellValue[]): CellValue | undefined => {
    const end = Math.min(row.length, leading + 1);
    for (let column = 0; column < end; column++) if (!isEmptyCell(row[column])) return row[column];
    return undefined;
  };
  // Every row is looked at: only a text starting with c/C/t/T (cộng, tổng…) is read further.
  for (let index = header.dataStart; index < rows.length; index++) {
    const first = firstLeading(rows[index] ?? []);
    if (typeof first !== 'string' || !/^\s*[cCtT]/.test(first)) continue;
    if (TOTAL.test(lower(first))) emptied.add(index);
  }

  // The signature block: under the last row that gives a rating, the first row that starts one.
  let lastRated = header.dataStart - 1;
  for (let index = rows.length - 1; index >= header.dataStart; index--) {
    if ((rows[index] ?? []).some((cell) => givesRating(cell, header))) {
      lastRated = index;
      break;
    }
  }
  for (let index = lastRated + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const first = firstLeading(row);
    const starts =
      (first !== undefined && SIGNATURE.test(lower(first))) ||
      row.some((cell) => DATE_LINE.test(lower(cell)));
    if (!starts) continue;
    for (let below = index; below < rows.length; below++) emptied.add(below);
    break;
  }

  if (emptied.size === 0) return sheet;
  return { ...sheet, rows: rows.map((row, index) => (emptied.has(index) ? [] : row)) };
}

/** A cell holding a rating or a not-rated reason (a mark counts in the one-column-per-level form). */
function givesRating(cell: CellValue, header: MemberHeader): boolean {
  if (isEmptyCell(cell)) return false;
  if (header.marks.size && (cell === true || cell === 1 || /^[xX✓]$/.test(cellText(cell)))) return true;
  const text = cellText(cell);
  return readRatingLabel(text) !== null || readReasonLabel(text) !== null;
}
