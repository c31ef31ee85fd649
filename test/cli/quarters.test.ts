/**
 * design.md §2.5: QĐ 366 allows quarterly evaluation (`Kỳ đánh giá`: năm | quý 1–4 in `Thông tin`); a
 * quarter's report is kept apart from the year's and never consolidated with it.
 */
import { join } from 'node:path';
import { info, MEMBER_HEADER, memberRows, tempDir, writeXlsx, type Rows } from './fixtures';
import { runJson, runXeploai } from './run-cli';

type Issue = { code: string; sheet: string; row: number | null; value: unknown; message: string };
type Consolidated = {
  quarter?: number;
  units: { codes: string[] };
  members: { total: number };
  errors: Issue[];
};

describe('quarterly evaluation (Kỳ đánh giá)', () => {
  const dir = tempDir('quarters');
  const unit = (code: string, period: string | null, rows: Rows = memberRows({ good: 4 }, code)) => ({
    'Thông tin': [...info(code, `Chi bộ ${code}`, 2025), ...(period ? [['Kỳ đánh giá', period]] : [])],
    'Đảng viên': [MEMBER_HEADER, ...rows],
  });
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    await writeXlsx(file('nam-CB1.xlsx'), unit('CB1', 'Năm'));
    await writeXlsx(file('nam-CB2.xlsx'), unit('CB2', null));
    await writeXlsx(file('quy2-CB3.xlsx'), unit('CB3', 'Quý 2'));
    await writeXlsx(file('quy2-CB4.xlsx'), unit('CB4', 'quý II/2025'));
    await writeXlsx(file('quy3-CB5.xlsx'), unit('CB5', 'Q3'));
    await writeXlsx(file('thang-CB6.xlsx'), unit('CB6', 'Tháng 5'));
    // Admitted on 15/12/2024: 6 months or more by 30/6 (the second quarter's last day), not by 31/3.
    const admitted: Rows = [[1, 'Nguyễn Văn A', 'A-1', '15/12/2024', 'Hoàn thành tốt nhiệm vụ', '', '', '']];
    await writeXlsx(file('quy1-moi.xlsx'), unit('CB7', 'Quý 1', admitted));
    await writeXlsx(file('quy2-moi.xlsx'), unit('CB7', 'Quý 2', admitted));
  });

  it('reads the quarter and says it in the summary', () => {
    const { status, body } = runJson<{ unit: { year: number; quarter?: number } }>(
      'summarize',
      file('quy2-CB4.xlsx'),
    );
    expect(status).toBe(0);
    expect(body.unit).toMatchObject({ year: 2025, quarter: 2 });
    expect(runJson<{ unit: object }>('summarize', file('nam-CB1.xlsx')).body.unit).not.toHaveProperty(
      'quarter',
    );
    expect(runXeploai('summarize', file('quy3-CB5.xlsx')).stdout).toMatch(
      /kết quả đánh giá, xếp loại đảng viên quý 3 năm 2025/,
    );
  });

  it('refuses a period it does not know, naming the row', () => {
    const { status, body } = runJson<{ errors: Issue[] }>('validate', file('thang-CB6.xlsx'));
    expect(status).toBe(1);
    expect(body.errors).toEqual([
      expect.objectContaining({
        code: 'E_INFO_INVALID',
        sheet: 'Thông tin',
        row: 5,
        value: 'Tháng 5',
        message: expect.stringMatching(/^Kỳ đánh giá “Tháng 5” không rõ: ghi “Năm”.*“Quý 1”/),
      }),
    ]);
  });

  it('takes a quarter’s last day as the evaluation date when none is given', () => {
    expect(runJson<{ errors: Issue[] }>('validate', file('quy1-moi.xlsx')).body.errors).toEqual([
      expect.objectContaining({ code: 'E_NEW_MEMBER_RATED', message: expect.stringMatching(/31\/03\/2025/) }),
    ]);
    expect(runJson<{ errors: Issue[] }>('validate', file('quy2-moi.xlsx')).body.errors).toEqual([]);
  });

  it('never consolidates a quarter’s report with the year’s: the year’s are consolidated, the others named', () => {
    const files = ['nam-CB1.xlsx', 'nam-CB2.xlsx', 'quy2-CB3.xlsx', 'quy3-CB5.xlsx'].map(file);
    const { status, body } = runJson<Consolidated>('consolidate', ...files);
    expect(status).toBe(1);
    expect(body.quarter).toBeUndefined();
    expect(body.units.codes).toEqual(['CB1', 'CB2']);
    expect(body.members.total).toBe(8);
    expect(body.errors.map((e) => [e.code, e.value])).toEqual([
      ['E_PERIOD_MISMATCH', 'CB3'],
      ['E_PERIOD_MISMATCH', 'CB5'],
    ]);
    expect(body.errors[0].message).toBe(
      'Báo cáo của đơn vị CB3 là báo cáo quý 2 năm 2025, không phải năm 2025: báo cáo quý được giữ riêng, ' +
        'không tổng hợp chung (QĐ 366). Hãy tổng hợp riêng các tệp của từng kỳ.',
    );
  });

  it('consolidates one quarter’s reports as that quarter’s report, and rolls it up as such', () => {
    const quarter = ['quy2-CB3.xlsx', 'quy2-CB4.xlsx'].map(file);
    const run = runXeploai('consolidate', ...quarter, '--json');
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout) as Consolidated;
    expect(body).toMatchObject({ quarter: 2, units: { codes: ['CB3', 'CB4'] }, errors: [] });
    expect(runXeploai('consolidate', ...quarter).stdout).toMatch(
      /ĐẢNG VIÊN QUÝ 2 NĂM 2025[\s\S]*THEO ĐƠN VỊ QUÝ 2 NĂM 2025/,
    );

    const out = file('quy2-tong-hop.xlsx');
    expect(runXeploai('consolidate', ...quarter, '--out', out).status).toBe(0);
    const rolled = runJson<Consolidated>('consolidate', out, file('nam-CB1.xlsx'));
    expect(rolled.body.units.codes).toEqual(['CB1']);
    expect(rolled.body.errors.map((e) => e.code)).toEqual(['E_PERIOD_MISMATCH']);
    expect(rolled.body.errors[0].message).toMatch(/là báo cáo quý 2 năm 2025, không phải năm 2025/);
  });
});
