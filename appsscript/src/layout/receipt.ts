import { cellText, isEmptyCell, sameName, type Grid } from '../../../core';

/** Rows of `Thông tin` where the last submission is recorded. */
export const RECEIPT_KEYS = { sentAt: 'Lần gửi gần nhất', version: 'Phiên bản' } as const;

export interface ReceiptCell {
  /** 1-based. */
  row: number;
  column: number;
  value: string | number;
}

/**
 * The cells to write in `Thông tin` for a receipt: the value next to each key row when it exists,
 * else a new key | value row under the last filled one. Nothing else in the sheet is touched.
 */
export function receiptCells(grid: Grid, receipt: { sentAt: string; version: number }): ReceiptCell[] {
  const cells: ReceiptCell[] = [];
  let nextRow = lastFilledRow(grid) + 1;
  for (const [key, value] of [
    [RECEIPT_KEYS.sentAt, receipt.sentAt],
    [RECEIPT_KEYS.version, receipt.version],
  ] as const) {
    const at = grid.findIndex((row) => {
      const keyCell = (row ?? []).findIndex((c) => !isEmptyCell(c));
      return keyCell !== -1 && sameName(cellText(row[keyCell]), key);
    });
    if (at !== -1) {
      const keyColumn = grid[at].findIndex((c) => !isEmptyCell(c));
      cells.push({ row: at + 1, column: keyColumn + 2, value });
    } else {
      cells.push({ row: nextRow, column: 1, value: key }, { row: nextRow, column: 2, value });
      nextRow++;
    }
  }
  return cells;
}

function lastFilledRow(grid: Grid): number {
  for (let r = grid.length - 1; r >= 0; r--) if ((grid[r] ?? []).some((c) => !isEmptyCell(c))) return r + 1;
  return 0;
}
