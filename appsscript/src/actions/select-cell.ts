import { selectRange } from '../gateway/selection';

/** Called by the sidebar through google.script.run when an issue is clicked. */
export function selectCell(sheet: unknown, a1: unknown): { ok: boolean; message?: string } {
  if (typeof sheet !== 'string' || typeof a1 !== 'string' || !/^[A-Z]{1,3}[0-9]{1,7}$/.test(a1)) {
    return { ok: false, message: 'Ô không hợp lệ.' };
  }
  return selectRange(sheet, a1) ? { ok: true } : { ok: false, message: `Không còn trang “${sheet}”.` };
}
