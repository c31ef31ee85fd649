import ExcelJS from 'exceljs';
import {
  buildConsolidationReport,
  describePlace,
  FIGURES_SHEET,
  figuresGrid,
  layoutReport,
  REPORT_COLOURS,
  REPORT_FONT,
  type Consolidation,
  type ConsolidationReportOptions,
  type Issue,
  type ReportSheet,
  type SheetCell,
} from '../../core';
import { chartPng } from './chart-image';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function argb(colour: string): string {
  return `FF${colour.slice(1).toUpperCase()}`;
}

function writeCell(target: ExcelJS.Cell, cell: SheetCell): void {
  if (cell.value !== '') target.value = cell.value;
  target.numFmt = cell.format;
  target.font = {
    name: REPORT_FONT,
    size: cell.size,
    bold: cell.bold,
    italic: cell.italic,
    ...(cell.underline ? { underline: true } : {}),
  };
  target.alignment = { horizontal: cell.align, vertical: 'middle', wrapText: cell.wrap };
  if (cell.border) target.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (cell.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
}

/** One laid-out report sheet: cells, merges, widths, heights, the chart as a picture, A4 one page wide. */
function writeSheet(book: ExcelJS.Workbook, laid: ReportSheet): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(laid.name, {
    pageSetup: {
      paperSize: 9,
      orientation: laid.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(laid.repeatRows ? { printTitlesRow: `${laid.repeatRows.first}:${laid.repeatRows.last}` } : {}),
    },
  });
  laid.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  laid.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((cell, c) => cell && writeCell(row.getCell(c + 1), cell));
    const height = laid.heights[r];
    if (height) row.height = height;
  });
  // exceljs breaks the page after the row it is given.
  for (const row of laid.pageBreaks) sheet.getRow(row - 1).addPageBreak();
  for (const m of laid.merges)
    sheet.mergeCells(m.row, m.column, m.row + m.rows - 1, m.column + m.columns - 1);
  for (const chart of laid.charts) {
    const image = book.addImage({ buffer: chartPng(chart) as unknown as ExcelJS.Buffer, extension: 'png' });
    sheet.addImage(image, {
      tl: { col: chart.anchor.column - 1, row: chart.anchor.row - 1 },
      ext: { width: chart.width, height: chart.height },
    });
  }
  if (laid.frozenRows) sheet.views = [{ state: 'frozen', ySplit: laid.frozenRows }];
  return sheet;
}

/** The problems found, after the report: one row an issue, with widths and a styled header. */
function addIssueSheet(book: ExcelJS.Workbook, report: Consolidation): void {
  const sheet = book.addWorksheet('Lỗi và cảnh báo', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  sheet.columns = [
    { header: 'Loại', width: 10 },
    { header: 'Đơn vị', width: 10 },
    { header: 'Vị trí', width: 34 },
    { header: 'Giá trị', width: 18 },
    { header: 'Nội dung', width: 80 },
    { header: 'Mã', width: 24 },
  ];
  const header = sheet.getRow(1);
  header.font = { name: REPORT_FONT, bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(REPORT_COLOURS.header) } };
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
  const add = (kind: string, found: Issue) => {
    const row = sheet.addRow([
      kind,
      (found as Issue & { unit?: string }).unit ?? '',
      describePlace(found),
      found.value ?? '',
      found.message,
      found.code,
    ]);
    row.font = { name: REPORT_FONT };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  };
  report.errors.forEach((found) => add('Lỗi', found));
  report.warnings.forEach((found) => add('Cảnh báo', found));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The consolidation one value a row (core's figures sheet), last: the level above reads it back to roll
 * this level up. Values are written as they are, numbers in full precision.
 */
function addFiguresSheet(book: ExcelJS.Workbook, report: Consolidation): void {
  // Hidden: thousands of rows for a program, not for printing with the report.
  const sheet = book.addWorksheet(FIGURES_SHEET, { state: 'hidden' });
  for (const row of figuresGrid(report))
    sheet.addRow(row.map((value) => (value === undefined ? null : value)));
  sheet.columns = [{ width: 60 }, { width: 40 }, { width: 14 }, { width: 24 }];
  sheet.getRow(1).font = { name: REPORT_FONT, bold: true };
  const header = sheet.getRow(2);
  header.font = { name: REPORT_FONT, bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(REPORT_COLOURS.header) } };
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

/** The consolidated report as a workbook: the report sheet first and active, then the lists after it. */
export function buildReportWorkbook(
  report: Consolidation,
  options: ConsolidationReportOptions = {},
): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'xeploai';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  for (const laid of layoutReport(buildConsolidationReport(report, options))) writeSheet(book, laid);
  addIssueSheet(book, report);
  addFiguresSheet(book, report);
  book.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return book;
}

export async function writeReportWorkbook(
  report: Consolidation,
  path: string,
  options: ConsolidationReportOptions = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await buildReportWorkbook(report, options).xlsx.writeFile(path);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `Không ghi được tệp ${path} (${(error as NodeJS.ErrnoException).code ?? 'lỗi ghi'}).`,
    };
  }
}
