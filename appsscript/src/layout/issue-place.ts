import { columnLetter, type Issue } from '../../../core';

/** 1-based cell an issue points at: its column, or the row's first cell when only the row is known. */
export function issueCell(found: Issue): { row: number; column: number } | null {
  if (found.row === null) return null;
  return { row: found.row, column: found.column ? columnNumber(found.column) : 1 };
}

export function issueA1(found: Issue): string | null {
  const cell = issueCell(found);
  return cell ? columnLetter(cell.column - 1) + cell.row : null;
}

/** "G" → 7, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
