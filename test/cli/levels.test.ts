/** `consolidate` at any level: a lower level's JSON or report workbook is an input like a unit file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx } from './fixtures';
import { runJson, runXeploai } from './run-cli';

const YEAR = 2025;

describe('xeploai consolidate over levels', () => {
  const dir = tempDir('levels');
  const commune = (code: string) => join(dir, code);

  beforeAll(async () => {
    const units: [string, string, Parameters<typeof memberRows>[0]][] = [
      ['XA1', 'CB11', { excellent: 1, good: 6, complete: 2, exempt: 1 }],
      ['XA1', 'CB12', { good: 4, notComplete: 1 }],
      ['XA2', 'CB21', { excellent: 2, good: 9, complete: 1 }],
    ];
    for (const [parent, code, counts] of units) {
      mkdirSync(commune(parent), { recursive: true });
      await writeXlsx(join(commune(parent), `${code}.xlsx`), {
        'Thông tin': info(code, `Chi bộ ${code}`, YEAR),
        'Đảng viên': [MEMBER_HEADER, ...memberRows(counts, code)],
      });
    }
    for (const [code, children] of [
      ['XA1', ['CB11', 'CB12']],
      ['XA2', ['CB21']],
    ] as const) {
      await writeXlsx(join(dir, `cap-tren-${code}.xlsx`), {
        'Thông tin': [
          ['Mã tổ chức', code],
          ['Tên tổ chức', `Đảng ủy xã ${code}`],
          ['Năm', YEAR],
        ],
        'Tổ chức cơ sở': [
          ['Mã đơn vị', 'Tên tổ chức', 'Khối', 'Xếp loại'],
          ...children.map((c) => [c, `Chi bộ ${c}`, 'Thôn', 'Hoàn thành tốt nhiệm vụ']),
        ],
      });
    }
  }, 60_000); // writes workbooks: seconds on a loaded machine

  test('a commune’s JSON and another’s report workbook roll up to the figures of all units flat', () => {
    const xa1 = runXeploai(
      'consolidate',
      commune('XA1'),
      '--superior',
      join(dir, 'cap-tren-XA1.xlsx'),
      '--json',
    );
    expect(xa1.status).toBe(0);
    writeFileSync(join(dir, 'xa1.json'), xa1.stdout);
    expect(JSON.parse(xa1.stdout).organization).toEqual({ code: 'XA1', name: 'Đảng ủy xã XA1' });
    const xa2 = runXeploai(
      'consolidate',
      commune('XA2'),
      '--district',
      join(dir, 'cap-tren-XA2.xlsx'),
      '--out',
      join(dir, 'bao-cao-xa2.xlsx'),
    );
    expect(xa2.status).toBe(0);

    const rolled = runJson('consolidate', join(dir, 'xa1.json'), join(dir, 'bao-cao-xa2.xlsx'));
    const flat = runJson('consolidate', commune('XA1'), commune('XA2'));
    expect(rolled.status).toBe(0);
    for (const key of ['units', 'members', 'groups', 'cells', 'byUnit', 'targets'])
      expect([key, rolled.body[key]]).toEqual([key, flat.body[key]]);
    // The communes' ratings of their units are carried up.
    expect((rolled.body.organizations as { counts: object }).counts).toEqual({
      excellent: 0,
      good: 3,
      complete: 0,
      notComplete: 0,
    });
    expect((rolled.body.children as { code: string; units: number }[]).map((c) => [c.code, c.units])).toEqual(
      [
        ['XA1', 2],
        ['XA2', 1],
      ],
    );
  });

  test('a unit counted directly and inside a lower level’s figures: an error naming both files', () => {
    const unitFile = join(commune('XA1'), 'CB12.xlsx');
    const run = runJson<{ errors: { code: string; message: string }[]; members: { total: number } }>(
      'consolidate',
      join(dir, 'xa1.json'),
      unitFile,
    );
    expect(run.status).toBe(1);
    expect(run.body.errors).toEqual([
      expect.objectContaining({
        code: 'E_UNIT_DUPLICATE',
        message: `Đơn vị CB12 được tính hai lần: trong ${unitFile} và trong ${join(dir, 'xa1.json')}. Chỉ tổng hợp ${unitFile}; hãy bỏ một trong hai.`,
      }),
    ]);
    // Counted once: the unit file (read first), not the commune's figures that contain it.
    expect(run.body.members.total).toBe(5);
  });

  test('a damaged or foreign JSON file is refused with exit 2 and says why', () => {
    writeFileSync(join(dir, 'hong.json'), '{"year": 2025, "units": ');
    writeFileSync(join(dir, 'khac.json'), JSON.stringify({ year: 2025, hello: 'world' }));
    const damaged = runXeploai('consolidate', join(dir, 'hong.json'));
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toContain('không phải JSON hợp lệ');
    const foreign = runXeploai('consolidate', join(dir, 'khac.json'));
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain('số liệu tổng hợp không đúng cấu trúc');
  });

  test('--superior and --district are one option', () => {
    const both = runXeploai('consolidate', commune('XA1'), '--superior', 'a.xlsx', '--district', 'b.xlsx');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--superior và --district là một');
  });
});

describe('xeploai consolidate given the workbooks of two levels at once', () => {
  const dir = tempDir('two-levels');
  const KET_NAP = 'KET_NAP_DANG_VIEN';
  const superior = (
    code: string,
    name: string,
    rows: (string | number)[][],
    assigned: [string, number][],
  ) => ({
    'Thông tin': [
      ['Mã tổ chức', code],
      ['Tên tổ chức', name],
      ['Năm', YEAR],
    ],
    'Tổ chức cơ sở': [['Mã đơn vị', 'Tên tổ chức', 'Khối', 'Xếp loại'], ...rows],
    'Giao chỉ tiêu': [['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'], ...assigned.map(([u, n]) => [u, KET_NAP, n])],
  });

  beforeAll(async () => {
    // Units plan 1 each and admit 2, 1 and 5.
    for (const [parent, code, admitted] of [
      ['XA1', 'CB11', 2],
      ['XA1', 'CB12', 1],
      ['XA2', 'CB21', 5],
    ] as const) {
      mkdirSync(join(dir, 'units', parent), { recursive: true });
      await writeXlsx(join(dir, 'units', parent, `${code}.xlsx`), {
        'Thông tin': info(code, `Chi bộ ${code}`, YEAR),
        'Đảng viên': [MEMBER_HEADER, ...memberRows({ good: 4 }, code)],
        'Chỉ tiêu': [
          ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
          [KET_NAP, 'Kết nạp đảng viên', 1, admitted],
        ],
      });
    }
    mkdirSync(join(dir, 'superiors'));
    const good = 'Hoàn thành tốt nhiệm vụ';
    // Each commune assigns its units targets; the province assigns the communes theirs.
    await writeXlsx(
      join(dir, 'superiors', 'XA1.xlsx'),
      superior(
        'XA1',
        'Đảng ủy xã Một',
        [
          ['CB11', 'Chi bộ CB11', 'Thôn', good],
          ['CB12', 'Chi bộ CB12', 'Thôn', good],
        ],
        [
          ['CB11', 3],
          ['CB12', 2],
        ],
      ),
    );
    await writeXlsx(
      join(dir, 'superiors', 'XA2.xlsx'),
      superior('XA2', 'Đảng ủy xã Hai', [['CB21', 'Chi bộ CB21', 'Thôn', good]], [['CB21', 4]]),
    );
    await writeXlsx(
      join(dir, 'superiors', 'TINH.xlsx'),
      superior(
        'TINH',
        'Tỉnh ủy Thử Nghiệm',
        [
          ['XA1', 'Đảng ủy xã Một', 'Xã, phường', 'Hoàn thành xuất sắc nhiệm vụ'],
          ['XA2', 'Đảng ủy xã Hai', 'Xã, phường', good],
        ],
        [
          ['XA1', 6],
          ['XA2', 4],
        ],
      ),
    );
  }, 60_000); // writes workbooks: seconds on a loaded machine

  type Report = {
    organization: { code: string } | null;
    targets: { code: string; target: number; actual: number }[];
    warnings: { code: string; value: unknown }[];
  };

  test('the targets: each level’s assignment counted once, as rolling up level by level gives', () => {
    const flat = runJson<Report>('consolidate', join(dir, 'units'), join(dir, 'superiors'));
    expect(flat.status).toBe(0);
    expect(flat.body.organization?.code).toBe('TINH');
    // The province assigned 6 + 4; the communes' 3 + 2 + 4 and the units' own plans are replaced by it.
    expect(flat.body.targets).toEqual([expect.objectContaining({ code: KET_NAP, target: 10, actual: 8 })]);
    // The communes are not units that failed to report.
    expect(flat.body.warnings.filter((w) => w.code === 'W_UNIT_MISSING')).toEqual([]);

    const xa1 = runXeploai(
      'consolidate',
      join(dir, 'units', 'XA1'),
      '--superior',
      join(dir, 'superiors', 'XA1.xlsx'),
      '--json',
    );
    writeFileSync(join(dir, 'xa1.json'), xa1.stdout);
    expect(JSON.parse(xa1.stdout).targets).toEqual([expect.objectContaining({ target: 5, actual: 3 })]);
    const rolled = runJson<Report>(
      'consolidate',
      join(dir, 'xa1.json'),
      join(dir, 'units', 'XA2'),
      join(dir, 'superiors', 'XA2.xlsx'),
      join(dir, 'superiors', 'TINH.xlsx'),
    );
    expect(rolled.status).toBe(0);
    expect(rolled.body.targets).toEqual(flat.body.targets);
  });

  test('organizations: the communes’ ratings of their units and the province’s of the communes, apart', () => {
    type Tiers = {
      organizations: { counts: object };
      upperOrganizations: { name: string; organizations: { counts: object } }[];
    };
    const flat = runJson<Tiers>('consolidate', join(dir, 'units'), join(dir, 'superiors'));
    // The three units, each rated good by its commune.
    expect(flat.body.organizations.counts).toEqual({ excellent: 0, good: 3, complete: 0, notComplete: 0 });
    // XA1 excellent and XA2 good, as the province rated them.
    expect(flat.body.upperOrganizations).toEqual([
      expect.objectContaining({
        name: 'Đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng',
        organizations: expect.objectContaining({
          counts: { excellent: 1, good: 1, complete: 0, notComplete: 0 },
        }),
      }),
    ]);
    const text = runXeploai('consolidate', join(dir, 'units'), join(dir, 'superiors')).stdout;
    const section = (title: string) => text.slice(text.indexOf(title)).split('\n\n')[0];
    expect(section('Xếp loại tổ chức cơ sở đảng\n')).toMatch(/Cộng số được xếp loại\s+3\s+100,00%/);
    expect(section('Xếp loại đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng\n')).toMatch(
      /Hoàn thành xuất sắc nhiệm vụ\s+HTXSNV\s+1\s+50,00%/,
    );
  });
});
