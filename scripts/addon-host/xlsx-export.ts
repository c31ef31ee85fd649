import ExcelJS from 'exceljs';
import { chartPng } from '../../cli/report/chart-image';
import {
  DEFAULT_BACKGROUND,
  type Cell,
  type FakeChart,
  type FakeSheet,
  type FakeSpreadsheet,
} from './spreadsheet';

/** Sheets measures columns in pixels, Excel in characters of about 7 pixels. */
const PIXELS_PER_CHARACTER = 7;

/**
 * Each sheet's values with their number formats, fonts, alignment, borders, background colours, notes,
 * merges, column widths, row heights (those set, and those Sheets fits to wrapped text), frozen rows and links (a `#gid=…&range=…` link becomes a link to that
 * sheet's cell); a chart becomes a picture of it, as a download of the spreadsheet keeps it.
 */
export function workbookOf(spreadsheet: FakeSpreadsheet): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const names = new Map(spreadsheet.sheets.map((s) => [s.id, s.name]));
  for (const sheet of spreadsheet.sheets) writeSheet(book, book.addWorksheet(sheet.name), sheet, names);
  const active = spreadsheet.activeSheet ? spreadsheet.sheets.indexOf(spreadsheet.activeSheet) : 0;
  book.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, active),
      visibility: 'visible',
    },
  ];
  return book;
}

export async function writeXlsx(
  spreadsheet: FakeSpreadsheet,
  path: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await workbookOf(spreadsheet).xlsx.writeFile(path);
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, message: `Không ghi được tệp ${path} (${code}).` };
  }
}

function writeSheet(
  book: ExcelJS.Workbook,
  target: ExcelJS.Worksheet,
  sheet: FakeSheet,
  names: Map<number, string>,
): void {
  sheet.cells.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (cell) writeCell(target.getCell(r + 1, c + 1), cell, sheet.linkAt(r + 1, c + 1), names);
    }),
  );
  // Columns never sized keep Sheets' default width (100 px), not Excel's narrower one.
  target.properties.defaultColWidth = Math.round((100 / PIXELS_PER_CHARACTER) * 10) / 10;
  for (const [column, pixels] of sheet.widths)
    target.getColumn(column).width = Math.round((pixels / PIXELS_PER_CHARACTER) * 10) / 10;
  for (const [row, pixels] of sheet.heights) target.getRow(row).height = Math.round(pixels * 0.75);
  for (const [row, pixels] of fittedHeights(sheet)) target.getRow(row).height = Math.round(pixels * 0.75);
  for (const m of sheet.merges)
    target.mergeCells(m.row, m.column, m.row + m.rows - 1, m.column + m.columns - 1);
  for (const chart of sheet.charts) addChartPicture(book, target, chart);
  if (sheet.frozenRows) target.views = [{ state: 'frozen', ySplit: sheet.frozenRows }];
  // Printed (and rendered to pictures) one page wide, A4 landscape.
  target.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

/**
 * The rows Sheets grows to fit their wrapped text ("By default, rows grow to fit cell contents",
 * Sheet.setRowHeights in Google's reference) — a download carries those heights; rows given a height keep
 * it here. Only unmerged cells grow a row (Sheets does not fit rows to merged cells). The host cannot lay
 * text out as Sheets does: it estimates each wrapped text's lines from its length, its column's width and
 * its font size (about 5,4 pixels a letter at 10 pt, 5,9 bold), so the
 * heights are close, not Sheets' own.
 */
function fittedHeights(sheet: FakeSheet): Map<number, number> {
  const merged = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.column; c < m.column + m.columns; c++) merged.add(`${r}:${c}`);
  const heights = new Map<number, number>();
  sheet.cells.forEach((line, r) => {
    if (!line || sheet.heights.has(r + 1)) return;
    let tallest = 0;
    line.forEach((cell, c) => {
      if (!cell?.style.wrap || typeof cell.value !== 'string' || merged.has(`${r + 1}:${c + 1}`)) return;
      const width = sheet.widths.get(c + 1) ?? 100;
      const pixelsPerLetter = (cell.style.size / 10) * (cell.weight === 'bold' ? 5.9 : 5.4);
      const perLine = Math.max(1, Math.floor((width - 6) / pixelsPerLetter));
      const lines = cell.value
        .split('\n')
        .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
      if (lines > 1) tallest = Math.max(tallest, Math.ceil(lines * cell.style.size * 1.45 + 6));
    });
    if (tallest) heights.set(r + 1, tallest);
  });
  return heights;
}

function writeCell(target: ExcelJS.Cell, cell: Cell, link: string | null, names: Map<number, string>): void {
  const isDate = cell.value instanceof Date;
  // A HYPERLINK goes out as the link it shows: Sheets' download writes formulas in Excel's own syntax,
  // which a ';' between arguments is not.
  if (link) target.value = { text: String(cell.value), hyperlink: linkTarget(link, names) };
  else if (cell.formula)
    target.value = { formula: cell.formula.slice(1), result: cell.value } as ExcelJS.CellValue;
  else if (cell.value !== '') target.value = cell.value;
  if (cell.format !== 'General') target.numFmt = cell.format;
  else if (isDate) target.numFmt = 'dd/mm/yyyy';
  const style = cell.style;
  target.font = {
    name: style.family,
    size: style.size,
    bold: cell.weight === 'bold',
    italic: style.fontStyle === 'italic',
    ...(style.line === 'underline' ? { underline: true } : {}),
  };
  target.alignment = {
    vertical: 'middle',
    wrapText: style.wrap,
    ...(style.align !== 'general' ? { horizontal: style.align as 'left' | 'center' | 'right' } : {}),
  };
  const thin = { style: 'thin' as const };
  const edges = style.border;
  if (edges.top || edges.left || edges.bottom || edges.right)
    target.border = {
      ...(edges.top ? { top: thin } : {}),
      ...(edges.left ? { left: thin } : {}),
      ...(edges.bottom ? { bottom: thin } : {}),
      ...(edges.right ? { right: thin } : {}),
    };
  if (cell.background !== DEFAULT_BACKGROUND && /^#[0-9a-f]{6}$/i.test(cell.background)) {
    const argb = `FF${cell.background.slice(1).toUpperCase()}`;
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
  if (cell.note) target.note = cell.note;
}

/** `#gid=123&range=G5` → `'Đảng viên'!G5`, a link inside the workbook; other links are kept. */
function linkTarget(url: string, names: Map<number, string>): string {
  const match = /^#gid=(\d+)(?:&range=([A-Z]+\d+))?$/.exec(url);
  const name = match ? names.get(Number(match[1])) : undefined;
  if (!match || name === undefined) return url;
  return `'${name.replace(/'/g, "''")}'!${match[2] ?? 'A1'}`;
}

/** A pie chart as the picture of it: labels and values from its two ranges, at its anchor and size. */
function addChartPicture(book: ExcelJS.Workbook, target: ExcelJS.Worksheet, chart: FakeChart): void {
  const [labels, values] = chart.data();
  if (chart.getType() !== 'PIE' || !labels || !values) return;
  const width = Number(chart.record.options.width ?? 600);
  const height = Number(chart.record.options.height ?? 370);
  const picture = chartPng({
    title: String(chart.record.options.title ?? ''),
    width,
    height,
    slices: labels.map((row, i) => ({ label: String(row[0]), value: Number(values[i]?.[0] ?? 0) })),
  });
  const image = book.addImage({ buffer: picture as unknown as ExcelJS.Buffer, extension: 'png' });
  const { row, column } = chart.record.position;
  target.addImage(image, { tl: { col: column - 1, row: row - 1 }, ext: { width, height } });
}
