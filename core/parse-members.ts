import { cellText, dayOfCell, isEmptyCell, isFormulaError, parseNumber, parseYes } from './cells';
import { columnLetter, headerName } from './headers';
import type { MemberHeader } from './rating-marks';
import { issue } from './issues';
import { nearestLabel, normalizedLabelIssue, readRatingLabel, readReasonLabel } from './labels';
import { clearMemberView, lazyMembers, MemberTable, memberView } from './member-table';
import { MEMBER_COLUMNS, type MemberColumn } from './sheet-formats';
import { cleanText, cleanTextKeyHash, compactKey, foldText, lastCleanedKeyHash } from './text';
import type { CellValue, Issue, MemberRow, SheetData } from './types';

export interface ParsedMembers {
  sheet: string;
  /** Made from `table` when first read (see `lazyMembers`). */
  members: MemberRow[];
  /** The same rows by column: what the checks and tallies read. */
  table: MemberTable;
  issues: Issue[];
  /** Column letter of each recognised field, so later checks can name the cell. */
  columns: Partial<Record<MemberColumn, string>>;
  /** Rows whose rating or reason could not be read (already reported; not reported again as missing). */
  unreadable: Set<number>;
  /** Rows whose name cell holds a formula error (already reported; not reported again as missing). */
  unreadableNames: Set<number>;
  /** The cell as it stands in the sheet, for the raw value of issues found after reading. */
  rawValue(row: number, key: MemberColumn): CellValue;
  /** The column letter of a field in one row: where its value was actually read from. */
  columnAt(row: number, key: MemberColumn): string | null;
}

const TOTAL_ROW_NAMES = new Set(['tong', 'tong cong', 'cong', 'tong so', 'tong so dang vien']);

export function parseMemberSheet(sheet: SheetData, header: MemberHeader): ParsedMembers {
  /** Per row, fields read from another column than their own (a reason typed in the rating column). */
  const readFrom = new Map<number, Partial<Record<MemberColumn, number>>>();
  const at = header.columns;
  const columns: Partial<Record<MemberColumn, string>> = {};
  for (const [key, index] of Object.entries(at) as [MemberColumn, number][])
    columns[key] = columnLetter(index);
  const table = new MemberTable(
    sheet.rows.length - header.dataStart,
    new Set(Object.keys(at) as MemberColumn[]),
  );
  const result: ParsedMembers = {
    sheet: sheet.name,
    members: [],
    table,
    issues: [],
    columns,
    unreadable: new Set(),
    unreadableNames: new Set(),
    rawValue: (row, key) => {
      const column = readFrom.get(row)?.[key] ?? at[key];
      return column === undefined ? null : (sheet.rows[row - 1]?.[column] ?? null);
    },
    columnAt: (row, key) => {
      const column = readFrom.get(row)?.[key] ?? at[key];
      return column === undefined ? null : columnLetter(column);
    },
  };
  // Looked up once per sheet: which fields the sheet has, in the order they are read.
  const headerKeys = Object.keys(at) as MemberColumn[];
  const headerColumns = headerKeys.map((key) => at[key]!);
  const present = <K extends MemberColumn>(keys: readonly K[]) => keys.filter((key) => at[key] !== undefined);
  const dateKeys = present(['birthDate', 'admittedOn'] as const);
  const flagKeys = present(['disciplined', 'sickLeave', 'probationary', 'selfCorrected'] as const);
  const scoreKeys = present(['score', 'scoreGeneral', 'scoreTasks'] as const);
  // Their columns, so that a row reads its cells without looking a key up.
  const dateColumns = dateKeys.map((key) => at[key]!);
  const flagColumns = flagKeys.map((key) => at[key]!);
  const scoreColumns = scoreKeys.map((key) => at[key]!);
  const markColumns = [...header.marks.keys()];
  // One row object, filled row after row and copied into the table.
  const member = memberView();
  const ratingTexts = new RecentCellTexts();
  const place = (rowNumber: number, cells: CellValue[], key: MemberColumn) => ({
    sheet: sheet.name,
    row: rowNumber,
    column: columns[key] ?? null,
    header: headerName(MEMBER_COLUMNS, key),
    value: valueAt(cells, at[key]),
  });

  const readReasonFrom = (rowNumber: number, from: MemberColumn) => {
    const column = at[from];
    if (column !== undefined) readFrom.set(rowNumber, { ...readFrom.get(rowNumber), reason: column });
  };

  for (let index = header.dataStart; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    const rowNumber = index + 1;
    if (isBlankRow(cells, at.index)) continue;
    const nameRaw = valueAt(cells, at.name);
    // The name's and card number's key hashes (the duplicate checks) are taken as they are cleaned.
    const nameIsText = typeof nameRaw === 'string';
    const nameText = nameIsText ? cleanTextKeyHash(nameRaw, false) : cellText(nameRaw);
    const nameHash = nameIsText ? lastCleanedKeyHash() : undefined;
    const ratingRaw = valueAt(cells, at.rating);
    if (
      isEmptyCell(ratingRaw) &&
      markColumns.every((column) => isEmptyCell(cells[column])) &&
      isTotalRow(nameText)
    )
      continue;

    let broken = false;
    for (let k = 0; k < headerKeys.length; k++) {
      const raw = cells[headerColumns[k]];
      if (isFormulaError(raw)) {
        const key = headerKeys[k];
        result.issues.push(
          issue(
            'E_CELL_ERROR',
            place(rowNumber, cells, key),
            `Ô chứa lỗi công thức ${cellText(raw)}: hãy sửa công thức hoặc nhập giá trị.`,
          ),
        );
        if (key === 'rating' || key === 'reason') broken = true;
      }
    }

    const nameBroken = isFormulaError(nameRaw);
    clearMemberView(member, rowNumber, nameBroken ? '' : nameText);
    if (nameBroken) result.unreadableNames.add(rowNumber);
    const cardRaw = valueAt(cells, at.card);
    const cardIsText = typeof cardRaw === 'string' && !isFormulaError(cardRaw);
    const card = cardIsText ? cleanTextKeyHash(cardRaw, true) : textAt(cells, at.card);
    const cardHash = cardIsText ? lastCleanedKeyHash() : undefined;
    if (card) member.card = card;
    const cellName = textAt(cells, at.cell);
    if (cellName) member.cell = cellName;
    const note = textAt(cells, at.note);
    if (note) member.note = note;

    for (let k = 0; k < dateKeys.length; k++) {
      const key = dateKeys[k];
      const raw = cells[dateColumns[k]];
      if (isFormulaError(raw)) continue;
      const day = dayOfCell(raw);
      if (day === false) {
        result.issues.push(
          issue(
            'E_DATE_INVALID',
            place(rowNumber, cells, key),
            `Ngày “${cellText(raw)}” không đọc được: cần một ô ngày hoặc dạng dd/mm/yyyy.`,
          ),
        );
      } else if (day) member[key] = day;
    }

    for (let k = 0; k < flagKeys.length; k++) {
      const key = flagKeys[k];
      const raw = cells[flagColumns[k]];
      if (isFormulaError(raw)) continue;
      const parsed = parseYes(raw);
      if (parsed.ok) {
        if (parsed.value) member[key] = true;
      } else {
        result.issues.push(
          issue(
            'E_FLAG_INVALID',
            place(rowNumber, cells, key),
            `Giá trị “${cellText(raw)}” không rõ: đánh “x” (hoặc “Có”) nếu đúng, để trống nếu không.`,
          ),
        );
      }
    }

    let probationaryByType = false;
    const memberType = valueAt(cells, at.memberType);
    if (!isFormulaError(memberType) && !isEmptyCell(memberType)) {
      const probationary = parseMemberType(memberType);
      if (probationary === null) {
        result.issues.push(
          issue(
            'E_FLAG_INVALID',
            place(rowNumber, cells, 'memberType'),
            `Loại đảng viên “${cellText(memberType)}” không rõ: ghi “Chính thức” hoặc “Dự bị”.`,
          ),
        );
      } else if (probationary) {
        probationaryByType = !member.probationary;
        member.probationary = true;
      }
    }

    for (let k = 0; k < scoreKeys.length; k++) {
      const key = scoreKeys[k];
      const raw = cells[scoreColumns[k]];
      if (isFormulaError(raw)) continue;
      const parsed = parseNumber(raw);
      if (!parsed.ok) {
        result.issues.push(
          issue(
            'E_SCORE_INVALID',
            place(rowNumber, cells, key),
            `Điểm “${cellText(raw)}” không phải là một số từ 0 đến ${SCORE_SCALES[key]}.`,
          ),
        );
      } else if (parsed.value !== null) member[key] = parsed.value;
    }

    const groups = groupsOf(textAt(cells, at.groups));
    if (groups) member.groups = groups;

    if (markColumns.length) broken = readMarks(sheet, header, cells, member, result, readFrom) || broken;
    if (!broken) {
      readRatingAndReason(
        ratingTexts.of(ratingRaw),
        valueAt(cells, at.reason),
        cells,
        member,
        result,
        place,
        readReasonFrom,
      );
    }
    if (broken) result.unreadable.add(rowNumber);
    table.append(member, probationaryByType, nameBroken ? undefined : nameHash, cardHash);
  }
  lazyMembers(result, table);
  return result;
}

/**
 * cellText of the cells of one column whose few texts repeat down a sheet (the ratings): a cell equal to
 * one of the last four is not cleaned again, and gives the same string as before, which the label reader
 * then recognises by identity.
 */
class RecentCellTexts {
  private readonly cells: CellValue[] = ['', '', '', ''];
  private readonly texts: string[] = ['', '', '', ''];
  private next = 0;

  of(value: CellValue): string {
    if (typeof value !== 'string') return cellText(value);
    for (let i = 0; i < RECENT; i++) if (this.cells[i] === value) return this.texts[i];
    const text = cellText(value);
    this.cells[this.next] = value;
    this.texts[this.next] = text;
    this.next = (this.next + 1) % RECENT;
    return text;
  }
}

const RECENT = 4;

const SCORE_SCALES = { score: 100, scoreGeneral: 30, scoreTasks: 70 } as const;

function valueAt(cells: CellValue[], column: number | undefined): CellValue {
  return column === undefined ? null : cells[column];
}

/** The cell's text, or '' for a formula error (reported apart). */
function textAt(cells: CellValue[], column: number | undefined): string {
  const raw = valueAt(cells, column);
  return isFormulaError(raw) ? '' : cellText(raw);
}

/** A total row ("Tổng cộng:") names no member; it is only looked for in rows without a rating. */
function isTotalRow(nameText: string): boolean {
  return TOTAL_ROW_NAMES.has(foldText(nameText).replace(/[:.]/g, ''));
}

/** `Nhóm`: tags separated by ";" or line breaks; most cells hold one tag or none. */
function groupsOf(text: string): string[] | null {
  if (!text) return null;
  if (text.indexOf(';') < 0 && text.indexOf('\n') < 0) return [text];
  const groups = text.split(/[;\n]/).map(cleanText).filter(Boolean);
  return groups.length ? groups : null;
}

function readRatingAndReason(
  ratingText: string,
  reasonRaw: CellValue,
  cells: CellValue[],
  member: MemberRow,
  result: ParsedMembers,
  placeOf: (rowNumber: number, cells: CellValue[], key: MemberColumn) => Parameters<typeof issue>[1],
  readFrom: (rowNumber: number, from: MemberColumn) => void,
): void {
  const row = member.row!;
  const reasonText = cellText(reasonRaw);
  if (ratingText) {
    const rating = readRatingLabel(ratingText);
    // A not-rated reason typed into the rating column is read as the reason.
    const reasonInRating = rating ? null : readReasonLabel(ratingText);
    if (rating) {
      member.rating = rating.code;
      if (rating.normalized)
        result.issues.push(normalizedLabelIssue(placeOf(row, cells, 'rating'), ratingText, rating.canonical));
    } else if (reasonInRating && !reasonText) {
      member.reason = reasonInRating.code;
      readFrom(row, 'rating');
      if (reasonInRating.normalized)
        result.issues.push(
          normalizedLabelIssue(placeOf(row, cells, 'rating'), ratingText, reasonInRating.canonical),
        );
    } else {
      result.unreadable.add(member.row!);
      result.issues.push(
        issue(
          'E_RATING_UNKNOWN',
          placeOf(row, cells, 'rating'),
          `Không nhận ra mức xếp loại “${ratingText}”. Có phải “${nearestLabel(ratingText, 'rating')}”?`,
        ),
      );
    }
  }
  if (reasonText) {
    const reason = readReasonLabel(reasonText);
    if (reason) {
      member.reason = reason.code;
      if (reason.normalized)
        result.issues.push(normalizedLabelIssue(placeOf(row, cells, 'reason'), reasonText, reason.canonical));
    } else {
      result.unreadable.add(member.row!);
      result.issues.push(
        issue(
          'E_REASON_UNKNOWN',
          placeOf(row, cells, 'reason'),
          `Không nhận ra lý do không xếp loại “${reasonText}”. Có phải “${nearestLabel(reasonText, 'reason')}”?`,
        ),
      );
    }
  }
}

/**
 * The one-column-per-level form: exactly one marked column gives the rating or the reason. Several marks are
 * E_RATING_MULTIPLE naming them; a mark cell that is not a yes-cell is E_FLAG_INVALID. Returns true when the
 * row's rating cannot be read (already reported). The rating is then "read from" the marked column (or the
 * first level column when none is marked), so later issues point at the cell to fix.
 */
function readMarks(
  sheet: SheetData,
  header: MemberHeader,
  cells: CellValue[],
  member: MemberRow,
  result: ParsedMembers,
  readFrom: Map<number, Partial<Record<MemberColumn, number>>>,
): boolean {
  const row = member.row!;
  const marked: number[] = [];
  let broken = false;
  const headerText = (at: number) =>
    cellText(sheet.rows[header.dataStart - 1]?.[at]) || cellText(sheet.rows[header.headerIndex]?.[at]);
  for (const at of header.marks.keys()) {
    const raw = cells[at];
    const place = { sheet: sheet.name, row, column: columnLetter(at), header: headerText(at), value: raw };
    if (isFormulaError(raw)) {
      result.issues.push(
        issue(
          'E_CELL_ERROR',
          place,
          `Ô chứa lỗi công thức ${cellText(raw)}: hãy sửa công thức hoặc nhập giá trị.`,
        ),
      );
      broken = true;
      continue;
    }
    const yes = parseYes(raw);
    if (!yes.ok) {
      result.issues.push(
        issue(
          'E_FLAG_INVALID',
          place,
          `Giá trị “${cellText(raw)}” không rõ: ở cột “${headerText(at)}” chỉ đánh “x” nếu đúng, để trống nếu không.`,
        ),
      );
      broken = true;
    } else if (yes.value) marked.push(at);
  }
  const first = marked[0] ?? [...header.marks.keys()].find((at) => 'rating' in header.marks.get(at)!)!;
  readFrom.set(row, { ...readFrom.get(row), rating: first });
  if (broken) return true;
  if (marked.length > 1) {
    const named = marked.map((at) => `${headerText(at)} (cột ${columnLetter(at)})`).join(', ');
    result.issues.push(
      issue(
        'E_RATING_MULTIPLE',
        {
          sheet: sheet.name,
          row,
          column: columnLetter(first),
          header: headerText(first),
          value: cells[first],
        },
        `Đánh dấu nhiều cột cùng lúc: ${named}. Mỗi đảng viên chỉ đánh dấu một cột.`,
      ),
    );
    return true;
  }
  if (marked.length === 1) {
    const mark = header.marks.get(first)!;
    if ('rating' in mark) member.rating = mark.rating;
    else {
      member.reason = mark.reason;
      readFrom.set(row, { ...readFrom.get(row), reason: first });
    }
  }
  return false;
}

/** `Loại đảng viên`: true for "Dự bị", false for "Chính thức", null for anything else. */
function parseMemberType(value: CellValue): boolean | null {
  const key = compactKey(cellText(value));
  if (key === 'dubi' || key === 'db' || key === 'dangviendubi') return true;
  if (key === 'chinhthuc' || key === 'ct' || key === 'dangvienchinhthuc') return false;
  return null;
}

/** A row is blank when nothing but its STT is filled (templates number rows ahead of the data). */
function isBlankRow(cells: CellValue[], indexColumn: number | undefined): boolean {
  for (let at = 0; at < cells.length; at++) if (at !== indexColumn && !isEmptyCell(cells[at])) return false;
  return true;
}
