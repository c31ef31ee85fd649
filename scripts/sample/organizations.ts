import type { RatingLevel } from '../../core';
import { WEAKEST_UNIT_2023, type UnitPlan } from './plan';
import type { Random } from './random';
import { OTHER_TARGETS, PLAN_2022, PLAN_2023 } from './seed-figures';

export interface OrganizationLine {
  code: string;
  name: string;
  kind: string;
  rating: RatingLevel;
}

const WEAK_IN_2022 = OTHER_TARGETS.find((t) => t.code === 'CUNG_CO_TCCS_YEU_KEM')!.rows.map(([code]) => code);

/** The district's 2023 rating of the 85 organizations: the best member results excellent, the weakest commune complete. */
export function organizations2023(plans: UnitPlan[], random: Random): OrganizationLine[] {
  const target = PLAN_2023.organizations;
  const ranked = rank(plans, 2023, random).filter((p) => p.unit.code !== WEAKEST_UNIT_2023);
  const excellent = new Set(ranked.slice(0, target.excellent).map((p) => p.unit.code));
  return plans.map((p) => ({
    ...line(p),
    rating:
      p.unit.code === WEAKEST_UNIT_2023 ? 'complete' : excellent.has(p.unit.code) ? 'excellent' : 'good',
  }));
}

/**
 * 2022: the 85 organizations plus 143 more, so the seed's changes in organization shares come out (see PLAN_2022).
 * The four communes consolidated in 2023 were rated complete in 2022.
 */
export function organizations2022(plans: UnitPlan[], random: Random): OrganizationLine[] {
  const target = PLAN_2022.organizations;
  const realComplete = WEAK_IN_2022.length + 1;
  const realExcellent = 14;
  const ranked = rank(plans, 2022, random);
  const others = ranked.filter((p) => !WEAK_IN_2022.includes(p.unit.code));
  const excellent = new Set(others.slice(0, realExcellent).map((p) => p.unit.code));
  const complete = new Set([
    ...WEAK_IN_2022,
    ...others.slice(-(realComplete - WEAK_IN_2022.length)).map((p) => p.unit.code),
  ]);
  const real: OrganizationLine[] = plans.map((p) => ({
    ...line(p),
    rating: complete.has(p.unit.code) ? 'complete' : excellent.has(p.unit.code) ? 'excellent' : 'good',
  }));
  const extraCount = sumLevels(target) - real.length;
  const extraLevels = random.shuffle([
    ...Array<RatingLevel>(target.excellent - realExcellent).fill('excellent'),
    ...Array<RatingLevel>(target.complete - realComplete).fill('complete'),
    ...Array<RatingLevel>(target.notComplete).fill('notComplete'),
  ]);
  while (extraLevels.length < extraCount) extraLevels.push('good');
  const extra: OrganizationLine[] = random.shuffle(extraLevels).map((rating, i) => {
    const number = String(i + 1).padStart(3, '0');
    return {
      code: `SN${number}`,
      name: `Đảng bộ xã đã sáp nhập số ${number}`,
      kind: 'Đảng bộ cơ sở',
      rating,
    };
  });
  return [...real, ...extra];
}

function line(p: UnitPlan): Omit<OrganizationLine, 'rating'> {
  return { code: p.unit.code, name: p.unit.name, kind: p.unit.kind };
}

/** Best member results first: share excellent, less three times the share not complete, plus chance. */
function rank(plans: UnitPlan[], year: 2023 | 2022, random: Random): UnitPlan[] {
  const score = new Map(
    plans.map((p) => {
      const r = p.years[year].rated;
      const evaluated = sumLevels(r);
      return [p.unit.code, (r.excellent - 3 * r.notComplete) / evaluated + random.between(0, 0.04)];
    }),
  );
  return [...plans].sort((a, b) => score.get(b.unit.code)! - score.get(a.unit.code)!);
}

function sumLevels(counts: Record<RatingLevel, number>): number {
  return counts.excellent + counts.good + counts.complete + counts.notComplete;
}
