// A sheet of the add-on host drawn as Google Sheets shows it on screen: column letters and row numbers,
// grid lines, the cells' shown values (number formats applied in the spreadsheet's locale), fonts,
// backgrounds, the black corner of a cell with a note, the frozen rows' line, the selected cell, one note
// opened as when the pointer rests on its cell, and the sheet tabs. A download as .xlsx rendered by
// LibreOffice would show a printed page instead: no grid, no notes, no selection.
import {
  columnLetters,
  DEFAULT_BACKGROUND,
  type FakeSheet,
  type FakeSpreadsheet,
} from '../addon-host/spreadsheet';

export interface GridView {
  sheet: string;
  /** How many rows and columns to draw from A1. */
  rows: number;
  columns: number;
  /** A cell whose note is shown open ("G6"). */
  openNote?: string;
}

const DEFAULT_WIDTH = 100;
const ROW_HEIGHT = 21;
const HEADER_WIDTH = 46;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellAddress(a1: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) throw new Error(`not a cell: ${a1}`);
  const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function covered(sheet: FakeSheet): Map<string, { rows: number; columns: number } | null> {
  const spans = new Map<string, { rows: number; columns: number } | null>();
  for (const m of sheet.merges) {
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.column; c < m.column + m.columns; c++) spans.set(`${r}:${c}`, null);
    spans.set(`${m.row}:${m.column}`, { rows: m.rows, columns: m.columns });
  }
  return spans;
}

/** The cell's own style (on its <td>) and what it shows. */
function cellHtml(
  sheet: FakeSheet,
  shown: string,
  row: number,
  column: number,
): { style: string; html: string } {
  const cell = sheet.peek(row, column);
  if (!cell) return { style: '', html: '' };
  const style: string[] = [];
  if (cell.background !== DEFAULT_BACKGROUND) style.push(`background:${cell.background}`);
  if (cell.weight === 'bold') style.push('font-weight:bold');
  if (cell.style.fontStyle === 'italic') style.push('font-style:italic');
  if (cell.style.size !== 10) style.push(`font-size:${cell.style.size}pt`);
  // Sheets puts numbers and dates on the right until an alignment is set.
  const number = typeof cell.value === 'number' || cell.value instanceof Date;
  style.push(`text-align:${cell.style.align !== 'general' ? cell.style.align : number ? 'right' : 'left'}`);
  if (cell.style.wrap) style.push('white-space:normal');
  // Sheets draws links, rich-text ones and HYPERLINK formulas alike, blue and underlined.
  const link = cell.link !== null || /^=HYPERLINK\(/i.test(cell.formula);
  const text = link ? `<span class="link">${escape(shown)}</span>` : escape(shown);
  return {
    style: style.join(';'),
    html: `${cell.note ? '<i class="note"></i>' : ''}<div class="v">${text}</div>`,
  };
}

/** How wide the grid of `view` is drawn, row numbers and lines included, in pixels. */
export function gridWidth(spreadsheet: FakeSpreadsheet, view: GridView): number {
  const sheet = spreadsheet.sheet(view.sheet);
  let width = HEADER_WIDTH + 2;
  for (let c = 1; c <= view.columns; c++) width += (sheet.widths.get(c) ?? DEFAULT_WIDTH) + 1;
  return width;
}

/** The page: the grid of `view` and the tabs of every sheet, the shown one active. */
export function sheetGridHtml(spreadsheet: FakeSpreadsheet, view: GridView): string {
  const sheet = spreadsheet.sheet(view.sheet);
  view = {
    ...view,
    rows: Math.min(view.rows, sheet.maxRows),
    columns: Math.min(view.columns, sheet.maxColumns),
  };
  const shown = sheet.rangeView(1, 1, view.rows, view.columns).getDisplayValues();
  const widths = Array.from({ length: view.columns }, (_, i) => sheet.widths.get(i + 1) ?? DEFAULT_WIDTH);
  const spans = covered(sheet);
  const selected =
    spreadsheet.activeSheet === sheet && spreadsheet.activeRange
      ? cellAddress(spreadsheet.activeRange.split(':')[0])
      : null;
  const opened = view.openNote ? cellAddress(view.openNote) : null;

  const head = widths.map((_, i) => `<th class="col">${columnLetters(i + 1)}</th>`).join('');
  const columns = [HEADER_WIDTH, ...widths].map((w) => `<col style="width:${w + 1}px">`).join('');
  const body: string[] = [];
  for (let r = 1; r <= view.rows; r++) {
    const height = sheet.heights.get(r) ?? ROW_HEIGHT;
    const frozen = r === sheet.frozenRows ? ' class="frozen"' : '';
    const cells: string[] = [`<th class="row">${r}</th>`];
    for (let c = 1; c <= view.columns; c++) {
      const span = spans.get(`${r}:${c}`);
      if (span === null) continue;
      const attributes: string[] = [];
      if (span) {
        if (span.rows > 1) attributes.push(`rowspan="${span.rows}"`);
        if (span.columns > 1) attributes.push(`colspan="${span.columns}"`);
      }
      const classes: string[] = [];
      if (selected && selected.row === r && selected.column === c) classes.push('selected');
      // Text runs on over an empty neighbour, as in Sheets; otherwise it is cut at the cell's edge.
      if (c < view.columns && shown[r - 1][c] === '' && !spans.has(`${r}:${c + 1}`)) classes.push('spill');
      if (classes.length) attributes.push(`class="${classes.join(' ')}"`);
      const { style, html } = cellHtml(sheet, shown[r - 1][c - 1], r, c);
      if (style) attributes.push(`style="${style}"`);
      let content = html;
      if (opened && opened.row === r && opened.column === c) {
        const note = sheet.peek(r, c)?.note ?? '';
        content += `<div class="popup">${escape(note)}</div>`;
      }
      cells.push(`<td ${attributes.join(' ')}>${content}</td>`);
    }
    body.push(`<tr${frozen} style="height:${height}px">${cells.join('')}</tr>`);
  }
  const tabs = spreadsheet.sheets
    .map((s) => `<span class="tab${s === sheet ? ' active' : ''}">${escape(s.name)}</span>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
body{margin:0;font-family:Arial,'Liberation Sans',sans-serif;font-size:10pt;color:#000;background:#fff}
table{border-collapse:collapse;table-layout:fixed;width:${gridWidth(spreadsheet, view)}px}
th{background:#f8f9fa;color:#5f6368;font-weight:normal;font-size:9pt;border:1px solid #c0c0c0}
th.row{width:${HEADER_WIDTH}px}
td{border:1px solid #e2e3e3;padding:0;position:relative;overflow:visible;white-space:nowrap;vertical-align:bottom}
td .v{padding:0 3px;overflow:hidden;text-overflow:clip;line-height:${ROW_HEIGHT - 3}px;height:100%;box-sizing:border-box}
tr.frozen td,tr.frozen th{border-bottom:4px solid #c0c0c0}
td.selected{outline:2px solid #1a73e8;outline-offset:-2px;z-index:2}
.note{position:absolute;top:0;right:0;width:0;height:0;border-top:6px solid #000;border-left:6px solid transparent;z-index:1}
td.spill{overflow:visible}td.spill .v{overflow:visible}
.link{color:#1155cc;text-decoration:underline}
.popup{position:absolute;left:100%;top:0;margin-left:6px;width:250px;white-space:pre-wrap;background:#fff;
  border:1px solid #dadce0;box-shadow:0 2px 6px rgba(60,64,67,.3);padding:8px 10px;font-size:10pt;line-height:1.35;z-index:5;text-align:left}
.tabs{display:flex;gap:2px;background:#f1f3f4;border-top:1px solid #dadce0;padding:4px 8px 6px 54px;margin-top:8px}
.tab{padding:5px 14px;color:#3c4043;font-size:10pt}
.tab.active{background:#fff;color:#188038;font-weight:bold;border-radius:0 0 4px 4px;box-shadow:0 1px 2px rgba(0,0,0,.2)}
</style></head><body><div id="shot" style="display:inline-block"><table><colgroup>${columns}</colgroup><thead><tr><th class="row"></th>${head}</tr></thead><tbody>${body.join(
    '',
  )}</tbody></table><div class="tabs">${tabs}</div></div></body></html>`;
}
