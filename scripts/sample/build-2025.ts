import { lessThanSixMonths, type RatingLevel } from '../../core';
import { sampleUnitPeople, type UnitPeople } from './build';
import { rateCells } from './cells';
import type { AssignedLine } from './district-workbook';
import { form2025, type Form2025 } from './form-2025';
import { seededRandom, type Random } from './random';
import { admissionPlan, isExempt, newCards, nextRoll, type Roll } from './rolls';
import { sheetStyle } from './sheet-style';
import { rateRoster, scoreBand, type Member, type Standing } from './standing';
import { superiorWorkbook, type OrganizationEntry } from './superior-workbook';
import {
  buildTree,
  COMMUNE_GROUP,
  COMMUNE_KIND,
  COMMUNES,
  FORMER_DISTRICT,
  formerUnitCodes,
  GROUPS,
  PROVINCE,
  type Unit2025,
} from './tree-2025';
import { unitWorkbook, type TargetLine } from './unit-workbook';
import { unitWorkbook2025, type CellStanding } from './unit-workbook-2025';
import type { SampleWorkbook } from './write-xlsx';

export interface ProvinceUnit {
  code: string;
  name: string;
  /** Rows on the member sheet. */
  members: number;
  /** The superior organization (a commune's code in 2025, the district's in 2024). */
  parent: string;
  workbook: SampleWorkbook;
}

export interface ProvinceYear {
  year: 2025 | 2024;
  units: ProvinceUnit[];
  /** The superior levels' workbooks: the province's and each commune's in 2025, the district's in 2024. */
  superiors: { code: string; workbook: SampleWorkbook }[];
}

export interface ProvinceSample {
  years: ProvinceYear[];
}

const ADMISSIONS = 'KET_NAP_DANG_VIEN';
const SELF_CORRECTED_NOTE = 'Tự phát hiện và khắc phục xong hậu quả';

interface UnitYearRows {
  rows: { member: Member; standing: Standing }[];
  admissions: { target: number | null; admitted: number };
}

/**
 * The 2025 season under QĐ 366 (a thành ủy over three communes formed on 1/7/2025, ~100 grassroots
 * organizations) and 2024 under QĐ 124 (the former communes and organizations they were formed from, as the
 * district had them). The members are the 2023 sample's, a year and two years on.
 */
export function buildProvinceSample(): ProvinceSample {
  const people = new Map(sampleUnitPeople().map((u) => [u.plan.unit.code, u]));
  const of = (code: string) => people.get(code)!;
  const tree = buildTree((code) => of(code).cells);

  const cards2024 = newCards(2024);
  const year2024 = new Map<string, UnitYearRows>();
  for (const code of formerUnitCodes()) year2024.set(code, roll2024(of(code), cards2024));

  const lastRolls = new Map<string, Roll>(tree.units.map((u) => [u.code, []]));
  for (const [code, { rows }] of year2024) {
    rows.forEach(({ member, standing }, i) => {
      const to = tree.route(code, member.cell, i);
      if (to)
        lastRolls.get(to.unit)!.push({ member: { ...member, cell: to.cell }, exempt: isExempt(standing) });
    });
  }
  const cards2025 = newCards(2025);
  const year2025 = new Map<string, UnitYearRows>();
  for (const unit of tree.units) {
    const random = seededRandom(`xeploai-sample/2025/unit/${unit.code}`);
    const last = lastRolls.get(unit.code)!;
    const admissions = admissionPlan(last.length, random);
    const cells = unit.cells.map((c) => c.name);
    const roll = nextRoll(last, 2025, random, admissions.admitted, cells, cards2025);
    const standings = rateRoster(roll, 2025, random, { scored: true });
    const rows = roll.map(({ member }, i) => ({ member, standing: standings[i] }));
    rows.sort((a, b) => cells.indexOf(a.member.cell ?? '') - cells.indexOf(b.member.cell ?? ''));
    year2025.set(unit.code, { rows, admissions });
  }
  const forms = new Map(tree.units.map((u, i) => [u.code, form2025(i)]));
  addDeliberateCases(tree.units, year2025, forms);

  return { years: [sample2025(tree.units, year2025, forms), sample2024(year2024, (code) => of(code))] };
}

function roll2024(unit: UnitPeople, nextCard: () => string): UnitYearRows {
  const random = seededRandom(`xeploai-sample/2024/unit/${unit.plan.unit.code}`);
  const last: Roll = unit.people.map((p) => ({
    member: { name: p.name, card: p.card, birthDate: p.birthDate, admittedOn: p.admittedOn, cell: p.cell },
    exempt: 'reason' in p.years[2023]!.status && p.years[2023]!.status.reason === 'exempt',
  }));
  const admissions = admissionPlan(last.length, random);
  const villages = unit.cells.filter((c) => c.village).map((c) => c.name);
  const roll = nextRoll(last, 2024, random, admissions.admitted, villages, nextCard);
  const standings = rateRoster(roll, 2024, random, { scored: false });
  return { rows: roll.map(({ member }, i) => ({ member, standing: standings[i] })), admissions };
}

function sample2024(year: Map<string, UnitYearRows>, of: (code: string) => UnitPeople): ProvinceYear {
  const random = seededRandom('xeploai-sample/2024/district');
  const units: ProvinceUnit[] = [];
  const organizations: OrganizationEntry[] = [];
  const assigned: AssignedLine[] = [];
  for (const [code, { rows, admissions }] of year) {
    const { plan, cells } = of(code);
    const cellRatings = rateCells(cells.length, random, false);
    const workbook = unitWorkbook(
      {
        unit: plan.unit,
        year: 2024,
        people: rows.map(({ member, standing }) => ({
          ...member,
          years: { 2024: { ...standing, groups: [] } },
        })),
        cells: cells.map((cell, i) => ({ cell, rating: cellRatings[i] })),
        targets: targetLines(admissions),
      },
      sheetStyle(code),
    );
    units.push({ code, name: plan.unit.name, members: rows.length, parent: FORMER_DISTRICT.code, workbook });
    organizations.push({
      code,
      name: plan.unit.name,
      kind: plan.unit.kind,
      group: null,
      rating: 'good',
      score: null,
      mergedFrom: [],
    });
    if (admissions.target !== null)
      assigned.push({ unit: code, code: ADMISSIONS, target: admissions.target });
  }
  rateOrganizations(organizations, (code) => year.get(code)!.rows, random, { grouped: false });
  const district = superiorWorkbook({ ...FORMER_DISTRICT, year: 2024 }, organizations, assigned);
  return { year: 2024, units, superiors: [{ code: FORMER_DISTRICT.code, workbook: district }] };
}

function sample2025(
  units: Unit2025[],
  year: Map<string, UnitYearRows>,
  forms: Map<string, Form2025>,
): ProvinceYear {
  const random = seededRandom('xeploai-sample/2025/superiors');
  const written: ProvinceUnit[] = [];
  const superiors: ProvinceYear['superiors'] = [];
  const communeEntries: OrganizationEntry[] = [];
  const provinceAssigned: AssignedLine[] = [];
  for (const commune of COMMUNES) {
    const name = `Đảng ủy xã ${commune.place}`;
    const own = units.filter((u) => u.commune === commune.code);
    const organizations: OrganizationEntry[] = [];
    const assigned: AssignedLine[] = [];
    const cellsOf = new Map<string, CellStanding[]>();
    for (const unit of own) {
      const { rows, admissions } = year.get(unit.code)!;
      const cells = rateCells2025(unit, random);
      cellsOf.set(unit.code, cells);
      written.push({
        code: unit.code,
        name: unit.name,
        members: rows.length,
        parent: commune.code,
        workbook: unitWorkbook2025(
          {
            unit,
            year: 2025,
            unitTitle: `Đảng bộ xã ${commune.place}`,
            rows,
            cells,
            targets: targetLines(admissions),
          },
          forms.get(unit.code)!,
        ),
      });
      organizations.push({
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        group: unit.group,
        rating: 'good',
        score: null,
        mergedFrom: unit.mergedFrom.filter((code) => code !== unit.code),
      });
      if (admissions.target !== null)
        assigned.push({ unit: unit.code, code: ADMISSIONS, target: admissions.target });
    }
    rateOrganizations(organizations, (code) => year.get(code)!.rows, random, {
      grouped: true,
      notExcellent: new Set(
        own.filter((u) => cellsOf.get(u.code)!.some((c) => c.rating === 'notComplete')).map((u) => u.code),
      ),
      overQuotaGroup: commune.code === 'X-CHUONGMY' ? GROUPS.enterprise : null,
    });
    if (commune.code === 'X-QUANGBI') for (const o of organizations) o.score = null;
    else for (const o of organizations) o.score = organizationScore(o.rating, random);
    superiors.push({
      code: commune.code,
      workbook: superiorWorkbook(
        {
          code: commune.code,
          name,
          superior: 'Đảng bộ thành phố Hà Nội',
          year: 2025,
          place: commune.place,
        },
        organizations,
        assigned,
      ),
    });
    communeEntries.push({
      code: commune.code,
      name: `Đảng bộ xã ${commune.place}`,
      kind: COMMUNE_KIND,
      group: COMMUNE_GROUP,
      rating: 'good',
      score: random.int(78, 88),
      // All of last year's organizations whose members it now has: its change compares like with like.
      mergedFrom: formerUnitCodes(commune),
    });
    provinceAssigned.push({
      unit: commune.code,
      code: ADMISSIONS,
      target: assigned.reduce((sum, a) => sum + a.target, 0),
    });
  }
  superiors.unshift({
    code: PROVINCE.code,
    workbook: superiorWorkbook({ ...PROVINCE, year: 2025 }, communeEntries, provinceAssigned),
  });
  return { year: 2025, units: written, superiors };
}

function targetLines(admissions: UnitYearRows['admissions']): TargetLine[] {
  return admissions.target !== null || admissions.admitted > 0
    ? [{ code: ADMISSIONS, target: admissions.target, actual: admissions.admitted }]
    : [];
}

/** A đảng bộ's cells in 2025: those founded less than six months before 31/12 not rated, the others scored. */
function rateCells2025(unit: Unit2025, random: Random): CellStanding[] {
  const old = unit.cells.filter((c) => !lessThanSixMonths(c.foundedOn, '2025-12-31'));
  const levels = rateCells(old.length, random, false);
  let next = 0;
  return unit.cells.map((cell, i): CellStanding => {
    if (lessThanSixMonths(cell.foundedOn, '2025-12-31'))
      return { ...cell, rating: null, reason: 'Mới thành lập', score: null, disciplined: false };
    const disciplined = unit.code === 'DB39' && i === unit.cells.length - 1;
    const rating: RatingLevel = disciplined ? 'notComplete' : levels[next++];
    return { ...cell, rating, reason: '', score: disciplined ? 45 : bandScore(rating, random), disciplined };
  });
}

function bandScore(rating: RatingLevel, random: Random): number {
  return {
    excellent: random.int(90, 96),
    good: random.int(72, 88),
    complete: random.int(55, 68),
    notComplete: 40,
  }[rating];
}

function organizationScore(rating: RatingLevel, random: Random): number {
  const score = bandScore(rating, random);
  if (scoreBand(score) !== rating) throw new Error(`score ${score} outside the band of ${rating}`);
  return score;
}

/**
 * The superior's rating of its organizations: by member results, in each group (or all together) at most
 * ⌊0,2 × good⌋ excellent, the weakest of a large group complete; `overQuotaGroup` gets one excellent too many.
 */
function rateOrganizations(
  organizations: OrganizationEntry[],
  rowsOf: (code: string) => UnitYearRows['rows'],
  random: Random,
  options: { grouped: boolean; notExcellent?: Set<string>; overQuotaGroup?: string | null },
): void {
  const quality = (code: string) => {
    const rated = rowsOf(code).flatMap(({ standing }) =>
      'rating' in standing.status ? [standing.status.rating] : [],
    );
    const share = (level: RatingLevel) => rated.filter((r) => r === level).length / Math.max(1, rated.length);
    return share('excellent') - 3 * share('notComplete') + random.between(0, 0.05);
  };
  const groups = new Map<string, OrganizationEntry[]>();
  for (const o of organizations) {
    const key = options.grouped ? (o.group ?? '') : '';
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const [group, members] of groups) {
    const ranked = members
      .map((o) => ({ o, q: quality(o.code) }))
      .sort((a, b) => b.q - a.q)
      .map(({ o }) => o);
    const complete = ranked.length >= 10 ? 1 : 0;
    if (complete) ranked[ranked.length - 1].rating = 'complete';
    let excellent = 0;
    while (excellent + 1 <= Math.floor((ranked.length - complete - excellent - 1) / 5)) excellent++;
    if (group === options.overQuotaGroup) excellent++;
    for (const o of ranked.filter((o) => !options.notExcellent?.has(o.code)).slice(0, excellent))
      o.rating = 'excellent';
  }
}

/**
 * Rows that trip the new warnings on purpose, as real files have them: a discipline exception with its note,
 * a rating below the score's band with no note, a pending member with no note, a mistyped label, and a unit
 * over its 20% quota. Each in a unit whose form has the column it needs.
 */
function addDeliberateCases(
  units: Unit2025[],
  year: Map<string, UnitYearRows>,
  forms: Map<string, Form2025>,
): void {
  const villages = (commune: string) =>
    units.filter((u) => u.commune === commune && u.group === GROUPS.village).map((u) => u.code);
  const schools = (commune: string) =>
    units.filter((u) => u.commune === commune && u.group === GROUPS.school).map((u) => u.code);
  const ratedPlain = (code: string, level: RatingLevel) =>
    year
      .get(code)!
      .rows.filter(
        ({ standing: s }) =>
          'rating' in s.status &&
          s.status.rating === level &&
          !s.probationary &&
          !s.disciplined &&
          !s.sickLeave,
      )
      .map((r) => r.standing);
  const reform = (code: string, change: Partial<Form2025>) =>
    forms.set(code, { ...forms.get(code)!, ...change });

  const exception = villages('X-CHUONGMY')[0];
  reform(exception, { selfCorrectedColumn: true });
  Object.assign(ratedPlain(exception, 'complete')[0], {
    disciplined: true,
    selfCorrected: true,
    score: 66,
    note: SELF_CORRECTED_NOTE,
  });

  const below = villages('X-XUANMAI')[0];
  reform(below, { score: 'total' });
  Object.assign(ratedPlain(below, 'good')[0], { score: 91, note: '' });

  const pending = villages('X-QUANGBI')[0];
  Object.assign(ratedPlain(pending, 'complete')[0], { status: { reason: 'pending' }, score: null, note: '' });

  const typo = schools('X-CHUONGMY')[1];
  reform(typo, { layout: 'single', ratings: 'label' });
  ratedPlain(typo, 'good')[0].typo = true;

  const overQuota = villages('X-XUANMAI')[1];
  const goods = ratedPlain(overQuota, 'good');
  const count = (level: RatingLevel) =>
    year.get(overQuota)!.rows.filter(({ standing: s }) => 'rating' in s.status && s.status.rating === level)
      .length;
  for (const standing of goods) {
    if (count('excellent') > Math.floor(count('good') / 5)) break;
    Object.assign(standing, { status: { rating: 'excellent' }, score: 93 });
  }
}
