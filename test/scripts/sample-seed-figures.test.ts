import { analyzedSample, oneDecimal } from './sample-fixture';

// Every expected number here is the seed report's (seed/000_…txt), written literally.
describe('sample data set 2023 reproduces the seed report', () => {
  const { years } = analyzedSample();
  const report = years[2023].consolidation;

  test('85 organizations: 41 đảng bộ and 44 chi bộ cơ sở, 457 subordinate cells', () => {
    expect(report.units.count).toBe(85);
    expect(report.units.byKind).toEqual({ 'Đảng bộ cơ sở': 41, 'Chi bộ cơ sở': 44 });
    expect(report.cells?.total).toBe(457);
  });

  test('no unit has an error; the district workbook reads cleanly', () => {
    expect(report.errors).toEqual([]);
    expect(years[2023].summaries.filter((s) => s.errors.length)).toEqual([]);
    expect(years[2023].districtIssues).toBe(0);
  });

  test('members: 11.940, of whom 10.357 evaluated = 1.476 / 7.935 / 818 / 128', () => {
    const m = report.members;
    expect(m.total).toBe(11940);
    expect(m.evaluated).toBe(10357);
    expect(m.counts).toEqual({ excellent: 1476, good: 7935, complete: 818, notComplete: 128 });
    const notRated = m.notRated.exempt + m.notRated.suspended + m.notRated.newMember + m.notRated.pending;
    expect(notRated).toBe(11940 - 10357);
    expect(m.notRated.exempt).toBeGreaterThan(notRated / 2);
    for (const reason of ['suspended', 'newMember', 'pending'] as const)
      expect(m.notRated[reason]).toBeGreaterThan(0);
  });

  test('member shares 14,25 / 76,61 / 7,90 / 1,24 and 18,6% excellent per good', () => {
    expect(report.members.percent).toEqual({
      excellent: 14.25,
      good: 76.61,
      complete: 7.9,
      notComplete: 1.24,
    });
    expect(report.members.excellentPerGood).toBe(18.6);
  });

  test('organizations 17 / 67 / 1 / 0 = 20,00 / 78,82 / 1,18, over the quota of ⌊0,2 × 67⌋ = 13', () => {
    const o = report.organizations!;
    expect(o.counts).toEqual({ excellent: 17, good: 67, complete: 1, notComplete: 0 });
    expect(o.percent).toEqual({ excellent: 20, good: 78.82, complete: 1.18, notComplete: 0 });
    expect(o.quota.maxExcellent).toBe(13);
    expect(o.quota.ok).toBe(false);
    expect(report.warnings.some((w) => w.code === 'W_QUOTA_EXCEEDED' && w.sheet === 'Tổ chức cơ sở')).toBe(
      true,
    );
  });

  test('city-managed cadres: 03/15 excellent, 12/15 good', () => {
    const cadres = report.groups['Cán bộ diện Ban Thường vụ Thành ủy quản lý'];
    expect(cadres.total).toBe(15);
    expect(cadres.counts).toEqual({ excellent: 3, good: 12, complete: 0, notComplete: 0 });
  });

  test('youth-union members and newly admitted high-school students are tagged', () => {
    expect(report.groups['Đoàn viên thanh niên'].total).toBeGreaterThan(0);
    const students = report.groups['Học sinh THPT'];
    expect(students.total).toBeGreaterThan(0);
    expect(students.notRated.newMember).toBe(students.total);
  });

  test('targets: 218 of 205 admissions (106,34%) and the other indicators of the seed', () => {
    const byCode = Object.fromEntries(report.targets.map((t) => [t.code, [t.actual, t.target, t.percent]]));
    expect(byCode).toEqual({
      KET_NAP_DANG_VIEN: [218, 205, 106.34],
      DN_THANH_LAP_TO_CHUC_DANG: [2, 1, 200],
      DN_KET_NAP_DANG_VIEN: [11, 5, 220],
      DN_THANH_LAP_CONG_DOAN: [5, 5, 100],
      DN_KET_NAP_CONG_DOAN_VIEN: [406, 400, 101.5],
      DN_THANH_LAP_DOAN_TN: [2, 2, 100],
      DN_KET_NAP_DOAN_VIEN: [464, null, null],
      LOP_DAO_TAO_BOI_DUONG: [100, 96, 104.17],
      CUNG_CO_TCCS_YEU_KEM: [4, 4, 100],
    });
  });

  test('change vs 2022: members +0,41 / +3,73 / −4,6 points; organizations from 15 / 69 / 6 of 90', () => {
    const change = report.change!;
    expect(change.members.excellent).toBe(0.41);
    expect(change.members.good).toBe(3.73);
    expect(oneDecimal(change.members.complete)).toBe(-4.6);
    // 20,00 − 16,67; 78,82 − 76,67; 1,18 − 6,67 (the seed prints +3,3 / +2,1 / −5,4, reachable by no count near 85).
    expect(change.organizations).toEqual({ excellent: 3.33, good: 2.15, complete: -5.49, notComplete: 0 });
  });
});
