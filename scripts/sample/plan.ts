import { allocate, sum } from './allocate';
import { CATALOGUE, type CatalogueUnit } from './catalogue';
import { seededRandom, type Random } from './random';
import {
  PLAN_2022,
  PLAN_2023,
  QUOTA_EXCEEDING_UNITS,
  SEED_2023,
  type LevelCounts,
  type YearPlan,
} from './seed-figures';

/** How many members of a unit are in each status in one year. */
export interface UnitYearCounts {
  rated: LevelCounts;
  exempt: number;
  suspended: number;
  pending: number;
  newMember: number;
}

export interface UnitPlan {
  unit: CatalogueUnit;
  /** Members on the 2023 roster; the 2022 roster is the same people less those admitted in 2023. */
  size: number;
  /** Admission target assigned by the district for 2023 (null: none assigned) and admissions made. */
  admissionTarget: number | null;
  admitted: number;
  /** Admitted in January–June 2023: already rated in 2023. */
  admittedFirstHalf: number;
  /** Admitted in July–December 2022: rated in 2023, `newMember` in 2022. */
  admittedLate2022: number;
  /** Exempt in 2023 but still rated in 2022. */
  exemptSince2023: number;
  years: Record<2023 | 2022, UnitYearCounts>;
}

const isCommune = (unit: CatalogueUnit) => unit.category === 'commune';
const isHighSchool = (unit: CatalogueUnit) => unit.category === 'highSchool' && unit.name.includes('THPT');
/** The commune the district rates only "Hoàn thành nhiệm vụ" in 2023: more members rated low. */
export const WEAKEST_UNIT_2023 = 'DB13';

/** Every unit's counts for both years, summing exactly to the seed's figures (PLAN_2023, PLAN_2022). */
export function planUnits(): UnitPlan[] {
  const random = seededRandom('xeploai-sample/plan');
  const units = CATALOGUE;
  const sizes = unitSizes(units, random, PLAN_2023.members);
  const { targets, admitted } = admissions(units, sizes, random);

  const highSchoolNew = sum(units.map((u, i) => (isHighSchool(u) ? admitted[i] : 0)));
  const otherNew = allocate(
    PLAN_2023.newMember - highSchoolNew,
    units.map((u, i) => (isHighSchool(u) ? 0 : admitted[i])),
    admitted,
  );
  const newMember = units.map((u, i) => (isHighSchool(u) ? admitted[i] : otherNew[i]));
  const jitter = (low: number, high: number) => units.map(() => random.between(low, high));

  const exemptJitter = jitter(0.75, 1.25);
  const exempt = allocate(
    PLAN_2023.exempt,
    units.map((u, i) => (isCommune(u) ? sizes[i] * exemptJitter[i] : 0)),
    sizes.map((s) => Math.floor(s * 0.25)),
  );
  const suspended = allocate(
    PLAN_2023.suspended,
    units.map((u, i) => (isCommune(u) ? sizes[i] * random.next() : 0)),
    units.map(() => 1),
  );
  const pendingJitter = jitter(0.5, 1.5);
  const pending = allocate(
    PLAN_2023.pending,
    sizes.map((s, i) => s * pendingJitter[i]),
    sizes.map((s) => Math.floor(s / 40)),
  );
  const rated2023 = sizes.map((s, i) => s - exempt[i] - suspended[i] - pending[i] - newMember[i]);
  const admittedFirstHalf = admitted.map((a, i) => a - newMember[i]);
  const levels2023 = rateUnits(units, rated2023, PLAN_2023, random, 2);

  const admittedLate2022 = allocate(
    PLAN_2022.newMember,
    units.map((u, i) => (isHighSchool(u) ? 0 : (targets[i] ?? 0.3) * random.between(0.6, 1.4))),
    units.map((_, i) => Math.max(0, levels2023[i].good + levels2023[i].complete - admittedFirstHalf[i] - 1)),
  );
  const exemptSince2023 = allocate(PLAN_2023.exempt - PLAN_2022.exempt, exempt, exempt);
  const suspended2022 = allocate(
    PLAN_2022.suspended,
    units.map((u, i) => (isCommune(u) && !suspended[i] ? levels2023[i].notComplete : 0)),
    units.map(() => 1),
  );
  const pending2022 = allocate(
    PLAN_2022.pending,
    sizes.map((s) => s * random.between(0.5, 1.5)),
    sizes.map((s) => Math.floor(s / 40)),
  );
  const rated2022 = sizes.map(
    (s, i) =>
      s -
      admitted[i] -
      (exempt[i] - exemptSince2023[i]) -
      admittedLate2022[i] -
      suspended2022[i] -
      pending2022[i],
  );
  const levels2022 = rateUnits(units, rated2022, PLAN_2022, random, 1);

  return units.map((unit, i) => ({
    unit,
    size: sizes[i],
    admissionTarget: targets[i],
    admitted: admitted[i],
    admittedFirstHalf: admittedFirstHalf[i],
    admittedLate2022: admittedLate2022[i],
    exemptSince2023: exemptSince2023[i],
    years: {
      2023: {
        rated: levels2023[i],
        exempt: exempt[i],
        suspended: suspended[i],
        pending: pending[i],
        newMember: newMember[i],
      },
      2022: {
        rated: levels2022[i],
        exempt: exempt[i] - exemptSince2023[i],
        suspended: suspended2022[i],
        pending: pending2022[i],
        newMember: admittedLate2022[i],
      },
    },
  }));
}

/** Non-commune units get a size in their range; the communes share the rest of the total. */
function unitSizes(units: CatalogueUnit[], random: Random, total: number): number[] {
  const nominal = units.map((u) => random.int(u.size[0], u.size[1]));
  const fixed = sum(units.map((u, i) => (isCommune(u) ? 0 : nominal[i])));
  const communes = allocate(
    total - fixed,
    units.map((u, i) => (isCommune(u) ? nominal[i] : 0)),
  );
  return units.map((u, i) => (isCommune(u) ? communes[i] : nominal[i]));
}

/** Targets (sum 205) for every đảng bộ and high school; admissions (sum 218) around them, plus two units without a target. */
function admissions(
  units: CatalogueUnit[],
  sizes: number[],
  random: Random,
): { targets: (number | null)[]; admitted: number[] } {
  const assigned = units.map((u) => u.kind === 'Đảng bộ cơ sở' || isHighSchool(u));
  const weights = units.map((u, i) =>
    !assigned[i] ? 0 : isCommune(u) ? (sizes[i] / 55) * random.between(0.8, 1.2) : isHighSchool(u) ? 2 : 1,
  );
  const count = assigned.filter(Boolean).length;
  const extra = allocate(SEED_2023.admissionTarget - count, weights);
  const targets = units.map((_, i) => (assigned[i] ? extra[i] + 1 : null));
  const withoutTarget = ['CB15', 'CB17'];
  const made = allocate(
    SEED_2023.admitted - withoutTarget.length,
    targets.map((t) => (t === null ? 0 : t * random.between(0.85, 1.3))),
  );
  const admitted = units.map((u, i) => made[i] + (withoutTarget.includes(u.code) ? 1 : 0));
  return { targets, admitted };
}

/** Rating counts per unit summing to the year's plan; the excellent ones within each unit's 20% quota except the chosen few. */
function rateUnits(
  units: CatalogueUnit[],
  rated: number[],
  plan: YearPlan,
  random: Random,
  overQuota: number,
): LevelCounts[] {
  const weak = units.map((u) => (u.code === WEAKEST_UNIT_2023 && plan.year === 2023 ? 4 : 1));
  const notComplete = allocate(
    plan.rated.notComplete,
    units.map((u, i) => rated[i] * (isCommune(u) ? 1.2 : 0.5) * random.between(0.5, 1.5) * weak[i]),
    rated.map((r, i) => Math.floor(r * (weak[i] > 1 ? 0.08 : 0.035))),
  );
  const complete = allocate(
    plan.rated.complete,
    units.map((_, i) => rated[i] * random.between(0.5, 1.5) * (weak[i] > 1 ? 2 : 1)),
    rated.map((r) => Math.floor(r * 0.3)),
  );
  const rest = rated.map((r, i) => r - notComplete[i] - complete[i]);
  const exceeding = units.map((u) => QUOTA_EXCEEDING_UNITS.includes(u.code));
  const quotaCap = rest.map((r) => Math.floor(r / 6));
  const forced = sum(units.map((_, i) => (exceeding[i] ? quotaCap[i] + overQuota : 0)));
  const excellent = allocate(
    plan.rated.excellent - forced,
    units.map((_, i) => (exceeding[i] ? 0 : quotaCap[i] * random.between(0.8, 1))),
    quotaCap,
  ).map((e, i) => (exceeding[i] ? quotaCap[i] + overQuota : e));
  return units.map((_, i) => ({
    excellent: excellent[i],
    good: rest[i] - excellent[i],
    complete: complete[i],
    notComplete: notComplete[i],
  }));
}
