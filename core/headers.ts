import { cellText } from './cells';
import { compactKey, foldText } from './text';
import type { Grid, SheetData, WorkbookData } from './types';

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  synonyms: string[];
  required?: boolean;
  /** Read from files units send, but not a column of the template (another column says the same). */
  readOnly?: boolean;
}

export interface HeaderMatch<K extends string> {
  /** 0-based index of the header row in the grid (the upper row of a two-row header). */
  headerIndex: number;
  /** 0-based index of the first data row: after one header row, or two when a group row sits above. */
  dataStart: number;
  /** 0-based column index for each recognised key. */
  columns: Partial<Record<K, number>>;
  missing: ColumnSpec<K>[];
}

export const HEADER_SEARCH_ROWS = 15;

/** The canonical header of a column, as messages name it. */
export function headerName<K extends string>(specs: ColumnSpec<K>[], key: K): string {
  return specs.find((spec) => spec.key === key)!.header;
}

function headerKeys<K extends string>(spec: ColumnSpec<K>): string[] {
  return [spec.header, ...spec.synonyms].map(compactKey);
}

export function matchHeaderRow<K extends string>(
  row: Grid[number],
  specs: ColumnSpec<K>[],
): Partial<Record<K, number>> {
  const columns: Partial<Record<K, number>> = {};
  const keyed = specs.map((spec) => ({ spec, keys: headerKeys(spec) }));
  (row ?? []).forEach((cell, index) => {
    const text = cellText(cell);
    // "Xếp loại (ghi HTXSNV, HTTNV…)": a note in brackets after the header name is not part of it.
    const key = compactKey(text);
    const withoutNote = compactKey(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ''));
    if (!key) return;
    const found = keyed.find(
      ({ spec, keys }) =>
        columns[spec.key] === undefined && (keys.includes(key) || keys.includes(withoutNote)),
    );
    if (found) columns[found.spec.key] = index;
  });
  return columns;
}

/**
 * The header row is the first of the first 15 rows that holds every one of `anchors` (e.g. name and
 * rating); title rows above it are normal. A header may take two rows (a merged group row such as "Kết
 * quả xếp loại" above the columns it groups): see `headerRowsAt`.
 */
export function findHeader<K extends string>(
  grid: Grid,
  specs: ColumnSpec<K>[],
  anchors: K[],
): HeaderMatch<K> | null {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const { columns, dataStart } = headerRowsAt(grid, index, specs, anchors[0]);
    if (anchors.every((key) => columns[key] !== undefined)) {
      return {
        headerIndex: index,
        dataStart,
        columns,
        missing: specs.filter((s) => s.required && columns[s.key] === undefined),
      };
    }
  }
  return null;
}

/**
 * The columns named by the row at `index`, and by the row below it when that row continues the header: it
 * names columns the upper row does not, and under the `lead` column (the name, the code) it is empty or
 * repeats the upper row (a merged cell some readers copy), or it holds the lead header itself. `extraBelow`
 * lets a caller count its own header cells in the row below (the one-column-per-level marks).
 */
export function headerRowsAt<K extends string>(
  grid: Grid,
  index: number,
  specs: ColumnSpec<K>[],
  lead: K,
  extraBelow = 0,
): { columns: Partial<Record<K, number>>; dataStart: number } {
  const top = matchHeaderRow(grid[index], specs);
  const below = grid[index + 1];
  if (!below) return { columns: top, dataStart: index + 1 };
  const under = matchHeaderRow(below, specs);
  const adds = (Object.keys(under) as K[]).some((key) => top[key] === undefined) || extraBelow > 0;
  const leadAt = top[lead];
  // A title row above the header names no column: it is not part of the header.
  const leadFree =
    leadAt === undefined
      ? under[lead] !== undefined && Object.keys(top).length > 0
      : cellText(below[leadAt]) === '' ||
        compactKey(cellText(below[leadAt])) === compactKey(cellText(grid[index][leadAt]));
  // A column named on both rows with different names: the upper row is a title, not a group row.
  const underAt = new Map(Object.entries(under).map(([key, at]) => [at as number, key]));
  const clash = Object.entries(top).some(([key, at]) => (underAt.get(at as number) ?? key) !== key);
  if (!adds || !leadFree || clash) return { columns: top, dataStart: index + 1 };
  return { columns: { ...under, ...top }, dataStart: index + 2 };
}

/** The row (0-based) among the first 15 that matches the most columns, for naming what is missing. */
export function bestHeaderGuess<K extends string>(grid: Grid, specs: ColumnSpec<K>[]): HeaderMatch<K> {
  let best: HeaderMatch<K> = {
    headerIndex: 0,
    dataStart: 1,
    columns: {},
    missing: specs.filter((s) => s.required),
  };
  let bestCount = -1;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const columns = matchHeaderRow(grid[index], specs);
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      bestCount = count;
      best = {
        headerIndex: index,
        dataStart: index + 1,
        columns,
        missing: specs.filter((s) => s.required && columns[s.key] === undefined),
      };
    }
  }
  return best;
}

export function sameName(a: string, b: string): boolean {
  return foldText(a).replace(/\s/g, '') === foldText(b).replace(/\s/g, '');
}

export function findSheet(workbook: WorkbookData, name: string): SheetData | undefined {
  return workbook.sheets.find((sheet) => sameName(sheet.name, name));
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The 0-based index of spreadsheet column letters: A → 0, AB → 27 (the inverse of columnLetter). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
