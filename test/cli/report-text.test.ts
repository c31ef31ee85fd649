import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx, type Rows } from './fixtures';
import { runXeploai } from './run-cli';

/** The member rows with a `Đảng viên dự bị` column, marked on the first `marked` rows. */
function withProbationary(rows: Rows, marked: number): Rows {
  return [[...MEMBER_HEADER, 'Đảng viên dự bị'], ...rows.map((row, at) => [...row, at < marked ? 'x' : ''])];
}

describe('xeploai consolidate as text: probationary members and each unit’s change', () => {
  const dir = tempDir('report-text');

  beforeAll(async () => {
    for (const year of ['2022', '2023']) mkdirSync(join(dir, year));
    // 2023: CB01 2 / 6 / 2 of 10 rated (20 / 60 / 20 %) and 1 exempt; CB02, new this year, 4 good, 1 dự bị.
    await writeXlsx(join(dir, '2023', 'CB01.xlsx'), {
      'Thông tin': info('CB01', 'Chi bộ Thôn Đông', 2023),
      'Đảng viên': withProbationary(memberRows({ excellent: 2, good: 6, complete: 2, exempt: 1 }, 'A'), 0),
    });
    await writeXlsx(join(dir, '2023', 'CB02.xlsx'), {
      'Thông tin': info('CB02', 'Chi bộ Thôn Tây', 2023),
      'Đảng viên': withProbationary(memberRows({ good: 4 }, 'B'), 1),
    });
    // 2022: CB01 1 / 8 / 1 of 10 (10 / 80 / 10 %).
    await writeXlsx(join(dir, '2022', 'CB01.xlsx'), {
      'Thông tin': info('CB01', 'Chi bộ Thôn Đông', 2022),
      'Đảng viên': [MEMBER_HEADER, ...memberRows({ excellent: 1, good: 8, complete: 1 }, 'C')],
    });
  });

  it('prints the headcount with dự bị and the units’ table with the change in points', () => {
    const run = runXeploai('consolidate', join(dir, '2023'), '--previous', join(dir, '2022'));
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const headcount = lines.findIndex((l) => l.includes('Tổng số đảng viên'));
    expect(lines[headcount]).toMatch(/Tổng số đảng viên\s+15\s*$/);
    expect(lines[headcount + 1]).toMatch(/Trong đó: đảng viên dự bị\s+1\s*$/);
    expect(lines[headcount + 2]).toMatch(/Được đánh giá, xếp loại\s+14\s*$/);
    expect(lines[headcount + 3]).toMatch(/Trong đó: đảng viên dự bị\s+1\s*$/);

    const header = lines.find((l) => l.startsWith('STT') && l.includes('± HTXSNV'))!;
    expect(header).toMatch(/Tổng số đảng viên\s+Đảng viên dự bị\s+Được xếp loại/);
    const cb01 = lines.find((l) => /^\s*1\s+CB01\s/.test(l))!;
    // 20 − 10, 60 − 80, 20 − 10, 0 − 0 points; 2 excellent > ⌊0,2 × 6⌋ = 1.
    expect(cb01).toMatch(
      /Có\s+11\s+0\s+10\s+2\s+6\s+2\s+0\s+20,00%\s+\+10,00\s+-20,00\s+\+10,00\s+0,00\s+Vượt/,
    );
    const cb02 = lines.find((l) => /^\s*2\s+CB02\s/.test(l))!;
    expect(cb02).toMatch(/Có\s+4\s+1\s+4\s+0\s+4\s+0\s+0\s+0,00%\s+Đạt/);
    expect(run.stdout).toContain(
      'Cột “±”: tỷ lệ tăng (+), giảm (-) so với năm trước, tính bằng điểm phần trăm.',
    );
  });
});
