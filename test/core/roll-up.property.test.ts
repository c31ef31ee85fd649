/**
 * design.md §2.8: a level's consolidation is an input of the level above, and rolling up level by level gives
 * exactly the figures of consolidating every unit below flat. Random trees of depth 1–4, random units.
 */
import fc from 'fast-check';
import {
  checkUnitReport,
  consolidate,
  consolidateTree,
  emptyCounts,
  foldText,
  shareChange,
  summarizeUnit,
  tallyFromCounts,
  type AssignedTarget,
  type Consolidation,
  type DistrictData,
  type MemberRow,
  type OrganizationRating,
  type TargetRow,
  type UnitReport,
  type UnitSummary,
} from '../../core';

const YEAR = 2025;
const RATINGS = ['excellent', 'good', 'complete', 'notComplete'] as const;
const REASONS = ['exempt', 'suspended', 'newMember', 'pending'] as const;
const GROUPS = ['Đoàn viên thanh niên', 'ĐOÀN VIÊN THANH NIÊN', 'Cán bộ diện quản lý', 'Học sinh THPT'];
const INDICATORS = ['KET_NAP_DANG_VIEN', 'KET_NAP_HS_THPT', 'CT_RIENG'];
const KINDS = ['Đảng bộ cơ sở', 'Chi bộ cơ sở'];
const BLOCKS = ['Xã, phường', 'Doanh nghiệp', 'Trường học'];

/** A tree as generated: levels hold children; units hold a report. */
type Spec = { level: true; children: Spec[] } | { level: false; report: UnitSpec };
interface UnitSpec {
  members: MemberRow[];
  cells: { rating: (typeof RATINGS)[number] | null }[] | null;
  targets: TargetRow[];
  kind: string;
}

const memberArb: fc.Arbitrary<MemberRow> = fc
  .record({
    rating: fc.option(fc.constantFrom(...RATINGS), { nil: undefined }),
    reason: fc.constantFrom(...REASONS),
    groups: fc.subarray(GROUPS, { maxLength: 2 }),
  })
  .map(({ rating, reason, groups }) => ({
    name: 'Đảng viên',
    ...(rating ? { rating } : { reason }),
    ...(groups.length ? { groups } : {}),
  }));

const targetArb: fc.Arbitrary<TargetRow[]> = fc.subarray(INDICATORS).chain((codes) =>
  fc.tuple(
    ...codes.map((code) =>
      fc.record({
        code: fc.constant(code),
        name: fc.constant(''),
        target: fc.option(fc.nat(50), { nil: null }),
        actual: fc.option(fc.nat(60), { nil: null }),
      }),
    ),
  ),
);

const unitArb: fc.Arbitrary<Spec> = fc
  .record({
    members: fc.array(memberArb, { maxLength: 12 }),
    cells: fc.option(fc.array(fc.record({ rating: fc.option(fc.constantFrom(...RATINGS), { nil: null }) })), {
      nil: null,
    }),
    targets: targetArb,
    kind: fc.constantFrom(...KINDS, ''),
  })
  .map((report) => ({ level: false as const, report }));

const specArb = (depth: number): fc.Arbitrary<Spec> =>
  depth === 1
    ? fc
        .array(unitArb, { minLength: 1, maxLength: 3 })
        .map((children) => ({ level: true as const, children }))
    : fc
        .array(fc.oneof(unitArb, specArb(depth - 1)), { minLength: 1, maxLength: 3 })
        .map((children) => ({ level: true as const, children }));

/** A tree with codes, a consolidation-ready summary per unit, each level's own list and assignments. */
interface Node {
  code: string;
  children: Node[];
  summary: UnitSummary | null;
  district: DistrictData;
}

const levelDataArb = (children: string[]) =>
  fc.record({
    ratings: fc.tuple(...children.map(() => fc.option(fc.constantFrom(...RATINGS), { nil: null }))),
    blocks: fc.tuple(...children.map(() => fc.constantFrom(...BLOCKS))),
    assigned: fc.subarray(children.flatMap((c) => INDICATORS.map((code) => [c, code] as const))),
    amounts: fc.array(fc.nat(80), { minLength: children.length * INDICATORS.length }),
  });

function build(spec: Spec, code: string, data: fc.GeneratorValue, merged: Map<string, string[]>): Node {
  if (!spec.level) {
    const { members, cells, targets, kind } = spec.report;
    const report: UnitReport = {
      year: YEAR,
      unit: { code, name: `Đơn vị ${code}`, kind },
      members,
      targets,
      ...(cells
        ? {
            cells: cells.map((c, i) => ({
              name: `Chi bộ ${i + 1}`,
              ...(c.rating ? { rating: c.rating } : {}),
            })),
          }
        : {}),
    };
    return { code, children: [], summary: summarizeUnit(report, checkUnitReport(report)), district: empty() };
  }
  const children = spec.children.map((child, i) => build(child, `${code}.${i + 1}`, data, merged));
  const codes = children.map((c) => c.code);
  const own = data(() => levelDataArb(codes));
  const organizations: OrganizationRating[] = children.map((child, i) => ({
    code: child.code,
    name: `Tổ chức ${child.code}`,
    rating: own.ratings[i],
    group: own.blocks[i],
    ...(merged.has(child.code) ? { mergedFrom: merged.get(child.code) } : {}),
  }));
  const assignedTargets: AssignedTarget[] = own.assigned.map(([unit, indicator], i) => ({
    unit,
    code: indicator,
    target: own.amounts[i],
  }));
  return { code, children, summary: null, district: { organizations, assignedTargets } };
}

const empty = (): DistrictData => ({ organizations: [], assignedTargets: [] });
const units = (node: Node): Node[] => (node.summary ? [node] : node.children.flatMap(units));
const levels = (node: Node): Node[] => (node.summary ? [] : [node, ...node.children.flatMap(levels)]);

function rollUp(node: Node, previous: Consolidation | null): Consolidation {
  return consolidate(
    node.children.map((child) => child.summary ?? rollUp(child, previous)),
    {
      year: YEAR,
      district: node.district,
      organization: { code: node.code, name: `Tổ chức ${node.code}` },
      previous,
    },
  );
}

/**
 * Targets computed independently, top down: a target assigned to an organization stands for everything below
 * it; where none was assigned, the organizations below count, down to the units' own plans.
 */
function expectedTargets(root: Node): Map<string, { target: number | null; actual: number | null }> {
  const result = new Map<string, { target: number | null; actual: number | null }>();
  const add = (code: string, field: 'target' | 'actual', value: number | null) => {
    const entry = result.get(code) ?? { target: null, actual: null };
    if (value !== null) entry[field] = (entry[field] ?? 0) + value;
    result.set(code, entry);
  };
  const visit = (node: Node, assignedAbove: Set<string>) => {
    if (node.summary) {
      for (const row of node.summary.targets) {
        add(row.code, 'target', assignedAbove.has(row.code) ? null : row.target);
        add(row.code, 'actual', row.actual);
      }
      return;
    }
    for (const child of node.children) {
      const here = node.district.assignedTargets.filter((a) => a.unit === child.code);
      for (const a of here) add(a.code, 'target', assignedAbove.has(a.code) ? null : a.target);
      visit(child, new Set([...assignedAbove, ...here.map((a) => a.code)]));
    }
  };
  visit(root, new Set());
  return result;
}

const height = (node: Node): number =>
  node.summary ? 0 : 1 + Math.max(...node.children.map((child) => height(child)));

/**
 * Each organization's rating counted in its own tier, computed independently: the tier is how many levels are
 * below the organization rated (0: a grassroots unit). Index 0 is `organizations`, index k the k-th tier above.
 */
function expectedTiers(root: Node): (Record<string, number> | null)[] {
  const tiers: (Record<string, number> | null)[] = Array.from({ length: height(root) }, () => null);
  const visit = (node: Node) => {
    node.children.forEach((child, i) => {
      const tier = height(child);
      const counts = (tiers[tier] ??= Object.fromEntries(RATINGS.map((r) => [r, 0])));
      const rating = node.district.organizations[i].rating;
      if (rating) counts[rating]++;
      visit(child);
    });
  };
  visit(root);
  return tiers;
}

const byCode = <T extends { code: string }>(list: T[]) =>
  [...list].sort((a, b) => a.code.localeCompare(b.code));
const byFoldedKey = (groups: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(groups).map(([label, tally]) => [foldText(label), tally]));

describe('rolling up level by level equals the flat consolidation', () => {
  test('for random trees of depth 1–4 and random unit data, key by key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((depth) => specArb(depth)),
        fc.gen(),
        fc.array(fc.array(memberArb, { maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        (spec, data, previousMembers) => {
          // Last year: units with old codes, some of which this year's units were formed from.
          const oldCodes = previousMembers.map((_, i) => `CU${i + 1}`);
          const previousYear = consolidate(
            previousMembers.map((members, i) => {
              const report: UnitReport = {
                year: YEAR - 1,
                unit: { code: oldCodes[i], name: oldCodes[i] },
                members,
              };
              return summarizeUnit(report, []);
            }),
            { year: YEAR - 1 },
          );
          const merged = new Map<string, string[]>();
          const root = build(spec, 'T', data, merged);
          // Mergers are decided after the codes exist: some units formed from old codes.
          for (const unit of units(root)) {
            const from = data(() => fc.subarray(oldCodes, { maxLength: Math.min(2, oldCodes.length) }));
            if (from.length) merged.set(unit.code, from);
          }
          for (const level of levels(root)) {
            for (const org of level.district.organizations) {
              if (merged.has(org.code)) org.mergedFrom = merged.get(org.code);
            }
          }

          const rolled = rollUp(root, previousYear);
          const flat = consolidate(
            units(root).map((u) => u.summary!),
            {
              year: YEAR,
              district: {
                organizations: levels(root).flatMap((l) => l.district.organizations),
                assignedTargets: [],
              },
              organization: { code: 'T', name: 'Tổ chức T' },
              previous: previousYear,
            },
          );

          expect(rolled.year).toBe(flat.year);
          expect(rolled.units.count).toBe(flat.units.count);
          expect([...rolled.units.codes].sort()).toEqual([...flat.units.codes].sort());
          expect(rolled.units.byKind).toEqual(flat.units.byKind);
          expect(rolled.members).toEqual(flat.members);
          expect(byFoldedKey(rolled.groups)).toEqual(byFoldedKey(flat.groups));
          expect(rolled.cells).toEqual(flat.cells);
          // Organizations: each tier apart, as computed independently, and the same given every level's list at once.
          const tiers = expectedTiers(root);
          expect(rolled.organizations?.counts ?? null).toEqual(tiers[0]);
          expect((rolled.upperOrganizations ?? []).map((t) => t.organizations?.counts ?? null)).toEqual(
            tiers.slice(1),
          );
          const allLists = consolidateTree(
            units(root).map((u) => u.summary!),
            levels(root).map((l) => ({
              ...l.district,
              info: { code: l.code, name: `Tổ chức ${l.code}`, superior: null, year: YEAR, place: null },
            })),
            { year: YEAR, previous: previousYear },
          );
          for (const key of [
            'organizations',
            'organizationGroups',
            'upperOrganizations',
            'targets',
            'change',
          ] as const)
            expect({ [key]: allLists[key] }).toEqual({ [key]: rolled[key] });
          expect(byCode(rolled.byUnit)).toEqual(byCode(flat.byUnit));
          expect(rolled.change).toEqual(flat.change);
          expect(rolled.development).toEqual(flat.development);
          const expected = expectedTargets(root);
          expect(
            Object.fromEntries(rolled.targets.map((t) => [t.code, { target: t.target, actual: t.actual }])),
          ).toEqual(Object.fromEntries(expected));
          // The flat consolidation has the same actuals (its targets would need every level's assignments).
          const actuals = (c: Consolidation) =>
            c.targets.filter((t) => t.actual !== null).map((t) => [t.code, t.actual]);
          expect(actuals(rolled)).toEqual(actuals(flat));
          // And each unit's change is against the sum of its predecessors' figures last year (or its own).
          for (const unit of rolled.byUnit) {
            const before = previousYear.byUnit.filter((u) =>
              (merged.get(unit.code) ?? [unit.code]).includes(u.code),
            );
            const sum = emptyCounts();
            for (const u of before) {
              for (const level of RATINGS) sum.counts[level] += u.members.counts[level];
              for (const reason of REASONS) sum.notRated[reason] += u.members.notRated[reason];
            }
            expect(unit.change).toEqual(
              before.length ? shareChange(unit.members, tallyFromCounts(sum)) : null,
            );
          }
        },
      ),
      { numRuns: 80, endOnFailure: true },
    );
  });
});
