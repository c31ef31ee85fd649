import { findSheet, HEADER_SEARCH_ROWS } from '../../../core';
import { readDocumentProperties } from '../gateway/properties';
import { createTemplateSheet, existingSheetNames, readFirstRows } from '../gateway/template-writer';
import { alert } from '../gateway/ui';
import { useVietnameseLocale } from '../gateway/workbook';
import { missingHeaders, templateSheets } from '../layout/template';
import { settingsFrom } from '../settings';

const TITLE = 'Tạo biểu mẫu';

/** Menu “Tạo biểu mẫu”: creates the standard sheets that are missing; existing sheets are only checked. */
export function createTemplate(): void {
  const settings = settingsFrom(readDocumentProperties());
  const names = existingSheetNames();
  const workbook = { sheets: names.map((name) => ({ name, rows: [] })) };
  const created: string[] = [];
  const kept: string[] = [];
  for (const spec of templateSheets({
    unitCode: settings.unitCode,
    year: settings.year ?? new Date().getFullYear(),
  })) {
    const existing = findSheet(workbook, spec.name);
    if (!existing) {
      if (!created.length) useVietnameseLocale();
      createTemplateSheet(spec);
      created.push(`“${spec.name}”`);
      continue;
    }
    const missing = missingHeaders(spec.name, readFirstRows(existing.name, HEADER_SEARCH_ROWS));
    const notes = [
      ...(missing.required.length
        ? [`thiếu ${missing.required.map((h) => `“${h}”`).join(', ')} (bắt buộc)`]
        : []),
      ...(missing.optional.length ? [`chưa có ${missing.optional.map((h) => `“${h}”`).join(', ')}`] : []),
    ];
    kept.push(`• “${existing.name}”: ${notes.length ? notes.join('; ') : 'đủ các cột chuẩn'}.`);
  }
  const lines = [];
  if (created.length) lines.push(`Đã tạo trang ${created.join(', ')}.`);
  if (kept.length) lines.push('Các trang đã có được giữ nguyên, không ghi đè dữ liệu:', ...kept);
  alert(TITLE, lines.join('\n'));
}
