import { alternativeName } from '../layout/own-sheets';
import { activeSpreadsheet } from './workbook';
import { FORMATS, rectangular, widthCalls, type SheetBlock } from '../layout/sheet-block';

/**
 * Where an output sheet goes: `at`, its 1-based position among the sheets (null: where it is; a new one
 * last); `active`: `yes` — it is the one shown; `no` — the user stays on the sheet they were on; `any` — the
 * caller shows another one afterwards. `cut`: whether rows beyond those written are deleted — for a sheet
 * whose length follows the data (`Lỗi`, a list of units), so that any length takes the same one call; a
 * sheet of a fixed shape (the unit's report) only ever grows, and then takes none.
 */
export interface OwnSheetPlace {
  at: number | null;
  active: 'yes' | 'no' | 'any';
  cut: boolean;
}

export interface PreparedSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The charts a reused sheet still holds, for the caller to update or remove (none on a new sheet). */
  charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
}

/** Whether the output sheet of that id is still in the spreadsheet. */
export function ownSheetExists(ownId: number | undefined): boolean {
  return ownId !== undefined && activeSpreadsheet().getSheetById(ownId) !== null;
}

/**
 * An output sheet of the add-on's own, ready to write `rows` × `columns` from A1: the sheet `ownId` when it
 * still exists, cleared (and its merges, from an older version of the add-on, broken apart); else a new one,
 * under another name if a sheet of the user's already has the standard one. A new sheet is inserted at its
 * place and is active then (Spreadsheet.insertSheet: "The new sheet becomes the active sheet"); a reused one
 * is activated and moved only when it is not already so (moveActiveSheet moves the active sheet).
 */
export function prepareOwnSheet(
  name: string,
  place: OwnSheetPlace,
  ownId: number | undefined,
  rows: number,
  columns: number,
): PreparedSheet {
  const spreadsheet = activeSpreadsheet();
  let sheet = ownId === undefined ? null : spreadsheet.getSheetById(ownId);
  let charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[] = [];
  if (sheet) {
    const whole = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    if (whole.getMergedRanges().length) whole.breakApart();
    sheet.clear();
    charts = sheet.getCharts();
    const moved = place.at !== null && sheet.getIndex() !== place.at;
    const isActive = () => spreadsheet.getActiveSheet().getSheetId() === sheet!.getSheetId();
    if ((moved || place.active === 'yes') && !isActive()) sheet.activate();
    if (moved) spreadsheet.moveActiveSheet(place.at!);
  } else {
    let attempt = 0;
    while (spreadsheet.getSheetByName(alternativeName(name, attempt))) attempt++;
    const before = place.active === 'no' ? spreadsheet.getActiveSheet() : null;
    const title = alternativeName(name, attempt);
    sheet = place.at === null ? spreadsheet.insertSheet(title) : spreadsheet.insertSheet(title, place.at - 1);
    before?.activate();
  }
  // getRange refuses coordinates beyond the sheet's size: grow it first. A longer sheet is cut to the rows
  // written when its length follows the data, so that 100 rows and 12.000 take the same one call (growing
  // only would cost a call more past the 1.000 rows of a new sheet).
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (rows < maxRows && place.cut) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  return { sheet, charts };
}

/**
 * Writes an output sheet in a fixed number of calls: values (formulas among them), weights and colours when
 * the block has any. No number-format call: the sheet keeps Sheets' automatic format, and each text is
 * written after an apostrophe, which makes Sheets keep it as typed ("01/02/1990", "=1+1", "TRUE" stay
 * text); numbers and formulas go as they are. Returns the sheet's id.
 */
export function writeBlock(block: SheetBlock, show: boolean, ownId: number | undefined): number {
  const rows = rectangular(block.rows);
  const { sheet, charts } = prepareOwnSheet(
    block.sheet,
    { at: null, active: show ? 'yes' : 'no', cut: true },
    ownId,
    rows.length,
    rows[0].length,
  );
  for (const chart of charts) sheet.removeChart(chart);
  const range = sheet.getRange(1, 1, rows.length, rows[0].length);
  range.setValues(rows.map((r) => r.map(enteredValue)));
  if (rows.some((r) => r.some((c) => c.bold)))
    range.setFontWeights(rows.map((r) => r.map((c) => (c.bold ? 'bold' : 'normal'))));
  if (rows.some((r) => r.some((c) => c.background !== null)))
    range.setBackgrounds(rows.map((r) => r.map((c) => c.background)) as string[][]);
  setWidths(sheet, block.widths);
  if (sheet.getFrozenRows() !== block.frozenRows) sheet.setFrozenRows(block.frozenRows);
  return sheet.getSheetId();
}

/** What setValues gets for a cell: a text after an apostrophe (kept as text), anything else as it is. */
function enteredValue(cell: SheetBlock['rows'][number][number]): string | number {
  return cell.format === FORMATS.text && typeof cell.value === 'string' && cell.value !== ''
    ? `'${cell.value}`
    : cell.value;
}

/**
 * Column widths in pixels from A (null: Sheets' default, left alone), in the fewest calls (widthCalls); none
 * when every column already has its width (a sheet written again keeps its widths through clear()).
 */
export function setWidths(sheet: GoogleAppsScript.Spreadsheet.Sheet, widths: (number | null)[]): void {
  if (widths.every((width, c) => width === null || sheet.getColumnWidth(c + 1) === width)) return;
  for (const call of widthCalls(widths)) {
    if (call.count === 1) sheet.setColumnWidth(call.column, call.width);
    else sheet.setColumnWidths(call.column, call.count, call.width);
  }
}
