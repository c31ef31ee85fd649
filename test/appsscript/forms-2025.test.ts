/** The built add-on on the 2025 forms: the one-column-per-level form, probationary members and the label fix. */
import type { CellValue, WorkbookData } from '../../core';
import { raw, type FakeAppsScript } from '../../scripts/addon-host';
import { countedByKind, start } from './harness';

const MARK = '⚠ Kiểm tra dữ liệu (xeploai):';
const INFO: CellValue[][] = [
  ['Mục', 'Giá trị'],
  ['Mã đơn vị', 'XA25'],
  ['Tên đơn vị', 'Đảng bộ xã Thử Nghiệm'],
  ['Năm', 2025],
  ['Loại hình', 'Đảng bộ cơ sở'],
];

/** STT | Họ và tên | Đảng viên dự bị | HTXSNV | HTTNV | HTNV | KHTNV | Chưa đánh giá | Ghi chú, two header rows. */
function perLevelBook(rows: CellValue[][]): WorkbookData {
  return {
    sheets: [
      { name: 'Thông tin', rows: INFO },
      {
        name: 'Đảng viên',
        rows: [
          ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
          ['STT', 'Họ và tên', 'Đảng viên dự bị', 'Kết quả xếp loại', '', '', '', 'Chưa đánh giá', 'Ghi chú'],
          ['', '', '', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', '', ''],
          ...rows,
        ],
      },
    ],
  };
}

function markedCells(fake: FakeAppsScript, sheet: string): string[] {
  const notes = raw(fake.spreadsheet.sheet(sheet).getDataRange()).getNotes();
  const found: string[] = [];
  notes.forEach((row, r) =>
    row.forEach((note, c) => note.includes(MARK) && found.push(`${String.fromCharCode(65 + c)}${r + 1}`)),
  );
  return found;
}

function sidebarData(fake: FakeAppsScript): {
  fixable: number;
  items: { a1: string | null; message: string }[];
} {
  const page = fake.ui.pages.at(-1)!;
  return JSON.parse(/var DATA = (.*);\n/.exec(page.html)![1]);
}

const GOOD_ROWS: CellValue[][] = Array.from({ length: 5 }, (_, i) => [
  i + 1,
  `Mạc Văn ${i + 1}`,
  '',
  '',
  'x',
  '',
  '',
  '',
  '',
]);

describe('the one-column-per-level form in the add-on', () => {
  it('Kiểm tra dữ liệu marks the marked cells of bad rows, and the row without a mark at its first level column', () => {
    const { fake, addon } = start({
      workbook: perLevelBook([
        ...GOOD_ROWS,
        [6, 'Hai Dấu', '', '', 'x', 'x', '', '', ''],
        [7, 'Không Dấu', '', '', '', '', '', '', ''],
        [8, 'Chưa Ghi', '', '', '', '', '', 'x', ''],
      ]),
    });
    addon.validateData();
    expect(fake.consoleErrors).toEqual([]);
    expect(markedCells(fake, 'Đảng viên')).toEqual(['E9', 'D10', 'H11']);
    const items = sidebarData(fake).items;
    expect(items.map((i) => i.a1)).toEqual(['E9', 'D10', 'H11']);
    expect(items[0].message).toBe(
      'Đánh dấu nhiều cột cùng lúc: HTTNV (cột E), HTNV (cột F). Mỗi đảng viên chỉ đánh dấu một cột.',
    );
  });

  it('Tính tỷ lệ counts the marks like the single-column form, with the probationary members', () => {
    const { fake, addon } = start({
      workbook: perLevelBook([
        ...GOOD_ROWS,
        [6, 'Xuất Sắc', 'x', 'x', '', '', '', '', ''],
        [7, 'Hoàn Thành', '', '', '', 'x', '', '', ''],
        [8, 'Chưa Ghi', 'x', '', '', '', '', 'x', 'Nghỉ thai sản'],
      ]),
    });
    addon.computeSummary();
    expect(fake.consoleErrors).toEqual([]);
    const shown = raw(fake.spreadsheet.sheet('Tổng hợp').getDataRange()).getDisplayValues();
    /** Count and share on the row of `label`, wherever the layout puts them. */
    const after = (label: string) => {
      const r = shown.find((cells) => cells.includes(label))!;
      // Count and share, after the abbreviation column when the layout has one.
      return r
        .slice(r.indexOf(label) + 1)
        .filter((cell) => cell !== '' && !/^[A-Z]+$/.test(cell))
        .slice(0, 2);
    };
    expect(after('Hoàn thành xuất sắc nhiệm vụ')).toEqual(['1', '14,29%']);
    expect(after('Hoàn thành tốt nhiệm vụ')).toEqual(['5', '71,43%']);
    expect(after('Hoàn thành nhiệm vụ')).toEqual(['1', '14,29%']);
  });
});

describe('Sửa chữ xếp loại (W_LABEL_NORMALIZED)', () => {
  it('rewrites only the cells read without their diacritics, keeping the user’s formatting', () => {
    const members: CellValue[][] = [
      ['STT', 'Họ và tên', 'Xếp loại', 'Lý do không xếp loại', 'Ghi chú'],
      [1, 'Mạc Văn A', 'Hoàn thành tôt nhiệm vụ', '', ''],
      [2, 'Mạc Văn B', 'HTTNV', '', ''],
      [3, 'Mạc Văn C', 'Hoan thanh nhiem vu', '', ''],
      [4, 'Mạc Văn D', '', 'Mien sinh hoat', ''],
      [5, 'Mạc Văn E', 'Hoàn thàn tốt', '', ''],
    ];
    const { fake, addon } = start({
      workbook: {
        sheets: [
          { name: 'Thông tin', rows: INFO },
          { name: 'Đảng viên', rows: members },
        ],
      },
    });
    const sheet = fake.spreadsheet.sheet('Đảng viên');
    raw(sheet.getRange('C2')).setBackground('#00ff00');
    raw(sheet.getRange('C2')).setFontWeight('bold');
    addon.validateData();
    expect(sidebarData(fake).fixable).toBe(3);

    const result = (addon.fixLabels as () => { ok: boolean; fixed: number })();
    expect(result).toEqual({ ok: true, fixed: 3 });
    expect(raw(sheet.getRange('C2:D6')).getValues()).toEqual([
      ['Hoàn thành tốt nhiệm vụ', ''],
      ['HTTNV', ''],
      ['Hoàn thành nhiệm vụ', ''],
      ['', 'Miễn công tác và sinh hoạt đảng'],
      ['Hoàn thàn tốt', ''],
    ]);
    expect(raw(sheet.getRange('C2')).getBackground()).toBe('#00ff00');
    expect(raw(sheet.getRange('C2')).getFontWeights()).toEqual([['bold']]);
    // Checked again: only the unknown label is left, and nothing more to fix.
    expect(sidebarData(fake).fixable).toBe(0);
    expect(markedCells(fake, 'Đảng viên')).toEqual(['C6']);
  });

  it('writes each canonical text once however many cells take it, and reads the sheets once', () => {
    const run = (count: number) => {
      const members: CellValue[][] = [['STT', 'Họ và tên', 'Xếp loại', 'Lý do không xếp loại', 'Ghi chú']];
      for (let i = 1; i <= 3000; i++)
        members.push([
          i,
          `Mạc Văn ${i}`,
          i > count ? 'Hoàn thành tốt nhiệm vụ' : i % 2 ? 'Hoan thanh tot nhiem vu' : 'hoan thanh nhiem vu',
          '',
          '',
        ]);
      const { fake, addon } = start({
        workbook: {
          sheets: [
            { name: 'Thông tin', rows: INFO },
            { name: 'Đảng viên', rows: members },
          ],
        },
      });
      // The fix is offered by the sidebar that Kiểm tra dữ liệu opened.
      addon.validateData();
      const calls = countedByKind(fake, () => (addon.fixLabels as () => unknown)());
      const ratings = raw(fake.spreadsheet.sheet('Đảng viên').getRange(2, 3, 3000, 1))
        .getValues()
        .flat();
      return { calls, ratings, marked: markedCells(fake, 'Đảng viên') };
    };
    const few = run(3);
    const all = run(3000);
    expect(few.ratings.slice(0, 4)).toEqual([
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
    ]);
    expect(new Set(all.ratings)).toEqual(new Set(['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ']));
    expect(all.marked).toEqual([]);
    // Two distinct texts: two RangeList.setValue, for 3 cells as for 3.000; the sheets read once (the
    // check after the fix runs on the rows already read, with the fixed cells changed in them).
    for (const { calls } of [few, all]) {
      expect(calls.calls['RangeList.setValue']).toBe(2);
      expect(calls.calls['Range.setValue']).toBeUndefined();
      expect(calls.calls['Range.getValues']).toBe(2);
    }
    expect(all.calls.kinds.roundTrip).toBe(few.calls.kinds.roundTrip);
    expect(few.calls.kinds.roundTrip).toBeLessThanOrEqual(15);
  }, 60000);
});
