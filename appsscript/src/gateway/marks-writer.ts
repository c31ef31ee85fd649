import { columnLetter, type Issue } from '../../../core';
import { groupMarkWrites, markTargets, planMarks } from '../layout/marks';
import type { MarksBySheet } from '../layout/marks-store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Per sheet that has marks now or had some before: one read of backgrounds and one of notes over the
 * data range, then writes to the changed cells only (see groupMarkWrites), never to a cell the user may
 * not edit.
 */
export function applyMarks(
  sizes: Record<string, { rows: number; columns: number }>,
  issues: Issue[],
  previous: MarksBySheet,
): MarksBySheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const next: MarksBySheet = {};
  const names = new Set([...Object.keys(previous), ...issues.map((i) => i.sheet)]);
  for (const name of names) {
    const targets = markTargets(issues, name);
    if (!targets.length && !previous[name]) continue;
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue;
    const read = sizes[name] ?? { rows: 0, columns: 0 };
    let rows = Math.max(read.rows, previous[name]?.rows ?? 0);
    let columns = Math.max(read.columns, previous[name]?.columns ?? 0);
    if (rows > read.rows || columns > read.columns) {
      rows = Math.min(rows, sheet.getMaxRows());
      columns = Math.min(columns, sheet.getMaxColumns());
    }
    if (rows === 0 || columns === 0) continue;
    const range = sheet.getRange(1, 1, rows, columns);
    const plan = planMarks(
      { backgrounds: range.getBackgrounds(), notes: range.getNotes() },
      previous[name] ?? null,
      targets,
      editableCells(sheet),
    );
    writeChanges(sheet, groupMarkWrites(plan.changes));
    if (plan.marks) next[name] = plan.marks;
  }
  return next;
}

function a1(cell: { row: number; column: number }): string {
  return columnLetter(cell.column - 1) + cell.row;
}

function writeChanges(sheet: Sheet, writes: ReturnType<typeof groupMarkWrites>): void {
  for (const colour of writes.colours)
    sheet.getRangeList(colour.cells.map(a1)).setBackground(colour.background as string);
  for (const run of writes.noteRuns)
    sheet.getRange(run.row, run.column, run.notes.length, 1).setNotes(run.notes.map((note) => [note]));
  for (const shared of writes.sharedNotes) sheet.getRangeList(shared.cells.map(a1)).setNote(shared.note);
}

/** Whether the user may change a cell: not when a protection they cannot edit covers it. */
function editableCells(sheet: Sheet): (row: number, column: number) => boolean {
  const locked: { top: number; left: number; bottom: number; right: number }[] = [];
  const protections = [
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ];
  for (const protection of protections) {
    if (protection.canEdit()) continue;
    const range = protection.getRange();
    const top = range.getRow();
    const left = range.getColumn();
    locked.push({ top, left, bottom: top + range.getNumRows() - 1, right: left + range.getNumColumns() - 1 });
  }
  return (row, column) =>
    !locked.some((l) => row >= l.top && row <= l.bottom && column >= l.left && column <= l.right);
}
