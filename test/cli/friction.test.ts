import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { info, MEMBER_HEADER, memberRows, tempDir, writeText, writeXlsx } from './fixtures';
import { runXeploai } from './run-cli';

const dir = tempDir('friction');
const unit = join(dir, 'CB01.xlsx');

beforeAll(async () => {
  await writeXlsx(unit, {
    'Thông tin': info('CB01', 'Chi bộ Trường THPT Chúc Sơn', 2023),
    'Đảng viên': [MEMBER_HEADER, ...memberRows({ good: 4, complete: 1 }, 'A')],
  });
});

/** What a user sees: stdout and stderr together, and the exit code. */
function run(...args: string[]) {
  const result = runXeploai(...args);
  return { status: result.status, text: `${result.stdout}\n${result.stderr}` };
}

describe('CLI friction', () => {
  it.each([
    ['an empty CSV', ''],
    ['a BOM-only CSV', '\uFEFF'],
    ['a CSV with only blank lines', '\r\n\r\n'],
  ])('%s is unreadable (exit 2), not a unit named after the file', (_label, text) => {
    const file = join(dir, 'empty.csv');
    writeFileSync(file, text);
    const result = run('validate', file);
    expect(result.status).toBe(2);
    expect(result.text).toContain(file);
    expect(result.text).toMatch(/rỗng/);
    expect(result.text).not.toMatch(/EMPTY/);
  });

  it('names both files when a unit code is found twice in consolidate', () => {
    const twice = join(dir, 'twice');
    mkdirSync(twice);
    copyFileSync(unit, join(twice, 'a.xlsx'));
    copyFileSync(unit, join(twice, 'b.xlsx'));
    const result = run('consolidate', twice);
    expect(result.text).toContain(join(twice, 'a.xlsx'));
    expect(result.text).toContain(join(twice, 'b.xlsx'));
    expect(result.text).toMatch(/CB01/);
  });

  it('says in Vietnamese that the --out folder does not exist, without a raw ENOENT', () => {
    const out = join(dir, 'no-such-folder', 'report.xlsx');
    const result = run('consolidate', unit, '--out', out);
    expect(result.status).toBe(2);
    expect(result.text).toContain(join(dir, 'no-such-folder'));
    expect(result.text).toMatch(/Thư mục .* không tồn tại/);
    expect(result.text).not.toMatch(/ENOENT|\bat .+:\d+:\d+/);
  });

  it('reports a Word document renamed .xlsx as not a spreadsheet', () => {
    const file = join(dir, 'bien-ban.xlsx');
    writeFileSync(
      file,
      zipSync({
        '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
        '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships/>'),
        'word/document.xml': strToU8('<?xml version="1.0"?><w:document/>'),
      }),
    );
    const result = run('validate', file);
    expect(result.status).toBe(2);
    expect(result.text).toContain(file);
    expect(result.text).toMatch(/không phải bảng tính/);
    expect(result.text).toMatch(/Word/);
  });

  it.each([
    ['oud.xls', /Excel 97–2003 \(\.xls\): hãy mở và lưu lại dạng \.xlsx/],
    ['don-vi.ods', /OpenDocument \(\.ods\) của LibreOffice: hãy mở và lưu lại dạng \.xlsx/],
  ])('says how to make %s readable (exit 2)', (name, message) => {
    const file = join(dir, name);
    writeFileSync(file, 'x');
    const result = run('validate', file);
    expect(result.status).toBe(2);
    expect(result.text).toContain(file);
    expect(result.text).toMatch(message);
  });

  it('does not skip a unit’s .xls in a folder: the consolidation is refused naming it and how to save it', () => {
    const folder = join(dir, 'thu-muc-xls');
    mkdirSync(folder);
    copyFileSync(unit, join(folder, 'CB01.xlsx'));
    writeFileSync(join(folder, 'CB02.xls'), 'x');
    const result = run('consolidate', folder);
    expect(result.status).toBe(2);
    expect(result.text).toContain(join(folder, 'CB02.xls'));
    expect(result.text).toMatch(/Excel 97–2003 \(\.xls\): hãy mở và lưu lại dạng \.xlsx/);
  });

  it('says that a summarize or validate JSON is one unit’s, not a consolidation to roll up', () => {
    for (const command of ['summarize', 'validate']) {
      const printed = runXeploai(command, unit, '--json');
      const file = writeText(join(dir, `${command}.json`), printed.stdout);
      const result = run('consolidate', file);
      expect(result.status).toBe(2);
      expect(result.text).toContain(file);
      expect(result.text).toMatch(/là JSON do “summarize” hay “validate” in ra \(một đơn vị\)/);
    }
  });

  it('hints that a superior’s workbook is one when it is validated as a unit', async () => {
    const file = join(dir, 'huyen.xlsx');
    await writeXlsx(file, {
      'Tổ chức cơ sở': [
        ['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại'],
        ['CB01', 'Chi bộ Trường THPT Chúc Sơn', 'Chi bộ cơ sở', 'Hoàn thành xuất sắc nhiệm vụ'],
      ],
    });
    const result = run('validate', file);
    expect(result.status).toBe(2);
    expect(result.text).toMatch(/cấp trên/);
    expect(result.text).toMatch(/consolidate/);
  });

  it('names an empty folder in its message', () => {
    const empty = join(dir, 'trong');
    mkdirSync(empty);
    const result = run('consolidate', empty);
    expect(result.status).toBe(2);
    expect(result.text).toContain(empty);
  });
});
