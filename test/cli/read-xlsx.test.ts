import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readXlsxBytes } from '../../cli/xlsx/read-xlsx';
import { isDateFormatCode } from '../../cli/xlsx/number-formats';
import type { CellValue } from '../../core';

async function bytesOf(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** What exceljs itself reads from the file, as plain values (another implementation to compare with). */
async function readWithExceljs(bytes: Uint8Array): Promise<{ name: string; rows: CellValue[][] }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: { name: string; rows: CellValue[][] }[] = [];
  book.eachSheet((sheet) => {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value;
        values[c - 1] =
          v === null || v === undefined
            ? ''
            : typeof v === 'object' && !(v instanceof Date)
              ? 'result' in v
                ? (v.result as CellValue)
                : 'richText' in v
                  ? v.richText.map((p) => p.text).join('')
                  : 'error' in v
                    ? v.error
                    : String(v)
              : (v as CellValue);
      });
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = '';
      rows[r - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: sheet.name, rows });
  });
  return sheets;
}

describe('the .xlsx reader', () => {
  it('gives each kind of cell as Sheets’ getValues() would', async () => {
    const bytes = await bytesOf((book) => {
      const sheet = book.addWorksheet('Đảng viên'.normalize('NFD'));
      sheet.getCell('A1').value = 'Họ và tên';
      sheet.getCell('B1').value = { richText: [{ text: 'Xếp ' }, { font: { bold: true }, text: 'loại' }] };
      sheet.getCell('A2').value = 42.5;
      sheet.getCell('B2').value = true;
      sheet.getCell('C2').value = new Date(Date.UTC(2023, 11, 31));
      sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
      sheet.getCell('D2').value = { formula: 'A2*2', result: 85 };
      sheet.getCell('E2').value = { error: '#REF!' };
      sheet.getCell('F2').value = 'a & b < c';
      sheet.getCell('D4').value = 7;
    });
    const [sheet] = readXlsxBytes(bytes).sheets;
    expect(sheet.name).toBe('Đảng viên'.normalize('NFD'));
    expect(sheet.rows).toEqual([
      ['Họ và tên', 'Xếp loại'],
      [42.5, true, new Date(Date.UTC(2023, 11, 31)), 85, '#REF!', 'a & b < c'],
      [],
      ['', '', '', 7],
    ]);
  });

  it('reads a LibreOffice-saved workbook as exceljs does (serial dates, shared strings)', async () => {
    const bytes = new Uint8Array(await readFile(join(__dirname, '..', 'fixtures', 'libreoffice-unit.xlsx')));
    expect(readXlsxBytes(bytes).sheets).toEqual(await readWithExceljs(bytes));
  });

  it('tells date formats from others', () => {
    expect(['dd/mm/yyyy', 'yyyy-mm-dd', 'h:mm', '[$-42A]d mmmm yyyy'].map(isDateFormatCode)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.00', '#,##0', '0%', '"ngày"0', 'General'].map(isDateFormatCode)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses bytes that are not a workbook', () => {
    expect(() => readXlsxBytes(new TextEncoder().encode('not a zip'))).toThrow();
  });
});
