import { columnLetter, REPORT_FONT, type ReportSheet, type SheetArea, type SheetCell } from '../../../core';
import { planMerges } from '../layout/merge-plan';
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

/** `A1:B2` of an area. */
function a1(area: SheetArea): string {
  const corner = (row: number, column: number) => `${columnLetter(column - 1)}${row}`;
  return `${corner(area.row, area.column)}:${corner(area.row + area.rows - 1, area.column + area.columns - 1)}`;
}

/** Consecutive rows of the same height (the layout's null: Sheets' default, left alone), one call each. */
function heightRuns(heights: (number | null)[]): { row: number; count: number; height: number }[] {
  const runs: { row: number; count: number; height: number }[] = [];
  heights.forEach((h, r) => {
    if (!h) return;
    const pixels = Math.round(h * PIXELS_PER_POINT);
    const last = runs.at(-1);
    if (last && last.height === pixels && last.row + last.count === r + 1) last.count++;
    else runs.push({ row: r + 1, count: 1, height: pixels });
  });
  return runs;
}

/**
 * Writes one laid-out report sheet in a number of calls that does not grow with its rows: every value and
 * style in one call each over the whole block; merges by bands of rows (see merge-plan), all table
 * borders in one call, one call per run of tall rows and per chart.
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
  const merges = planMerges(laid.merges);
  for (const m of merges.across) sheet.getRange(m.row, m.column, m.rows, m.columns).mergeAcross();
  for (const m of merges.whole) sheet.getRange(m.row, m.column, m.rows, m.columns).merge();
  if (merges.apart.length) sheet.getRangeList(merges.apart.map(a1)).breakApart();
  range.setNumberFormats(grid.map((r) => r.map((c) => c.format)));
  range.setValues(grid.map((r) => r.map((c) => c.value)));
  const styles = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  const styleOf = (c: SheetCell) => {
    const key = `${c.size} ${c.bold} ${c.italic} ${c.underline}`;
    let style = styles.get(key);
    if (!style) {
      style = SpreadsheetApp.newTextStyle()
        .setFontFamily(REPORT_FONT)
        .setFontSize(c.size)
        .setBold(c.bold)
        .setItalic(c.italic)
        .setUnderline(c.underline)
        .build();
      styles.set(key, style);
    }
    return style;
  };
  // Every property of the font set in one call; one builder per distinct style, not per cell.
  range.setTextStyles(grid.map((r) => r.map(styleOf)));
  range.setHorizontalAlignments(grid.map((r) => r.map((c) => c.align)));
  range.setWraps(grid.map((r) => r.map((c) => c.wrap)));
  range.setBackgrounds(grid.map((r) => r.map((c) => c.fill)) as string[][]);
  range.setVerticalAlignment('middle');
  const tables = borderedAreas(laid.rows);
  if (tables.length) sheet.getRangeList(tables.map(a1)).setBorder(true, true, true, true, true, true);
  const pixels = laid.widths.map((w) => Math.round(w * PIXELS_PER_CHARACTER + PADDING));
  for (const run of widthRuns(pixels)) sheet.setColumnWidths(run.column, run.count, run.width);
  for (const run of heightRuns(laid.heights)) sheet.setRowHeights(run.row, run.count, run.height);
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
