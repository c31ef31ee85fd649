/** The organization tree and consolidating at any level (design.md §2.8): mergers, inputs counted twice, children. */
import {
  buildOrgTree,
  consolidate,
  isWithin,
  levelsBottomUp,
  readDistrictWorkbook,
  subtreeCodes,
  treeFromSuperiors,
  unitsBelow,
  type Consolidation,
  type OrgNode,
  type UnitSummary,
} from '../../core';
import { analyzeOk, unitWorkbook, type MemberCells } from './workbooks';

function unit(code: string, members: MemberCells[], year = 2025): UnitSummary {
  return analyzeOk(unitWorkbook({ code, year, members })).summary;
}

const rated = (n: number, rating: string): MemberCells[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Đảng viên ${i + 1}`, rating }));

const node = (code: string, parent: string | null): OrgNode => ({ code, name: `Tổ chức ${code}`, parent });

describe('the organization tree', () => {
  const { tree, issues } = buildOrgTree([
    node('TINH', null),
    node('XA1', 'TINH'),
    node('XA2', 'TINH'),
    node('CB11', 'XA1'),
    node('CB12', 'XA1'),
    node('CB21', 'XA2'),
  ]);

  test('subtrees, units below, membership and the order levels are consolidated in', () => {
    expect(issues).toEqual([]);
    expect(tree.roots).toEqual(['TINH']);
    expect(subtreeCodes(tree, 'XA1')).toEqual(['XA1', 'CB11', 'CB12']);
    expect(unitsBelow(tree, 'TINH')).toEqual(['CB11', 'CB12', 'CB21']);
    expect(isWithin(tree, 'XA1', 'CB12')).toBe(true);
    expect(isWithin(tree, 'XA1', 'CB21')).toBe(false);
    expect(isWithin(tree, 'TINH', 'TINH')).toBe(true);
    expect(isWithin(tree, 'XA1', 'KHAC')).toBe(false);
    expect(levelsBottomUp(tree, 'TINH')).toEqual(['XA1', 'XA2', 'TINH']);
    expect(subtreeCodes(tree, 'KHAC')).toEqual([]);
  });

  test('a code given twice and a parent link that closes a cycle are reported and dropped', () => {
    const built = buildOrgTree([node('A', 'B'), node('B', 'A'), node('A', null), node('C', 'KHONG_CO')]);
    expect(built.issues.map((i) => [i.code, i.value])).toEqual([
      ['E_ORG_DUPLICATE', 'A'],
      ['E_ORG_CYCLE', 'A'],
    ]);
    expect(built.tree.roots).toEqual(['A', 'C']);
    expect(subtreeCodes(built.tree, 'A')).toEqual(['A', 'B']);
  });

  test('built from superior workbooks: Thông tin names the level, Tổ chức cơ sở its children', () => {
    const workbook = (code: string, rows: string[][]) =>
      readDistrictWorkbook({
        sheets: [
          {
            name: 'Thông tin',
            rows: [
              ['Mã tổ chức', code],
              ['Tên tổ chức', `Đảng ủy ${code}`],
              ['Cấp trên', 'Đảng bộ tỉnh Thử Nghiệm'],
              ['Năm', 2025],
              ['Địa danh', 'Hòa Bình'],
            ],
          },
          {
            name: 'Tổ chức cơ sở',
            rows: [['Mã đơn vị', 'Tên tổ chức', 'Loại hình', 'Khối', 'Xếp loại', 'Sáp nhập từ'], ...rows],
          },
        ],
      });
    const province = workbook('tinh', [
      ['XA1', 'Đảng ủy xã Một', '', 'Xã, phường', 'HTTNV', 'XA_CU1; xa_cu2'],
    ]);
    const commune = workbook('XA1', [['CB11', 'Chi bộ thôn Một', 'Chi bộ cơ sở', 'Thôn', 'HTXSNV', '']]);
    expect(province.issues).toEqual([]);
    expect(province.data.info).toEqual({
      code: 'TINH',
      name: 'Đảng ủy tinh',
      superior: 'Đảng bộ tỉnh Thử Nghiệm',
      year: 2025,
      place: 'Hòa Bình',
    });
    expect(province.data.organizations[0]).toMatchObject({
      code: 'XA1',
      group: 'Xã, phường',
      rating: 'good',
      mergedFrom: ['XA_CU1', 'XA_CU2'],
    });
    const { tree, issues } = treeFromSuperiors([commune.data, province.data]);
    expect(issues).toEqual([]);
    expect(tree.roots).toEqual(['TINH']);
    expect(subtreeCodes(tree, 'TINH')).toEqual(['TINH', 'XA1', 'CB11']);
    expect(tree.nodes.get('XA1')).toMatchObject({ parent: 'TINH', mergedFrom: ['XA_CU1', 'XA_CU2'] });
    expect(tree.nodes.get('CB11')).toMatchObject({ parent: 'XA1', group: 'Thôn', kind: 'Chi bộ cơ sở' });
  });
});

describe('mergers (Sáp nhập từ)', () => {
  // Last year: three communes that were grassroots units; this year one đảng ủy xã formed from them.
  const lastYear = consolidate(
    [
      unit('XA_CU1', [...rated(1, 'HTXSNV'), ...rated(3, 'HTTNV')], 2024),
      unit('XA_CU2', rated(4, 'HTTNV'), 2024),
      unit('XA_CU3', rated(2, 'HTNV'), 2024),
    ],
    { year: 2024 },
  );

  test('a unit’s change is against the sum of its predecessors; merged-away codes are never missing', () => {
    const district = {
      organizations: [
        { code: 'CB_MOI', name: 'Chi bộ mới', rating: 'good' as const, mergedFrom: ['XA_CU1', 'XA_CU2'] },
        { code: 'XA_CU3', name: 'Xã cũ Ba', rating: 'good' as const },
        // A stale row of a merged-away code: not expected to report.
        { code: 'XA_CU1', name: 'Xã cũ Một', rating: null },
      ],
      assignedTargets: [],
    };
    const result = consolidate(
      [unit('CB_MOI', [...rated(2, 'HTXSNV'), ...rated(8, 'HTTNV')]), unit('XA_CU3', rated(2, 'HTTNV'))],
      { year: 2025, district, previous: lastYear },
    );
    // CB_MOI: 20% excellent, 80% good now; its predecessors had 1 of 8 (12,5%) and 7 of 8 (87,5%).
    expect(result.byUnit[0].change).toEqual({ excellent: 7.5, good: -7.5, complete: 0, notComplete: 0 });
    expect(result.byUnit[0].mergedFrom).toEqual(['XA_CU1', 'XA_CU2']);
    // XA_CU3 kept its code: against itself (0% → 100% good).
    expect(result.byUnit[1].change).toEqual({ excellent: 0, good: 100, complete: -100, notComplete: 0 });
    expect(result.warnings.filter((w) => w.code === 'W_UNIT_MISSING')).toEqual([]);
    expect(result.children?.map((c) => [c.code, c.members === null])).toEqual([
      ['CB_MOI', false],
      ['XA_CU3', false],
    ]);
  });

  test('a level formed by merging: its total change is against the sum of its predecessors', () => {
    // Last year's district: the three communes and another one.
    const wider = consolidate([lastYear, unit('XA_KHAC', rated(10, 'HTNV'), 2024)], { year: 2024 });
    const result = consolidate([unit('CB_A', [...rated(1, 'HTXSNV'), ...rated(4, 'HTTNV')])], {
      year: 2025,
      organization: { code: 'XA_MOI', name: 'Đảng ủy xã Mới', mergedFrom: ['XA_CU1', 'XA_CU2', 'XA_CU3'] },
      previous: wider,
    });
    // Predecessors: 1 excellent, 7 good, 2 complete of 10 → 10%, 70%, 20%; now 20%, 80%, 0%.
    expect(result.change?.members).toEqual({ excellent: 10, good: 10, complete: -20, notComplete: 0 });
    // Without mergers the whole of last year's figures is the comparison.
    const plain = consolidate([unit('CB_A', rated(5, 'HTTNV'))], { year: 2025, previous: wider });
    expect(plain.change?.members.complete).toBe(-60);
  });

  describe('a commune consolidated without the list of the level above it', () => {
    const wider = consolidate([lastYear, unit('XA_KHAC', rated(10, 'HTNV'), 2024)], { year: 2024 });
    const commune = { code: 'XA_MOI', name: 'Đảng ủy xã Mới' };
    const ownList = (extra: { code: string; name: string; rating: 'complete' }[] = []) => ({
      organizations: [
        { code: 'CB_A', name: 'Chi bộ A', rating: 'good' as const, mergedFrom: ['XA_CU1'] },
        { code: 'CB_B', name: 'Chi bộ B', rating: 'good' as const, mergedFrom: ['XA_CU2'] },
        ...extra,
      ],
      assignedTargets: [],
    });
    const cbA = unit('CB_A', [...rated(1, 'HTXSNV'), ...rated(4, 'HTTNV')]);
    const cbB = unit('CB_B', rated(5, 'HTTNV'));
    const cbC = unit('CB_C', rated(2, 'HTNV'));

    test('compares with the predecessors of its own units, not with everything given as last year', () => {
      const result = consolidate([cbA, cbB], {
        year: 2025,
        district: ownList(),
        organization: commune,
        previous: wider,
      });
      // Now 1 excellent and 9 good of 10; XA_CU1 + XA_CU2 had 1 excellent and 7 good of 8 (12,5% and 87,5%).
      expect(result.change?.members).toEqual({ excellent: -2.5, good: 2.5, complete: 0, notComplete: 0 });
      expect(result.comparedWith).toEqual(['XA_CU1', 'XA_CU2']);
      expect(result.warnings.filter((w) => w.code === 'W_CHANGE_UNAVAILABLE')).toEqual([]);
    });

    test('a unit with no figures last year and no Sáp nhập từ: no total comparison, and a warning naming it', () => {
      const result = consolidate([cbA, cbB, cbC], {
        year: 2025,
        district: ownList([{ code: 'CB_C', name: 'Chi bộ C', rating: 'complete' }]),
        organization: commune,
        previous: wider,
      });
      expect(result.change).toBeNull();
      expect(result.development ?? null).toBeNull();
      const warnings = result.warnings.filter((w) => w.code === 'W_CHANGE_UNAVAILABLE');
      expect(warnings).toHaveLength(1);
      expect(warnings[0].message).toContain('Không so sánh được Đảng ủy xã Mới (XA_MOI) với năm trước');
      expect(warnings[0].message).toContain('không rõ CB_C được hình thành');
      // The units that can be compared still are.
      expect(result.byUnit.map((u) => [u.code, u.change !== null])).toEqual([
        ['CB_A', true],
        ['CB_B', true],
        ['CB_C', false],
      ]);

      // The level above, whose list says what the commune was formed from, compares it.
      const province = consolidate([result], {
        year: 2025,
        organization: { code: 'TINH', name: 'Tỉnh ủy' },
        district: {
          organizations: [{ ...commune, rating: 'good', mergedFrom: ['XA_CU1', 'XA_CU2', 'XA_CU3'] }],
          assignedTargets: [],
        },
        previous: wider,
      });
      // Now 1 excellent, 9 good, 2 complete of 12; the three former communes had 1, 7, 2 of 10.
      const expected = { excellent: -1.67, good: 5, complete: -3.33, notComplete: 0 };
      expect(province.change?.members).toEqual(expected);
      expect(province.children?.[0].change).toEqual(expected);
      // The commune's own warning is answered there; a list that does not say keeps it.
      const unavailable = (c: Consolidation) => c.warnings.filter((w) => w.code === 'W_CHANGE_UNAVAILABLE');
      expect(unavailable(province)).toEqual([]);
      const unsaid = consolidate([result], {
        year: 2025,
        organization: { code: 'TINH', name: 'Tỉnh ủy' },
        district: { organizations: [{ ...commune, rating: 'good' }], assignedTargets: [] },
        previous: wider,
      });
      expect(unavailable(unsaid).map((w) => w.value)).toEqual(['XA_MOI', 'TINH']);
    });
  });
});

describe('consolidating consolidations', () => {
  const communeA = consolidate([unit('CB1', rated(3, 'HTTNV')), unit('CB2', rated(2, 'HTXSNV'))], {
    year: 2025,
    organization: { code: 'XA1', name: 'Đảng ủy xã Một' },
  });

  test('a unit counted directly and inside a lower level’s consolidation is an error naming both', () => {
    const result = consolidate([communeA, unit('CB2', rated(1, 'HTNV'))], {
      year: 2025,
      sources: ['xa1.json', 'cb2.xlsx'],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'E_UNIT_DUPLICATE',
        value: 'CB2',
        message:
          'Đơn vị CB2 được tính hai lần: trong xa1.json và trong cb2.xlsx. Chỉ tổng hợp xa1.json; hãy bỏ một trong hai.',
      }),
    ]);
    expect(result.members.total).toBe(5);
    // Without file names the inputs are named by what they are.
    const unnamed = consolidate([unit('CB2', rated(1, 'HTNV')), communeA], { year: 2025 });
    expect(unnamed.errors[0].message).toBe(
      'Đơn vị CB2 được tính hai lần: trong báo cáo của đơn vị CB2 và trong báo cáo tổng hợp của Đảng ủy xã Một (XA1). ' +
        'Chỉ tổng hợp báo cáo của đơn vị CB2; hãy bỏ một trong hai.',
    );
  });

  test('children: units and lower levels, and the listed ones that sent nothing, flagged', () => {
    const result = consolidate([communeA, unit('CB9', rated(1, 'HTNV'))], {
      year: 2025,
      district: {
        organizations: [
          { code: 'XA1', name: 'Đảng ủy xã Một', rating: 'good' },
          { code: 'XA2', name: 'Đảng ủy xã Hai', rating: null },
          { code: 'CB9', name: 'Chi bộ Chín', rating: 'complete' },
        ],
        assignedTargets: [],
      },
    });
    expect(result.children?.map((c) => [c.code, c.isUnit, c.units, c.members?.total ?? null])).toEqual([
      ['XA1', false, 2, 5],
      ['CB9', true, 1, 1],
      ['XA2', true, 0, null],
    ]);
    expect(result.warnings.filter((w) => w.code === 'W_UNIT_MISSING').map((w) => w.value)).toEqual(['XA2']);
    expect(result.units.codes).toEqual(['CB1', 'CB2', 'CB9']);
    expect(result.byUnit.map((u) => u.code)).toEqual(['CB1', 'CB2', 'CB9']);
  });
});
