import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookFile } from '../../cli/read-workbook';
import type { WorkbookData } from '../../core';

export const MEMBER_HEADER = [
  'STT',
  'Họ và tên',
  'Số thẻ đảng viên',
  'Ngày sinh',
  'Chi bộ',
  'Ngày vào Đảng',
  'Xếp loại',
  'Lý do không xếp loại',
  'Kỷ luật trong năm',
  'Nghỉ ốm từ 3 tháng',
  'Nhóm',
  'Ghi chú',
];
/** Column letters of the member sheet above. */
export const COL = { name: 'B', card: 'C', rating: 'G', reason: 'H', disciplined: 'I' } as const;
/** Two title rows above the header: data starts on sheet row 4. */
export const FIRST_MEMBER_ROW = 4;

export interface MemberSpec {
  name: string;
  rating?: string;
  reason?: string;
  disciplined?: string;
  group?: string;
  admitted?: Date;
}

export interface Mix {
  excellent: number;
  good: number;
  complete: number;
  notComplete: number;
  exempt?: number;
  newMember?: number;
}

/** Members in the order of the mix, named uniquely. */
export function membersOf(mix: Mix): MemberSpec[] {
  const list: MemberSpec[] = [];
  const add = (n: number, spec: Omit<MemberSpec, 'name'>) => {
    for (let i = 0; i < n; i++) list.push({ name: `Nguyễn Văn Thành ${list.length + 1}`, ...spec });
  };
  add(mix.excellent, { rating: 'Hoàn thành xuất sắc nhiệm vụ' });
  add(mix.good, { rating: 'Hoàn thành tốt nhiệm vụ' });
  add(mix.complete, { rating: 'Hoàn thành nhiệm vụ' });
  add(mix.notComplete, { rating: 'Không hoàn thành nhiệm vụ' });
  add(mix.exempt ?? 0, { reason: 'Miễn công tác và sinh hoạt đảng' });
  add(mix.newMember ?? 0, { reason: 'Mới kết nạp' });
  return list;
}

/** A mix of `total` members whose rows are all valid. */
export function validMembers(total: number): MemberSpec[] {
  const excellent = Math.floor(total * 0.1);
  const complete = Math.floor(total * 0.15);
  const notComplete = Math.floor(total * 0.02);
  const exempt = Math.floor(total * 0.03);
  return membersOf({
    excellent,
    good: total - excellent - complete - notComplete - exempt,
    complete,
    notComplete,
    exempt,
  });
}

/**
 * The three bad rows every "with errors" fixture has, at fixed sheet rows 5, 6, 7: an unknown label, a
 * row without rating or reason, a disciplined member rated good.
 */
export function withThreeErrors(members: MemberSpec[]): MemberSpec[] {
  const copy = members.map((m) => ({ ...m }));
  copy[1] = { ...copy[1], rating: 'Hoàn thàn tốt', reason: undefined };
  copy[2] = { ...copy[2], rating: undefined, reason: undefined };
  copy[3] = { ...copy[3], rating: 'Hoàn thành tốt nhiệm vụ', reason: undefined, disciplined: 'x' };
  return copy;
}

export interface UnitFixture {
  code: string;
  name: string;
  year: number;
  kind?: string;
  members: MemberSpec[];
  cells?: { name: string; rating: string }[];
  targets?: { code: string; name: string; target: number; actual: number }[];
}

let directory: string | null = null;
function tempPath(file: string): string {
  directory ??= mkdtempSync(join(tmpdir(), 'xeploai-addon-'));
  return join(directory, file);
}

/** Writes the unit workbook as a user's .xlsx (exceljs), then reads it back as Sheets would show it. */
export async function unitWorkbook(fixture: UnitFixture): Promise<WorkbookData> {
  const book = new ExcelJS.Workbook();
  const info = book.addWorksheet('Thông tin');
  info.addRows([
    ['Mục', 'Giá trị'],
    ['Mã đơn vị', fixture.code],
    ['Tên đơn vị', fixture.name],
    ['Năm', fixture.year],
    ['Loại hình', fixture.kind ?? 'Đảng bộ cơ sở'],
  ]);
  const sheet = book.addWorksheet('Đảng viên');
  sheet.addRow([fixture.name.toUpperCase()]);
  sheet.addRow([`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM ${fixture.year}`]);
  sheet.addRow(MEMBER_HEADER);
  fixture.members.forEach((m, i) => {
    sheet.addRow([
      i + 1,
      m.name,
      `${fixture.code}-${String(i + 1).padStart(6, '0')}`,
      new Date(Date.UTC(1980, i % 12, 1 + (i % 28))),
      `Chi bộ ${1 + (i % 5)}`,
      m.admitted ?? new Date(Date.UTC(2005, i % 12, 1 + (i % 28))),
      m.rating ?? '',
      m.reason ?? '',
      m.disciplined ?? '',
      '',
      m.group ?? '',
      '',
    ]);
  });
  if (fixture.cells) {
    const cells = book.addWorksheet('Chi bộ');
    cells.addRow(['Tên chi bộ', 'Xếp loại', 'Ngày thành lập']);
    for (const c of fixture.cells) cells.addRow([c.name, c.rating, '']);
  }
  if (fixture.targets) {
    const targets = book.addWorksheet('Chỉ tiêu');
    targets.addRow(['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện']);
    for (const t of fixture.targets) targets.addRow([t.code, t.name, t.target, t.actual]);
  }
  return readBack(book, `${fixture.code}-${fixture.members.length}.xlsx`);
}

export interface DistrictFixture {
  year: number;
  organizations: { code: string; name: string; kind: string; rating: string }[];
  targets: { unit: string; code: string; target: number }[];
}

export async function districtWorkbook(fixture: DistrictFixture): Promise<WorkbookData> {
  const book = new ExcelJS.Workbook();
  const info = book.addWorksheet('Thông tin');
  info.addRows([
    ['Mục', 'Giá trị'],
    ['Tên đơn vị', 'Đảng bộ huyện Thử'],
    ['Cấp trên', 'Đảng bộ tỉnh Thử Nghiệm'],
    ['Năm', fixture.year],
    ['Địa danh', 'An Bình'],
  ]);
  const orgs = book.addWorksheet('Tổ chức cơ sở');
  orgs.addRow(['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại']);
  for (const o of fixture.organizations) orgs.addRow([o.code, o.name, o.kind, o.rating]);
  const targets = book.addWorksheet('Giao chỉ tiêu');
  targets.addRow(['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch']);
  for (const t of fixture.targets) targets.addRow([t.unit, t.code, t.target]);
  return readBack(book, `district-${fixture.year}.xlsx`);
}

async function readBack(book: ExcelJS.Workbook, file: string): Promise<WorkbookData> {
  const path = tempPath(file);
  await book.xlsx.writeFile(path);
  const read = await readWorkbookFile(path);
  if (!read.ok) throw new Error(read.message);
  return read.workbook;
}

export interface SuperiorFixture {
  code: string;
  name: string;
  year: number;
  /** `Tổ chức cơ sở` rows: code, name, kind, group, rating. */
  below: string[][];
  /** `Giao chỉ tiêu` rows (unit, indicator, target); the sheet is left out when not given. */
  targets?: string[][];
}

/** A superior level's workbook (design.md §3) as its office types it into Sheets. */
export function superiorWorkbook(fixture: SuperiorFixture): WorkbookData {
  const sheets: WorkbookData['sheets'] = [
    {
      name: 'Thông tin',
      rows: [
        ['Mã tổ chức', fixture.code],
        ['Tên tổ chức', fixture.name],
        ['Cấp trên', 'Ban Chấp hành Trung ương Đảng'],
        ['Năm', fixture.year],
        ['Địa danh', 'Thử Nghiệm'],
      ],
    },
    {
      name: 'Tổ chức cơ sở',
      rows: [['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Khối', 'Xếp loại'], ...fixture.below],
    },
  ];
  if (fixture.targets)
    sheets.push({
      name: 'Giao chỉ tiêu',
      rows: [['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'], ...fixture.targets],
    });
  return { sheets };
}
