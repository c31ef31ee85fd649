import {
  analyzeUnitWorkbook,
  columnIndex,
  columnLetter,
  findMemberHeader,
  findSheet,
  locateMemberSheet,
  readUnitWorkbook,
  type CellValue,
  type WorkbookData,
} from '../../core';
import { goodMember, memberGrid, MEMBER_HEADER, memberRow, VIETNAMESE_MESSAGE } from './workbooks';

const MEMBER = goodMember('Nguyễn Thị Hoa', {
  card: '79012345',
  admittedOn: '15/03/2010',
  disciplined: '',
  sickLeave: '',
});

function titleRows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) =>
    i % 3 === 2 ? [] : [`DÒNG TIÊU ĐỀ ${i + 1}: ĐẢNG BỘ XÃ … DANH SÁCH …`, '', 'Xếp loại?'],
  );
}

function readOne(rows: CellValue[][], sheetName = 'Đảng viên') {
  const result = readUnitWorkbook({ sheets: [{ name: sheetName, rows }] }, { unitCode: 'XA01', year: 2023 });
  if (!result.ok) throw new Error(result.code);
  return result.read;
}

describe('header row detection', () => {
  test.each([0, 1, 5, 14])(
    '%i title rows above the header: the header is found and rows are numbered in the sheet',
    (titles) => {
      const rows = [
        ...titleRows(titles),
        MEMBER_HEADER,
        memberRow(1, MEMBER),
        memberRow(2, { name: 'Bùi Văn Khoa' }),
      ];
      expect(findMemberHeader(rows)?.headerIndex).toBe(titles);
      const read = readOne(rows);
      expect(read.report.members.map((m) => m.row)).toEqual([titles + 2, titles + 3]);
      const analysis = analyzeUnitWorkbook(
        { sheets: [{ name: 'Đảng viên', rows }] },
        { unitCode: 'XA01', year: 2023 },
      );
      if (!analysis.ok) throw new Error(analysis.code);
      expect(analysis.summary.errors).toEqual([
        expect.objectContaining({ code: 'E_NO_RATING', row: titles + 3, column: 'G' }),
      ]);
    },
  );

  test('a note in brackets or a line break in a header cell does not hide the column', () => {
    const header = [
      'STT',
      'Họ và\ntên',
      'Xếp loại (ghi HTXSNV, HTTNV, HTNV, KHTNV)',
      'Lý do không xếp loại [nếu có]',
      'Kỷ luật (*)',
    ];
    const match = findMemberHeader([header]);
    expect(match?.columns).toEqual({ index: 0, name: 1, rating: 2, reason: 3, disciplined: 4 });
  });

  test('a header below row 15 is not searched for', () => {
    const rows = [...titleRows(15), MEMBER_HEADER, memberRow(1, MEMBER)];
    expect(findMemberHeader(rows)).toBeNull();
    expect(readOne(rows).issues).toEqual([
      expect.objectContaining({ code: 'E_HEADER_MISSING', sheet: 'Đảng viên', column: null }),
    ]);
  });

  const synonyms: [string, string][] = [
    ['Họ và tên', 'Họ tên'],
    ['Họ và tên', 'Tên đảng viên'],
    ['Số thẻ đảng viên', 'Số thẻ'],
    ['Số thẻ đảng viên', 'Mã đảng viên'],
    ['Ngày vào Đảng', 'Ngày kết nạp'],
    ['Xếp loại', 'Kết quả xếp loại'],
    ['Xếp loại', 'Mức xếp loại'],
    ['Lý do không xếp loại', 'Không xếp loại'],
    ['Lý do không xếp loại', 'Tình trạng'],
    ['Kỷ luật trong năm', 'Kỷ luật'],
    ['Nghỉ ốm từ 3 tháng', 'Nghỉ ốm'],
    ['Đảng viên dự bị', 'Dự bị'],
    ['Tự phát hiện, khắc phục', 'Tự phát hiện và khắc phục'],
    ['Điểm tiêu chí chung', 'Tiêu chí chung'],
    ['Điểm kết quả thực hiện nhiệm vụ', 'Điểm thực hiện nhiệm vụ'],
  ];
  test.each(synonyms)('“%s” may be headed “%s”', (canonical, synonym) => {
    const header = MEMBER_HEADER.map((h) => (h === canonical ? synonym : h));
    const read = readOne(memberGrid([MEMBER], header));
    expect(read.issues).toEqual([]);
    expect(read.members.columns).toEqual({
      index: 'A',
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
    });
    expect(read.report.members[0]).toMatchObject({
      name: 'Nguyễn Thị Hoa',
      card: '79012345',
      admittedOn: '2010-03-15',
      rating: 'good',
    });
  });

  test('headers in NFD, other case and odd spacing; unknown columns ignored; columns in any order', () => {
    const header = [
      '  HỌ   VÀ TÊN '.normalize('NFD'),
      'Quê quán',
      'xếp  LOẠI'.normalize('NFD'),
      'Số ĐIỆN THOẠI',
      'ngày\u00a0vào đảng',
    ];
    const rows = [header, ['Nguyễn Thị Hoa', 'Hà Nội', 'Tốt', '0912 345 678', '15/03/2010']];
    const read = readOne(rows);
    expect(read.issues).toEqual([]);
    expect(read.members.columns).toEqual({ name: 'A', rating: 'C', admittedOn: 'E' });
    expect(read.report.members).toEqual([
      { row: 2, name: 'Nguyễn Thị Hoa', rating: 'good', admittedOn: '2010-03-15' },
    ]);
  });

  test('a sheet named “Đảng viên” without a rating column gives E_HEADER_MISSING naming it; the workbook is still read', () => {
    const header = MEMBER_HEADER.filter((h) => h !== 'Xếp loại');
    const rows = [...titleRows(2), header, ['1', 'Nguyễn Thị Hoa']];
    const result = readUnitWorkbook(
      { sheets: [{ name: 'Đảng viên', rows }] },
      { unitCode: 'XA01', year: 2023 },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.read.issues).toEqual([
      expect.objectContaining({
        code: 'E_HEADER_MISSING',
        sheet: 'Đảng viên',
        row: 3,
        column: null,
        value: null,
      }),
    ]);
    expect(result.read.issues[0].message).toMatch(/Thiếu cột “Xếp loại”/);
    expect(result.read.issues[0].message).not.toMatch(/Họ và tên/);
    expect(result.read.issues[0].message).toMatch(VIETNAMESE_MESSAGE);
  });

  test('without a name column either, both missing columns are named', () => {
    const rows = [
      ['STT', 'Ghi chú'],
      ['1', ''],
    ];
    const read = readOne(rows);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0].message).toMatch(/Thiếu cột “Họ và tên”, “Xếp loại”/);
  });
});

describe('which sheet holds the members', () => {
  const other = {
    name: 'Ghi chú',
    rows: [
      ['Họ và tên', 'Ghi chú'],
      ['Ai đó', ''],
    ],
  };
  const withHeader = (name: string) => ({ name, rows: memberGrid([MEMBER]) });

  test.each([
    'Đảng viên',
    'ĐẢNG VIÊN',
    'đảng viên',
    'Đảng viên'.normalize('NFD'),
    ' Đảng  viên ',
    'Ðảng viên',
  ])('a sheet named “%s” is found by name', (name) => {
    const workbook: WorkbookData = {
      sheets: [withHeader('Sheet1'), { name, rows: memberGrid([goodMember('Người thứ hai')]) }],
    };
    expect(findSheet(workbook, 'Đảng viên')?.name).toBe(name);
    expect(locateMemberSheet(workbook)?.name).toBe(name);
  });

  test.each(['Sheet1', 'Trang tính1'])(
    'with no “Đảng viên” sheet, the first sheet with a name + rating header: “%s”',
    (name) => {
      const workbook: WorkbookData = { sheets: [other, withHeader(name), withHeader('Sheet2')] };
      expect(locateMemberSheet(workbook)?.name).toBe(name);
      const result = readUnitWorkbook(workbook, { unitCode: 'XA01', year: 2023 });
      expect(result.ok && result.read.report.members.map((m) => m.name)).toEqual(['Nguyễn Thị Hoa']);
    },
  );

  test('a named “Đảng viên” sheet wins even when its header is broken', () => {
    const workbook: WorkbookData = {
      sheets: [withHeader('Sheet1'), { name: 'Đảng viên', rows: [['Họ và tên']] }],
    };
    expect(locateMemberSheet(workbook)?.name).toBe('Đảng viên');
  });

  test('no sheet named “Đảng viên” and no sheet with the header: E_NO_MEMBER_SHEET', () => {
    const result = readUnitWorkbook({ sheets: [other, { name: 'Sheet1', rows: [] }] });
    expect(result).toMatchObject({ ok: false, code: 'E_NO_MEMBER_SHEET' });
    expect(analyzeUnitWorkbook({ sheets: [] })).toMatchObject({ ok: false, code: 'E_NO_MEMBER_SHEET' });
  });
});

test.each([
  [0, 'A'],
  [6, 'G'],
  [25, 'Z'],
  [26, 'AA'],
  [27, 'AB'],
  [701, 'ZZ'],
  [702, 'AAA'],
])('column %i is %s', (index, letters) => {
  expect(columnLetter(index)).toBe(letters);
});

describe('column letters', () => {
  test.each([
    [0, 'A'],
    [6, 'G'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i ↔ %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });
});
