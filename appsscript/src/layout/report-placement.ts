import type { ReportSheet, SheetArea, SheetCell } from '../../../core';

/**
 * How the add-on shows a laid-out report in Sheets without merging its one-row areas (a title across the
 * page, the heading's two blocks, a note): merging took one call per band of rows and per span, and a
 * merged sentence that wraps needs a row height (Sheets grows rows to fit only unmerged cells), so the
 * calls grew with the texts. Instead each such text stays unwrapped in one cell of its area and runs on
 * over the area's empty cells, as Sheets shows text over empty neighbours:
 * - left-aligned: in the area's first cell (as before), running on to the right;
 * - right-aligned: in its last cell, running on to the left;
 * - centred: in the cell whose middle is nearest the area's middle, running on to both sides, so it is
 *   centred on the area as the merged cell was (within half a column).
 * A fill colour covers the whole area, as it covered the merged cell. The cell values and their order in a
 * row are the report's own (what the CLI writes to .xlsx, merged): a value only moves within its area.
 * Areas taller than one row (none in today's layouts) stay merged. Text running on over empty neighbours
 * (both ways when centred) is how Sheets draws cells on screen, not something the Apps Script reference
 * describes; the add-on host stores cells and cannot draw them (its .xlsx export, drawn by LibreOffice for
 * the guide's pictures, shows the same run-on).
 */
export interface PlacedReport {
  rows: (SheetCell | null)[][];
  merges: SheetArea[];
}

/** The column (1-based) within `area` whose middle is nearest the area's middle, by the layout's widths. */
function middleColumn(area: SheetArea, widths: number[]): number {
  const start = widths.slice(0, area.column - 1).reduce((a, b) => a + b, 0);
  const span = widths.slice(area.column - 1, area.column - 1 + area.columns);
  const middle = start + span.reduce((a, b) => a + b, 0) / 2;
  let best = area.column;
  let bestDistance = Infinity;
  let left = start;
  span.forEach((w, i) => {
    const distance = Math.abs(left + w / 2 - middle);
    if (distance < bestDistance) {
      best = area.column + i;
      bestDistance = distance;
    }
    left += w;
  });
  return best;
}

export function placeReport(laid: ReportSheet): PlacedReport {
  const rows = laid.rows.map((cells) => [...cells]);
  const merges: SheetArea[] = [];
  for (const area of laid.merges) {
    if (area.rows !== 1) {
      merges.push(area);
      continue;
    }
    const line = rows[area.row - 1];
    const first = area.column - 1;
    const cell = line[first];
    if (!cell) continue;
    const at =
      cell.align === 'left'
        ? area.column
        : cell.align === 'right'
          ? area.column + area.columns - 1
          : middleColumn(area, laid.widths);
    const empty: SheetCell = { ...cell, value: '', format: '@', kind: 'empty', wrap: false };
    for (let c = first; c < first + area.columns; c++) line[c] = cell.fill ? empty : (line[c] ?? null);
    line[first] = cell.fill ? empty : null;
    line[at - 1] = { ...cell, wrap: false };
  }
  return { rows, merges };
}
