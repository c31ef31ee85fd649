import { cellText, isEmptyCell, isFormulaError, parseDate, parseNumber, parseYes } from './cells';
import { columnLetter, findHeader, headerName, type ColumnSpec, type HeaderMatch } from './headers';
import { formRows, givesRating } from './form-rows';
import { issue } from './issues';
import { nearestLabel, normalizedLabelIssue, readRatingLabel } from './labels';
import type { CellValue, Issue, RatingLevel, SheetData } from './types';

/** One data row of a simple table sheet, with helpers that read typed values and report bad cells. */
export interface TableRow<K extends string> {
  row: number;
  text(key: K): string;
  raw(key: K): CellValue;
  number(key: K): number | null;
  date(key: K): string | null;
  rating(key: K): RatingLevel | null;
  /** A yes-cell ("x", "Có", TRUE, 1…): true, false when empty or "không". */
  yes(key: K): boolean;
}

/** Reads every non-blank row under the header; each bad cell becomes an Issue in `issues`. */
export function readTable<K extends string>(
  sheet: SheetData,
  specs: ColumnSpec<K>[],
  anchors: K[],
  issues: Issue[],
): { header: HeaderMatch<K>; rows: TableRow<K>[] } | null {
  const header = findHeader(sheet.rows, specs, anchors);
  if (!header) {
    const names = anchors.map((key) => `“${headerName(specs, key)}”`).join(', ');
    issues.push(
      issue(
        'E_HEADER_MISSING',
        { sheet: sheet.name, row: null, column: null },
        `Không tìm thấy dòng tiêu đề có các cột ${names} trong 15 dòng đầu.`,
      ),
    );
    return null;
  }
  const rows: TableRow<K>[] = [];
  const keyColumn = header.columns[anchors[0]]!;
  const ratingColumn = (header.columns as Partial<Record<string, number>>).rating;
  // The column-number row, total rows and the signature block of the form are not rows of the table.
  const skipped = formRows(sheet.rows, {
    dataStart: header.dataStart,
    keyColumn,
    leading: keyColumn,
    givesData: (cells) =>
      ratingColumn !== undefined
        ? givesRating(cells[ratingColumn], false)
        : cells.some((cell, at) => at !== keyColumn && typeof cell === 'number'),
    isEntry: (cells) => ratingColumn !== undefined && givesRating(cells[ratingColumn], false),
  });
  for (let index = header.dataStart; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    if (skipped.has(index)) continue;
    if ((Object.values(header.columns) as number[]).every((at) => isEmptyCell(cells[at]))) continue;
    rows.push(tableRow(sheet.name, specs, header, cells, index + 1, issues));
  }
  return { header, rows };
}

function tableRow<K extends string>(
  sheet: string,
  specs: ColumnSpec<K>[],
  header: HeaderMatch<K>,
  cells: CellValue[],
  row: number,
  issues: Issue[],
): TableRow<K> {
  const raw = (key: K): CellValue => {
    const at = header.columns[key];
    return at === undefined ? null : cells[at];
  };
  const place = (key: K) => ({
    sheet,
    row,
    column: header.columns[key] === undefined ? null : columnLetter(header.columns[key]!),
    header: headerName(specs, key),
    value: raw(key),
  });
  const cellError = (key: K) => {
    if (!isFormulaError(raw(key))) return false;
    issues.push(
      issue(
        'E_CELL_ERROR',
        place(key),
        `Ô chứa lỗi công thức ${cellText(raw(key))}: hãy sửa công thức hoặc nhập giá trị.`,
      ),
    );
    return true;
  };
  return {
    row,
    raw,
    text: (key) => (isFormulaError(raw(key)) ? '' : cellText(raw(key))),
    number(key) {
      if (cellError(key)) return null;
      const parsed = parseNumber(raw(key));
      if (parsed.ok) return parsed.value;
      issues.push(issue('E_NUMBER_INVALID', place(key), `“${cellText(raw(key))}” không phải là một số.`));
      return null;
    },
    date(key) {
      if (cellError(key)) return null;
      const parsed = parseDate(raw(key));
      if (parsed.ok) return parsed.value;
      issues.push(
        issue(
          'E_DATE_INVALID',
          place(key),
          `Ngày “${cellText(raw(key))}” không đọc được: cần dạng dd/mm/yyyy.`,
        ),
      );
      return null;
    },
    yes(key) {
      if (cellError(key)) return false;
      const parsed = parseYes(raw(key));
      if (parsed.ok) return parsed.value;
      issues.push(
        issue(
          'E_FLAG_INVALID',
          place(key),
          `Giá trị “${cellText(raw(key))}” không rõ: đánh “x” (hoặc “Có”) nếu đúng, để trống nếu không.`,
        ),
      );
      return false;
    },
    rating(key) {
      if (cellError(key)) return null;
      const text = cellText(raw(key));
      if (!text) return null;
      const read = readRatingLabel(text);
      if (read?.normalized) issues.push(normalizedLabelIssue(place(key), text, read.canonical));
      const level = read?.code ?? null;
      if (!level) {
        issues.push(
          issue(
            'E_RATING_UNKNOWN',
            place(key),
            `Không nhận ra mức xếp loại “${text}”. Có phải “${nearestLabel(text, 'rating')}”?`,
          ),
        );
      }
      return level;
    },
  };
}
