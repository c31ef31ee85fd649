import type { WorkbookData } from '../../../core';
import { writeCells } from '../gateway/info-cells';
import { readDocumentProperties } from '../gateway/properties';
import { alert, toast } from '../gateway/ui';
import { labelFixes } from '../layout/label-fixes';
import type { ReceiptCell } from '../layout/receipt';
import { analyzeActiveUnit, analyzeRead } from './unit-analysis';
import { showValidation } from './validate-data';

const TITLE = 'Sửa chữ xếp loại';

/**
 * Called by the sidebar: rewrites the labels read only without their diacritics to the canonical text —
 * only those cells, their formatting kept, one call per distinct text — then checks the data again as
 * “Kiểm tra dữ liệu” does, on the rows already read with the fixed cells changed in them (the sheets are
 * not read twice).
 */
export function fixLabels(): { ok: boolean; fixed: number; message?: string } {
  const properties = readDocumentProperties();
  const active = analyzeActiveUnit(properties);
  if (!active.ok) {
    alert(TITLE, active.message);
    return { ok: false, fixed: 0, message: active.message };
  }
  let fixed = 0;
  for (const [sheet, cells] of labelFixes(active.analysis.read.issues)) {
    if (!writeCells(sheet, cells)) continue;
    fixed += cells.length;
    changeRead(active.read.workbook, sheet, cells);
  }
  toast(
    fixed ? `Đã sửa ${fixed.toLocaleString('vi-VN')} ô về đúng chữ.` : 'Không có ô nào cần sửa chữ.',
    TITLE,
  );
  showValidation(fixed ? analyzeRead(active.read, properties) : active, properties);
  return { ok: true, fixed };
}

/** The cells as now written, in the rows read (row r of a sheet is rows[r - 1]: they were read from A1). */
function changeRead(workbook: WorkbookData, sheetName: string, cells: ReceiptCell[]): void {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) return;
  for (const cell of cells) {
    const row = sheet.rows[cell.row - 1];
    if (row) row[cell.column - 1] = cell.value;
  }
}
