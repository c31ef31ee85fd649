import { alternativeName } from '../layout/own-sheets';
import { activeSpreadsheet } from './workbook';
import { rectangular, widthRuns, type SheetBlock } from '../layout/sheet-block';

/**
 * An output sheet of the add-on's own, ready to write `rows` × `columns` from A1: the sheet `ownId` when it
 * still exists, cleared with its charts and merges; else a new one, under another name if a sheet of the
 * user's already has the standard one.
 */
export function prepareOwnSheet(
  name: string,
  show: boolean,
  ownId: number | undefined,
  rows: number,
  columns: number,
): GoogleAppsScript.Spreadsheet.Sheet {
  const spreadsheet = activeSpreadsheet();
  let sheet = ownId === undefined ? null : spreadsheet.getSheetById(ownId);
  if (sheet) {
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
    sheet.clear();
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  } else {
    let attempt = 0;
    while (spreadsheet.getSheetByName(alternativeName(name, attempt))) attempt++;
    // insertSheet activates the new sheet: the user stays where they were unless the sheet is to be shown.
    const active = show ? null : spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(alternativeName(name, attempt));
    active?.activate();
  }
  // getRange refuses coordinates beyond the sheet's size: grow it first. A longer sheet is cut to the rows
  // written: one call either way, whatever the number of rows.
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (rows < maxRows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  return sheet;
}

/**
 * Writes an output sheet in a fixed number of calls: formats first so text is not re-parsed, then values
 * (formulas among them), weights and colours when the block has any. Returns the sheet's id.
 */
export function writeBlock(block: SheetBlock, show: boolean, ownId: number | undefined): number {
  const rows = rectangular(block.rows);
  const sheet = prepareOwnSheet(block.sheet, show, ownId, rows.length, rows[0].length);
  const range = sheet.getRange(1, 1, rows.length, rows[0].length);
  range.setNumberFormats(rows.map((r) => r.map((c) => c.format)));
  range.setValues(rows.map((r) => r.map((c) => c.value)));
  if (rows.some((r) => r.some((c) => c.bold)))
    range.setFontWeights(rows.map((r) => r.map((c) => (c.bold ? 'bold' : 'normal'))));
  if (rows.some((r) => r.some((c) => c.background !== null)))
    range.setBackgrounds(rows.map((r) => r.map((c) => c.background)) as string[][]);
  for (const run of widthRuns(block.widths)) {
    if (run.count === 1) sheet.setColumnWidth(run.column, run.width);
    else sheet.setColumnWidths(run.column, run.count, run.width);
  }
  sheet.setFrozenRows(block.frozenRows);
  if (show) sheet.activate();
  return sheet.getSheetId();
}
