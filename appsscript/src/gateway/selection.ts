/** Shows a cell to the user: activates its sheet and selects it. False when the sheet is gone. */
export function selectRange(sheetName: string, a1: string): boolean {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return false;
  sheet.activate();
  sheet.getRange(a1).activate();
  return true;
}
