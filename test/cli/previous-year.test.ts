/**
 * design.md §2.4: the change is measured against last year. Figures of another year given with --previous
 * (the same year's file, by a slip) are not compared: a warning says which year they are.
 */
import { join } from 'node:path';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx } from './fixtures';
import { runJson } from './run-cli';

type Issue = { code: string; sheet: string; value: unknown; message: string };

describe('--previous of another year than the one before', () => {
  const dir = tempDir('previous-year');
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    for (const [name, year, counts] of [
      ['CB1-2023.xlsx', 2023, { good: 3, complete: 1 }],
      ['CB1-2024.xlsx', 2024, { good: 4 }],
      ['CB1-2022.xlsx', 2022, { complete: 4 }],
    ] as const)
      await writeXlsx(file(name), {
        'Thông tin': info('CB1', 'Chi bộ 1', year),
        'Đảng viên': [MEMBER_HEADER, ...memberRows(counts, 'A')],
      });
  });

  const warning = (year: number, lastYear: number) => ({
    code: 'W_CHANGE_UNAVAILABLE',
    sheet: 'Thông tin',
    value: year,
    message: `Số liệu đưa vào để so sánh (--previous) là năm ${year}, không phải năm trước (${lastYear}): không so sánh với năm trước.`,
  });

  it('summarize compares with the year before only', () => {
    const good = runJson<{ change: unknown; warnings: Issue[] }>(
      'summarize',
      file('CB1-2024.xlsx'),
      '--previous',
      file('CB1-2023.xlsx'),
    );
    expect(good.body.change).toMatchObject({ members: { good: 25 }, previousYear: 2023 });
    for (const other of ['CB1-2024.xlsx', 'CB1-2022.xlsx']) {
      const run = runJson<{ change: unknown; warnings: Issue[] }>(
        'summarize',
        file('CB1-2024.xlsx'),
        '--previous',
        file(other),
      );
      expect(run.status).toBe(0);
      expect(run.body.change).toBeNull();
      expect(run.body.warnings).toContainEqual(
        expect.objectContaining(warning(other === 'CB1-2024.xlsx' ? 2024 : 2022, 2023)),
      );
    }
  });

  it('consolidate compares with the year before only', () => {
    const good = runJson<{ change: unknown }>(
      'consolidate',
      file('CB1-2024.xlsx'),
      '--previous',
      file('CB1-2023.xlsx'),
    );
    expect(good.body.change).toMatchObject({ members: { good: 25 } });
    const same = runJson<{ change: unknown; byUnit: { change: unknown }[]; warnings: Issue[] }>(
      'consolidate',
      file('CB1-2024.xlsx'),
      '--previous',
      file('CB1-2024.xlsx'),
    );
    expect(same.body.change).toBeNull();
    expect(same.body.byUnit.map((u) => u.change)).toEqual([null]);
    expect(same.body.warnings).toContainEqual(expect.objectContaining(warning(2024, 2023)));
  });
});
