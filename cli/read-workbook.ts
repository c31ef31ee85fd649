import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CellValue, WorkbookData } from '../core';

export type WorkbookReadResult = { ok: true; workbook: WorkbookData } | { ok: false; message: string };

/** Reads an .xlsx or .csv file into plain grids, the same shape Sheets' getValues() gives. */
export async function readWorkbookFile(path: string): Promise<WorkbookReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === 'ENOENT' ? `Không tìm thấy tệp ${path}.` : `Không đọc được tệp ${path} (${code}).`,
    };
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return { ok: true, workbook: readCsv(bytes) };
  if (extension === '.xlsx' || extension === '.xlsm') {
    try {
      return { ok: true, workbook: await readXlsx(bytes) };
    } catch {
      return { ok: false, message: `Tệp ${path} không phải là một bảng tính .xlsx đọc được.` };
    }
  }
  return { ok: false, message: `Tệp ${path} không phải .xlsx hay .csv.` };
}

export async function readXlsx(bytes: Buffer): Promise<WorkbookData> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: WorkbookData['sheets'] = [];
  book.eachSheet((sheet) => {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        values[columnNumber - 1] = plainValue(cell.value);
      });
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = '';
      rows[rowNumber - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    sheets.push({ name: sheet.name, rows });
  });
  return { sheets };
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && 'error' in result) return String(result.error);
      return result as CellValue;
    }
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

/** UTF-8 (with or without BOM), comma or semicolon separated: one `Đảng viên` sheet. */
export function readCsv(bytes: Buffer): WorkbookData {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter: csvDelimiter(text), skipEmptyLines: false });
  const rows = parsed.data;
  while (rows.length && rows[rows.length - 1].every((cell) => cell.trim() === '')) rows.pop();
  return { sheets: [{ name: 'Đảng viên', rows }] };
}

/** The separator used most in the first line (outside quotes): ";" (Excel in a Vietnamese locale), "," or tab. */
export function csvDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const candidates = [';', ',', '\t'];
  const counts = candidates.map((d) => unquoted.split(d).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ',' : candidates[counts.indexOf(best)];
}
