// "Kiểm tra dữ liệu" as a first add-on would write it: every cell read with its own getValue(), every
// issue marked with its own setBackground() and setNote(), the `Lỗi` sheet written cell by cell. Same
// engine, same fake services, so the add-on's call counts have something to be compared with.
import { analyzeUnitWorkbook, columnIndex, type CellValue } from '../../core';

interface NaiveRange {
  getValue(): CellValue;
  setValue(value: unknown): NaiveRange;
  setBackground(colour: string): NaiveRange;
  setNote(note: string): NaiveRange;
}
interface NaiveSheet {
  getName(): string;
  getLastRow(): number;
  getLastColumn(): number;
  getRange(row: number, column: number): NaiveRange;
  clear(): NaiveSheet;
  getMaxRows(): number;
  insertRowsAfter(after: number, count: number): NaiveSheet;
}
interface NaiveSpreadsheet {
  getSheets(): NaiveSheet[];
  getSheetByName(name: string): NaiveSheet | null;
  insertSheet(name: string): NaiveSheet;
}
export interface NaiveApp {
  getActiveSpreadsheet(): NaiveSpreadsheet;
}

const ERROR_COLOUR = '#f4c7c3';

export function naiveValidate(app: NaiveApp): number {
  const spreadsheet = app.getActiveSpreadsheet();
  const sheets = spreadsheet.getSheets().filter((s) => s.getName() !== 'Lỗi');
  const workbook = {
    sheets: sheets.map((sheet) => {
      const rows: CellValue[][] = [];
      const lastRow = sheet.getLastRow();
      const lastColumn = sheet.getLastColumn();
      for (let r = 1; r <= lastRow; r++) {
        const row: CellValue[] = [];
        for (let c = 1; c <= lastColumn; c++) row.push(sheet.getRange(r, c).getValue());
        rows.push(row);
      }
      return { name: sheet.getName(), rows };
    }),
  };
  const analysis = analyzeUnitWorkbook(workbook, {});
  if (!analysis.ok) throw new Error(analysis.message);
  const issues = analysis.read.issues;
  for (const issue of issues) {
    const sheet = sheets.find((s) => s.getName() === issue.sheet);
    if (!sheet || issue.row === null || issue.column === null) continue;
    const cell = sheet.getRange(issue.row, columnIndex(issue.column) + 1);
    cell.setBackground(ERROR_COLOUR);
    cell.setNote(issue.message);
  }
  const out = spreadsheet.getSheetByName('Lỗi') ?? spreadsheet.insertSheet('Lỗi');
  out.clear();
  const maxRows = out.getMaxRows();
  if (issues.length + 1 > maxRows) out.insertRowsAfter(maxRows, issues.length + 1 - maxRows);
  const header = ['Mức độ', 'Trang', 'Dòng', 'Cột', 'Giá trị', 'Nội dung', 'Mã'];
  header.forEach((text, c) => out.getRange(1, c + 1).setValue(text));
  issues.forEach((issue, i) => {
    const values = [
      issue.code.startsWith('E_') ? 'Lỗi' : 'Cảnh báo',
      issue.sheet,
      issue.row ?? '',
      issue.column ?? '',
      issue.value ?? '',
      issue.message,
      issue.code,
    ];
    values.forEach((value, c) => out.getRange(i + 2, c + 1).setValue(value));
  });
  return issues.length;
}
