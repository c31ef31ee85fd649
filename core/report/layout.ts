import { breakLines } from './line-breaks';
import type { ReportCell, ReportColumn, ReportDocument, ReportRow, ReportTable, ColumnRole } from './model';
import { reportCellValue, REPORT_FORMATS } from './number-formats';
import { REPORT_COLOURS, type ReportSheet, type SheetCell, type SheetChart } from './sheet-model';

const BODY_SIZE = 12;
const LINE_HEIGHT = 16;
const REPORT_WIDTHS: Record<ColumnRole, number> = { index: 5, label: 44, code: 10, figure: 12 };
const APPENDIX_WIDTHS: Record<ColumnRole, number> = { index: 5, label: 42, code: 8, figure: 9 };
/**
 * Codes are set smaller than the body, in a column as wide as the longest of them up to a limit; a longer
 * one wraps. Capitals and underscores of Times New Roman at 10 pt take 8,4–9 px, 1,3 units of 7 px.
 */
const CODE_SIZE = 10;
const CODE_WIDTH_MAX = 22;
const CODE_LETTER_UNITS = 1.3;
const CHART = { width: 600, height: 320, rows: 17 };

function cell(value: string | number, options: Partial<SheetCell> = {}): SheetCell {
  return {
    value,
    format: typeof value === 'number' ? REPORT_FORMATS.count : REPORT_FORMATS.text,
    kind: typeof value === 'number' ? 'count' : 'text',
    bold: false,
    italic: false,
    underline: false,
    size: BODY_SIZE,
    align: 'left',
    wrap: false,
    border: false,
    fill: null,
    ...options,
  };
}

/**
 * Lines a text needs in a width of `characters` (column widths count digits of the default font; the
 * serif body fits about 1,15 of its letters in one). A rough measure, enough to size rows.
 */
function linesFor(text: string, characters: number, bold = false): number {
  const perLine = Math.max(1, (characters - 1) * (bold ? 1.05 : 1.15));
  return Math.max(1, Math.ceil(text.length / perLine));
}

/**
 * Letters of the serif body that surely fit in one unit of column width (Times New Roman at 12 pt averages
 * 6,6–7,4 px a letter in Vietnamese text, a unit is 7 px; bold is wider): for breaking a text into lines
 * that must not run past the table.
 */
const SAFE_LETTERS = 0.9;
const SAFE_LETTERS_BOLD = 0.85;

class SheetWriter {
  readonly sheet: ReportSheet;
  constructor(name: string, widths: number[], orientation: ReportSheet['orientation']) {
    this.sheet = {
      name,
      widths,
      rows: [],
      heights: [],
      merges: [],
      repeatRows: null,
      frozenRows: 0,
      pageBreaks: [],
      orientation,
      charts: [],
    };
  }
  get width(): number {
    return this.sheet.widths.length;
  }
  /** The next row's number (1-based). */
  get next(): number {
    return this.sheet.rows.length + 1;
  }
  row(cells: (SheetCell | null)[], height: number | null = null): number {
    this.sheet.rows.push(cells);
    this.sheet.heights.push(height);
    return this.sheet.rows.length;
  }
  blank(count = 1): void {
    for (let i = 0; i < count; i++) this.row([]);
  }
  /** A text across columns `from`..`to` (1-based), merged, its row as high as its wrapped lines. */
  spanning(text: string, options: Partial<SheetCell> = {}, from = 1, to = this.width): number {
    const chars = this.sheet.widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
    const lines = linesFor(text, chars * (BODY_SIZE / (options.size ?? BODY_SIZE)), options.bold);
    const cells: (SheetCell | null)[] = Array(from - 1).fill(null);
    cells.push(cell(text, { wrap: lines > 1, ...options }));
    const at = this.row(cells, lines > 1 ? lines * LINE_HEIGHT : null);
    if (to > from) this.sheet.merges.push({ row: at, column: from, rows: 1, columns: to - from + 1 });
    return at;
  }
  /**
   * A text that may be long (a note, the lead): one row a line, broken between words to fit the sheet's
   * width, so that nothing runs past the table on screen or on paper and no row needs a height. The lines
   * of a "- " item after the first are indented under its text.
   */
  paragraph(text: string, options: Partial<SheetCell> = {}): void {
    const units = this.sheet.widths.reduce((a, b) => a + b, 0) * (BODY_SIZE / (options.size ?? BODY_SIZE));
    const indent = text.startsWith('- ') ? '  ' : '';
    const perLine = (units - 1) * (options.bold ? SAFE_LETTERS_BOLD : SAFE_LETTERS) - indent.length;
    breakLines(text, perLine).forEach((line, i) => this.spanning(i ? indent + line : line, options));
  }
  /** Left block and right block on one row, each merged. */
  pair(left: SheetCell | null, right: SheetCell | null, split: number): number {
    const cells: (SheetCell | null)[] = [left];
    for (let c = 2; c < split; c++) cells.push(null);
    cells.push(right);
    const at = this.row(cells);
    if (split > 2) this.sheet.merges.push({ row: at, column: 1, rows: 1, columns: split - 1 });
    if (this.width > split)
      this.sheet.merges.push({ row: at, column: split, rows: 1, columns: this.width - split + 1 });
    return at;
  }
}

function alignOf(column: ReportColumn, value: ReportCell): SheetCell['align'] {
  if (column.role === 'index' || column.role === 'code') return 'center';
  if (value.kind === 'text' || value.kind === 'empty') return 'left';
  return 'right';
}

function bodyCell(value: ReportCell, column: ReportColumn, row: ReportRow): SheetCell {
  return cell(reportCellValue(value), {
    kind: value.kind,
    format: REPORT_FORMATS[value.kind],
    align: alignOf(column, value),
    wrap: column.role === 'label' || column.role === 'code',
    size: column.role === 'code' ? CODE_SIZE : BODY_SIZE,
    border: true,
    bold: !!row.total,
    fill: row.alert ? REPORT_COLOURS.alert : null,
  });
}

/** Header row then body rows, with borders; returns the sheet row of the first body row. */
function writeTable(out: SheetWriter, table: ReportTable): number {
  const headerLines = Math.max(...table.columns.map((c, i) => linesFor(c.header, out.sheet.widths[i], true)));
  out.row(
    table.columns.map((c) =>
      cell(c.header, { bold: true, align: 'center', wrap: true, border: true, fill: REPORT_COLOURS.header }),
    ),
    headerLines > 1 ? headerLines * LINE_HEIGHT : null,
  );
  const first = out.next;
  const textAt = (row: ReportRow, column: number) => {
    const value = row.cells[column];
    return value?.kind === 'text' ? value.text : '';
  };
  for (const row of table.rows) {
    let lines = 1;
    table.columns.forEach((column, i) => {
      if (column.role === 'label') lines = Math.max(lines, linesFor(textAt(row, i), out.sheet.widths[i]));
      if (column.role === 'code') lines = Math.max(lines, codeLines(textAt(row, i), out.sheet.widths[i]));
    });
    out.row(
      table.columns.map((column, i) => bodyCell(row.cells[i] ?? { kind: 'empty' }, column, row)),
      lines > 1 ? lines * LINE_HEIGHT : null,
    );
  }
  return first;
}

/** Lines a code needs in a column of `units` (a code has no spaces: it wraps anywhere). */
function codeLines(code: string, units: number): number {
  return Math.max(1, Math.ceil((code.length * CODE_LETTER_UNITS) / Math.max(1, units - 1)));
}

function widthOf(table: ReportTable, column: number, measure: Record<ColumnRole, number>): number {
  const role = table.columns[column].role;
  if (role !== 'code') return measure[role];
  const longest = Math.max(
    0,
    ...table.rows.map((r) => {
      const value = r.cells[column];
      return value?.kind === 'text' ? value.text.length : 0;
    }),
  );
  return Math.min(CODE_WIDTH_MAX, Math.max(measure.code, Math.ceil(longest * CODE_LETTER_UNITS) + 1));
}

function widthsOf(tables: ReportTable[], measure: Record<ColumnRole, number>, least: number): number[] {
  const widths: number[] = [];
  for (const table of tables)
    table.columns.forEach((_, i) => (widths[i] = Math.max(widths[i] ?? 0, widthOf(table, i, measure))));
  while (widths.length < least) widths.push(measure.figure);
  return widths;
}

/** The report sheet: heading blocks, title, sections with their tables and chart, notes, signature. */
function reportSheet(doc: ReportDocument): ReportSheet {
  const tables = doc.sections.flatMap((s) => s.tables);
  const out = new SheetWriter(doc.sheet, widthsOf(tables, REPORT_WIDTHS, 6), 'portrait');
  const split = 3;
  const { issuers, party, placeDate } = doc.heading;
  const lines = Math.max(issuers.length, 2);
  for (let i = 0; i < lines; i++) {
    const issuer = issuers[i];
    const left =
      issuer === undefined ? null : cell(issuer, { align: 'center', bold: i === issuers.length - 2 });
    const right =
      i === 0
        ? cell(party, { align: 'center', bold: true, underline: true })
        : i === 1
          ? cell(placeDate, { align: 'center', italic: true })
          : null;
    out.pair(left, right, split);
  }
  out.blank();
  out.spanning(doc.title, { bold: true, align: 'center', size: 14 });
  out.spanning(doc.subtitle, { bold: true, align: 'center', size: 13 });
  out.spanning('-----', { align: 'center' });
  for (const line of doc.lead) out.paragraph(line, { italic: true, align: 'center' });
  out.blank();

  const firstRows = new Map<string, number>();
  for (const section of doc.sections) {
    if (section !== doc.sections[0]) out.sheet.pageBreaks.push(out.next);
    out.spanning(`${section.number}. ${section.title}`, { bold: true });
    for (const table of section.tables) {
      out.spanning(table.caption, { bold: true, italic: true });
      firstRows.set(table.id, writeTable(out, table));
      out.blank();
    }
    if (section.chart) {
      const chart = section.chart;
      const first = firstRows.get(chart.table)!;
      const rows = chart.rows.length;
      const placed: SheetChart = {
        title: chart.title,
        anchor: { row: out.next, column: 2 },
        width: CHART.width,
        height: CHART.height,
        labels: { row: first + chart.rows[0], column: chart.labelColumn + 1, rows, columns: 1 },
        values: { row: first + chart.rows[0], column: chart.valueColumn + 1, rows, columns: 1 },
        slices: chart.slices,
      };
      out.sheet.charts.push(placed);
      out.blank(CHART.rows);
    }
  }
  if (doc.notes.length) {
    out.spanning('Cần lưu ý:', { bold: true });
    for (const note of doc.notes) out.paragraph(`- ${note}`, { fill: REPORT_COLOURS.alert });
    out.blank();
  }
  const { onBehalf, position, name } = doc.signature;
  const right = (text: string) => cell(text, { bold: true, align: 'center' });
  const recipients = doc.recipients.map((r) => cell(r, { size: 11 }));
  out.pair(cell('Nơi nhận:', { bold: true, italic: true }), right(onBehalf), split);
  out.pair(recipients[0] ?? null, right(position), split);
  for (const recipient of recipients.slice(1)) out.pair(recipient, null, split);
  out.blank(Math.max(0, 4 - recipients.length));
  out.pair(null, right(name), split);
  return out.sheet;
}

/** The appendix: a title, one table under a header row repeated on every printed page. */
function appendixSheet(doc: ReportDocument): ReportSheet | null {
  const appendix = doc.appendix;
  if (!appendix) return null;
  const out = new SheetWriter(appendix.sheet, widthsOf([appendix.table], APPENDIX_WIDTHS, 1), 'landscape');
  out.spanning(appendix.title, { bold: true, align: 'center', size: 13 });
  out.spanning(`(Kèm theo báo cáo: ${doc.subtitle.charAt(0).toLowerCase()}${doc.subtitle.slice(1)})`, {
    italic: true,
    align: 'center',
  });
  const header = out.next;
  writeTable(out, appendix.table);
  for (const note of appendix.notes) out.paragraph(note, { italic: true });
  out.sheet.repeatRows = { first: header, last: header };
  out.sheet.frozenRows = header;
  return out.sheet;
}

/** The report's sheets, report first: what every spreadsheet renderer writes. */
export function layoutReport(doc: ReportDocument): ReportSheet[] {
  const appendix = appendixSheet(doc);
  return appendix ? [reportSheet(doc), appendix] : [reportSheet(doc)];
}
