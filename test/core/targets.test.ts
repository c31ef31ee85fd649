import {
  canonicalIndicatorCode,
  combineTargets,
  indicatorName,
  INDICATORS,
  readDistrictWorkbook,
  targetResult,
  type AssignedTarget,
  type TargetRow,
} from '../../core';
import { analyzeOk, goodMember, unitWorkbook } from './workbooks';

const row = (code: string, target: number | null, actual: number | null, name = ''): TargetRow => ({
  code,
  name,
  target,
  actual,
});

describe('the indicator catalogue', () => {
  test('codes are unique, upper-case and stable', () => {
    const codes = INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9_]+$/);
    expect(codes).toEqual(
      expect.arrayContaining([
        'KET_NAP_DANG_VIEN',
        'KET_NAP_HS_THPT',
        'DN_KET_NAP_DANG_VIEN',
        'LOP_DAO_TAO_BOI_DUONG',
      ]),
    );
  });

  test.each([
    ['KET_NAP_DANG_VIEN', '', 'KET_NAP_DANG_VIEN'],
    ['ket nap dang vien', '', 'KET_NAP_DANG_VIEN'],
    ['', 'Kết nạp đảng viên', 'KET_NAP_DANG_VIEN'],
    ['', 'KẾT NẠP ĐẢNG VIÊN LÀ HỌC SINH THPT'.normalize('NFD'), 'KET_NAP_HS_THPT'],
    ['ct_rieng_01', 'Chỉ tiêu riêng của xã', 'CT_RIENG_01'],
  ])('code “%s”, name “%s” → %s', (code, name, expected) => {
    expect(canonicalIndicatorCode(code, name)).toBe(expected);
  });

  test('names come from the catalogue; an unknown code keeps the name it was given, else its code', () => {
    expect(indicatorName('KET_NAP_DANG_VIEN', 'kết nạp')).toBe('Kết nạp đảng viên');
    expect(indicatorName('CT_RIENG_01', 'Chỉ tiêu riêng của xã')).toBe('Chỉ tiêu riêng của xã');
    expect(indicatorName('CT_RIENG_01')).toBe('CT_RIENG_01');
  });
});

describe('targetResult', () => {
  test('achievement percent, null for a target of 0 or a missing figure', () => {
    expect(targetResult(row('KET_NAP_DANG_VIEN', 205, 218)).percent).toBe(106.34);
    expect(targetResult(row('KET_NAP_DANG_VIEN', 0, 3)).percent).toBeNull();
    expect(targetResult(row('KET_NAP_DANG_VIEN', null, 3)).percent).toBeNull();
    expect(targetResult(row('KET_NAP_DANG_VIEN', 5, null)).percent).toBeNull();
  });
});

describe('combineTargets', () => {
  const units = [
    { unit: 'XA01', rows: [row('KET_NAP_DANG_VIEN', 100, 110), row('DN_KET_NAP_DANG_VIEN', 2, 5)] },
    {
      unit: 'XA02',
      rows: [row('KET_NAP_DANG_VIEN', 90, 108), row('CT_RIENG_01', 4, 3, 'Chỉ tiêu riêng của xã')],
    },
  ];

  test('without assignments, the units’ own targets and actuals are summed', () => {
    expect(combineTargets(units, [])).toEqual([
      { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 190, actual: 218, percent: 114.74 },
      {
        code: 'DN_KET_NAP_DANG_VIEN',
        name: 'Kết nạp đảng viên trong doanh nghiệp ngoài khu vực nhà nước',
        target: 2,
        actual: 5,
        percent: 250,
      },
      { code: 'CT_RIENG_01', name: 'Chỉ tiêu riêng của xã', target: 4, actual: 3, percent: 75 },
    ]);
  });

  test('the superior level’s assigned targets replace the units’ own for that indicator', () => {
    const assigned: AssignedTarget[] = [
      { unit: 'XA01', code: 'KET_NAP_DANG_VIEN', target: 105 },
      { unit: 'XA02', code: 'KET_NAP_DANG_VIEN', target: 100 },
      { unit: 'XA01', code: 'DN_KET_NAP_DANG_VIEN', target: 0 },
      { unit: 'XA01', code: 'LOP_DAO_TAO_BOI_DUONG', target: 96 },
    ];
    const result = combineTargets(units, assigned);
    expect(result).toEqual([
      { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 205, actual: 218, percent: 106.34 },
      expect.objectContaining({ code: 'DN_KET_NAP_DANG_VIEN', target: 0, actual: 5, percent: null }),
      {
        code: 'LOP_DAO_TAO_BOI_DUONG',
        name: 'Mở lớp đào tạo, bồi dưỡng',
        target: 96,
        actual: null,
        percent: null,
      },
      { code: 'CT_RIENG_01', name: 'Chỉ tiêu riêng của xã', target: 4, actual: 3, percent: 75 },
    ]);
  });

  test('results follow the catalogue order, unknown codes after it', () => {
    const result = combineTargets(
      [
        {
          unit: 'X',
          rows: [
            row('ZZZ', 1, 1),
            row('AAA', 1, 1),
            row('LOP_DAO_TAO_BOI_DUONG', 1, 1),
            row('KET_NAP_DANG_VIEN', 1, 1),
          ],
        },
      ],
      [],
    );
    expect(result.map((r) => r.code)).toEqual(['KET_NAP_DANG_VIEN', 'LOP_DAO_TAO_BOI_DUONG', 'AAA', 'ZZZ']);
  });
});

describe('targets read from workbooks', () => {
  test('a unit’s `Chỉ tiêu` sheet: codes or catalogue names, numbers as text, unknown codes kept', () => {
    const sheet = {
      name: 'Chỉ tiêu',
      rows: [
        ['CHỈ TIÊU NĂM 2023'],
        ['Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch', 'Thực hiện'],
        ['ket_nap_dang_vien', '', '205', '218'],
        ['', 'Mở lớp đào tạo, bồi dưỡng', 96, 100],
        ['ct_rieng', 'Chỉ tiêu riêng', '', '3'],
        ['', '', '', ''],
      ],
    };
    const { read, summary } = analyzeOk(unitWorkbook({ members: [goodMember('Một')], extraSheets: [sheet] }));
    expect(read.report.targets).toEqual([
      { code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 205, actual: 218 },
      { code: 'LOP_DAO_TAO_BOI_DUONG', name: 'Mở lớp đào tạo, bồi dưỡng', target: 96, actual: 100 },
      { code: 'CT_RIENG', name: 'Chỉ tiêu riêng', target: null, actual: 3 },
    ]);
    expect(summary.targets.map((t) => t.percent)).toEqual([106.34, 104.17, null]);
    expect(summary.errors).toEqual([]);
  });

  test('the district’s `Giao chỉ tiêu` sheet', () => {
    const { data, issues } = readDistrictWorkbook({
      sheets: [
        {
          name: 'Giao chỉ tiêu',
          rows: [
            ['GIAO CHỈ TIÊU NĂM 2024'],
            ['Mã đơn vị', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Kế hoạch'],
            ['xa01', 'KET_NAP_DANG_VIEN', '', 230],
            ['XA01', 'KET_NAP_HS_THPT', '', '20'],
            ['XA02', 'KET_NAP_DANG_VIEN', '', ''],
            ['XA03', 'KET_NAP_DANG_VIEN', '', 'nhiều'],
          ],
        },
      ],
    });
    expect(data.assignedTargets).toEqual([
      { unit: 'XA01', code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 230, row: 3 },
      {
        unit: 'XA01',
        code: 'KET_NAP_HS_THPT',
        name: 'Kết nạp đảng viên là học sinh THPT',
        target: 20,
        row: 4,
      },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'E_NUMBER_INVALID',
        sheet: 'Giao chỉ tiêu',
        row: 6,
        column: 'D',
        value: 'nhiều',
      }),
    ]);
  });
});
