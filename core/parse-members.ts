import { cellText, isEmptyCell, isFormulaError, parseDate, parseNumber, parseYes } from './cells';
import { columnLetter, findHeader, headerName, type HeaderMatch } from './headers';
import { issue } from './issues';
import { nearestLabel, normalizedLabelIssue, readRatingLabel, readReasonLabel } from './labels';
import { MEMBER_COLUMNS, type MemberColumn } from './sheet-formats';
import { cleanText, compactKey, foldText } from './text';
import type { CellValue, Grid, Issue, MemberRow, SheetData } from './types';

export interface ParsedMembers {
  sheet: string;
  members: MemberRow[];
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

export function findMemberHeader(grid: Grid): HeaderMatch<MemberColumn> | null {
  return findHeader(grid, MEMBER_COLUMNS, ['name', 'rating']);
}

export function parseMemberSheet(sheet: SheetData, header: HeaderMatch<MemberColumn>): ParsedMembers {
  /** Per row, fields read from another column than their own (a reason typed in the rating column). */
  const readFrom = new Map<number, Partial<Record<MemberColumn, number>>>();
  const columns: Partial<Record<MemberColumn, string>> = {};
  for (const [key, index] of Object.entries(header.columns) as [MemberColumn, number][])
    columns[key] = columnLetter(index);
  const result: ParsedMembers = {
    sheet: sheet.name,
    members: [],
    issues: [],
    columns,
    unreadable: new Set(),
    unreadableNames: new Set(),
    rawValue: (row, key) => {
      const at = readFrom.get(row)?.[key] ?? header.columns[key];
      return at === undefined ? null : (sheet.rows[row - 1]?.[at] ?? null);
    },
    columnAt: (row, key) => {
      const at = readFrom.get(row)?.[key] ?? header.columns[key];
      return at === undefined ? null : columnLetter(at);
    },
  };
  const headerOf = (key: MemberColumn) => headerName(MEMBER_COLUMNS, key);

  const headerKeys = Object.keys(header.columns) as MemberColumn[];
  for (let index = header.headerIndex + 1; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    const rowNumber = index + 1;
    const get = (key: MemberColumn): CellValue => {
      const at = header.columns[key];
      return at === undefined ? null : cells[at];
    };
    const textOf = (key: MemberColumn): string => (isFormulaError(get(key)) ? '' : cellText(get(key)));
    if (isBlankRow(cells, header.columns.index)) continue;
    const nameText = cellText(get('name'));
    if (isEmptyCell(get('rating')) && TOTAL_ROW_NAMES.has(foldText(nameText).replace(/[:.]/g, ''))) continue;

    const place = (key: MemberColumn) => ({
      sheet: sheet.name,
      row: rowNumber,
      column: columns[key] ?? null,
      header: headerOf(key),
      value: get(key),
    });
    let broken = false;
    for (const key of headerKeys) {
      if (isFormulaError(get(key))) {
        result.issues.push(
          issue(
            'E_CELL_ERROR',
            place(key),
            `Ô chứa lỗi công thức ${cellText(get(key))}: hãy sửa công thức hoặc nhập giá trị.`,
          ),
        );
        if (key === 'rating' || key === 'reason') broken = true;
      }
    }

    const member: MemberRow = { row: rowNumber, name: textOf('name') };
    if (isFormulaError(get('name'))) result.unreadableNames.add(rowNumber);
    const card = textOf('card');
    if (card) member.card = card;
    const cellName = textOf('cell');
    if (cellName) member.cell = cellName;
    const note = textOf('note');
    if (note) member.note = note;

    for (const [key, field] of [
      ['birthDate', 'birthDate'],
      ['admittedOn', 'admittedOn'],
    ] as const) {
      const raw = get(key);
      if (isFormulaError(raw)) continue;
      const parsed = parseDate(raw);
      if (!parsed.ok) {
        result.issues.push(
          issue(
            'E_DATE_INVALID',
            place(key),
            `Ngày “${cellText(raw)}” không đọc được: cần một ô ngày hoặc dạng dd/mm/yyyy.`,
          ),
        );
      } else if (parsed.value) member[field] = parsed.value;
    }

    for (const key of ['disciplined', 'sickLeave', 'probationary', 'selfCorrected'] as const) {
      const raw = get(key);
      if (isFormulaError(raw)) continue;
      const parsed = parseYes(raw);
      if (parsed.ok) {
        if (parsed.value) member[key] = true;
      } else {
        result.issues.push(
          issue(
            'E_FLAG_INVALID',
            place(key),
            `Giá trị “${cellText(raw)}” không rõ: đánh “x” (hoặc “Có”) nếu đúng, để trống nếu không.`,
          ),
        );
      }
    }

    const memberType = get('memberType');
    if (!isFormulaError(memberType) && !isEmptyCell(memberType)) {
      const probationary = parseMemberType(memberType);
      if (probationary === null) {
        result.issues.push(
          issue(
            'E_FLAG_INVALID',
            place('memberType'),
            `Loại đảng viên “${cellText(memberType)}” không rõ: ghi “Chính thức” hoặc “Dự bị”.`,
          ),
        );
      } else if (probationary) member.probationary = true;
    }

    for (const [key, field, scale] of [
      ['score', 'score', 100],
      ['scoreGeneral', 'scoreGeneral', 30],
      ['scoreTasks', 'scoreTasks', 70],
    ] as const) {
      const raw = get(key);
      if (isFormulaError(raw)) continue;
      const parsed = parseNumber(raw);
      if (!parsed.ok) {
        result.issues.push(
          issue(
            'E_SCORE_INVALID',
            place(key),
            `Điểm “${cellText(raw)}” không phải là một số từ 0 đến ${scale}.`,
          ),
        );
      } else if (parsed.value !== null) member[field] = parsed.value;
    }

    const groups = textOf('groups').split(/[;\n]/).map(cleanText).filter(Boolean);
    if (groups.length) member.groups = groups;

    const readReasonFrom = (key: 'reason', from: MemberColumn) => {
      const at = header.columns[from];
      if (at !== undefined) readFrom.set(rowNumber, { ...readFrom.get(rowNumber), [key]: at });
    };
    if (!broken) readRatingAndReason(get('rating'), get('reason'), member, result, place, readReasonFrom);
    if (broken) result.unreadable.add(rowNumber);
    result.members.push(member);
  }
  return result;
}

function readRatingAndReason(
  ratingRaw: CellValue,
  reasonRaw: CellValue,
  member: MemberRow,
  result: ParsedMembers,
  place: (key: MemberColumn) => Parameters<typeof issue>[1],
  readFrom: (key: 'reason', from: MemberColumn) => void,
): void {
  const ratingText = cellText(ratingRaw);
  const reasonText = cellText(reasonRaw);
  if (ratingText) {
    const rating = readRatingLabel(ratingText);
    // A not-rated reason typed into the rating column is read as the reason.
    const reasonInRating = rating ? null : readReasonLabel(ratingText);
    if (rating) {
      member.rating = rating.code;
      if (rating.normalized)
        result.issues.push(normalizedLabelIssue(place('rating'), ratingText, rating.canonical));
    } else if (reasonInRating && !reasonText) {
      member.reason = reasonInRating.code;
      readFrom('reason', 'rating');
      if (reasonInRating.normalized)
        result.issues.push(normalizedLabelIssue(place('rating'), ratingText, reasonInRating.canonical));
    } else {
      result.unreadable.add(member.row!);
      result.issues.push(
        issue(
          'E_RATING_UNKNOWN',
          place('rating'),
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
        result.issues.push(normalizedLabelIssue(place('reason'), reasonText, reason.canonical));
    } else {
      result.unreadable.add(member.row!);
      result.issues.push(
        issue(
          'E_REASON_UNKNOWN',
          place('reason'),
          `Không nhận ra lý do không xếp loại “${reasonText}”. Có phải “${nearestLabel(reasonText, 'reason')}”?`,
        ),
      );
    }
  }
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
  return cells.every((cell, at) => at === indexColumn || isEmptyCell(cell));
}
