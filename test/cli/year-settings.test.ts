/**
 * design.md §2.7: the organization quota's ratio, base and grouping are settings of the year, given in the
 * superior workbook's `Thông tin`; `consolidate` applies them (default: 20% of the good ones, by Khối).
 */
import { join } from 'node:path';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx } from './fixtures';
import { runJson } from './run-cli';

type Report = {
  organizations: { quota: object };
  organizationGroups?: object | null;
  warnings: { code: string }[];
};

describe('the year’s quota settings in the superior workbook', () => {
  const dir = tempDir('year-settings');
  const superior = (settings: [string, string][]) => ({
    'Thông tin': [['Mã tổ chức', 'XA'], ['Tên tổ chức', 'Đảng ủy xã Thử'], ['Năm', 2025], ...settings],
    // One excellent of four; Khối A has one excellent and one good.
    'Tổ chức cơ sở': [
      ['Mã đơn vị', 'Tên tổ chức', 'Khối', 'Xếp loại'],
      ['CB1', 'Chi bộ 1', 'A', 'Hoàn thành xuất sắc nhiệm vụ'],
      ['CB2', 'Chi bộ 2', 'A', 'Hoàn thành tốt nhiệm vụ'],
      ['CB3', 'Chi bộ 3', 'B', 'Hoàn thành tốt nhiệm vụ'],
      ['CB4', 'Chi bộ 4', 'B', 'Hoàn thành tốt nhiệm vụ'],
    ],
  });

  beforeAll(async () => {
    for (const code of ['CB1', 'CB2', 'CB3', 'CB4'])
      await writeXlsx(join(dir, `units-${code}.xlsx`), {
        'Thông tin': info(code, `Chi bộ ${code}`, 2025),
        'Đảng viên': [MEMBER_HEADER, ...memberRows({ good: 3 }, code)],
      });
    await writeXlsx(join(dir, 'mac-dinh.xlsx'), superior([]));
    await writeXlsx(
      join(dir, 'cai-dat.xlsx'),
      superior([
        ['Tỷ lệ xuất sắc tối đa', '50%'],
        ['Tỷ lệ tính trên', 'Hoàn thành tốt nhiệm vụ'],
        ['Tính tỷ lệ theo khối', 'Không'],
      ]),
    );
  }, 60_000); // writes workbooks: seconds on a loaded machine

  const units = () => ['CB1', 'CB2', 'CB3', 'CB4'].map((c) => join(dir, `units-${c}.xlsx`));

  test('defaults: 20% within each Khối, so Khối A (1 excellent, 1 good) is over it', () => {
    const run = runJson<Report>('consolidate', ...units(), '--superior', join(dir, 'mac-dinh.xlsx'));
    expect(Object.keys(run.body.organizationGroups ?? {})).toEqual(['A', 'B']);
    expect(run.body.warnings.filter((w) => w.code === 'W_QUOTA_EXCEEDED')).toHaveLength(1);
  });

  test('50% of the good ones, pooled: one excellent of three good is within it', () => {
    const run = runJson<Report>('consolidate', ...units(), '--superior', join(dir, 'cai-dat.xlsx'));
    expect(run.status).toBe(0);
    expect(run.body.organizations.quota).toEqual({ ratio: 0.5, base: 'good', maxExcellent: 1, ok: true });
    expect(run.body.organizationGroups ?? null).toBeNull();
    expect(run.body.warnings.filter((w) => w.code === 'W_QUOTA_EXCEEDED')).toEqual([]);
  });
});
