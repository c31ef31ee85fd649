import type { Issue } from '../../../core';
import { markTargets, planMarks } from '../layout/marks';
import type { MarksBySheet } from '../layout/marks-store';

/**
 * Per sheet that has marks now or had some before: one read of backgrounds and one of notes over the
 * data range, one write of each over the block that changes.
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
    );
    if (plan.write) {
      const block = sheet.getRange(
        plan.write.row,
        plan.write.column,
        plan.write.notes.length,
        plan.write.notes[0].length,
      );
      block.setBackgrounds(plan.write.backgrounds as string[][]);
      block.setNotes(plan.write.notes);
    }
    if (plan.marks) next[name] = plan.marks;
  }
  return next;
}
