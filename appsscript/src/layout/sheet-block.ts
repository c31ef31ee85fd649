/** What an output sheet should hold: values with their number formats, emphasis and colours. */
export type BlockValue = string | number;

export interface BlockCell {
  value: BlockValue;
  format: string;
  bold: boolean;
  background: string | null;
}

export interface SheetBlock {
  sheet: string;
  rows: BlockCell[][];
  /** Column widths in pixels from A; null leaves Sheets' default. */
  widths: (number | null)[];
  frozenRows: number;
}

/** Number formats: the spreadsheet's locale decides the separators ("11.940", "14,25%" in vi_VN). */
export const FORMATS = {
  text: '@',
} as const;

export const COLOURS = {
  header: '#d9e2f3',
  title: null,
  breach: '#fce8b2',
  missing: '#f4c7c3',
  ok: '#d9ead3',
} as const;

export function text(value: string, options: Partial<Omit<BlockCell, 'value' | 'format'>> = {}): BlockCell {
  return { value, format: FORMATS.text, bold: false, background: null, ...options };
}

export function headerRow(labels: string[]): BlockCell[] {
  return labels.map((label) => text(label, { bold: true, background: COLOURS.header }));
}

/** Rows padded to one width, as setValues and its siblings need. */
export function rectangular(rows: BlockCell[][]): BlockCell[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => text(''))]);
}

export interface WidthCall {
  column: number;
  count: number;
  width: number;
}

/**
 * The fewest setColumnWidths calls that give every column its width, made in the order returned: a later
 * call overwrites part of an earlier one (`9 9 9 8 9` is two calls: all five at 9, then the fourth at 8,
 * where runs of one width take three). Columns left at Sheets' default (null) are never covered. The
 * fewest strokes of a "strange printer" over each stretch between default columns: the first column's
 * stroke is extended to a later column of the same width when painting what lies between them afterwards
 * costs less.
 */
export function widthCalls(widths: (number | null)[]): WidthCall[] {
  const calls: WidthCall[] = [];
  let start = 0;
  for (let end = 0; end <= widths.length; end++) {
    if (end < widths.length && widths[end] !== null) continue;
    if (end > start) calls.push(...paint(widths.slice(start, end) as number[], start));
    start = end + 1;
  }
  return calls;
}

function paint(widths: number[], offset: number): WidthCall[] {
  const memo = new Map<string, WidthCall[]>();
  // Calls for columns i..j (0-based, inclusive), the first one starting at i with i's width.
  const solve = (i: number, j: number): WidthCall[] => {
    if (i > j) return [];
    const key = `${i}:${j}`;
    const known = memo.get(key);
    if (known) return known;
    let best = [{ column: offset + i + 1, count: 1, width: widths[i] }, ...solve(i + 1, j)];
    for (let k = i + 1; k <= j; k++) {
      if (widths[k] !== widths[i]) continue;
      const [first, ...rest] = solve(k, j);
      const between = solve(i + 1, k - 1);
      if (between.length + rest.length + 1 < best.length)
        best = [
          { column: offset + i + 1, count: first.column + first.count - (offset + i + 1), width: widths[i] },
          ...between,
          ...rest,
        ];
    }
    memo.set(key, best);
    return best;
  };
  return solve(0, widths.length - 1);
}

/**
 * A formula cell (a HYPERLINK): any number format but plain text, under which Sheets would keep the
 * formula as text; '0' is the one integers already use.
 */
export function formula(value: string): BlockCell {
  return { value, format: '0', bold: false, background: null };
}

/** A whole number shown without separators: row numbers, years, versions. */
export function integer(
  value: number,
  options: Partial<Omit<BlockCell, 'value' | 'format'>> = {},
): BlockCell {
  return { value, format: '0', bold: false, background: null, ...options };
}
