import { columnIndex, type Issue } from '../../../core';
import type { ReceiptCell } from './receipt';

/**
 * The cells a one-click fix rewrites: those whose label was read only without its diacritics
 * (W_LABEL_NORMALIZED), each with the canonical text core gives; grouped by sheet.
 */
export function labelFixes(issues: Issue[]): Map<string, ReceiptCell[]> {
  const fixes = new Map<string, ReceiptCell[]>();
  for (const found of issues) {
    if (found.code !== 'W_LABEL_NORMALIZED' || !found.fix || found.row === null || found.column === null)
      continue;
    const cells = fixes.get(found.sheet) ?? [];
    cells.push({ row: found.row, column: columnIndex(found.column) + 1, value: found.fix });
    fixes.set(found.sheet, cells);
  }
  return fixes;
}

export function labelFixCount(issues: Issue[]): number {
  return [...labelFixes(issues).values()].reduce((sum, cells) => sum + cells.length, 0);
}
