import { cellText, isEmptyCell, parseDate } from './cells';
import { findSheet, sameName } from './headers';
import { issue } from './issues';
import { ruleSetIdFromText } from './rules';
import { INFO_KEYS, PERIOD_KEY, RULE_SET_KEY, SHEET_NAMES, UNIT_KINDS } from './sheet-formats';
import { foldText } from './text';
import type { CellValue, Issue, Quarter, RuleSetId, SheetData, WorkbookData } from './types';

export interface UnitInfoRead {
  code: string | null;
  name: string | null;
  year: number | null;
  kind: string | null;
  evaluationDate: string | null;
  ruleSet: RuleSetId | null;
  /** `Kỳ đánh giá`: a quarter, or null for the year's evaluation (the default). */
  quarter: Quarter | null;
  rows: Partial<Record<keyof typeof INFO_KEYS, number>>;
}

/** Reads the `Thông tin` key | value sheet; keys are matched loosely, the value is the first filled cell after the key. */
export function readUnitInfo(workbook: WorkbookData, issues: Issue[]): UnitInfoRead {
  const info: UnitInfoRead = {
    code: null,
    name: null,
    year: null,
    kind: null,
    evaluationDate: null,
    ruleSet: null,
    quarter: null,
    rows: {},
  };
  const sheet = findSheet(workbook, SHEET_NAMES.info);
  if (!sheet) return info;
  const keys = { ...INFO_KEYS, ruleSet: RULE_SET_KEY, period: PERIOD_KEY };
  forEachInfoValue(sheet, keys, (key, value, index, label) => {
    if (key === 'ruleSet') {
      info.ruleSet = readRuleSet(sheet.name, index, value, issues);
      return;
    }
    if (key === 'period') {
      info.quarter = readPeriod(sheet.name, index, value, issues);
      return;
    }
    info.rows[key] = index + 1;
    const place = { sheet: sheet.name, row: index + 1, column: null, header: label, value };
    if (value === null) return;
    switch (key) {
      case 'code':
        info.code = cellText(value).toUpperCase();
        break;
      case 'name':
        info.name = cellText(value);
        break;
      case 'kind':
        info.kind = canonicalKind(cellText(value));
        break;
      case 'year': {
        const year = yearOf(value);
        if (year !== null) info.year = year;
        else
          issues.push(
            issue(
              'E_INFO_INVALID',
              place,
              `Năm đánh giá “${cellText(value)}” không hợp lệ: cần một năm như 2023.`,
            ),
          );
        break;
      }
      case 'evaluationDate': {
        const parsed = parseDate(value);
        if (parsed.ok) info.evaluationDate = parsed.value;
        else
          issues.push(
            issue(
              'E_DATE_INVALID',
              place,
              `Ngày đánh giá “${cellText(value)}” không đọc được: cần dạng dd/mm/yyyy.`,
            ),
          );
        break;
      }
    }
  });
  return info;
}

const ROMAN_QUARTERS: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * The quarter a `Kỳ đánh giá` text names: "Quý 2", "quý II", "Q2", "Quý 2/2025", "Quý 2 năm 2025"; null for the
 * year ("Năm", "Cả năm", "Năm 2025"); undefined when it is neither.
 */
export function quarterFromText(text: string): Quarter | null | undefined {
  const folded = foldText(text)
    .replace(/[.,:;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(ca )?nam( \d{4})?$/.test(folded)) return null;
  const found = /^(?:quy|q) ?([1-4]|i{1,3}|iv)(?: ?(?:\/|-|nam)? ?\d{4})?$/.exec(folded);
  if (!found) return undefined;
  return (ROMAN_QUARTERS[found[1]] ?? Number(found[1])) as Quarter;
}

/** The quarter a `Kỳ đánh giá` row names (null: the year); an unknown period is an error and read as the year. */
function readPeriod(sheet: string, index: number, value: CellValue, issues: Issue[]): Quarter | null {
  if (value === null) return null;
  const quarter = quarterFromText(cellText(value));
  if (quarter !== undefined) return quarter;
  issues.push(
    issue(
      'E_INFO_INVALID',
      { sheet, row: index + 1, column: null, header: PERIOD_KEY, value },
      `Kỳ đánh giá “${cellText(value)}” không rõ: ghi “Năm” (đánh giá cả năm) hoặc “Quý 1”, “Quý 2”, “Quý 3”, “Quý 4”.`,
    ),
  );
  return null;
}

/** The rule set a `Quy định áp dụng` row names; an unknown one is reported and ignored. */
export function readRuleSet(
  sheet: string,
  index: number,
  value: CellValue,
  issues: Issue[],
): RuleSetId | null {
  if (value === null) return null;
  const id = ruleSetIdFromText(cellText(value));
  if (!id) {
    issues.push(
      issue(
        'E_INFO_INVALID',
        { sheet, row: index + 1, column: null, header: RULE_SET_KEY, value },
        `Quy định áp dụng “${cellText(value)}” không rõ: ghi “QĐ 124” (đến năm 2024) hoặc “QĐ 366” (từ năm 2025).`,
      ),
    );
  }
  return id;
}

/** Other words forms use for a `Thông tin` key (matched as loosely as the key itself). */
const INFO_KEY_SYNONYMS: Record<string, string[]> = {
  Năm: ['Năm đánh giá', 'Năm báo cáo', 'Năm đánh giá, xếp loại'],
  'Tên đơn vị': ['Tên tổ chức cơ sở đảng', 'Tên tổ chức đảng'],
  'Loại hình': ['Loại hình tổ chức', 'Loại hình tổ chức cơ sở đảng'],
  'Kỳ đánh giá': ['Kỳ báo cáo'],
};

/** A cell numbering the rows of a form: 1, "2.", "a)", "II." — not a key. */
const ROW_NUMBER = /^(\d{1,3}|[a-zđ]|[ivx]{1,5})[.)]?$/i;

/**
 * Calls `found` for each row of a key | value sheet whose key is one of `labels` (matched loosely, or by a
 * synonym; a colon or a star after it, and a row number before it, are ignored); the value is the first filled
 * cell after the key, null when there is none. A row of several keys with their values in the row below
 * (the same sheet laid out across) is read that way.
 */
export function forEachInfoValue<K extends string>(
  sheet: SheetData,
  labels: Record<K, string>,
  found: (key: K, value: CellValue, rowIndex: number, label: string) => void,
): void {
  const keys = Object.entries(labels) as [K, string][];
  const keyOf = (cell: CellValue): [K, string] | undefined => {
    if (typeof cell !== 'string') return undefined;
    // Forms often write the key with a colon or a star: "Mã đơn vị:", "Năm (*)".
    const keyText = cellText(cell).replace(/\(\*\)|[:*]+\s*$/g, '');
    return keys.find(
      ([, label]) =>
        sameName(keyText, label) || (INFO_KEY_SYNONYMS[label] ?? []).some((s) => sameName(keyText, s)),
    );
  };
  const rows = sheet.rows;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const keyCell = row.findIndex((cell) => !isEmptyCell(cell) && !ROW_NUMBER.test(cellText(cell)));
    if (keyCell === -1) continue;
    const match = keyOf(row[keyCell]);
    if (!match) continue;
    const valueCell = row.findIndex((cell, at) => at > keyCell && !isEmptyCell(cell));
    const value: CellValue = valueCell === -1 ? null : row[valueCell];
    if (valueCell !== -1 && keyOf(value)) {
      // Keys across a row, values under them.
      const below = rows[index + 1] ?? [];
      row.forEach((cell, at) => {
        const key = keyOf(cell);
        if (key) found(key[0], isEmptyCell(below[at] ?? null) ? null : below[at], index + 1, key[1]);
      });
      index++;
      continue;
    }
    found(match[0], value, index, match[1]);
  }
}

/** An evaluation year from a cell: 2023, "2023" or "Năm 2023"; null when it is not one. */
export function yearOf(value: CellValue): number | null {
  const yearText = /^(?:năm\s*)?(\d{4})$/i.exec(cellText(value))?.[1];
  const year = typeof value === 'number' ? value : Number(yearText ?? NaN);
  return Number.isInteger(year) && year >= 1990 && year <= 2200 ? year : null;
}

export function canonicalKind(text: string): string {
  const folded = foldText(text);
  const known = UNIT_KINDS.find((kind) => foldText(kind) === folded);
  if (known) return known;
  if (folded.startsWith('dang bo')) return 'Đảng bộ cơ sở';
  if (folded.startsWith('chi bo')) return 'Chi bộ cơ sở';
  return text;
}
