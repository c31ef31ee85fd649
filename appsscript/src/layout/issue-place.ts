import { columnIndex, columnLetter, type Issue } from '../../../core';

/** 1-based cell an issue points at: its column, or the row's first cell when only the row is known. */
export function issueCell(found: Issue): { row: number; column: number } | null {
  if (found.row === null) return null;
  return { row: found.row, column: found.column ? columnIndex(found.column) + 1 : 1 };
}

export function issueA1(found: Issue): string | null {
  const cell = issueCell(found);
  return cell ? columnLetter(cell.column - 1) + cell.row : null;
}
