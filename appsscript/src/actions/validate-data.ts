import { splitIssues } from '../../../core';
import { readDocumentProperties } from '../gateway/properties';
import { alert, toast } from '../gateway/ui';
import { countText, showIssues } from './show-issues';
import { analyzeActiveUnit, type ActiveAnalysis } from './unit-analysis';

export const VALIDATE_TITLE = 'Kiểm tra dữ liệu';

/** Menu “Kiểm tra dữ liệu”. */
export function validateData(): void {
  const properties = readDocumentProperties();
  showValidation(analyzeActiveUnit(properties), properties);
}

/** What “Kiểm tra dữ liệu” shows for an analysis: the `Lỗi` sheet, the marks, the sidebar, a toast. */
export function showValidation(active: ActiveAnalysis, properties: Record<string, string>): void {
  if (!active.ok) return alert(VALIDATE_TITLE, active.message);
  const issues = active.analysis.read.issues;
  const { errors, warnings } = splitIssues(issues);
  const intro = errors.length
    ? 'Các ô có lỗi đã được tô màu và ghi chú. Bấm vào một mục để đến ô đó.'
    : 'Dữ liệu không có lỗi, có thể gửi báo cáo.';
  showIssues(issues, active.read, properties, VALIDATE_TITLE, intro);
  toast(`Kiểm tra xong: ${countText(errors.length, warnings.length)}.`, VALIDATE_TITLE);
}
