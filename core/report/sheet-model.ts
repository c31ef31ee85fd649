import type { ReportCellKind } from './model';

/** A report laid out on a sheet: what the add-on's and the CLI's renderers both write, cell for cell. */
export interface SheetCell {
  value: string | number;
  format: string;
  kind: ReportCellKind;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Points. */
  size: number;
  align: 'left' | 'center' | 'right';
  wrap: boolean;
  border: boolean;
  /** '#rrggbb' or null for none. */
  fill: string | null;
}

/** 1-based, like both spreadsheets' APIs. */
export interface SheetArea {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface SheetChart {
  title: string;
  /** Top-left cell the chart is anchored to, 1-based. */
  anchor: { row: number; column: number };
  width: number;
  height: number;
  /** The labels and the values, one column each, in the sheet's own cells. */
  labels: SheetArea;
  values: SheetArea;
  slices: { label: string; value: number }[];
}

export interface ReportSheet {
  name: string;
  /** Column widths in characters of the body font. */
  widths: number[];
  /** Row by row from row 1; null for a cell left empty and unstyled. */
  rows: (SheetCell | null)[][];
  /** Row heights in points where the text needs more than one line (null: the default). */
  heights: (number | null)[];
  merges: SheetArea[];
  /** Rows printed again at the top of every page (1-based, inclusive). */
  repeatRows: { first: number; last: number } | null;
  frozenRows: number;
  /** Rows that start a new printed page (sections after the first). */
  pageBreaks: number[];
  orientation: 'portrait' | 'landscape';
  charts: SheetChart[];
}

export const REPORT_FONT = 'Times New Roman';
export const REPORT_COLOURS = { header: '#d9e2f3', alert: '#fce8b2' } as const;
