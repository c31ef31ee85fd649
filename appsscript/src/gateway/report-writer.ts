import {
  columnLetter,
  REPORT_FONT,
  type ReportSheet,
  type SheetArea,
  type SheetCell,
  type SheetChart,
} from '../../../core';
import { placeReport } from '../layout/report-placement';
import { prepareOwnSheet, setWidths, type OwnSheetPlace } from './block-writer';
import { useVietnameseLocale } from './workbook';

/** Sheets measures columns in pixels: about 7 of them a character of the body font, plus padding. */
const PIXELS_PER_CHARACTER = 7;
const PADDING = 5;
/**
 * Columns the layout makes 10 to 22 characters wide (figures, codes) are left at Sheets' default width,
 * 100 px (about 13½ characters): one width call fewer per distinct width, and the same whatever the codes
 * of a report are. A text in a table cell of such a column wraps when it is longer (a target's code).
 */
const DEFAULT_WIDTH = { least: 10, most: 22 };

function pixelsOf(characters: number): number | null {
  if (characters >= DEFAULT_WIDTH.least && characters <= DEFAULT_WIDTH.most) return null;
  return Math.round(characters * PIXELS_PER_CHARACTER + PADDING);
}

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

/** The chart as the layout places it, on a builder: a new one, or an existing chart's modify(). */
function chartOf(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  chart: SheetChart,
): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  return builder
    .clearRanges()
    .setChartType(Charts.ChartType.PIE)
    .addRange(sheet.getRange(chart.labels.row, chart.labels.column, chart.labels.rows, chart.labels.columns))
    .addRange(sheet.getRange(chart.values.row, chart.values.column, chart.values.rows, chart.values.columns))
    .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
    .setOption('title', chart.title)
    .setOption('width', chart.width)
    .setOption('height', chart.height)
    .setOption('legend', { position: 'right' })
    .build();
}

/**
 * Writes one laid-out report sheet in a number of calls that depends neither on its rows nor on its texts:
 * every value and style in one call each over the whole block (see report-placement for the texts that ran
 * across merged cells), all table borders in one call, the widths in as few calls as they allow
 * (widthCalls), one call per chart. No row heights: "By default, rows grow to fit cell contents"
 * (Sheet.setRowHeights in Google's reference), and no text is merged any more. The sheet goes where `place`
 * says. The spreadsheet's locale is set to Vietnamese, so its number formats show "11.940", "14,25%",
 * "+0,41".
 */
export function writeReportSheet(laid: ReportSheet, ownId: number | undefined, place: OwnSheetPlace): number {
  useVietnameseLocale();
  const width = laid.widths.length;
  const placed = placeReport(laid);
  const { sheet, charts } = prepareOwnSheet(laid.name, place, ownId, placed.rows.length, width);
  const grid = placed.rows.map((cells) => Array.from({ length: width }, (_, c) => cells[c] ?? EMPTY));
  const range = sheet.getRange(1, 1, grid.length, width);
  for (const m of placed.merges) sheet.getRange(m.row, m.column, m.rows, m.columns).merge();
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
  // Explicit strategies: a text that ran across merged cells must run on over its empty neighbours
  // (OVERFLOW), which setWrap(false) is not documented to do.
  const { WRAP, OVERFLOW } = SpreadsheetApp.WrapStrategy;
  const pixels = laid.widths.map(pixelsOf);
  const wraps = (c: SheetCell, column: number) =>
    c.wrap || (c.border && c.kind === 'text' && pixels[column] === null);
  range.setWrapStrategies(grid.map((r) => r.map((c, column) => (wraps(c, column) ? WRAP : OVERFLOW))));
  range.setBackgrounds(grid.map((r) => r.map((c) => c.fill)) as string[][]);
  const tables = borderedAreas(placed.rows);
  if (tables.length) sheet.getRangeList(tables.map(a1)).setBorder(true, true, true, true, true, true);
  setWidths(sheet, pixels);
  if (sheet.getFrozenRows() !== laid.frozenRows) sheet.setFrozenRows(laid.frozenRows);
  // A chart the sheet had is updated in place (one call); one more is inserted, one fewer removed.
  laid.charts.forEach((chart, i) => {
    const old = charts[i];
    if (old) sheet.updateChart(chartOf(sheet, old.modify(), chart));
    else sheet.insertChart(chartOf(sheet, sheet.newChart(), chart));
  });
  for (const extra of charts.slice(laid.charts.length)) sheet.removeChart(extra);
  return sheet.getSheetId();
}
