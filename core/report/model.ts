/**
 * The official report as data (design.md §4.3), drawn the same by every adapter: the add-on's sheets, the
 * CLI's workbook and the terminal. Form of a party document (Hướng dẫn 36-HD/VPTW): issuing bodies top
 * left, the party's name and the place-and-date line top right, title, numbered sections, "Nơi nhận" and
 * the signature block.
 */

/**
 * One figure or text of a table. Figures stay numbers with their kind, so a viewer shows them in its own
 * locale: `fraction` is a share as a fraction (0.1425 shows as 14,25%), `points` a signed change in
 * percentage points (+0,41), `index` an STT.
 */
export type ReportCell =
  | { kind: 'text'; text: string }
  | { kind: 'index'; value: number }
  | { kind: 'count'; value: number }
  | { kind: 'decimal'; value: number }
  | { kind: 'fraction'; value: number }
  | { kind: 'points'; value: number }
  | { kind: 'empty' };

export type ReportCellKind = ReportCell['kind'];

/** What a column holds, which decides its width: STT, a wide label, a narrow code, figures. */
export type ColumnRole = 'index' | 'label' | 'code' | 'figure';

export interface ReportColumn {
  header: string;
  role: ColumnRole;
}

export interface ReportRow {
  cells: ReportCell[];
  /** A "Cộng"/"Tổng số" row, shown bold. */
  total?: boolean;
  /** A figure that needs attention (quota exceeded, unit not reported), shown highlighted. */
  alert?: boolean;
}

export interface ReportTable {
  /** Stable name for renderers and tests: `members`, `organizations`, `targets`… */
  id: string;
  /** "1. Xếp loại đảng viên" */
  caption: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

export interface ReportSection {
  /** Roman numeral: "I", "II"… */
  number: string;
  title: string;
  tables: ReportTable[];
  /** The chart drawn after this section's tables, if any. */
  chart?: ReportChart;
}

/** A pie of one table's rows: label and value columns (0-based) of the rows it takes. */
export interface ReportChart {
  title: string;
  table: string;
  rows: number[];
  labelColumn: number;
  valueColumn: number;
  /** The same data, for renderers that draw a picture: label and value of each slice. */
  slices: { label: string; value: number }[];
}

export interface ReportHeading {
  /** Top left, one line each: the superior body, the issuing body, then "*". */
  issuers: string[];
  /** Top right: "ĐẢNG CỘNG SẢN VIỆT NAM", underlined. */
  party: string;
  /** "Chương Mỹ, ngày 15 tháng 01 năm 2024", italic. */
  placeDate: string;
}

export interface ReportSignature {
  /** "T/M BAN THƯỜNG VỤ" */
  onBehalf: string;
  /** "BÍ THƯ" */
  position: string;
  /** Left blank: the signer writes it. */
  name: string;
}

/** A list after the report (the units' figures, one row a unit), on a sheet of its own. */
export interface ReportAppendix {
  sheet: string;
  title: string;
  /** Lines under the table saying how to read it (what "±" means). */
  notes: string[];
  table: ReportTable;
}

export interface ReportDocument {
  year: number;
  /** Name of the report's sheet: "Báo cáo tổng hợp" or "Tổng hợp". */
  sheet: string;
  heading: ReportHeading;
  /** "BÁO CÁO" */
  title: string;
  /** "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2023" */
  subtitle: string;
  /** Lines under the title: what the figures are as of, what they cover. */
  lead: string[];
  sections: ReportSection[];
  /** Points to note (quota exceeded, units not reported), one sentence each. */
  notes: string[];
  recipients: string[];
  signature: ReportSignature;
  appendix: ReportAppendix | null;
}

export function text(value: string): ReportCell {
  return { kind: 'text', text: value };
}

export function index(value: number): ReportCell {
  return { kind: 'index', value };
}

export function count(value: number | null): ReportCell {
  return value === null ? { kind: 'empty' } : { kind: 'count', value };
}

/** A number that may have decimals (a target of 2,5 classes): whole numbers show as counts. */
export function decimal(value: number | null): ReportCell {
  if (value === null) return { kind: 'empty' };
  return Number.isInteger(value) ? { kind: 'count', value } : { kind: 'decimal', value };
}

/** A share given in percent (14.25) as the fraction a percent format shows (0.1425); exact to the digit. */
export function fraction(percent: number | null): ReportCell {
  return percent === null ? { kind: 'empty' } : { kind: 'fraction', value: Number(`${percent}e-2`) };
}

export function points(change: number | null): ReportCell {
  return change === null ? { kind: 'empty' } : { kind: 'points', value: change };
}

export const EMPTY: ReportCell = { kind: 'empty' };
