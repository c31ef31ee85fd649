import { columnLetter } from '../../../core';
import type { ReceiptCell } from '../layout/receipt';

/**
 * Writes exactly the given cells of a sheet, one call per distinct value (RangeList.setValue: "Sets the
 * value for each of the Ranges in the RangeList"), however many cells take it; their formats and notes are
 * left as they are.
 */
export function writeCells(sheetName: string, cells: ReceiptCell[]): boolean {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return false;
  const byValue = new Map<string | number, string[]>();
  for (const cell of cells) {
    const a1 = columnLetter(cell.column - 1) + cell.row;
    const places = byValue.get(cell.value);
    if (places) places.push(a1);
    else byValue.set(cell.value, [a1]);
  }
  for (const [value, a1s] of byValue) sheet.getRangeList(a1s).setValue(value);
  return true;
}
