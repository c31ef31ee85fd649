import {
  consolidate,
  readDistrictWorkbook,
  ruleSetFor,
  tallyRows,
  type CellValue,
  type OrganizationRating,
  type WorkbookData,
} from '../../core';
import { analyzeOk } from './workbooks';

const TITLE: CellValue[][] = [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], []];

function unit2025(members: CellValue[][], info: CellValue[][] = [], cells?: CellValue[][]): WorkbookData {
  const sheets: WorkbookData['sheets'] = [
    {
      name: 'Thông tin',
      rows: [['Mã đơn vị', 'XA25'], ['Tên đơn vị', 'Đảng bộ xã Thử Nghiệm'], ['Năm', 2025], ...info],
    },
    { name: 'Đảng viên', rows: [...TITLE, ...members] },
  ];
  if (cells) sheets.push({ name: 'Chi bộ', rows: cells });
  return { sheets };
}

describe('members read with the 2025 columns', () => {
  test('`Đảng viên dự bị` yes-cells, the discipline exception and the two score parts are read', () => {
    const { read, summary } = analyzeOk(
      unit2025([
        [
          'Họ và tên',
          'Xếp loại',
          'Đảng viên dự bị',
          'Tự phát hiện, khắc phục',
          'Điểm tiêu chí chung',
          'Điểm kết quả thực hiện nhiệm vụ',
        ],
        ['Lê Văn An', 'HTTNV', 'x', '', 25, '50,5'],
        ['Trần Thị Bình', 'HTNV', '', 'Có', '', ''],
        ['Phạm Văn Cường', 'HTTNV', '', '', '', ''],
      ]),
    );
    expect(read.report.members.map(({ row: _row, ...m }) => m)).toEqual([
      { name: 'Lê Văn An', rating: 'good', probationary: true, scoreGeneral: 25, scoreTasks: 50.5 },
      { name: 'Trần Thị Bình', rating: 'complete', selfCorrected: true },
      { name: 'Phạm Văn Cường', rating: 'good' },
    ]);
    expect(summary.members.probationary).toEqual({ total: 1, evaluated: 1 });
  });

  test('`Loại đảng viên` Chính thức | Dự bị; anything else is named', () => {
    const { read, summary } = analyzeOk(
      unit2025([
        ['Họ và tên', 'Xếp loại', 'Lý do không xếp loại', 'Loại đảng viên'],
        ['Lê Văn An', '', 'Mới kết nạp', 'Dự bị'],
        ['Trần Thị Bình', 'HTNV', '', 'Chính thức'],
        ['Phạm Văn Cường', 'HTNV', '', 'dự bị'],
        ['Đỗ Thị Dung', 'HTNV', '', 'Tạm'],
      ]),
    );
    expect(read.report.members.map((m) => m.probationary ?? false)).toEqual([true, false, true, false]);
    expect(summary.members.probationary).toEqual({ total: 2, evaluated: 1 });
    expect(summary.errors).toEqual([
      expect.objectContaining({ code: 'E_FLAG_INVALID', row: 7, column: 'D', value: 'Tạm' }),
    ]);
  });
});

describe('the rule set: chosen by the year unless a setting names it', () => {
  test.each([
    [2023, undefined, 'qd124-hd25'],
    [2024, undefined, 'qd124-hd25'],
    [2025, undefined, 'qd366-hd43'],
    [2026, undefined, 'qd366-hd43'],
    [2024, 'qd366-hd43', 'qd366-hd43'],
    [2025, 'qd124-hd25', 'qd124-hd25'],
  ])('year %i, setting %p → %s', (year, id, expected) => {
    expect(ruleSetFor(year, id).id).toBe(expected);
  });

  test('`Quy định áp dụng` in `Thông tin` names the rule set; an unknown one is an error naming the row', () => {
    const members = [
      ['Họ và tên', 'Xếp loại', 'Điểm'],
      ['Lê Văn An', 'HTXSNV', 95],
    ];
    expect(analyzeOk(unit2025(members)).read.report.ruleSet).toBeUndefined();
    expect(analyzeOk(unit2025(members, [['Quy định áp dụng', 'QĐ 124-QĐ/TW']])).read.report.ruleSet).toBe(
      'qd124-hd25',
    );
    const unknown = analyzeOk(unit2025(members, [['Quy định áp dụng', 'QĐ 999']]));
    expect(unknown.read.report.ruleSet).toBeUndefined();
    expect(unknown.summary.errors).toEqual([
      expect.objectContaining({ code: 'E_INFO_INVALID', sheet: 'Thông tin', row: 4, value: 'QĐ 999' }),
    ]);
  });
});

describe('subordinate cells read with the 2025 columns', () => {
  test('reason “Mới thành lập” (in either column), discipline and score are read; a new cell is not an error', () => {
    const { read, summary } = analyzeOk(
      unit2025(
        [
          ['Họ và tên', 'Xếp loại'],
          ['Lê Văn An', 'HTTNV'],
        ],
        [],
        [
          ['Tên chi bộ', 'Xếp loại', 'Ngày thành lập', 'Lý do không xếp loại', 'Kỷ luật trong năm', 'Điểm'],
          ['Chi bộ thôn 1', 'HTTNV', '', '', '', 80],
          ['Chi bộ thôn 2', '', '01/10/2025', 'Mới thành lập', '', ''],
          ['Chi bộ thôn 3', 'Mới thành lập', '', '', '', ''],
          ['Chi bộ thôn 4', 'KHTNV', '', '', 'x', ''],
          ['Chi bộ thôn 5', '', '', 'Giải thể', '', ''],
        ],
      ),
    );
    expect(read.report.cells!.map(({ row: _row, ...c }) => c)).toEqual([
      { name: 'Chi bộ thôn 1', rating: 'good', score: 80 },
      { name: 'Chi bộ thôn 2', reason: 'newCell', foundedOn: '2025-10-01' },
      { name: 'Chi bộ thôn 3', reason: 'newCell' },
      { name: 'Chi bộ thôn 4', rating: 'notComplete', disciplined: true },
      { name: 'Chi bộ thôn 5' },
    ]);
    expect(summary.cells!.notRated.newCell).toBe(2);
    expect(summary.cells!.total).toBe(4);
    expect(summary.errors).toEqual([
      expect.objectContaining({ code: 'E_REASON_UNKNOWN', sheet: 'Chi bộ', row: 6, column: 'D' }),
    ]);
  });
});

describe('the superior workbook: Khối, score and the settings of the year', () => {
  const superior = (info: CellValue[][], rows: CellValue[][]): WorkbookData => ({
    sheets: [
      { name: 'Thông tin', rows: [['Mã tổ chức', 'XA'], ['Năm', 2025], ...info] },
      { name: 'Tổ chức cơ sở', rows: [['Mã đơn vị', 'Tên tổ chức', 'Khối', 'Xếp loại', 'Điểm'], ...rows] },
    ],
  });

  test('`Khối` and `Điểm` are read; settings rows set ratio, base and grouping', () => {
    const { data, issues } = readDistrictWorkbook(
      superior(
        [
          ['Tỷ lệ xuất sắc tối đa', '25%'],
          ['Tỷ lệ tính trên', 'Hoàn thành tốt nhiệm vụ trở lên'],
          ['Tính tỷ lệ theo khối', 'Không'],
          ['Quy định áp dụng', 'QĐ 366'],
        ],
        [['T01', 'Chi bộ thôn Đông', 'Thôn, tổ dân phố', 'HTXSNV', 92]],
      ),
    );
    expect(issues).toEqual([]);
    expect(data.settings).toEqual({
      ruleSet: 'qd366-hd43',
      organizationQuota: { ratio: 0.25, base: 'goodOrBetter', byGroup: false },
    });
    expect(data.organizations).toEqual([
      expect.objectContaining({ code: 'T01', group: 'Thôn, tổ dân phố', rating: 'excellent', score: 92 }),
    ]);
  });

  test('unreadable settings are errors naming the row; the defaults stay', () => {
    const { data, issues } = readDistrictWorkbook(
      superior(
        [
          ['Tỷ lệ xuất sắc tối đa', 'hai mươi'],
          ['Tỷ lệ tính trên', 'tất cả'],
        ],
        [],
      ),
    );
    expect(data.settings).toBeUndefined();
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ['E_INFO_INVALID', 3],
      ['E_INFO_INVALID', 4],
    ]);
  });
});

describe('the organization quota by group (Khối)', () => {
  const org = (code: string, group: string | undefined, rating: OrganizationRating['rating']) => ({
    code,
    name: code,
    group,
    rating,
  });
  // 3 excellent of 10 good pooled exceeds ⌊0,2 × 10⌋ = 2; within groups: 1 of 5 (max 1) and 2 of 5 (max 1).
  const ratings = (groupOf: (i: number) => string | undefined) => [
    ...Array.from({ length: 5 }, (_, i) => org(`A${i}`, groupOf(0), 'good')),
    ...Array.from({ length: 5 }, (_, i) => org(`B${i}`, groupOf(1), 'good')),
    org('A9', groupOf(0), 'excellent'),
    org('B8', groupOf(1), 'excellent'),
    org('B9', groupOf(1), 'excellent'),
  ];
  const quotaWarnings = (organizations: OrganizationRating[], byGroup?: boolean) =>
    consolidate([], {
      year: 2025,
      district: {
        organizations,
        assignedTargets: [],
        settings: byGroup === undefined ? undefined : { organizationQuota: { byGroup } },
      },
    });

  test('no group given: one pooled quota, as in the seed', () => {
    const result = quotaWarnings(ratings(() => undefined));
    expect(result.organizationGroups).toBeUndefined();
    expect(result.warnings.filter((w) => w.code === 'W_QUOTA_EXCEEDED').map((w) => w.message)).toEqual([
      'Có 3 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ 20% của số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (10): tối đa 2.',
    ]);
  });

  test('groups given: the quota applies within each group, naming it; a group within its quota is silent', () => {
    const result = quotaWarnings(ratings((i) => (i === 0 ? 'Xã, phường' : 'Doanh nghiệp')));
    expect(Object.keys(result.organizationGroups!)).toEqual(['Xã, phường', 'Doanh nghiệp']);
    expect(result.organizationGroups!['Doanh nghiệp']).toEqual(
      tallyRows(ratings(() => undefined).filter((o) => o.code.startsWith('B'))),
    );
    expect(result.warnings.filter((w) => w.code === 'W_QUOTA_EXCEEDED').map((w) => w.message)).toEqual([
      'Khối “Doanh nghiệp”: có 2 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ 20% của số tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (5): tối đa 1.',
    ]);
    expect(result.organizations!.counts.excellent).toBe(3);
  });

  test('the year may switch grouping off: the pooled quota applies again', () => {
    const result = quotaWarnings(
      ratings((i) => (i === 0 ? 'Xã, phường' : 'Doanh nghiệp')),
      false,
    );
    expect(result.organizationGroups).toBeUndefined();
    expect(result.warnings.map((w) => w.code)).toContain('W_QUOTA_EXCEEDED');
    expect(result.warnings.find((w) => w.code === 'W_QUOTA_EXCEEDED')!.message).toMatch(/^Có 3 /);
  });

  test('organizations without a group when others have one are counted under “Chưa ghi khối”', () => {
    const result = quotaWarnings([org('A', 'Xã, phường', 'good'), org('B', undefined, 'excellent')]);
    expect(Object.keys(result.organizationGroups!)).toEqual(['Xã, phường', 'Chưa ghi khối']);
  });
});
