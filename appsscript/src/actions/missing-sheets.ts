import { findSheet, HEADER_SEARCH_ROWS, type Grid } from '../../../core';
import { createTemplateSheet, existingSheetNames, readFirstRows } from '../gateway/template-writer';
import { useVietnameseLocale } from '../gateway/workbook';
import type { TemplateSheet } from '../layout/template';

type MissingHeaders = (sheet: string, firstRows: Grid) => { required: string[]; optional: string[] };

/**
 * Creates the standard sheets the spreadsheet lacks; a sheet it already has (matched loosely by name) is never
 * written, only checked for the standard columns. Answers what was done, one line each, for the user.
 */
export function createMissingSheets(specs: TemplateSheet[], missingHeaders: MissingHeaders): string[] {
  const workbook = { sheets: existingSheetNames().map((name) => ({ name, rows: [] })) };
  const created: string[] = [];
  const kept: string[] = [];
  for (const spec of specs) {
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
  return lines;
}
