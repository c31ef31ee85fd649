/** What an output sheet should hold: values with their number formats, emphasis, colours and charts. */
export type BlockValue = string | number;

export interface BlockCell {
  value: BlockValue;
  format: string;
  bold: boolean;
  background: string | null;
}

export interface ChartSpec {
  kind: 'pie' | 'column';
  title: string;
  /** 1-based: the first column holds the labels, the others the series. */
  range: { row: number; column: number; rows: number; columns: number };
  anchor: { row: number; column: number };
}

export interface SheetBlock {
  sheet: string;
  rows: BlockCell[][];
  widths: number[];
  frozenRows: number;
  charts: ChartSpec[];
}

/** Number formats: the spreadsheet's locale decides the separators ("11.940", "14,25%" in vi_VN). */
export const FORMATS = {
  text: '@',
  count: '#,##0',
  percent: '0.00"%"',
  decimal: '#,##0.##',
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

export function count(
  value: number | null,
  options: Partial<Omit<BlockCell, 'value' | 'format'>> = {},
): BlockCell {
  return value === null
    ? text('—', options)
    : { value, format: FORMATS.count, bold: false, background: null, ...options };
}

export function percent(
  value: number | null,
  options: Partial<Omit<BlockCell, 'value' | 'format'>> = {},
): BlockCell {
  return value === null
    ? text('—', options)
    : { value, format: FORMATS.percent, bold: false, background: null, ...options };
}

export function decimal(
  value: number | null,
  options: Partial<Omit<BlockCell, 'value' | 'format'>> = {},
): BlockCell {
  return value === null
    ? text('—', options)
    : { value, format: FORMATS.decimal, bold: false, background: null, ...options };
}

export function headerRow(labels: string[]): BlockCell[] {
  return labels.map((label) => text(label, { bold: true, background: COLOURS.header }));
}

export function blank(): BlockCell[] {
  return [];
}

/** Rows padded to one width, as setValues and its siblings need. */
export function rectangular(rows: BlockCell[][]): BlockCell[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => text(''))]);
}

/** A formula cell (e.g. HYPERLINK); a number format, not '@', so the formula is not stored as text. */
export function formula(
  value: string,
  options: Partial<Omit<BlockCell, 'value' | 'format'>> = {},
): BlockCell {
  return { value, format: '0', bold: false, background: null, ...options };
}

/** A whole number shown without separators: row numbers, years, versions. */
export function integer(
  value: number,
  options: Partial<Omit<BlockCell, 'value' | 'format'>> = {},
): BlockCell {
  return { value, format: '0', bold: false, background: null, ...options };
}
