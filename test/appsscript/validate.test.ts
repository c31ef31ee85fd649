import { analyzeUnitWorkbook, type WorkbookData } from '../../core';
import { raw, type FakeAppsScript, type FakeSheet } from '../../scripts/addon-host';
import { unitWorkbook, validMembers, withThreeErrors } from './fixtures';
import { counted, countedByKind, start, userTexts, vietnameseProblems } from './harness';

const MARK = '⚠ Kiểm tra dữ liệu (xeploai):';
const ERROR_COLOUR = '#f4c7c3';

const fixture = (members: number) =>
  unitWorkbook({
    code: 'DV01',
    name: 'Đảng bộ xã An Bình',
    year: 2023,
    members: withThreeErrors(validMembers(members)),
  });

function markedCells(sheet: FakeSheet): string[] {
  const range = raw(sheet.getDataRange());
  const notes = range.getNotes();
  const found: string[] = [];
  notes.forEach((row, r) =>
    row.forEach((note, c) => note.includes(MARK) && found.push(`${String.fromCharCode(65 + c)}${r + 1}`)),
  );
  return found;
}

function sidebarData(fake: FakeAppsScript): {
  title: string;
  errors: number;
  warnings: number;
  items: { place: string; message: string; sheet: string; a1: string | null }[];
} {
  const page = fake.ui.pages.at(-1)!;
  const json = /var DATA = (.*);\n/.exec(page.html)![1];
  return JSON.parse(json);
}

describe('Kiểm tra dữ liệu', () => {
  let workbook: WorkbookData;
  beforeAll(async () => {
    workbook = await fixture(100);
  });

  it('marks each bad cell with a colour and a note, lists every issue in `Lỗi` and in the sidebar', () => {
    const { fake, addon } = start({ workbook });
    addon.validateData();
    const members = fake.spreadsheet.sheet('Đảng viên');
    expect(markedCells(members)).toEqual(['G5', 'G6', 'G7']);
    expect(raw(members.getRange('G5:G7')).getBackgrounds().flat()).toEqual([
      ERROR_COLOUR,
      ERROR_COLOUR,
      ERROR_COLOUR,
    ]);
    expect(raw(members.getRange('G5')).getNote()).toContain(
      'Không nhận ra mức xếp loại “Hoàn thàn tốt”. Có phải “Hoàn thành tốt nhiệm vụ”?',
    );
    expect(raw(members.getRange('G7')).getNote()).toContain('bị thi hành kỷ luật');

    const expected = analyzeUnitWorkbook(workbook, {});
    if (!expected.ok) throw new Error('fixture');
    const issues = expected.read.issues;
    const errorsSheet = fake.spreadsheet.sheet('Lỗi');
    const rows = raw(errorsSheet.getDataRange()).getValues();
    expect(rows[0]).toEqual(['Mức độ', 'Trang', 'Dòng', 'Cột', 'Giá trị', 'Nội dung', 'Đến ô', 'Mã']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[5], r[7]])).toEqual(
      issues.map((i) => [i.sheet, i.row ?? '', i.column ?? '', i.message, i.code]),
    );
    expect(rows[1].slice(0, 5)).toEqual(['Lỗi', 'Đảng viên', 5, 'G', 'Hoàn thàn tốt']);
    const gid = members.id;
    // Each link is a HYPERLINK with the vi_VN separator; the fake reads it as Sheets would and shows its label.
    expect(raw(errorsSheet.getRange('G2:G4')).getFormulas()).toEqual([
      [`=HYPERLINK("#gid=${gid}&range=G5";"G5")`],
      [`=HYPERLINK("#gid=${gid}&range=G6";"G6")`],
      [`=HYPERLINK("#gid=${gid}&range=G7";"G7")`],
    ]);
    expect(raw(errorsSheet.getRange('G2:G4')).getDisplayValues()).toEqual([['G5'], ['G6'], ['G7']]);
    expect([2, 3, 4].map((row) => errorsSheet.linkAt(row, 7))).toEqual([
      `#gid=${gid}&range=G5`,
      `#gid=${gid}&range=G6`,
      `#gid=${gid}&range=G7`,
    ]);
    // The link leads to the bad cell itself.
    expect(raw(members.getRange('G5')).getValue()).toBe('Hoàn thàn tốt');
    expect(raw(errorsSheet.getRange('C2')).getDisplayValues()[0][0]).toBe('5');
    expect(errorsSheet.frozenRows).toBe(1);
    // The user stays on the sheet they were on.
    expect(fake.spreadsheet.activeSheet!.name).toBe('Thông tin');

    const data = sidebarData(fake);
    expect(data.title).toBe('Kiểm tra dữ liệu');
    expect(data.errors).toBe(3);
    expect(data.items[0]).toEqual({
      level: 'error',
      place: 'Trang “Đảng viên”, dòng 5, cột G (Xếp loại)',
      message: 'Không nhận ra mức xếp loại “Hoàn thàn tốt”. Có phải “Hoàn thành tốt nhiệm vụ”?',
      sheet: 'Đảng viên',
      a1: 'G5',
    });
    expect(fake.toasts.at(-1)!.message).toBe('Kiểm tra xong: 3 lỗi.');
    expect(vietnameseProblems(userTexts(fake))).toEqual([]);
    expect(fake.consoleErrors).toEqual([]);
  });

  it('stays within 15 round trips on the four sheets Tạo biểu mẫu makes, each read once', async () => {
    const full = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: withThreeErrors(validMembers(100)),
      cells: [{ name: 'Chi bộ 1', rating: 'Hoàn thành tốt nhiệm vụ' }],
      targets: [{ code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 5, actual: 6 }],
    });
    const { fake, addon } = start({ workbook: full });
    const run = countedByKind(fake, () => addon.validateData());
    expect(run.calls['Range.getValues']).toBe(4);
    // The `Lỗi` sheet: no number-format call (texts go after an apostrophe), one width (the message).
    expect(run.calls['Range.setNumberFormats']).toBeUndefined();
    expect(run.calls['Sheet.setColumnWidth']).toBe(1);
    expect(run.kinds.roundTrip).toBe(15);
  });

  it('makes as many round trips for 12.000 rows, and for 3.000 rows that each have an issue, as for 100', async () => {
    const big = await fixture(12000);
    const wrong = validMembers(3000).map((m) => ({ ...m, rating: 'Tốt lắm', reason: undefined }));
    const everyRow = await unitWorkbook({
      code: 'DV03',
      name: 'Đảng bộ phường 3',
      year: 2023,
      members: wrong,
    });
    const runs = [workbook, big, everyRow].map((book) => start({ workbook: book }));
    const first = runs.map(({ fake, addon }) => countedByKind(fake, () => addon.validateData()));
    expect(markedCells(runs[1].fake.spreadsheet.sheet('Đảng viên'))).toEqual(['G5', 'G6', 'G7']);
    expect(markedCells(runs[2].fake.spreadsheet.sheet('Đảng viên'))).toHaveLength(3000);
    // Round trips to the spreadsheet: the same number whatever the rows and the issues.
    expect(first[1].kinds.roundTrip).toBe(first[0].kinds.roundTrip);
    expect(first[2].kinds.roundTrip).toBe(first[0].kinds.roundTrip);
    expect(first[0].kinds.roundTrip).toBeLessThanOrEqual(15);
    // Every call, not only round trips: 3.000 issues make as many calls of each kind as 3 issues, links
    // included (HYPERLINK formulas among the values, no builder call). The sheet grows instead of shrinking.
    expect(first[1].calls).toEqual(first[0].calls);
    expect(first[2].kinds).toEqual(first[0].kinds);
    expect(first[2].kinds.builder).toBe(0);
    // One getValues per input sheet (`Thông tin`, `Đảng viên`); one RangeList per colour; one run of notes.
    expect(first[0].calls['Range.getValues']).toBe(2);
    expect(first[2].calls['Range.getValues']).toBe(2);
    expect(first[2].calls['RangeList.setBackground']).toBe(1);
    expect(first[2].calls['Range.setNotes']).toBe(1);
    // A second run (marks to take off and put back) is as cheap, whatever the size.
    const second = runs.map(({ fake, addon }) => countedByKind(fake, () => addon.validateData()));
    expect(second[1].calls).toEqual(second[0].calls);
    expect(second[2].kinds).toEqual(second[0].kinds);
    process.stdout.write(
      `Kiểm tra dữ liệu, round trips / builder / metadata calls: ${first
        .map((f) => `${f.kinds.roundTrip}/${f.kinds.builder}/${f.kinds.metadata}`)
        .join(', ')} (100 rows, 12.000 rows, 3.000 rows each with an issue)\n`,
    );
  }, 90000);

  it("keeps the user's own colours and notes through two runs and never changes a value", () => {
    const { fake, addon } = start({ workbook });
    const members = fake.spreadsheet.sheet('Đảng viên');
    const cell = (a1: string) => raw(members.getRange(a1));
    cell('G5').setBackground('#00ff00').setNote('Ghi chú riêng của chi bộ');
    cell('B10').setBackground('#ffff00');
    cell('B11').setNote('Đã chuyển sinh hoạt');
    const values = raw(members.getDataRange()).getValues();
    const backgrounds = raw(members.getDataRange()).getBackgrounds();
    const notes = raw(members.getDataRange()).getNotes();

    addon.validateData();
    addon.validateData();
    expect(raw(members.getDataRange()).getValues()).toEqual(values);
    expect(cell('G5').getBackground()).toBe(ERROR_COLOUR);
    expect(cell('G5').getNote()).toMatch(
      /^Ghi chú riêng của chi bộ\n\n⚠ Kiểm tra dữ liệu \(xeploai\):\nKhông nhận ra/,
    );
    expect(cell('G5').getNote().split(MARK)).toHaveLength(2);
    expect(cell('B10').getBackground()).toBe('#ffff00');
    expect(cell('B11').getNote()).toBe('Đã chuyển sinh hoạt');

    // The user fixes the three rows; the next check gives back exactly what they had.
    cell('G5').setValue('Hoàn thành tốt nhiệm vụ');
    cell('G6').setValue('Hoàn thành nhiệm vụ');
    cell('I7').setValue('');
    const fixed = raw(members.getDataRange()).getValues();
    addon.validateData();
    expect(raw(members.getDataRange()).getValues()).toEqual(fixed);
    expect(raw(members.getDataRange()).getBackgrounds()).toEqual(backgrounds);
    expect(raw(members.getDataRange()).getNotes()).toEqual(notes);
    expect(markedCells(members)).toEqual([]);
    expect(sidebarData(fake).errors).toBe(0);
    expect(raw(fake.spreadsheet.sheet('Lỗi').getRange('A2')).getValue()).toBe('Không có lỗi nào.');
    expect(fake.toasts.at(-1)!.message).toBe('Kiểm tra xong: không có lỗi nào.');
  });

  it('follows rows the user inserted between two runs: old marks come off, new ones go on', () => {
    const { fake, addon } = start({ workbook });
    const members = fake.spreadsheet.sheet('Đảng viên');
    addon.validateData();
    raw(members).insertRowsAfter(4, 2);
    addon.validateData();
    expect(markedCells(members)).toEqual(['G7', 'G8', 'G9']);
    const colours = raw(members.getDataRange()).getBackgrounds();
    const coloured = colours
      .flatMap((row, r) =>
        row.map((c, k) => (c === ERROR_COLOUR ? `${String.fromCharCode(65 + k)}${r + 1}` : null)),
      )
      .filter(Boolean);
    expect(coloured).toEqual(['G7', 'G8', 'G9']);
  });

  it('copes with thousands of issues: all in `Lỗi`, the first 500 in the sidebar, every cell marked', async () => {
    const wrong = validMembers(2000).map((m) => ({ ...m, rating: 'Tốt lắm', reason: undefined }));
    const { fake, addon } = start({
      workbook: await unitWorkbook({ code: 'DV03', name: 'Đảng bộ phường 3', year: 2023, members: wrong }),
    });
    addon.validateData();
    addon.validateData();
    expect(fake.consoleErrors).toEqual([]);
    expect(raw(fake.spreadsheet.sheet('Lỗi').getDataRange()).getNumRows()).toBe(2001);
    expect(markedCells(fake.spreadsheet.sheet('Đảng viên'))).toHaveLength(2000);
    const data = sidebarData(fake);
    expect(data.errors).toBe(2000);
    expect(data.items).toHaveLength(500);
    expect(fake.ui.pages.at(-1)!.html).toContain('xem đầy đủ ở trang “Lỗi”');
  }, 30000);

  it('links every issue to its cell, in a Vietnamese and in an English spreadsheet; a value typed with "=" stays text', async () => {
    const wrong = validMembers(2000).map((m) => ({ ...m, rating: 'Tốt lắm', reason: undefined }));
    wrong[0] = { ...wrong[0], rating: '=1+1' };
    const book = await unitWorkbook({ code: 'DV03', name: 'Đảng bộ phường 3', year: 2023, members: wrong });
    for (const locale of ['vi_VN', 'en_US']) {
      const { fake, addon } = start({ workbook: book, locale });
      const run = counted(fake, () => addon.validateData());
      expect(run.calls['Range.setRichTextValues']).toBeUndefined();
      expect(run.calls['Range.setFormulas']).toBeUndefined();
      expect(fake.consoleErrors).toEqual([]);
      const errorsSheet = fake.spreadsheet.sheet('Lỗi');
      const members = fake.spreadsheet.sheet('Đảng viên');
      const sheetOf = (link: string) => fake.spreadsheet.sheets.find((s) => link.startsWith(`#gid=${s.id}&`));
      // The last of 2.000 issues is linked too, and every link leads to the cell its row names.
      const rows = raw(errorsSheet.getDataRange()).getDisplayValues();
      expect(rows).toHaveLength(2001);
      for (const row of [2, 1001, 2001]) {
        const link = errorsSheet.linkAt(row, 7)!;
        expect(sheetOf(link)).toBe(members);
        expect(link).toBe(`#gid=${members.id}&range=${rows[row - 1][3]}${rows[row - 1][2]}`);
        expect(rows[row - 1][6]).toBe(`${rows[row - 1][3]}${rows[row - 1][2]}`);
      }
      expect(raw(members.getRange('G2003')).getValue()).toBe('Tốt lắm');
      // The user's "=1+1" is shown as it was typed, not computed.
      const typed = rows.findIndex((r) => r[4] === '=1+1');
      expect(typed).toBeGreaterThan(0);
      expect(raw(errorsSheet.getRange(typed + 1, 5)).getFormulas()[0][0]).toBe('');
    }
  }, 60000);

  it('marks the wrong cells of other sheets too (`Chi bộ`), and says so when there is no member sheet', async () => {
    const withCells = await unitWorkbook({
      code: 'DV02',
      name: 'Chi bộ Thôn 3',
      year: 2023,
      members: validMembers(20),
      cells: [
        { name: 'Chi bộ 1', rating: 'Tốt' },
        { name: 'Chi bộ 2', rating: 'Rất tốt' },
      ],
    });
    const { fake, addon } = start({ workbook: withCells });
    addon.validateData();
    expect(markedCells(fake.spreadsheet.sheet('Chi bộ'))).toEqual(['B3']);
    expect(markedCells(fake.spreadsheet.sheet('Đảng viên'))).toEqual([]);

    const empty = start();
    empty.addon.validateData();
    expect(empty.fake.ui.alerts[0].message).toContain('Tạo biểu mẫu');
    expect(vietnameseProblems(userTexts(empty.fake))).toEqual([]);
  });
});
