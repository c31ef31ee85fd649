import { writeCells } from '../gateway/info-cells';
import { readDocumentProperties } from '../gateway/properties';
import { alert, toast } from '../gateway/ui';
import { labelFixes } from '../layout/label-fixes';
import { analyzeActiveUnit } from './unit-analysis';
import { validateData } from './validate-data';

const TITLE = 'Sửa chữ xếp loại';

/**
 * Called by the sidebar: rewrites the labels read only without their diacritics to the canonical text —
 * only those cells, their formatting kept — then checks the data again.
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
    if (writeCells(sheet, cells)) fixed += cells.length;
  }
  toast(
    fixed ? `Đã sửa ${fixed.toLocaleString('vi-VN')} ô về đúng chữ.` : 'Không có ô nào cần sửa chữ.',
    TITLE,
  );
  validateData();
  return { ok: true, fixed };
}
