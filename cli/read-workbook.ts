import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { WorkbookData } from '../core';
import { readXlsxBytes } from './xlsx/read-xlsx';

export type WorkbookReadResult = { ok: true; workbook: WorkbookData } | { ok: false; message: string };

/** Reads an .xlsx or .csv file into plain grids, the same shape Sheets' getValues() gives. */
export async function readWorkbookFile(path: string): Promise<WorkbookReadResult> {
  let bytes: Buffer;
  try {
    // Read at once: a workbook is small, and waiting for the thread pool cost more than reading it.
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === 'ENOENT' ? `Không tìm thấy tệp ${path}.` : `Không đọc được tệp ${path} (${code}).`,
    };
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') {
    const text = csvText(bytes);
    if (text === null) {
      return {
        ok: false,
        message: `Tệp ${path} không mã hóa UTF-8 (có thể là Windows-1258 hay TCVN3): hãy mở bằng Excel và lưu lại dạng “CSV UTF-8”.`,
      };
    }
    if (!text.trim()) return { ok: false, message: `Tệp ${path} rỗng: không có dòng nào.` };
    return { ok: true, workbook: readCsv(text) };
  }
  if (extension === '.xlsx' || extension === '.xlsm') {
    try {
      return { ok: true, workbook: await readXlsx(bytes) };
    } catch {
      return { ok: false, message: notSpreadsheetMessage(path, bytes) };
    }
  }
  const other = OTHER_SPREADSHEETS[extension];
  if (other)
    return { ok: false, message: `Tệp ${path} là ${other}: hãy mở và lưu lại dạng .xlsx (hoặc .csv UTF-8).` };
  return { ok: false, message: `Tệp ${path} không phải .xlsx hay .csv.` };
}

/** Spreadsheets of other formats, by extension: the message says how to make them readable. */
export const OTHER_SPREADSHEETS: Record<string, string> = {
  '.xls': 'bảng tính Excel 97–2003 (.xls)',
  '.xlsb': 'bảng tính Excel nhị phân (.xlsb)',
  '.ods': 'bảng tính OpenDocument (.ods) của LibreOffice',
  '.numbers': 'bảng tính Numbers',
};

/** Office documents that are zip files too, by the folder their main part lives in. */
const OTHER_OFFICE_FILES: [string, string][] = [
  ['word/', 'tài liệu Word (.docx)'],
  ['ppt/', 'bản trình chiếu PowerPoint (.pptx)'],
];

function notSpreadsheetMessage(path: string, bytes: Buffer): string {
  const names: string[] = [];
  try {
    unzipSync(new Uint8Array(bytes), { filter: (file) => (names.push(file.name), false) });
  } catch {
    // not a zip at all
  }
  const other = OTHER_OFFICE_FILES.find(([folder]) => names.some((n) => n.startsWith(folder)));
  if (other) return `Tệp ${path} không phải bảng tính: đây là ${other[1]} được đặt tên đuôi .xlsx.`;
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    return `Tệp ${path} không phải bảng tính .xlsx đọc được: có thể là tệp .xls cũ hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel và lưu lại thành .xlsx không mật khẩu.`;
  return `Tệp ${path} không phải bảng tính .xlsx đọc được (tệp hỏng hoặc không đúng định dạng).`;
}

/** The values of every sheet of an .xlsx file (see cli/xlsx/read-xlsx.ts). */
export async function readXlsx(bytes: Buffer): Promise<WorkbookData> {
  return readXlsxBytes(bytes);
}

/** A CSV file's text: UTF-16 when it starts with its byte order mark, else UTF-8; null when it is neither. */
function csvText(bytes: Buffer): string | null {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** Comma, semicolon or tab separated text: one `Đảng viên` sheet. */
export function readCsv(text: string): WorkbookData {
  const parsed = Papa.parse<string[]>(text, { delimiter: csvDelimiter(text), skipEmptyLines: false });
  const rows = parsed.data;
  while (rows.length && rows[rows.length - 1].every((cell) => cell.trim() === '')) rows.pop();
  return { sheets: [{ name: 'Đảng viên', rows }] };
}

/**
 * The separator of a CSV file: of ";", "," and tab, the one found on the most of its first lines (outside
 * quotes), then the most often. A title line above the header ("DANH SÁCH ĐẢNG VIÊN", or one with a comma)
 * does not decide it alone.
 */
export function csvDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/, 200)
    .filter((line) => line.trim() !== '')
    .slice(0, 20)
    .map((line) => line.replace(/"[^"]*"/g, ''));
  const candidates = [';', ',', '\t'];
  const score = (d: string) => {
    const counts = lines.map((line) => line.split(d).length - 1);
    return [counts.filter((n) => n > 0).length, counts.reduce((a, b) => a + b, 0)];
  };
  let best = ',';
  let bestScore = [0, 0];
  for (const d of candidates) {
    const [onLines, total] = score(d);
    if (onLines > bestScore[0] || (onLines === bestScore[0] && total > bestScore[1])) {
      best = d;
      bestScore = [onLines, total];
    }
  }
  return best;
}
