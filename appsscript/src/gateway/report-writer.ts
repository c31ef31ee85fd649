import { REPORT_FONT, type ReportSheet, type SheetArea, type SheetCell } from '../../../core';
import { widthRuns } from '../layout/sheet-block';
import { prepareOwnSheet } from './block-writer';
import { activeSpreadsheet, useVietnameseLocale } from './workbook';

/** Sheets measures columns in pixels: about 7 of them a character of the body font, plus padding. */
const PIXELS_PER_CHARACTER = 7;
const PADDING = 5;
/** Row heights are points in the layout, pixels in Sheets. */
const PIXELS_PER_POINT = 4 / 3;

const EMPTY: SheetCell = {
  value: '',
  format: '@',
  kind: 'empty',
  bold: false,
  italic: false,
  underline: false,
  size: 12,
  align: 'left',
  wrap: false,
  border: false,
  fill: null,
};

/** Bordered cells as rectangles: the same run of columns on consecutive rows is one table. */
function borderedAreas(rows: (SheetCell | null)[][]): SheetArea[] {
  const areas: SheetArea[] = [];
  let open: SheetArea | null = null;
  rows.forEach((cells, r) => {
    const first = cells.findIndex((c) => c?.border);
    let last = first;
    while (last >= 0 && cells[last + 1]?.border) last++;
    if (first < 0) {
      open = null;
      return;
    }
    const run = { row: r + 1, column: first + 1, rows: 1, columns: last - first + 1 };
    if (
      open &&
      open.column === run.column &&
      open.columns === run.columns &&
      open.row + open.rows === run.row
    )
      open.rows++;
    else {
      open = run;
      areas.push(open);
    }
  });
  return areas;
}

/** Merges one row high with the same columns on consecutive rows: one mergeAcross each. */
function mergeRuns(merges: SheetArea[]): SheetArea[] {
  const runs: SheetArea[] = [];
  const sorted = [...merges].sort((a, b) => a.column - b.column || a.columns - b.columns || a.row - b.row);
  for (const m of sorted) {
    const last = runs.at(-1);
    if (
      last &&
      m.rows === 1 &&
      last.column === m.column &&
      last.columns === m.columns &&
      last.row + last.rows === m.row
    )
      last.rows++;
    else runs.push({ ...m });
  }
  return runs;
}

/**
 * Writes one laid-out report sheet in a number of calls that does not grow with its rows: every value and
 * style in one call each over the whole block, then one call per table border, merge, tall row and chart.
 * The sheet becomes the first and the active one. The spreadsheet's locale is set to Vietnamese, so its
 * number formats show "11.940", "14,25%", "+0,41".
 */
export function writeReportSheet(laid: ReportSheet, ownId: number | undefined): number {
  const spreadsheet = activeSpreadsheet();
  useVietnameseLocale();
  const width = laid.widths.length;
  const sheet = prepareOwnSheet(laid.name, true, ownId, laid.rows.length, width);
  const grid = laid.rows.map((cells) => Array.from({ length: width }, (_, c) => cells[c] ?? EMPTY));
  const range = sheet.getRange(1, 1, grid.length, width);
  range.breakApart();
  range.setNumberFormats(grid.map((r) => r.map((c) => c.format)));
  range.setValues(grid.map((r) => r.map((c) => c.value)));
  range.setFontFamily(REPORT_FONT);
  range.setFontSizes(grid.map((r) => r.map((c) => c.size)));
  range.setFontWeights(grid.map((r) => r.map((c) => (c.bold ? 'bold' : 'normal'))));
  range.setFontStyles(grid.map((r) => r.map((c) => (c.italic ? 'italic' : 'normal'))));
  range.setFontLines(grid.map((r) => r.map((c) => (c.underline ? 'underline' : 'none'))));
  range.setHorizontalAlignments(grid.map((r) => r.map((c) => c.align)));
  range.setWraps(grid.map((r) => r.map((c) => c.wrap)));
  range.setBackgrounds(grid.map((r) => r.map((c) => c.fill)) as string[][]);
  range.setVerticalAlignment('middle');
  for (const a of borderedAreas(laid.rows))
    sheet.getRange(a.row, a.column, a.rows, a.columns).setBorder(true, true, true, true, true, true);
  for (const m of mergeRuns(laid.merges)) sheet.getRange(m.row, m.column, m.rows, m.columns).mergeAcross();
  const pixels = laid.widths.map((w) => Math.round(w * PIXELS_PER_CHARACTER + PADDING));
  for (const run of widthRuns(pixels)) sheet.setColumnWidths(run.column, run.count, run.width);
  laid.heights.forEach((h, r) => {
    if (h) sheet.setRowHeight(r + 1, Math.round(h * PIXELS_PER_POINT));
  });
  sheet.setFrozenRows(laid.frozenRows);
  for (const chart of laid.charts) {
    const built = sheet
      .newChart()
      .setChartType(Charts.ChartType.PIE)
      .addRange(
        sheet.getRange(chart.labels.row, chart.labels.column, chart.labels.rows, chart.labels.columns),
      )
      .addRange(
        sheet.getRange(chart.values.row, chart.values.column, chart.values.rows, chart.values.columns),
      )
      .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
      .setOption('title', chart.title)
      .setOption('width', chart.width)
      .setOption('height', chart.height)
      .setOption('legend', { position: 'right' })
      .build();
    sheet.insertChart(built);
  }
  sheet.activate();
  spreadsheet.moveActiveSheet(1);
  return sheet.getSheetId();
}
