import type { RatingLevel, WorkbookData } from '../../core';
import { cellCounts, rateCells, subordinateCells, type SubordinateCell } from './cells';
import { districtWorkbook, type AssignedLine } from './district-workbook';
import { buildPeople, SAMPLE_YEARS, type Person, type SampleYear } from './members';
import { organizations2022, organizations2023 } from './organizations';
import { planUnits, WEAKEST_UNIT_2023, type UnitPlan } from './plan';
import { seededRandom, type Random } from './random';
import { OTHER_TARGETS } from './seed-figures';
import { sheetStyle } from './sheet-style';
import { unitWorkbook, type TargetLine } from './unit-workbook';

export interface SampleUnit {
  code: string;
  name: string;
  /** Rows on the member sheet. */
  members: number;
  workbook: WorkbookData;
}

export interface SampleYearData {
  year: SampleYear;
  units: SampleUnit[];
  district: WorkbookData;
}

export interface SampleData {
  years: SampleYearData[];
}

const ADMISSIONS = 'KET_NAP_DANG_VIEN';

export interface UnitPeople {
  plan: UnitPlan;
  cells: SubordinateCell[];
  people: Person[];
  cellRatings: Record<2023 | 2022, RatingLevel[]>;
}

let unitPeople: UnitPeople[] | null = null;

/** Every unit's plan, cells and members of 2022–2023 (computed once; callers must not change them). */
export function sampleUnitPeople(): UnitPeople[] {
  if (unitPeople) return unitPeople;
  const plans = planUnits();
  const counts = cellCounts(
    plans.map((p) => p.unit),
    plans.map((p) => p.size),
  );
  const weakIn2022 = OTHER_TARGETS.find((t) => t.code === 'CUNG_CO_TCCS_YEU_KEM')!.rows.map(([code]) => code);
  unitPeople = plans.map((plan, index) => {
    const random = seededRandom(`xeploai-sample/unit/${plan.unit.code}`);
    const cells = subordinateCells(plan.unit, counts[index], random);
    const people = buildPeople(plan, cells, random, cardNumbers(index, plan.size, random));
    const cellRatings = {
      2023: rateCells(cells.length, random, plan.unit.code === WEAKEST_UNIT_2023),
      2022: rateCells(cells.length, random, weakIn2022.includes(plan.unit.code)),
    };
    return { plan, cells, people, cellRatings };
  });
  return unitPeople;
}

/** Every workbook of the sample, in memory (pure and deterministic: no clock, no Math.random). */
export function buildSample(): SampleData {
  const units = sampleUnitPeople();
  const plans = units.map((u) => u.plan);
  const targets = targetLines(plans);
  const random = seededRandom('xeploai-sample/district');
  const organizations = { 2023: organizations2023(plans, random), 2022: organizations2022(plans, random) };

  return {
    years: SAMPLE_YEARS.map((year) => ({
      year,
      units: units.map(({ plan, cells, people, cellRatings }) => ({
        code: plan.unit.code,
        name: plan.unit.name,
        members: people.filter((p) => p.years[year]).length,
        workbook: unitWorkbook(
          {
            unit: plan.unit,
            year,
            people,
            cells: cells.map((cell, i) => ({ cell, rating: cellRatings[year][i] })),
            targets: year === 2023 ? (targets.get(plan.unit.code) ?? []) : [],
          },
          sheetStyle(plan.unit.code),
        ),
      })),
      district: districtWorkbook(year, organizations[year], year === 2023 ? assignedLines(targets) : []),
    })),
  };
}

/** Party card numbers, unique in the whole sample: each unit draws from its own block of numbers. */
function cardNumbers(unitIndex: number, size: number, random: Random): () => string {
  let next = 100000 + unitIndex * 10000;
  const step = Math.max(1, Math.floor(9000 / size));
  return () => {
    next += random.int(1, step);
    return `01${String(next).padStart(6, '0')}`;
  };
}

/** Each unit's `Chỉ tiêu` rows for 2023: admissions (target and actual) and the seed's other indicators. */
function targetLines(plans: UnitPlan[]): Map<string, TargetLine[]> {
  const lines = new Map<string, TargetLine[]>();
  const add = (unit: string, line: TargetLine) => lines.set(unit, [...(lines.get(unit) ?? []), line]);
  for (const p of plans) {
    if (p.admissionTarget !== null || p.admitted > 0)
      add(p.unit.code, { code: ADMISSIONS, target: p.admissionTarget, actual: p.admitted });
  }
  for (const { code, rows } of OTHER_TARGETS) {
    for (const [unit, target, actual] of rows) add(unit, { code, target, actual });
  }
  const admitted = new Map(plans.map((p) => [p.unit.code, p.admitted]));
  for (const [unit, target, actual] of OTHER_TARGETS.find((t) => t.code === 'DN_KET_NAP_DANG_VIEN')!.rows) {
    if (actual > admitted.get(unit)!)
      throw new Error(
        `${unit}: ${actual} admitted in enterprises of ${admitted.get(unit)} (target ${target})`,
      );
  }
  return lines;
}

function assignedLines(targets: Map<string, TargetLine[]>): AssignedLine[] {
  return [...targets.entries()].flatMap(([unit, lines]) =>
    lines.filter((l) => l.target !== null).map((l) => ({ unit, code: l.code, target: l.target! })),
  );
}
