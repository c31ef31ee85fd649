import { alternativeName } from '../layout/own-sheets';
import { activeSpreadsheet } from './workbook';
import { rectangular, widthRuns, type ChartSpec, type SheetBlock } from '../layout/sheet-block';

/** Rows a chart covers below its anchor (400 pixels at the default 21 a row). */
const CHART_ROWS = 20;

/**
 * Writes an output sheet of the add-on's own (the sheet `ownId` when it still exists, cleared with its
 * charts; else a new one, under another name if a sheet of the user's already has the standard one) in a
 * fixed number of calls: formats first so text is not re-parsed, then values, weights and colours.
 * Returns the sheet's id.
 */
export function writeBlock(block: SheetBlock, show: boolean, ownId: number | undefined): number {
  const spreadsheet = activeSpreadsheet();
  let sheet = ownId === undefined ? null : spreadsheet.getSheetById(ownId);
  if (sheet) {
    sheet.clear();
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  } else {
    let attempt = 0;
    while (spreadsheet.getSheetByName(alternativeName(block.sheet, attempt))) attempt++;
    // insertSheet activates the new sheet: the user stays where they were unless the sheet is to be shown.
    const active = show ? null : spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(alternativeName(block.sheet, attempt));
    active?.activate();
  }
  const rows = rectangular(block.rows);
  // getRange refuses coordinates beyond the sheet's size: grow it first. A sheet longer than its block
  // (with room for the charts) is cut to it: one call either way, whatever the number of rows.
  const height = Math.max(rows.length, ...block.charts.map((c) => c.anchor.row + CHART_ROWS));
  const maxRows = sheet.getMaxRows();
  if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows);
  else if (height < maxRows) sheet.deleteRows(height + 1, maxRows - height);
  const maxColumns = sheet.getMaxColumns();
  if (rows[0].length > maxColumns) sheet.insertColumnsAfter(maxColumns, rows[0].length - maxColumns);
  const range = sheet.getRange(1, 1, rows.length, rows[0].length);
  range.setNumberFormats(rows.map((r) => r.map((c) => c.format)));
  range.setValues(rows.map((r) => r.map((c) => c.value)));
  range.setFontWeights(rows.map((r) => r.map((c) => (c.bold ? 'bold' : 'normal'))));
  range.setBackgrounds(rows.map((r) => r.map((c) => c.background)) as string[][]);
  range.setVerticalAlignment('middle');
  if (block.links) writeLinks(sheet, block.links);
  for (const run of widthRuns(block.widths)) {
    if (run.count === 1) sheet.setColumnWidth(run.column, run.width);
    else sheet.setColumnWidths(run.column, run.count, run.width);
  }
  sheet.setFrozenRows(block.frozenRows);
  for (const chart of block.charts) insertChart(sheet, chart);
  if (show) sheet.activate();
  return sheet.getSheetId();
}

/** One setRichTextValues for the column; one builder makes every value (each sets or clears its link). */
function writeLinks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  links: NonNullable<SheetBlock['links']>,
): void {
  const builder = SpreadsheetApp.newRichTextValue();
  const values = links.cells.map((cell) => [
    builder
      .setText(cell.text)
      .setLinkUrl(cell.url as string)
      .build(),
  ]);
  sheet.getRange(links.row, links.column, values.length, 1).setRichTextValues(values);
}

function insertChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: ChartSpec): void {
  const chart = sheet
    .newChart()
    .setChartType(spec.kind === 'pie' ? Charts.ChartType.PIE : Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(spec.range.row, spec.range.column, spec.range.rows, spec.range.columns))
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'right' })
    .build();
  sheet.insertChart(chart);
}
