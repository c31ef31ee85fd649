import {
  consolidate,
  developmentRate,
  readDistrictWorkbook,
  shareChange,
  tallyFromCounts,
  type UnitSummary,
} from '../../core';
import { analyzeOk, goodMember, unitWorkbook, type MemberCells } from './workbooks';

function unit(
  code: string,
  members: MemberCells[],
  extra: { kind?: string; year?: number; cells?: string[][] } = {},
): UnitSummary {
  const extraSheets = extra.cells
    ? [{ name: 'Chi bộ', rows: [['Tên chi bộ', 'Xếp loại'], ...extra.cells] }]
    : [];
  return analyzeOk(unitWorkbook({ code, year: extra.year ?? 2023, kind: extra.kind, members, extraSheets }))
    .summary;
}

const district = readDistrictWorkbook({
  sheets: [
    {
      name: 'Tổ chức cơ sở',
      rows: [
        ['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Xếp loại'],
        ['XA01', 'Đảng bộ xã Một', 'Đảng bộ cơ sở', 'HTXSNV'],
        ['XA02', 'Chi bộ trường Hai', 'chi bo co so', 'Hoàn thành tốt nhiệm vụ'],
        ['XA03', 'Đảng bộ xã Ba', 'Đảng bộ', 'HTNV'],
      ],
    },
  ],
});

describe('consolidate', () => {
  test('the district workbook is read: kinds made canonical, ratings recognised, rows kept', () => {
    expect(district.issues).toEqual([]);
    expect(district.data.organizations).toEqual([
      { code: 'XA01', name: 'Đảng bộ xã Một', kind: 'Đảng bộ cơ sở', rating: 'excellent', row: 2 },
      { code: 'XA02', name: 'Chi bộ trường Hai', kind: 'Chi bộ cơ sở', rating: 'good', row: 3 },
      { code: 'XA03', name: 'Đảng bộ xã Ba', kind: 'Đảng bộ cơ sở', rating: 'complete', row: 4 },
    ]);
  });

  test('members, groups and cells add up across units; organizations come from the district', () => {
    const a = unit(
      'XA01',
      [
        goodMember('A1', { groups: 'Đoàn viên thanh niên; Học sinh THPT' }),
        { name: 'A2', rating: 'HTXSNV', groups: 'đoàn viên  thanh niên' },
      ],
      { cells: [['Chi bộ 1', 'HTTNV']] },
    );
    const b = unit(
      'XA02',
      [goodMember('B1', { groups: 'ĐOÀN VIÊN THANH NIÊN' }), { name: 'B2', reason: 'Miễn sinh hoạt' }],
      {
        kind: '',
      },
    );
    const c = unit('XA03', [{ name: 'C1', rating: 'KHTNV' }]);
    const result = consolidate([a, b, c], { district: district.data });

    expect(result.year).toBe(2023);
    expect(result.units).toEqual({
      count: 3,
      codes: ['XA01', 'XA02', 'XA03'],
      byKind: { 'Đảng bộ cơ sở': 2, 'Chi bộ cơ sở': 1 },
    });
    expect(result.members.counts).toEqual({ excellent: 1, good: 2, complete: 0, notComplete: 1 });
    expect(result.members.notRated.exempt).toBe(1);
    expect(result.members.total).toBe(5);
    expect(result.members.percent).toEqual({ excellent: 25, good: 50, complete: 0, notComplete: 25 });
    expect(Object.keys(result.groups).sort()).toEqual(['Học sinh THPT', 'Đoàn viên thanh niên']);
    expect(result.groups['Đoàn viên thanh niên'].counts).toEqual({
      excellent: 1,
      good: 2,
      complete: 0,
      notComplete: 0,
    });
    expect(result.cells?.counts.good).toBe(1);
    expect(result.organizations?.counts).toEqual({ excellent: 1, good: 1, complete: 1, notComplete: 0 });
    expect(result.byUnit.map((u) => [u.code, u.members.total, u.errors, u.warnings])).toEqual([
      ['XA01', 2, 0, 1], // 1 excellent of 1 good exceeds the quota
      ['XA02', 2, 0, 0],
      ['XA03', 1, 0, 0],
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'W_QUOTA_EXCEEDED', sheet: 'Đảng viên', unit: 'XA01' }),
      expect.objectContaining({ code: 'W_QUOTA_EXCEEDED', sheet: 'Tổ chức cơ sở', value: 1 }),
    ]);
    expect(result.change).toBeNull();
  });

  test('without a district or cells: organizations and cells are null; unknown kinds counted as “Không rõ”', () => {
    const result = consolidate([
      unit('XA01', [goodMember('A')], { kind: 'Khác' }),
      unit('XA02', [goodMember('B')], { kind: '' }),
    ]);
    expect(result.organizations).toBeNull();
    expect(result.cells).toBeNull();
    expect(result.units.byKind).toEqual({ Khác: 1, 'Không rõ': 1 });
    const dangBo = unit('XA03', [goodMember('C')], { kind: 'đảng bộ cơ sở' });
    expect(consolidate([dangBo]).units.byKind).toEqual({ 'Đảng bộ cơ sở': 1 });
  });

  test('a unit of another year or a second report of the same unit is not counted', () => {
    const result = consolidate(
      [
        unit('XA01', [goodMember('A')]),
        unit('XA01', [goodMember('A2')]),
        unit('XA02', [goodMember('B')], { year: 2022 }),
      ],
      {
        year: 2023,
      },
    );
    expect(result.units.codes).toEqual(['XA01']);
    expect(result.members.total).toBe(1);
    expect(result.errors.map((e) => e.code)).toEqual(['E_UNIT_DUPLICATE', 'E_YEAR_MISMATCH']);
  });

  test('unit errors are carried with their unit code', () => {
    const result = consolidate([unit('XA01', [{ name: 'Không xếp loại' }])]);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'E_NO_RATING', unit: 'XA01', row: 5, column: 'G' }),
    ]);
    expect(result.byUnit[0].errors).toBe(1);
  });

  test('change vs last year in percentage points, for members and organizations', () => {
    const previous = {
      members: tallyFromCounts({
        counts: { excellent: 1, good: 3, complete: 0, notComplete: 0 },
        notRated: { exempt: 0, suspended: 0, newMember: 0, pending: 0 },
      }),
      organizations: tallyFromCounts({
        counts: { excellent: 0, good: 3, complete: 0, notComplete: 0 },
        notRated: { exempt: 0, suspended: 0, newMember: 0, pending: 0 },
      }),
    };
    const now = consolidate([unit('XA01', [goodMember('A'), { name: 'B', rating: 'HTNV' }])], {
      district: district.data,
      previous,
    });
    expect(now.change).toEqual({
      members: { excellent: -25, good: -25, complete: 50, notComplete: 0 },
      organizations: { excellent: 33.33, good: -66.67, complete: 33.33, notComplete: 0 },
    });
    const withoutOrganizations = consolidate([unit('XA01', [goodMember('A')])], { previous });
    expect(withoutOrganizations.change?.organizations).toBeNull();
  });

  test('shareChange is null where a share does not exist', () => {
    const empty = tallyFromCounts({
      counts: { excellent: 0, good: 0, complete: 0, notComplete: 0 },
      notRated: { exempt: 1, suspended: 0, newMember: 0, pending: 0 },
    });
    const some = tallyFromCounts({
      counts: { excellent: 1, good: 1, complete: 0, notComplete: 0 },
      notRated: { exempt: 0, suspended: 0, newMember: 0, pending: 0 },
    });
    expect(shareChange(some, empty)).toEqual({
      excellent: null,
      good: null,
      complete: null,
      notComplete: null,
    });
  });

  test('organizations without a rating are E_NO_RATING in the district workbook and counted nowhere', () => {
    const read = readDistrictWorkbook({
      sheets: [
        {
          name: 'To chuc co so',
          rows: [
            ['Mã đơn vị', 'Xếp loại'],
            ['XA01', ''],
            ['XA02', 'HTT'],
          ],
        },
      ],
    });
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'E_NO_RATING', sheet: 'To chuc co so', row: 2, value: 'XA01' }),
    ]);
    expect(read.data.organizations.map((o) => o.rating)).toEqual([null, 'good']);
  });
});

describe('development rate (tỷ lệ phát triển đảng viên)', () => {
  it('is admissions ÷ last year’s members, and absent without either', () => {
    const targets = [
      { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 205, actual: 218, percent: 106.34 },
    ];
    // 218 ÷ 11.722 = 1,8597… → 1,86
    expect(developmentRate(targets, 11722)).toEqual({ admitted: 218, membersAtStart: 11722, percent: 1.86 });
    expect(developmentRate(targets, null)).toBeNull();
    expect(developmentRate([{ ...targets[0], actual: null }], 11722)).toBeNull();
    expect(developmentRate([], 11722)).toBeNull();
  });
});
