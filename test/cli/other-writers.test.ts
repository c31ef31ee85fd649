import { join } from 'node:path';
import { runJson } from './run-cli';

const FIXTURES = join(__dirname, '..', 'fixtures');

describe('files written by other programs', () => {
  it('reads a LibreOffice-saved workbook: serial dates, title rows, evaluation date from Thông tin', () => {
    const run = runJson<{ errors: { code: string; row: number; column: string }[]; warnings: unknown[] }>(
      'validate',
      join(FIXTURES, 'libreoffice-unit.xlsx'),
    );
    expect(run.status).toBe(1);
    expect(run.body.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ['E_NEW_MEMBER_RATED', 7, 'F'],
      ['E_SICK_LEAVE_RATED_ABOVE', 8, 'F'],
      ['E_DISCIPLINED_RATED_ABOVE', 9, 'F'],
    ]);
    expect(run.body.warnings).toEqual([]);
  });

  it('summarizes its groups, each member counted in every group it is tagged with', () => {
    const run = runJson<{
      members: { total: number; counts: Record<string, number> };
      groups: Record<string, { total: number }>;
    }>('summarize', join(FIXTURES, 'libreoffice-unit.xlsx'));
    expect(run.body.members.total).toBe(12);
    expect(run.body.members.counts).toEqual({ excellent: 1, good: 9, complete: 1, notComplete: 0 });
    expect(Object.fromEntries(Object.entries(run.body.groups).map(([k, v]) => [k, v.total]))).toEqual({
      'Cán bộ diện Ban Thường vụ Thành ủy quản lý': 1,
      'Học sinh THPT': 1,
      'Đoàn viên thanh niên': 1,
    });
  });
});
