import ExcelJS from 'exceljs';
import { isEmptyCell, type SheetData } from '../../core';
import { withZipTimes } from './zip-times';

/** A sheet as the sample writes it: its grid, and the ranges merged in it ("A5:A6"). */
export interface SampleSheet extends SheetData {
  merges?: string[];
}

export interface SampleWorkbook {
  sheets: SampleSheet[];
}

/** Every file of the sample carries this date, so the same data gives the same bytes. */
export const SAMPLE_FILE_DATE = new Date(Date.UTC(2024, 0, 15, 8, 0, 0));

const DATE_FORMAT = 'dd/mm/yyyy';
const MAX_WIDTH = 48;

/** An .xlsx file of plain grids: date cells formatted dd/mm/yyyy, the header row bold, columns sized to fit. */
export async function xlsxBytes(data: SampleWorkbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'xeploai';
  book.lastModifiedBy = 'xeploai';
  book.created = SAMPLE_FILE_DATE;
  book.modified = SAMPLE_FILE_DATE;
  for (const sheet of data.sheets) {
    const worksheet = book.addWorksheet(sheet.name);
    const widths: number[] = [];
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (isEmptyCell(value)) return;
        const cell = worksheet.getCell(r + 1, c + 1);
        cell.value = value as ExcelJS.CellValue;
        if (value instanceof Date) cell.numFmt = DATE_FORMAT;
        const width = value instanceof Date ? 11 : String(value).length + 2;
        if (row.filter((v) => !isEmptyCell(v)).length > 1)
          widths[c] = Math.max(widths[c] ?? 6, Math.min(MAX_WIDTH, width));
      });
    });
    widths.forEach((width, c) => (worksheet.getColumn(c + 1).width = width));
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
    const header = sheet.rows.findIndex((row) => row.filter((v) => !isEmptyCell(v)).length >= 3);
    if (header >= 0) worksheet.getRow(header + 1).font = { bold: true };
  }
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return withZipTimes(bytes, SAMPLE_FILE_DATE);
}
