import ExcelJS from 'exceljs';
import { DEFAULT_BACKGROUND, type Cell, type FakeSheet, type FakeSpreadsheet } from './spreadsheet';

/** Sheets measures columns in pixels, Excel in characters of about 7 pixels. */
const PIXELS_PER_CHARACTER = 7;

/**
 * Each sheet's values with their number formats, bold, background colours, notes, column widths, frozen
 * rows and links (a `#gid=…&range=…` link becomes a link to that sheet's cell); charts are left out.
 */
export function workbookOf(spreadsheet: FakeSpreadsheet): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const names = new Map(spreadsheet.sheets.map((s) => [s.id, s.name]));
  for (const sheet of spreadsheet.sheets) writeSheet(book.addWorksheet(sheet.name), sheet, names);
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

function writeSheet(target: ExcelJS.Worksheet, sheet: FakeSheet, names: Map<number, string>): void {
  sheet.cells.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (cell) writeCell(target.getCell(r + 1, c + 1), cell, names);
    }),
  );
  for (const [column, pixels] of sheet.widths)
    target.getColumn(column).width = Math.round((pixels / PIXELS_PER_CHARACTER) * 10) / 10;
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

function writeCell(target: ExcelJS.Cell, cell: Cell, names: Map<number, string>): void {
  const isDate = cell.value instanceof Date;
  if (cell.formula)
    target.value = { formula: cell.formula.slice(1), result: cell.value } as ExcelJS.CellValue;
  else if (cell.link) target.value = { text: String(cell.value), hyperlink: linkTarget(cell.link, names) };
  else if (cell.value !== '') target.value = cell.value;
  if (cell.format !== 'General') target.numFmt = cell.format;
  else if (isDate) target.numFmt = 'dd/mm/yyyy';
  if (cell.weight === 'bold') target.font = { bold: true };
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
