import { join } from 'node:path';
import { info, MEMBER_HEADER, memberRows, tempDir, writeText, writeXlsx } from './fixtures';
import { runJson, runXeploai } from './run-cli';

const ISSUE_KEYS = ['code', 'column', 'message', 'row', 'sheet', 'value'];

describe('xeploai validate', () => {
  const dir = tempDir('validate');

  it('passes a clean workbook with title rows above the header and synonyms (exit 0)', async () => {
    const file = await writeXlsx(join(dir, 'clean.xlsx'), {
      'Thông tin': info('CB01', 'Chi bộ Trường THPT Chương Mỹ A', 2023),
      'Đảng viên': [
        ['ĐẢNG BỘ HUYỆN CHƯƠNG MỸ'],
        ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023'],
        [],
        ['TT', 'Họ tên', 'Số thẻ', 'Ngày kết nạp', 'Kết quả xếp loại', 'Tình trạng', 'Cột lạ'],
        [1, 'Nguyễn Văn An', '01', new Date(Date.UTC(2001, 4, 19)), 'HTTNV', '', 'bỏ qua'],
        [2, 'Lê Thị Bình', '02', '02/09/2015', 'h.t.n.v', '', ''],
      ],
    });
    const run = runJson<{ file: string; errors: unknown[]; warnings: unknown[] }>('validate', file);
    expect(run.status).toBe(0);
    expect(Object.keys(run.body).sort()).toEqual(['errors', 'file', 'warnings']);
    expect(run.body).toEqual({ file, errors: [], warnings: [] });
  });

  it('names every bad cell with sheet, sheet row, column letter and value (exit 1)', async () => {
    const file = await writeXlsx(join(dir, 'bad.xlsx'), {
      'Thông tin': info('CB02', 'Chi bộ Bệnh viện', 2023),
      'Đảng viên': [
        ['DANH SÁCH'],
        MEMBER_HEADER,
        [1, 'Nguyễn Văn An', '01', '15/03/2010', 'Tốt lắm', '', '', ''],
        [2, 'Trần Văn Bình', '01', '15/03/2010', 'Tốt', '', 'x', ''],
        [3, '', '03', '15/03/2010', 'Tốt', '', '', ''],
        [4, 'Phạm Văn Dũng', '04', '31/02/2010', 'Tốt', '', '', ''],
      ],
    });
    const run = runJson<{ errors: Record<string, unknown>[] }>('validate', file);
    expect(run.status).toBe(1);
    const byCode = Object.fromEntries(run.body.errors.map((e) => [e.code, e]));
    expect(byCode.E_RATING_UNKNOWN).toMatchObject({
      sheet: 'Đảng viên',
      row: 3,
      column: 'E',
      value: 'Tốt lắm',
    });
    expect(String(byCode.E_RATING_UNKNOWN.message)).toContain('Hoàn thành tốt nhiệm vụ');
    expect(byCode.E_DUPLICATE_CARD).toMatchObject({ row: 4, column: 'C', value: '01' });
    expect(byCode.E_DISCIPLINED_RATED_ABOVE).toMatchObject({ row: 4, column: 'E' });
    expect(byCode.E_NAME_MISSING).toMatchObject({ row: 5, column: 'B' });
    expect(byCode.E_DATE_INVALID).toMatchObject({ row: 6, column: 'D', value: '31/02/2010' });
    for (const found of run.body.errors)
      expect(Object.keys(found)).toEqual(expect.arrayContaining(ISSUE_KEYS));
  });

  it('prints a readable Vietnamese list without --json', async () => {
    const file = await writeXlsx(join(dir, 'text.xlsx'), {
      'Đảng viên': [MEMBER_HEADER, [1, 'Nguyễn Văn An', '01', '', 'Xuất sắc lắm', '', '', '']],
    });
    const run = runXeploai('validate', file, '--unit', 'CB03', '--year', '2023');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Trang “Đảng viên”, dòng 2, cột E (Xếp loại)');
    expect(run.stdout).toContain('Có phải “Hoàn thành xuất sắc nhiệm vụ”?');
  });

  it('finds the member sheet in a workbook that kept the name Sheet1, and an NFD sheet name', async () => {
    const sheet1 = await writeXlsx(join(dir, 'sheet1.xlsx'), {
      Sheet1: [MEMBER_HEADER, ...memberRows({ good: 2 }, 'A')],
    });
    expect(runJson('validate', sheet1, '--unit', 'X', '--year', '2023').status).toBe(0);
    const nfd = await writeXlsx(join(dir, 'nfd.xlsx'), {
      ['Thông tin'.normalize('NFD')]: info('CB04', 'Chi bộ', 2023),
      Ghi: [['ghi chú']],
      ['Đảng viên'.normalize('NFD')]: [
        MEMBER_HEADER,
        [1, 'Lê Văn Em', '', '', 'Không hoàn thành', '', 'x', ''],
      ],
    });
    const run = runJson<{ errors: unknown[] }>('validate', nfd);
    expect(run.status).toBe(0);
  });

  it('reports a `Đảng viên` sheet without a rating column as E_HEADER_MISSING (exit 1, not 2)', async () => {
    const file = await writeXlsx(join(dir, 'header.xlsx'), {
      'Đảng viên': [
        ['STT', 'Họ và tên', 'Số thẻ'],
        [1, 'Nguyễn Văn An', '01'],
      ],
    });
    const run = runJson<{ errors: { code: string; message: string }[] }>(
      'validate',
      file,
      '--unit',
      'X',
      '--year',
      '2023',
    );
    expect(run.status).toBe(1);
    expect(run.body.errors[0].code).toBe('E_HEADER_MISSING');
    expect(run.body.errors[0].message).toContain('Xếp loại');
  });

  it('reads CSV with BOM and semicolons, and CSV with commas', () => {
    const semicolon = writeText(
      join(dir, 'semi.csv'),
      '\uFEFFSTT;Họ và tên;Xếp loại;Lý do không xếp loại\n1;Nguyễn Văn An;Tốt;\n2;Lê Văn Bình;;Mới kết nạp\n',
    );
    const comma = writeText(
      join(dir, 'comma.csv'),
      'Họ và tên,Xếp loại\n"Nguyễn Văn An",Xuất sắc\nLê Văn Bình,Tốt\nTrần Văn Cường,Tốt\n',
    );
    const a = runJson<{
      members: { total: number; counts: Record<string, number>; notRated: Record<string, number> };
    }>('summarize', semicolon, '--unit', 'CB05', '--year', '2023');
    expect(a.status).toBe(0);
    expect(a.body.members.total).toBe(2);
    expect(a.body.members.counts.good).toBe(1);
    expect(a.body.members.notRated.newMember).toBe(1);
    const b = runJson<{ members: { counts: Record<string, number> } }>(
      'summarize',
      comma,
      '--unit',
      'CB06',
      '--year',
      '2023',
    );
    expect(b.body.members.counts).toEqual({ excellent: 1, good: 2, complete: 0, notComplete: 0 });
  });

  it('gives exit 2 and one clear line for a missing file, a non-workbook and a workbook without members', async () => {
    const missing = runXeploai('validate', join(dir, 'khong-co.xlsx'));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('Không tìm thấy tệp');

    const fake = writeText(join(dir, 'fake.xlsx'), 'đây không phải bảng tính');
    const notWorkbook = runXeploai('validate', fake);
    expect(notWorkbook.status).toBe(2);
    expect(notWorkbook.stderr).not.toMatch(/at .*\.(c?js|ts):\d+/);

    const empty = await writeXlsx(join(dir, 'empty.xlsx'), { Sheet1: [['Ghi chú'], ['không có gì']] });
    const noMembers = runXeploai('validate', empty);
    expect(noMembers.status).toBe(2);
    expect(noMembers.stderr).toContain('Họ và tên');
  });

  it('rejects unknown options and commands with exit 2', () => {
    expect(runXeploai('validate', 'x.xlsx', '--bogus').status).toBe(2);
    expect(runXeploai('frobnicate', 'x.xlsx').status).toBe(2);
    const help = runXeploai('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('xeploai validate');
  });

  it('with --json, prints one JSON document for a command-line error too', () => {
    for (const args of [
      ['validate', '--json'],
      ['summarize', 'x.csv', '--year', 'abc', '--json'],
    ]) {
      const run = runXeploai(...args);
      expect(run.status).toBe(2);
      const body = JSON.parse(run.stdout) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('E_USAGE');
      expect(run.stderr.trim()).toBe(`Lỗi: ${body.error.message}`);
    }
  });
});

describe('CSV separators', () => {
  const dir = tempDir('csv');

  test.each([
    [
      'semicolons and CRLF, two columns',
      'Họ và tên;Xếp loại\r\nNguyễn Văn An;Tốt\r\nLê Văn Bình;Miễn sinh hoạt\r\n',
    ],
    [
      'commas, a quoted name with a comma',
      'Họ và tên,Xếp loại\n"Nguyễn Văn An, con",Tốt\nLê Văn Bình,Miễn sinh hoạt\n',
    ],
    ['tabs, no final newline', 'Họ và tên\tXếp loại\nNguyễn Văn An\tTốt\nLê Văn Bình\tMiễn sinh hoạt'],
    [
      'semicolons under a title line with none',
      'DANH SÁCH ĐẢNG VIÊN\r\n\r\nHọ và tên;Xếp loại\r\nNguyễn Văn An;Tốt\r\nLê Văn Bình;Miễn sinh hoạt\r\n',
    ],
    [
      'semicolons under a title line with a comma, commas in names and decimal commas',
      'CHI BỘ THÔN 1, NĂM 2023\nHọ và tên;Xếp loại;Ghi chú\nNguyễn Văn An, con;Tốt;85,5\nLê Văn Bình;Miễn sinh hoạt;\n',
    ],
  ])('%s', (_label, text) => {
    const file = writeText(join(dir, `${Math.random().toString(36).slice(2)}.csv`), text);
    const run = runJson<{
      members: { total: number; counts: { good: number }; notRated: { exempt: number } };
    }>('summarize', file, '--unit', 'CB07', '--year', '2023');
    expect(run.status).toBe(0);
    expect(run.body.members.total).toBe(2);
    expect(run.body.members.counts.good).toBe(1);
    expect(run.body.members.notRated.exempt).toBe(1);
  });
});
