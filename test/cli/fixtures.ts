import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Rows = (string | number | boolean | Date | null)[][];

export async function writeXlsx(path: string, sheets: Record<string, Rows>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
  }
  await book.xlsx.writeFile(path);
  return path;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `xeploai-${prefix}-`));
}

export function writeText(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

export const info = (code: string, name: string, year: number, kind = 'Chi bộ cơ sở'): Rows => [
  ['Mã đơn vị', code],
  ['Tên đơn vị', name],
  ['Năm', year],
  ['Loại hình', kind],
];

export const MEMBER_HEADER = [
  'STT',
  'Họ và tên',
  'Số thẻ đảng viên',
  'Ngày vào Đảng',
  'Xếp loại',
  'Lý do không xếp loại',
  'Kỷ luật trong năm',
  'Nhóm',
];

/** Rows for `counts` members of each level (names and card numbers made unique), then the not-rated ones. */
export function memberRows(
  counts: { excellent?: number; good?: number; complete?: number; notComplete?: number; exempt?: number },
  prefix: string,
): Rows {
  const labels: [keyof typeof counts, string, string][] = [
    ['excellent', 'Hoàn thành xuất sắc nhiệm vụ', ''],
    ['good', 'Hoàn thành tốt nhiệm vụ', ''],
    ['complete', 'Hoàn thành nhiệm vụ', ''],
    ['notComplete', 'Không hoàn thành nhiệm vụ', ''],
    ['exempt', '', 'Miễn công tác và sinh hoạt đảng'],
  ];
  const rows: Rows = [];
  for (const [key, rating, reason] of labels) {
    for (let i = 0; i < (counts[key] ?? 0); i++) {
      const n = rows.length + 1;
      rows.push([n, `Đảng viên ${prefix} ${n}`, `${prefix}-${n}`, '15/03/2010', rating, reason, '', '']);
    }
  }
  return rows;
}
