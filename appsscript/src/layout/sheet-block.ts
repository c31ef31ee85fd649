/** What an output sheet should hold: values with their number formats, emphasis and colours. */
export type BlockValue = string | number;

export interface BlockCell {
  value: BlockValue;
  format: string;
  bold: boolean;
  background: string | null;
}

/** A link to a place in the spreadsheet: `url` is `#gid=…&range=…`, null for plain text. */
export interface BlockLink {
  text: string;
  url: string | null;
}

export interface SheetBlock {
  sheet: string;
  rows: BlockCell[][];
  widths: number[];
  frozenRows: number;
  /**
   * Rich-text links down one column from `row` (1-based), written over the values in one call: no
   * HYPERLINK formula, whose argument separator depends on the locale.
   */
  links?: { row: number; column: number; cells: BlockLink[] };
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

/** Consecutive columns of one width, so each run is set in one call. */
export function widthRuns(widths: number[]): { column: number; count: number; width: number }[] {
  const runs: { column: number; count: number; width: number }[] = [];
  widths.forEach((width, index) => {
    const last = runs.at(-1);
    if (last && last.width === width) last.count++;
    else runs.push({ column: index + 1, count: 1, width });
  });
  return runs;
}

/** A whole number shown without separators: row numbers, years, versions. */
export function integer(
  value: number,
  options: Partial<Omit<BlockCell, 'value' | 'format'>> = {},
): BlockCell {
  return { value, format: '0', bold: false, background: null, ...options };
}
