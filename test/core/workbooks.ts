/** Builders of unit and district workbooks as plain grids, the shape Sheets' getValues() and the CLI give. */
import {
  analyzeUnitWorkbook,
  type CellValue,
  type Issue,
  type UnitAnalysisOptions,
  type WorkbookData,
} from '../../core';

/** The template's member columns, A to Q. */
export const MEMBER_HEADER = [
  'STT',
  'Họ và tên',
  'Số thẻ đảng viên',
  'Ngày sinh',
  'Chi bộ',
  'Ngày vào Đảng',
  'Xếp loại',
  'Lý do không xếp loại',
  'Điểm',
  'Kỷ luật trong năm',
  'Nghỉ ốm từ 3 tháng',
  'Nhóm',
  'Ghi chú',
  'Đảng viên dự bị',
  'Tự phát hiện, khắc phục',
  'Điểm tiêu chí chung',
  'Điểm kết quả thực hiện nhiệm vụ',
];

/** Where each field sits in MEMBER_HEADER. */
export const COLUMN = {
  name: 'B',
  card: 'C',
  birthDate: 'D',
  cell: 'E',
  admittedOn: 'F',
  rating: 'G',
  reason: 'H',
  score: 'I',
  disciplined: 'J',
  sickLeave: 'K',
  groups: 'L',
  note: 'M',
  probationary: 'N',
  selfCorrected: 'O',
  scoreGeneral: 'P',
  scoreTasks: 'Q',
} as const;

export type MemberCells = Partial<Record<keyof typeof COLUMN, CellValue>>;

/** Two title rows and a blank row above the header, as real files have: the header is sheet row 4. */
export const TITLE_ROWS: CellValue[][] = [
  ['ĐẢNG BỘ XÃ THỬ NGHIỆM', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
  ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023'],
  [],
];
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

export function memberRow(index: number, cells: MemberCells): CellValue[] {
  const row: CellValue[] = MEMBER_HEADER.map(() => '');
  row[0] = index;
  for (const [key, letter] of Object.entries(COLUMN) as [keyof typeof COLUMN, string][]) {
    if (cells[key] !== undefined) row[letter.charCodeAt(0) - 65] = cells[key]!;
  }
  return row;
}

export function memberGrid(members: MemberCells[], header: CellValue[] = MEMBER_HEADER): CellValue[][] {
  return [...TITLE_ROWS, header, ...members.map((m, i) => memberRow(i + 1, m))];
}

/** The `Chi bộ` sheet of a đảng bộ cơ sở, columns A to H. */
export const CELL_HEADER = [
  'Tên chi bộ',
  'Xếp loại',
  'Ngày thành lập',
  'Lý do không xếp loại',
  'Kỷ luật trong năm',
  'Tự phát hiện, khắc phục',
  'Điểm',
  'Ghi chú',
];

export function cellSheet(rows: CellValue[][]): WorkbookData['sheets'][number] {
  return { name: 'Chi bộ', rows: [CELL_HEADER, ...rows] };
}

export interface UnitBook {
  code?: string;
  name?: string;
  year?: number;
  kind?: string;
  evaluationDate?: CellValue;
  members: MemberCells[];
  memberSheetName?: string;
  extraSheets?: WorkbookData['sheets'];
}

export function unitWorkbook(book: UnitBook): WorkbookData {
  const info: CellValue[][] = [['THÔNG TIN ĐƠN VỊ'], []];
  info.push(['Mã đơn vị', book.code ?? 'XA01']);
  info.push(['Tên đơn vị', book.name ?? 'Đảng bộ xã Thử Nghiệm']);
  info.push(['Năm', book.year ?? 2023]);
  info.push(['Loại hình', book.kind ?? 'Đảng bộ cơ sở']);
  if (book.evaluationDate !== undefined) info.push(['Ngày đánh giá', book.evaluationDate]);
  return {
    sheets: [
      { name: 'Thông tin', rows: info },
      { name: book.memberSheetName ?? 'Đảng viên', rows: memberGrid(book.members) },
      ...(book.extraSheets ?? []),
    ],
  };
}

/** A well-formed member: rated "good", nothing else filled. */
export function goodMember(name: string, extra: MemberCells = {}): MemberCells {
  return { name, rating: 'Hoàn thành tốt nhiệm vụ', ...extra };
}

export function analyzeOk(workbook: WorkbookData, options: UnitAnalysisOptions = {}) {
  const result = analyzeUnitWorkbook(workbook, options);
  if (!result.ok) throw new Error(`expected a readable workbook, got ${result.code}`);
  return result;
}

/** Every error and warning of one unit workbook. */
export function issuesOf(book: UnitBook, options: UnitAnalysisOptions = {}): Issue[] {
  const { summary } = analyzeOk(unitWorkbook(book), options);
  return [...summary.errors, ...summary.warnings];
}

/** Vietnamese text with its diacritics, and none of the marks of a broken template string. */
export const VIETNAMESE_MESSAGE = /^(?=.*[đĐ\u00c0-\u01b0\u1ea0-\u1ef9])(?!.*(undefined|NaN|\[object|null))/u;
