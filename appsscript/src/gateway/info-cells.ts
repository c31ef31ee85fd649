import type { ReceiptCell } from '../layout/receipt';

/** Writes exactly the given cells of a sheet, one call each (a receipt is at most four cells). */
export function writeCells(sheetName: string, cells: ReceiptCell[]): boolean {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return false;
  for (const cell of cells) sheet.getRange(cell.row, cell.column).setValue(cell.value);
  return true;
}
