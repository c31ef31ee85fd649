import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookFile } from '../../cli/read-workbook';
import { readFiguresSheet } from '../../core';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx } from './fixtures';
import { runJson, runXeploai } from './run-cli';

const TALLY_KEYS = [
  'counts',
  'evaluated',
  'excellentPerGood',
  'notRated',
  'percent',
  'probationary',
  'quota',
  'total',
];

describe('xeploai consolidate and summarize', () => {
  const dir = tempDir('consolidate');
  const units = join(dir, '2023');
  const previous = join(dir, '2022');

  beforeAll(async () => {
    mkdirSync(join(units, 'don-vi'), { recursive: true });
    mkdirSync(previous, { recursive: true });
    const targets = (actual: number) => [
      ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
      ['KET_NAP_DANG_VIEN', 'Kết nạp đảng viên', '', actual],
    ];
    await writeXlsx(join(units, 'don-vi', 'CB01.xlsx'), {
      'Thông tin': info('CB01', 'Chi bộ Trường THPT Chúc Sơn', 2023),
      'Đảng viên': [
        MEMBER_HEADER,
        ...memberRows({ excellent: 1, good: 5, complete: 3, notComplete: 1, exempt: 2 }, 'A'),
      ],
      'Chỉ tiêu': targets(3),
    });
    await writeXlsx(join(units, 'don-vi', 'CB02.xlsx'), {
      'Thông tin': info('CB02', 'Chi bộ Bệnh viện Đa khoa', 2023),
      'Đảng viên': [MEMBER_HEADER, ...memberRows({ good: 4, complete: 1 }, 'B')],
      'Chỉ tiêu': targets(2),
    });
    await writeXlsx(join(units, 'don-vi', 'DB01.xlsx'), {
      'Thông tin': info('DB01', 'Đảng bộ xã Phụng Châu', 2023, 'Đảng bộ cơ sở'),
      'Đảng viên': [MEMBER_HEADER, ...memberRows({ excellent: 2, good: 10, complete: 2, exempt: 1 }, 'C')],
      'Chi bộ': [
        ['Tên chi bộ', 'Xếp loại'],
        ['Chi bộ thôn 1', 'Tốt'],
        ['Chi bộ thôn 2', 'Xuất sắc'],
      ],
      'Chỉ tiêu': targets(1),
    });
    await writeXlsx(join(units, 'huyen.xlsx'), {
      'Tổ chức cơ sở': [
        ['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại'],
        ['CB01', 'Chi bộ Trường THPT Chúc Sơn', 'Chi bộ cơ sở', 'Hoàn thành xuất sắc nhiệm vụ'],
        ['CB02', 'Chi bộ Bệnh viện Đa khoa', 'Chi bộ cơ sở', 'Hoàn thành tốt nhiệm vụ'],
        ['DB01', 'Đảng bộ xã Phụng Châu', 'Đảng bộ cơ sở', 'Hoàn thành tốt nhiệm vụ'],
      ],
      'Giao chỉ tiêu': [
        ['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'],
        ['CB01', 'KET_NAP_DANG_VIEN', 2],
        ['CB02', 'KET_NAP_DANG_VIEN', 3],
        ['DB01', 'KET_NAP_DANG_VIEN', 0],
      ],
    });
    await writeXlsx(join(previous, 'P1.xlsx'), {
      'Thông tin': info('CB01', 'Chi bộ Trường THPT Chúc Sơn', 2022),
      'Đảng viên': [MEMBER_HEADER, ...memberRows({ excellent: 1, good: 7, complete: 2 }, 'P')],
    });
    await writeXlsx(join(previous, 'huyen-2022.xlsx'), {
      'Tổ chức cơ sở': [
        ['Mã đơn vị', 'Tên tổ chức', 'Xếp loại'],
        ['CB01', 'Chi bộ Trường THPT Chúc Sơn', 'HTTNV'],
        ['CB02', 'Chi bộ Bệnh viện Đa khoa', 'HTTNV'],
        ['DB01', 'Đảng bộ xã Phụng Châu', 'HTTNV'],
      ],
    });
  }, 60_000); // writes workbooks: seconds on a loaded machine

  it('consolidates a folder (district workbook found by its sheets) into the design.md JSON shape', () => {
    const run = runJson<Record<string, any>>('consolidate', units, '--previous', previous);
    expect(run.status).toBe(0);
    const body = run.body;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining([
        'year',
        'units',
        'members',
        'groups',
        'cells',
        'organizations',
        'byUnit',
        'targets',
        'change',
        'errors',
        'warnings',
      ]),
    );
    expect(body.year).toBe(2023);
    expect(body.units).toEqual({
      count: 3,
      codes: ['CB01', 'CB02', 'DB01'],
      byKind: { 'Chi bộ cơ sở': 2, 'Đảng bộ cơ sở': 1 },
    });
    expect(Object.keys(body.members).sort()).toEqual(TALLY_KEYS);
    expect(body.members.total).toBe(32);
    expect(body.members.evaluated).toBe(29);
    expect(body.members.notRated).toEqual({ exempt: 3, suspended: 0, newMember: 0, pending: 0 });
    expect(body.members.counts).toEqual({ excellent: 3, good: 19, complete: 6, notComplete: 1 });
    expect(body.members.percent).toEqual({
      excellent: 10.34,
      good: 65.52,
      complete: 20.69,
      notComplete: 3.45,
    });
    expect(body.members.excellentPerGood).toBe(15.79);
    expect(body.members.quota).toEqual({ ratio: 0.2, base: 'good', maxExcellent: 3, ok: true });
    expect(body.cells.counts).toEqual({ excellent: 1, good: 1, complete: 0, notComplete: 0 });
    expect(body.organizations.percent).toEqual({
      excellent: 33.33,
      good: 66.67,
      complete: 0,
      notComplete: 0,
    });
    expect(body.organizations.quota.ok).toBe(false);
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('W_QUOTA_EXCEEDED');
    expect(body.targets).toEqual([
      { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 5, actual: 6, percent: 120 },
    ]);
    expect(body.change.members).toEqual({ excellent: 0.34, good: -4.48, complete: 0.69, notComplete: 3.45 });
    // 6 admitted ÷ 10 members of last year's data
    expect(body.development).toEqual({ admitted: 6, membersAtStart: 10, percent: 60 });
    expect(body.change.organizations).toEqual({
      excellent: 33.33,
      good: -33.33,
      complete: 0,
      notComplete: 0,
    });
    expect(body.byUnit.map((u: { code: string; errors: number }) => [u.code, u.errors])).toEqual([
      ['CB01', 0],
      ['CB02', 0],
      ['DB01', 0],
    ]);
    expect(body.byUnit[0].members.total).toBe(12);
  });

  it('prints the Vietnamese report and writes a formatted report workbook with --out', async () => {
    const out = join(dir, 'bao-cao.xlsx');
    const run = runXeploai(
      'consolidate',
      join(units, 'don-vi'),
      '--district',
      join(units, 'huyen.xlsx'),
      '--out',
      out,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'BÁO CÁO: KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN NĂM 2023',
    );
    expect(run.stdout).toMatch(/Hoàn thành xuất sắc nhiệm vụ\s+HTXSNV\s+3\s+10,34%/);
    expect(run.stdout).toMatch(/Kết nạp đảng viên\s+KET_NAP_DANG_VIEN\s+5\s+6\s+120,00%/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Báo cáo tổng hợp',
      'Theo đơn vị',
      'Lỗi và cảnh báo',
      // What the level above reads back (test/cli/levels.test.ts).
      'Số liệu tổng hợp',
    ]);
    expect(book.views[0].activeTab).toBe(0);
    // The figures sheet gives back exactly the consolidation that --json prints, for the level above.
    const json = runJson<Record<string, unknown>>(
      'consolidate',
      join(units, 'don-vi'),
      '--district',
      join(units, 'huyen.xlsx'),
      '--json',
    ).body;
    const saved = await readWorkbookFile(out);
    if (!saved.ok) throw new Error(saved.message);
    const figures = await readFiguresSheet(saved.workbook);
    expect(figures).toEqual({ ok: true, consolidation: json });
    const report = book.getWorksheet('Báo cáo tổng hợp')!;
    // The district workbook has no `Thông tin`: the heading leaves the names to fill by hand.
    expect(report.getCell('A1').value).toBe('……………');
    expect(report.getCell('C1').value).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(report.getCell('C1').font.underline).toBe(true);
    const rows = report.getSheetValues() as unknown[][];
    const find = (label: string) => rows.findIndex((r) => Array.isArray(r) && r[2] === label);
    const total = find('Tổng số đảng viên');
    expect(rows[total][3]).toBe(32);
    const excellent = rows.findIndex(
      (r, i) => i > find('Mức xếp loại') && r?.[2] === 'Hoàn thành xuất sắc nhiệm vụ',
    );
    const members = rows.findIndex((r, i) => i > total && r?.[2] === 'Hoàn thành xuất sắc nhiệm vụ');
    expect(excellent).toBeGreaterThan(0);
    expect(rows[members].slice(1, 6)).toEqual([1, 'Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', 3, 0.1034]);
    expect(report.getCell(members, 5).numFmt).toBe('0.00%');
    expect(rows.some((r) => r?.includes('T/M BAN THƯỜNG VỤ'))).toBe(true);
    expect(report.getImages()).toHaveLength(1);
    expect(report.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const byUnit = book.getWorksheet('Theo đơn vị')!;
    expect(byUnit.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      printTitlesRow: '3:3',
    });
    expect(byUnit.getCell('A3').value).toBe('STT');
    expect(byUnit.rowCount).toBe(6);
  }, 30_000); // writes the workbook and renders its chart: ~4 s idle, more on a loaded machine

  it('summarizes one unit with its change against last year', () => {
    const run = runJson<Record<string, any>>(
      'summarize',
      join(units, 'don-vi', 'CB01.xlsx'),
      '--previous',
      join(previous, 'P1.xlsx'),
    );
    expect(run.status).toBe(0);
    expect(Object.keys(run.body)).toEqual(
      expect.arrayContaining(['file', 'unit', 'members', 'groups', 'cells', 'targets', 'errors', 'warnings']),
    );
    expect(run.body.unit).toMatchObject({ code: 'CB01', name: 'Chi bộ Trường THPT Chúc Sơn', year: 2023 });
    expect(run.body.members.percent).toEqual({ excellent: 10, good: 50, complete: 30, notComplete: 10 });
    expect(run.body.change.members).toEqual({ excellent: 0, good: -20, complete: 10, notComplete: 10 });
    expect(run.body.cells).toBeNull();
    expect(run.body.targets).toEqual([
      { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: null, actual: 3, percent: null },
    ]);
  });

  it('refuses a folder with an unreadable workbook: exit 2 naming the file', () => {
    const run = runXeploai('consolidate', join(dir, 'khong-co'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('khong-co');
  });
});
