// scripts/addon-host as `npm start` uses it: an .xlsx in, the built add-on run, an .xlsx out.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookFile } from '../../cli/read-workbook';
import { isoFromDate } from '../../core';
import { createAddonHost, openAddonHost, raw, workbookOf } from '../../scripts/addon-host';
import { unitWorkbook, validMembers, withThreeErrors } from './fixtures';

const out = mkdtempSync(join(tmpdir(), 'xeploai-host-'));
const MARK = '⚠ Kiểm tra dữ liệu (xeploai):';

describe('scripts/addon-host', () => {
  it('exports the spreadsheet with its values, formats, colours, notes and links to cells', async () => {
    const workbook = await unitWorkbook({
      code: 'DV01',
      name: 'Đảng bộ xã An Bình',
      year: 2023,
      members: withThreeErrors(validMembers(40)),
    });
    const host = createAddonHost({ workbook });
    host.run('validateData');
    const path = join(out, 'checked.xlsx');
    expect(await host.exportXlsx(path)).toEqual({ ok: true });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Thông tin', 'Đảng viên', 'Lỗi']);
    const members = book.getWorksheet('Đảng viên')!;
    expect(members.getCell('G5').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFF4C7C3' } });
    expect(String(members.getCell('G5').note)).toContain(MARK);
    expect((members.getCell('G4').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    const issues = book.getWorksheet('Lỗi')!;
    expect(issues.getCell('A1').font?.bold).toBe(true);
    expect(issues.getCell('C2').value).toBe(5);
    expect(issues.getCell('G2').value).toEqual({ text: 'G5', hyperlink: "'Đảng viên'!G5" });
    expect(issues.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    // Read back as the CLI reads a user's file: the member sheet's values are those of the spreadsheet.
    const read = await readWorkbookFile(path);
    if (!read.ok) throw new Error(read.message);
    const sheet = read.workbook.sheets.find((s) => s.name === 'Đảng viên')!;
    // Dates: the file holds calendar days (UTC midnight), Sheets gives midnight in the spreadsheet's zone.
    const trimmed = (rows: unknown[][], zone: string) =>
      rows.map((row) => {
        const copy = row.map((cell) => (cell instanceof Date ? isoFromDate(cell, zone) : cell));
        while (copy.length && copy.at(-1) === '') copy.pop();
        return copy;
      });
    expect(trimmed(sheet.rows, 'UTC')).toEqual(
      trimmed(
        raw(host.spreadsheet.sheet('Đảng viên').getDataRange()).getValues(),
        host.spreadsheet.getSpreadsheetTimeZone(),
      ),
    );
  });

  it('exports the heights Sheets fits to wrapped text: unmerged cells only, a row given a height keeps it', () => {
    const host = createAddonHost({ workbook: { sheets: [{ name: 'A', rows: [] }] } });
    const sheet = host.spreadsheet.sheets[0];
    const long = 'Số HTXSNV tối đa (20% số hoàn thành tốt nhiệm vụ), một câu dài phải xuống dòng trong ô.';
    raw(sheet.getRange('A1:A4')).setValues([[long], [long], [long], ['ngắn']]);
    raw(sheet.getRange('A1:A4')).setWraps([[true], [true], [false], [true]]);
    raw(sheet.getRange('A2:B2')).merge();
    sheet.setRowHeight(1, 40);
    raw(sheet.getRange('A5')).setValue(long);
    raw(sheet.getRange('A5')).setWraps([[true]]);
    const book = workbookOf(host.spreadsheet);
    const heights = [1, 2, 3, 4, 5].map((r) => book.worksheets[0].getRow(r).height);
    // Row 1 as set (40 px = 30 pt); merged, unwrapped and short rows not grown; row 5 grown to its lines.
    expect(heights.slice(0, 4)).toEqual([30, undefined, undefined, undefined]);
    expect(heights[4]).toBeGreaterThan(20);
  });

  it('opens an .xlsx, runs a top-level function by name and refuses an unknown one', async () => {
    const workbook = await unitWorkbook({
      code: 'DV02',
      name: 'Chi bộ Thôn 3',
      year: 2023,
      members: validMembers(20),
    });
    const host = createAddonHost({ workbook });
    const path = join(out, 'unit.xlsx');
    expect(await host.exportXlsx(path)).toEqual({ ok: true });

    const opened = await openAddonHost(path, { documentProperties: { 'xeploai.year': '2024' } });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.host.spreadsheet.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Đảng viên']);
    expect(opened.host.documentProperties.getProperty('xeploai.year')).toBe('2024');
    opened.host.run('onOpen');
    expect(opened.host.services.ui.menus).toHaveLength(1);
    expect(() => opened.host.run('noSuchFunction')).toThrow(
      'Code.js has no top-level function noSuchFunction',
    );

    expect(await openAddonHost(join(out, 'missing.xlsx'))).toEqual({
      ok: false,
      message: `Không tìm thấy tệp ${join(out, 'missing.xlsx')}.`,
    });
  });

  it('sends over real HTTP: a refused connection is a network failure, retried, then explained', async () => {
    const workbook = await unitWorkbook({
      code: 'DV03',
      name: 'Đảng bộ phường 3',
      year: 2023,
      members: validMembers(20),
    });
    const host = createAddonHost({
      workbook,
      urlFetch: 'real',
      documentProperties: { 'xeploai.apiUrl': 'http://127.0.0.1:9/api' },
      // A closed port the allowlist lets through (a manifest could not say http://, the fake lets it).
      manifest: { urlFetchWhitelist: ['http://127.0.0.1:9/'] },
    });
    host.run('sendReport');
    expect(host.requests.map((r) => r.status)).toEqual([null, null, null, null]);
    expect(host.alerts.at(-1)!.message).toContain('Không kết nối được máy chủ sau 4 lần thử');
    expect(host.consoleErrors).toEqual([]);
  });
});
