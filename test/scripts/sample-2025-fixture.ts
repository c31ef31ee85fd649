import type { CellValue, RatingLevel } from '../../core';
import { buildProvinceSample, type ProvinceSample } from '../../scripts/sample/build-2025';
import type { SampleSheet, SampleWorkbook } from '../../scripts/sample/write-xlsx';

// A reader of the generator's own output, written for these tests: it knows the exact headers the generator
// writes and reads them literally (NFC-normalised), so it checks the files' rows without the engine under test.

export const LEVEL_HEADERS: Record<string, RatingLevel> = {
  HTXSNV: 'excellent',
  HTTNV: 'good',
  HTNV: 'complete',
  KHTNV: 'notComplete',
  'Hoàn thành xuất sắc nhiệm vụ': 'excellent',
  'Hoàn thành tốt nhiệm vụ': 'good',
  'Hoàn thành nhiệm vụ': 'complete',
  'Không hoàn thành nhiệm vụ': 'notComplete',
};
const RATING_TEXTS: Record<string, RatingLevel> = {
  ...LEVEL_HEADERS,
  'Xuất sắc': 'excellent',
  Tốt: 'good',
  'Hoàn thành': 'complete',
  'Không hoàn thành': 'notComplete',
};
const REASON_HEADERS = ['Miễn sinh hoạt', 'Đình chỉ', 'Mới kết nạp', 'Chưa đánh giá'];
const YES = new Set(['x', 'X', 'Có', '✓']);

export interface RawMember {
  sheetRow: number;
  name: string;
  admittedOn: string;
  cell: string;
  /** The rating as the row gives it: a level, or the raw text when it is not one of the exact labels. */
  rating: RatingLevel | null;
  ratingText: string;
  /** Marked level columns (one-column-per-level form). */
  marks: string[];
  reason: string;
  score: number | null;
  parts: [number, number] | null;
  probationary: boolean | null;
  disciplined: boolean;
  selfCorrected: boolean;
  sickLeave: boolean;
  note: string;
}

export interface RawMemberSheet {
  sheet: SampleSheet;
  headerRows: number[];
  headers: string[];
  members: RawMember[];
}

const nfc = (v: CellValue) => (typeof v === 'string' ? v.normalize('NFC') : v);
const text = (v: CellValue) => String(nfc(v) ?? '').trim();
export const iso = (v: CellValue) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : text(v).split('/').reverse().join('-');

export function memberSheetOf(workbook: SampleWorkbook): SampleSheet {
  const sheet = workbook.sheets.find((s) => s.rows.some((r) => r.map(text).includes('Họ và tên')));
  if (!sheet) throw new Error('no member sheet');
  return sheet;
}

/** The member sheet's rows, read literally: a second header row when the first has a group header over it. */
export function readRawMembers(workbook: SampleWorkbook): RawMemberSheet {
  const sheet = memberSheetOf(workbook);
  const first = sheet.rows.findIndex((r) => r.map(text).includes('Họ và tên'));
  const twoRows = sheet.rows[first].map(text).includes('Kết quả xếp loại');
  const headers = sheet.rows[first].map((h, c) =>
    twoRows ? text(sheet.rows[first + 1][c]) || text(h) : text(h),
  );
  const headerRows = twoRows ? [first, first + 1] : [first];
  const at = (row: CellValue[], header: string) => {
    const c = headers.indexOf(header);
    return c === -1 ? undefined : row[c];
  };
  const members: RawMember[] = [];
  sheet.rows.slice(headerRows.at(-1)! + 1).forEach((row, i) => {
    const marks = headers.filter((h, c) => h in LEVEL_HEADERS && YES.has(text(row[c])));
    const ratingText = text(at(row, 'Xếp loại'));
    const reasonMarks = headers.filter((h, c) => REASON_HEADERS.includes(h) && YES.has(text(row[c])));
    const general = at(row, 'Điểm tiêu chí chung');
    const tasks = at(row, 'Điểm kết quả thực hiện nhiệm vụ');
    const total = at(row, 'Điểm');
    const parts: [number, number] | null = typeof general === 'number' ? [general, tasks as number] : null;
    const kind = at(row, 'Loại đảng viên');
    const flag = at(row, 'Đảng viên dự bị');
    members.push({
      sheetRow: headerRows.at(-1)! + 2 + i,
      name: text(at(row, 'Họ và tên')),
      admittedOn: iso(at(row, 'Ngày vào Đảng')),
      cell: text(at(row, 'Chi bộ')),
      rating: marks.length === 1 ? LEVEL_HEADERS[marks[0]] : (RATING_TEXTS[ratingText] ?? null),
      ratingText,
      marks,
      reason: [text(at(row, 'Lý do không xếp loại')), ...reasonMarks].filter(Boolean).join(', '),
      score: typeof total === 'number' ? total : parts ? parts[0] + parts[1] : null,
      parts,
      probationary:
        kind !== undefined ? text(kind) === 'Dự bị' : flag !== undefined ? YES.has(text(flag)) : null,
      disciplined: YES.has(text(at(row, 'Kỷ luật trong năm'))),
      selfCorrected: YES.has(text(at(row, 'Tự phát hiện, khắc phục'))),
      sickLeave: YES.has(text(at(row, 'Nghỉ ốm từ 3 tháng'))),
      note: text(at(row, 'Ghi chú')),
    });
  });
  return { sheet, headerRows, headers, members };
}

/** Rows of a key | value sheet or a table with a header row, by header. */
export function tableRows(workbook: SampleWorkbook, name: string): Record<string, CellValue>[] {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) return [];
  const [header, ...rows] = sheet.rows;
  return rows.map((row) => Object.fromEntries(header.map((h, c) => [text(h), nfc(row[c])])));
}

export function infoOf(workbook: SampleWorkbook): Record<string, CellValue> {
  const sheet = workbook.sheets.find((s) => s.name === 'Thông tin')!;
  return Object.fromEntries(sheet.rows.map(([key, value]) => [text(key), value]));
}

let cached: ProvinceSample | null = null;
export function provinceSample(): ProvinceSample {
  return (cached ??= buildProvinceSample());
}

export const BAND = (score: number): RatingLevel =>
  score >= 90 ? 'excellent' : score >= 70 ? 'good' : score >= 50 ? 'complete' : 'notComplete';
export const RANK: Record<RatingLevel, number> = { excellent: 3, good: 2, complete: 1, notComplete: 0 };
