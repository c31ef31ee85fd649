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

/** Consecutive columns of one width, so each run is set in one call; default-width columns are skipped. */
export function widthRuns(widths: (number | null)[]): { column: number; count: number; width: number }[] {
  const runs: { column: number; count: number; width: number }[] = [];
  widths.forEach((width, index) => {
    const last = runs.at(-1);
    if (width === null) return;
    if (last && last.width === width && last.column + last.count === index + 1) last.count++;
    else runs.push({ column: index + 1, count: 1, width });
  });
  return runs;
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
