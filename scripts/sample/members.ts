import type { NotRatedReason, RatingLevel } from '../../core';
import type { SubordinateCell } from './cells';
import { isoDate } from './cells';
import { personName, type Sex } from './names';
import type { UnitPlan } from './plan';
import type { Random } from './random';
import { CITY_CADRES, CITY_CADRE_GROUP, STUDENT_GROUP, YOUTH_GROUP } from './seed-figures';

export type SampleYear = 2023 | 2022;
export const SAMPLE_YEARS: SampleYear[] = [2023, 2022];

export type Status = { rating: RatingLevel } | { reason: NotRatedReason };

export interface YearEntry {
  status: Status;
  disciplined: boolean;
  sickLeave: boolean;
  groups: string[];
  note: string;
}

export interface Person {
  name: string;
  card: string;
  birthDate: string;
  admittedOn: string;
  cell: string | null;
  years: Partial<Record<number, YearEntry>>;
}

/** How a member came in: decides age, admission date and who is on last year's roster. */
type Entry = 'elder' | 'ordinary' | 'early2023' | 'late2023' | 'late2022';

interface Draft {
  entry: Entry;
  status2023: Status;
  cadre: boolean;
  status2022?: Status;
  person?: Person;
}

const rated = (rating: RatingLevel): Status => ({ rating });
const notRated = (reason: NotRatedReason): Status => ({ reason });
const ratingOf = (status: Status): RatingLevel | null => ('rating' in status ? status.rating : null);

/** The unit's members with their status in both years, matching the unit plan's counts exactly. */
export function buildPeople(
  plan: UnitPlan,
  cells: SubordinateCell[],
  random: Random,
  nextCard: () => string,
): Person[] {
  const counts = plan.years[2023];
  const drafts: Draft[] = [];
  const add = (n: number, entry: Entry, status: Status) => {
    for (let i = 0; i < n; i++) drafts.push({ entry, status2023: status, cadre: false });
  };
  add(counts.exempt, 'elder', notRated('exempt'));
  add(counts.suspended, 'ordinary', notRated('suspended'));
  add(counts.pending, 'ordinary', notRated('pending'));
  add(counts.newMember, 'late2023', notRated('newMember'));
  for (const level of ['excellent', 'good', 'complete', 'notComplete'] as const)
    add(counts.rated[level], 'ordinary', rated(level));

  const ordinaryWith = (...levels: RatingLevel[]) =>
    random.shuffle(
      drafts.filter((d) => d.entry === 'ordinary' && !d.cadre && levels.includes(ratingOf(d.status2023)!)),
    );
  for (const d of ordinaryWith('good', 'complete').slice(0, plan.admittedFirstHalf)) d.entry = 'early2023';
  for (const d of ordinaryWith('good', 'complete').slice(0, plan.admittedLate2022)) d.entry = 'late2022';
  const [cadreExcellent, cadreGood] = CITY_CADRES[plan.unit.code] ?? [0, 0];
  for (const d of ordinaryWith('excellent').slice(0, cadreExcellent)) d.cadre = true;
  for (const d of ordinaryWith('good').slice(0, cadreGood)) d.cadre = true;

  const order = random.shuffle(drafts);
  for (const d of order) d.person = describePerson(d, plan, cells, random, nextCard);
  assign2022(order, plan, random);
  for (const d of order) {
    const person = d.person!;
    person.years[2023] = yearEntry(d, d.status2023, 2023, plan, random);
    if (d.status2022) person.years[2022] = yearEntry(d, d.status2022, 2022, plan, random);
  }
  const cellIndex = new Map(cells.map((c, i) => [c.name, i]));
  return order
    .map((d) => d.person!)
    .sort((a, b) => (cellIndex.get(a.cell ?? '') ?? 0) - (cellIndex.get(b.cell ?? '') ?? 0));
}

/** Last year's status: the same people less the 2023 admissions, rated by this year's standing plus chance. */
function assign2022(drafts: Draft[], plan: UnitPlan, random: Random): void {
  const counts = plan.years[2022];
  const onRoster = drafts.filter((d) => d.entry !== 'early2023' && d.entry !== 'late2023');
  const elders = random.shuffle(onRoster.filter((d) => d.entry === 'elder'));
  elders.slice(plan.exemptSince2023).forEach((d) => (d.status2022 = notRated('exempt')));
  for (const d of onRoster) if (d.entry === 'late2022') d.status2022 = notRated('newMember');
  const free = (d: Draft) => !d.status2022 && d.entry === 'ordinary' && !d.cadre;
  const lowRated = random.shuffle(
    onRoster.filter((d) => free(d) && ['notComplete', 'complete'].includes(ratingOf(d.status2023) ?? '')),
  );
  lowRated.slice(0, counts.suspended).forEach((d) => (d.status2022 = notRated('suspended')));
  random
    .shuffle(onRoster.filter((d) => free(d) && ratingOf(d.status2023) !== null))
    .slice(0, counts.pending)
    .forEach((d) => (d.status2022 = notRated('pending')));

  const standing: Record<string, number> = { excellent: 3, good: 2, complete: 1, notComplete: 0 };
  const quality = (d: Draft) => {
    const level = ratingOf(d.status2023);
    let q = level
      ? standing[level]
      : d.entry === 'elder'
        ? 1
        : 'reason' in d.status2023 && d.status2023.reason === 'pending'
          ? 1.6
          : 0.3;
    q += random.between(0, 1.6);
    if (d.cadre) q += 0.6;
    if (d.person!.admittedOn >= '2022-01-01') q -= 1.5;
    return q;
  };
  const pool = onRoster.filter((d) => !d.status2022).map((d) => ({ d, q: quality(d) }));
  pool.sort((a, b) => b.q - a.q);
  const levels = (['excellent', 'good', 'complete', 'notComplete'] as const).flatMap((level) =>
    Array<RatingLevel>(counts.rated[level]).fill(level),
  );
  if (levels.length !== pool.length)
    throw new Error(`${plan.unit.code}: ${pool.length} members to rate in 2022, plan says ${levels.length}`);
  pool.forEach(({ d }, i) => (d.status2022 = rated(levels[i])));
}

function describePerson(
  d: Draft,
  plan: UnitPlan,
  cells: SubordinateCell[],
  random: Random,
  nextCard: () => string,
): Person {
  const { category } = plan.unit;
  const maleShare = {
    commune: 0.6,
    highSchool: 0.3,
    agency: 0.5,
    armed: 0.88,
    health: 0.35,
    enterprise: 0.55,
  }[category];
  const sex: Sex =
    d.entry === 'late2023' && category === 'highSchool'
      ? random.chance(0.4)
        ? 'male'
        : 'female'
      : random.chance(maleShare)
        ? 'male'
        : 'female';
  const day = () => random.int(1, 28);
  let birthYear: number;
  let admittedOn: string;
  if (d.entry === 'elder') {
    birthYear = random.int(1928, 1950);
    admittedOn = isoDate(Math.min(1990, birthYear + random.int(18, 35)), random.int(1, 12), day());
  } else if (d.entry === 'late2023') {
    const student = category === 'highSchool';
    birthYear = student ? 2005 : random.int(1986, 2003);
    admittedOn = isoDate(
      2023,
      student ? random.int(10, 12) : random.int(7, 12),
      student ? random.int(1, 20) : day(),
    );
  } else if (d.entry === 'early2023') {
    birthYear = random.int(1985, 2002);
    admittedOn = isoDate(2023, random.int(1, 6), day());
  } else if (d.entry === 'late2022') {
    birthYear = random.int(1984, 2001);
    admittedOn = isoDate(2022, random.int(7, 12), day());
  } else {
    birthYear = d.cadre ? random.int(1966, 1980) : ordinaryBirthYear(category, random);
    const year = random.int(Math.min(2022, birthYear + 19), Math.min(2022, birthYear + 40));
    admittedOn = isoDate(year, year === 2022 ? random.int(1, 6) : random.int(1, 12), day());
  }
  const birthMonth =
    d.entry === 'late2023' && category === 'highSchool' ? random.int(1, 9) : random.int(1, 12);
  const villages = cells.filter((c) => c.village);
  const choices = d.entry === 'elder' && villages.length ? villages : cells;
  return {
    name: personName(random, sex),
    card: nextCard(),
    birthDate: isoDate(birthYear, birthMonth, day()),
    admittedOn,
    cell: choices.length ? random.weighted(choices.map((c) => [c.name, c.weight] as const)) : null,
    years: {},
  };
}

function ordinaryBirthYear(category: UnitPlan['unit']['category'], random: Random): number {
  switch (category) {
    case 'commune':
      return random.chance(0.55) ? random.int(1945, 1965) : random.int(1966, 1998);
    case 'armed':
      return random.int(1968, 2000);
    default:
      return random.int(1964, 1998);
  }
}

const EXEMPT_NOTES = ['Tuổi cao, sức yếu', 'Tuổi cao', 'Đảng viên lão thành', 'Ốm đau thường xuyên'];
const PENDING_NOTES = [
  'Đi làm ăn xa',
  'Đi lao động ở nước ngoài',
  'Đang điều trị bệnh dài ngày',
  'Đi học dài hạn',
];

function yearEntry(d: Draft, status: Status, year: SampleYear, plan: UnitPlan, random: Random): YearEntry {
  const person = d.person!;
  const entry: YearEntry = { status, disciplined: false, sickLeave: false, groups: [], note: '' };
  const level = ratingOf(status);
  if (level === 'notComplete' && random.chance(0.5)) {
    entry.disciplined = true;
    entry.note = random.pick(['Kỷ luật khiển trách', 'Kỷ luật cảnh cáo']);
  } else if (
    (level === 'complete' && random.chance(0.12)) ||
    (level === 'notComplete' && random.chance(0.3))
  ) {
    entry.sickLeave = true;
    entry.note = 'Nghỉ ốm dài ngày';
  } else if ('reason' in status) {
    entry.note = {
      exempt: random.pick(EXEMPT_NOTES),
      pending: random.pick(PENDING_NOTES),
      suspended: 'Đình chỉ sinh hoạt đảng, chờ xem xét kỷ luật',
      newMember: 'Đảng viên dự bị',
    }[status.reason];
  } else if (person.admittedOn >= `${year}-01-01`) entry.note = 'Đảng viên dự bị';

  if (d.cadre) entry.groups.push(CITY_CADRE_GROUP);
  const student = d.entry === 'late2023' && plan.unit.category === 'highSchool' && year === 2023;
  if (student) entry.groups.push(STUDENT_GROUP);
  const age = year - Number(person.birthDate.slice(0, 4));
  if (student || (age <= 30 && isYouthMember(person))) entry.groups.push(YOUTH_GROUP);
  return entry;
}

/** Most young members are also youth-union members; the same ones every year. */
function isYouthMember(person: Person): boolean {
  return Number(person.card.slice(-1)) % 4 !== 0;
}
