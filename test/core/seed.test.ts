/**
 * The seed report (shared/seed/): its 2023 figures rebuilt from raw member rows, organization ratings and
 * targets, through the same path the CLI and the add-on take (workbook grids → analyzeUnitWorkbook →
 * consolidate). The split of counts over units and the not-rated members are made up; the totals are the seed's.
 */
import {
  consolidate,
  formatChange,
  formatNumber,
  formatPercent,
  formatRatio,
  readDistrictWorkbook,
  tallyFromCounts,
  type CellValue,
  type Consolidation,
  type RatingLevel,
  type NotRatedReason,
  type UnitSummary,
} from '../../core';
import { analyzeOk, unitWorkbook, type MemberCells } from './workbooks';

const CADRES = 'Cán bộ diện Ban Thường vụ Thành ủy quản lý';
const UNITS = ['XA01', 'XA02', 'XA03', 'XA04'];

/** Per unit: the seed's 1.476 / 7.935 / 818 / 128 split four ways, within each unit's quota. */
const RATED: Record<RatingLevel, number[]> = {
  excellent: [369, 369, 369, 369],
  good: [1984, 1984, 1984, 1983],
  complete: [205, 205, 204, 204],
  notComplete: [32, 32, 32, 32],
};
const NOT_RATED: Record<NotRatedReason, number[]> = {
  exempt: [300, 300, 300, 300],
  suspended: [1, 1, 1, 0],
  newMember: [75, 75, 75, 75],
  pending: [20, 20, 20, 20],
};
/** The ways offices type each label, used in turn. */
const RATING_TEXT: Record<RatingLevel, string[]> = {
  excellent: ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', 'H.T.X.S.N.V', 'xuất sắc'],
  good: ['Hoàn thành tốt nhiệm vụ', 'HTTNV', 'hoàn thành tốt nhiệm vụ'.normalize('NFD'), 'Tốt'],
  complete: ['Hoàn thành nhiệm vụ', 'HTNV', 'Hoàn thành'],
  notComplete: ['Không hoàn thành nhiệm vụ', 'KHTNV', 'Không hoàn thành'],
};
const REASON_TEXT: Record<NotRatedReason, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt',
  newMember: 'Mới kết nạp',
  pending: 'Chưa đánh giá',
};
/** Actuals reported by the units (split over them) and targets assigned by the district. */
const TARGETS: [code: string, actual: number, target: number][] = [
  ['KET_NAP_DANG_VIEN', 218, 205],
  ['DN_THANH_LAP_TO_CHUC_DANG', 2, 1],
  ['DN_KET_NAP_DANG_VIEN', 11, 5],
  ['DN_THANH_LAP_CONG_DOAN', 5, 5],
  ['DN_KET_NAP_CONG_DOAN_VIEN', 406, 400],
  ['DN_THANH_LAP_DOAN_TN', 2, 2],
  ['LOP_DAO_TAO_BOI_DUONG', 100, 96],
];

function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function unitMembers(u: number): MemberCells[] {
  const members: MemberCells[] = [];
  const name = () => `Đảng viên ${UNITS[u]}-${members.length + 1}`;
  for (const level of Object.keys(RATED) as RatingLevel[]) {
    for (let i = 0; i < RATED[level][u]; i++) {
      // The 15 cadres of the seed (3 excellent, 12 good) sit in the first unit.
      const cadre = u === 0 && ((level === 'excellent' && i < 3) || (level === 'good' && i < 12));
      members.push({
        name: name(),
        rating: RATING_TEXT[level][i % RATING_TEXT[level].length],
        groups: cadre ? CADRES : '',
      });
    }
  }
  for (const reason of Object.keys(NOT_RATED) as NotRatedReason[]) {
    for (let i = 0; i < NOT_RATED[reason][u]; i++)
      members.push({
        name: name(),
        reason: REASON_TEXT[reason],
        ...(reason === 'pending' ? { note: 'Ốm đau dài ngày' } : {}),
      });
  }
  return members;
}

function unitSummary(u: number): UnitSummary {
  const targets = {
    name: 'Chỉ tiêu',
    rows: [
      ['Mã chỉ tiêu', 'Thực hiện'],
      ...TARGETS.map(([code, actual]) => [code, split(actual, UNITS.length)[u]]),
    ],
  };
  const workbook = unitWorkbook({
    code: UNITS[u],
    year: 2023,
    members: unitMembers(u),
    extraSheets: [targets],
  });
  return analyzeOk(workbook).summary;
}

function districtWorkbook() {
  const ratings = [...Array(17).fill('HTXSNV'), ...Array(67).fill('HTTNV'), 'HTNV'];
  const organizations: CellValue[][] = ratings.map((rating, i) => [
    i < UNITS.length ? UNITS[i] : `TC${String(i + 1).padStart(2, '0')}`,
    `Tổ chức cơ sở đảng số ${i + 1}`,
    i < 41 ? 'Đảng bộ cơ sở' : 'Chi bộ cơ sở',
    rating,
  ]);
  const assigned: CellValue[][] = TARGETS.flatMap(([code, , target]) =>
    split(target, UNITS.length).map((part, u) => [UNITS[u], code, part]),
  );
  return readDistrictWorkbook({
    sheets: [
      {
        name: 'Tổ chức cơ sở',
        rows: [
          ['XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023'],
          ['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại'],
          ...organizations,
        ],
      },
      { name: 'Giao chỉ tiêu', rows: [['Mã đơn vị', 'Mã chỉ tiêu', 'Kế hoạch'], ...assigned] },
    ],
  });
}

/** 2022 as a tally whose shares are the seed's 2023 shares minus its printed changes (13,84 / 72,89 / 12,50). */
const PREVIOUS = {
  members: tallyFromCounts({
    counts: { excellent: 1384, good: 7289, complete: 1250, notComplete: 77 },
    notRated: { exempt: 0, suspended: 0, newMember: 0, pending: 0 },
  }),
  organizations: null,
};

let report: Consolidation;
let summaries: UnitSummary[];
beforeAll(() => {
  summaries = UNITS.map((_, u) => unitSummary(u));
  const district = districtWorkbook();
  expect(district.issues).toEqual([]);
  report = consolidate(summaries, { district: district.data, previous: PREVIOUS });
});

describe('the seed report, rebuilt from rows', () => {
  test('every unit file is clean: no errors, no warnings', () => {
    for (const summary of summaries) {
      expect(summary.errors).toEqual([]);
      expect(summary.warnings).toEqual([]);
    }
  });

  test('member counts: 1.476 / 7.935 / 818 / 128 of 10.357 evaluated, 11.940 in all', () => {
    expect(report.members.counts).toEqual({ excellent: 1476, good: 7935, complete: 818, notComplete: 128 });
    expect(formatNumber(report.members.evaluated)).toBe('10.357');
    expect(formatNumber(report.members.total)).toBe('11.940');
  });

  test('member shares: 14,25% / 76,61% / 7,90% / 1,24%, and excellent = 18,60% of good', () => {
    expect(report.members.percent).toEqual({
      excellent: 14.25,
      good: 76.61,
      complete: 7.9,
      notComplete: 1.24,
    });
    expect(
      [
        report.members.percent.excellent,
        report.members.percent.good,
        report.members.percent.complete,
        report.members.percent.notComplete,
      ].map((p) => formatPercent(p)),
    ).toEqual(['14,25%', '76,61%', '7,90%', '1,24%']);
    expect(report.members.excellentPerGood).toBe(18.6);
    expect(formatPercent(report.members.excellentPerGood)).toBe('18,60%');
  });

  test('the seed’s printed 76,62% and 1,23% are not what its own counts give', () => {
    expect(report.members.percent.good).not.toBe(76.62);
    expect(report.members.percent.notComplete).not.toBe(1.23);
  });

  test('members are within the quota: 1.476 ≤ ⌊0,2 × 7.935⌋ = 1.587', () => {
    expect(report.members.quota).toEqual({ ratio: 0.2, base: 'good', maxExcellent: 1587, ok: true });
  });

  test('organizations: 17 / 67 / 1 of 85 → 20,00% / 78,82% / 1,18%', () => {
    expect(report.organizations?.counts).toEqual({ excellent: 17, good: 67, complete: 1, notComplete: 0 });
    expect(report.organizations?.percent).toEqual({
      excellent: 20,
      good: 78.82,
      complete: 1.18,
      notComplete: 0,
    });
    expect(formatPercent(report.organizations!.percent.excellent)).toBe('20,00%');
  });

  test('17 excellent organizations exceed the default quota ⌊0,2 × 67⌋ = 13: a warning, not dropped', () => {
    expect(report.organizations?.quota).toEqual({ ratio: 0.2, base: 'good', maxExcellent: 13, ok: false });
    const quota = report.warnings.filter((w) => w.code === 'W_QUOTA_EXCEEDED');
    expect(quota).toEqual([
      {
        code: 'W_QUOTA_EXCEEDED',
        sheet: 'Tổ chức cơ sở',
        row: null,
        column: null,
        value: 17,
        message:
          'Có 17 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ 20% của số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (67): tối đa 13.',
      },
    ]);
    expect(report.errors).toEqual([]);
  });

  test('the cadres managed by the city standing committee: 03/15 excellent, 12/15 good', () => {
    const cadres = report.groups[CADRES];
    expect(cadres.counts).toEqual({ excellent: 3, good: 12, complete: 0, notComplete: 0 });
    expect(formatRatio(cadres.counts.excellent, cadres.total)).toBe('03/15');
    expect(formatRatio(cadres.counts.good, cadres.total)).toBe('12/15');
  });

  test('targets: 218/205 → 106,34%, 2/1 → 200%, 11/5 → 220%, 5/5 → 100%, 406/400 → 101,5%, 2/2 → 100%, 100/96 → 104,17%', () => {
    expect(report.targets.map((t) => [t.code, t.actual, t.target, t.percent])).toEqual([
      ['KET_NAP_DANG_VIEN', 218, 205, 106.34],
      ['DN_THANH_LAP_TO_CHUC_DANG', 2, 1, 200],
      ['DN_KET_NAP_DANG_VIEN', 11, 5, 220],
      ['DN_THANH_LAP_CONG_DOAN', 5, 5, 100],
      ['DN_KET_NAP_CONG_DOAN_VIEN', 406, 400, 101.5],
      ['DN_THANH_LAP_DOAN_TN', 2, 2, 100],
      ['LOP_DAO_TAO_BOI_DUONG', 100, 96, 104.17],
    ]);
    expect(report.targets[0].name).toBe('Kết nạp đảng viên');
  });

  test('change vs 2022: “tăng 0,41 điểm phần trăm” excellent, “giảm 4,60 điểm phần trăm” complete', () => {
    expect(report.change?.members).toEqual({
      excellent: 0.41,
      good: 3.72,
      complete: -4.6,
      notComplete: 0.47,
    });
    expect(formatChange(report.change!.members.excellent)).toBe('tăng 0,41 điểm phần trăm');
    expect(formatChange(report.change!.members.complete)).toBe('giảm 4,60 điểm phần trăm');
    expect(report.change?.organizations).toBeNull();
  });

  test('the 81 organizations without a report here are listed as missing', () => {
    expect(report.units.count).toBe(4);
    expect(report.warnings.filter((w) => w.code === 'W_UNIT_MISSING')).toHaveLength(81);
    expect(report.units.byKind).toEqual({ 'Đảng bộ cơ sở': 4 });
  });
});
