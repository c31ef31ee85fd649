import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsolidation } from '../../cli/commands/consolidate';
import { readWorkbookFile } from '../../cli/read-workbook';
import { generateSample } from '../../scripts/sample/generate';
import { runSeason, type SeasonResult } from '../../scripts/season/run-season';
import { emulatorFirestore } from '../../scripts/stack/provision-directory';

// The whole sample season as `npm start` runs it: 85 units send through the built add-on, the district
// assigns targets and consolidates through its menu, against the local functions and Firestore emulators.
const apiUrl = process.env.XEPLOAI_API_URL!;
const scheduledUrl = process.env.XEPLOAI_SCHEDULED_URL!;

describe('a reporting season through the built add-on and the local functions', () => {
  const sample = mkdtempSync(join(tmpdir(), 'xeploai-season-'));
  let season: SeasonResult;

  beforeAll(async () => {
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await generateSample(sample, {});
    const db = emulatorFirestore();
    for (const year of [2022, 2023]) await db.recursiveDelete(db.doc(`years/${year}`));
    season = await runSeason({ apiUrl, scheduledUrl, sample, year: 2023, out: join(sample, 'bao-cao.xlsx') });
  }, 180_000);
  afterAll(() => rmSync(sample, { recursive: true, force: true }));

  it('gives the district exactly the figures xeploai consolidate gives on the same files', async () => {
    const cli = await buildConsolidation({ inputs: [join(sample, '2023')], previous: join(sample, '2022') });
    if (!cli.ok) throw new Error(cli.failures.map((f) => f.message).join(' '));
    for (const key of [
      'members',
      'organizations',
      'cells',
      'groups',
      'targets',
      'units',
      'change',
      'development',
      'byUnit',
    ] as const) {
      expect({ [key]: season.report[key] }).toEqual({ [key]: cli.report[key] });
    }
    expect(season.report.missing).toEqual([]);
  }, 60_000);

  it('reproduces the published 2023 figures from the raw rows', () => {
    const { members, organizations, targets, units } = season.report;
    expect(units.count).toBe(85);
    expect([members.total, members.evaluated]).toEqual([11940, 10357]);
    expect(members.percent).toEqual({ excellent: 14.25, good: 76.61, complete: 7.9, notComplete: 1.24 });
    expect(members.excellentPerGood).toBe(18.6);
    expect(organizations!.percent).toEqual({ excellent: 20, good: 78.82, complete: 1.18, notComplete: 0 });
    expect(organizations!.quota).toMatchObject({ maxExcellent: 13, ok: false });
    expect(season.report.warnings).toContainEqual(
      expect.objectContaining({ code: 'W_QUOTA_EXCEEDED', sheet: 'Tổ chức cơ sở' }),
    );
    expect(targets.find((t) => t.code === 'KET_NAP_DANG_VIEN')).toMatchObject({
      target: 205,
      actual: 218,
      percent: 106.34,
    });
    expect(season.report.change!.members).toMatchObject({ excellent: 0.41, good: 3.73, complete: -4.6 });
    // 218 admitted ÷ 11.722 members at the start of 2023 (the 2022 total).
    expect(season.report.development).toEqual({ admitted: 218, membersAtStart: 11722, percent: 1.86 });
  });

  it('leaves the district workbook with its report sheets, as the add-on wrote them', async () => {
    const saved = await readWorkbookFile(join(sample, 'bao-cao.xlsx'));
    if (!saved.ok) throw new Error(saved.message);
    const names = saved.workbook.sheets.map((s) => s.name);
    // The report first, its list of units after it, then the office's input lists.
    expect(names.slice(0, 2)).toEqual(['Báo cáo tổng hợp', 'Theo đơn vị']);
    expect(names).toEqual(expect.arrayContaining(['Thông tin', 'Tổ chức cơ sở', 'Giao chỉ tiêu']));
    const report = saved.workbook.sheets.find((s) => s.name === 'Báo cáo tổng hợp')!.rows;
    // The heading's left block, centred unmerged in the column nearest its middle (the add-on's placement).
    expect(report.slice(0, 2).map((r) => r.filter((cell) => cell !== '' && cell !== null)[0])).toEqual([
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      'HUYỆN ỦY CHƯƠNG MỸ',
    ]);
    const row = (label: string) => report.find((r) => r[1] === label);
    expect(row('Tổng số đảng viên')?.[2]).toBe(11940);
    expect(row('Hoàn thành xuất sắc nhiệm vụ')?.slice(3, 5)).toEqual([17, 0.2]);
    expect(row('Đảng viên đầu năm')?.[2]).toBe(11722);
    expect(row('Kết nạp trong năm')?.[2]).toBe(218);
    expect(row('Tỷ lệ phát triển đảng viên')?.[2]).toBe(0.0186);
    const units = saved.workbook.sheets.find((s) => s.name === 'Theo đơn vị')!.rows;
    // A title, a line under it, the header, one row a unit, then the line saying what "±" is.
    expect(units.length - 4).toBe(85);
    expect(units[2]).toContain('± HTXSNV');
  }, 30_000);
});
