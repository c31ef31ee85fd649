import type { RatingLevel } from '../../core';
import { allocate } from './allocate';
import { isTown, placeOf, type CatalogueUnit } from './catalogue';
import { villageNames } from './names';
import type { Random } from './random';
import { SEED_2023 } from './seed-figures';

export interface SubordinateCell {
  name: string;
  /** Villages gather the retired members; offices and schools only the working ones. */
  village: boolean;
  /** Relative number of members. */
  weight: number;
  foundedOn: string;
}

const MIN_COMMUNE_CELLS = 9;

/** Number of subordinate cells of each đảng bộ (0 for chi bộ cơ sở), 457 in all. */
export function cellCounts(units: CatalogueUnit[], sizes: number[]): number[] {
  const fixed = units.reduce((sum, u) => sum + (u.cells?.length ?? 0), 0);
  const communes = units.map((u) => u.category === 'commune');
  const communeCount = communes.filter(Boolean).length;
  const extra = allocate(
    SEED_2023.subordinateCells - fixed - MIN_COMMUNE_CELLS * communeCount,
    sizes.map((s, i) => (communes[i] ? s : 0)),
  );
  return units.map((u, i) => (communes[i] ? MIN_COMMUNE_CELLS + extra[i] : (u.cells?.length ?? 0)));
}

export function subordinateCells(unit: CatalogueUnit, count: number, random: Random): SubordinateCell[] {
  const founded = (from: number, to: number) =>
    isoDate(random.int(from, to), random.int(1, 12), random.int(1, 28));
  if (unit.category !== 'commune') {
    return (unit.cells ?? []).map((name) => ({
      name,
      village: false,
      weight: random.between(0.6, 1.4),
      foundedOn: founded(1975, 2015),
    }));
  }
  const place = placeOf(unit);
  const offices: SubordinateCell[] = [
    { name: 'Chi bộ Cơ quan', village: false, weight: 0.8, foundedOn: founded(1960, 1990) },
    { name: 'Chi bộ Quân sự', village: false, weight: 0.25, foundedOn: founded(1975, 2000) },
    { name: 'Chi bộ Công an', village: false, weight: 0.3, foundedOn: founded(1975, 2020) },
    { name: `Chi bộ Trường Mầm non ${place}`, village: false, weight: 0.3, foundedOn: founded(1985, 2010) },
    { name: `Chi bộ Trường Tiểu học ${place}`, village: false, weight: 0.35, foundedOn: founded(1980, 2005) },
    { name: `Chi bộ Trường THCS ${place}`, village: false, weight: 0.4, foundedOn: founded(1980, 2005) },
  ];
  const prefix = isTown(unit) ? 'Chi bộ khu' : 'Chi bộ thôn';
  const villages = villageNames(random, count - offices.length).map((name) => ({
    name: `${prefix} ${name}`,
    village: true,
    weight: random.between(0.7, 1.3),
    foundedOn: founded(1947, 1985),
  }));
  return [...offices, ...villages];
}

/** Plausible ratings of a unit's cells: mostly good, a sixth excellent at most (the quota holds). */
export function rateCells(count: number, random: Random, weak: boolean): RatingLevel[] {
  if (count === 0) return [];
  const notComplete = weak && count > 6 ? 1 : 0;
  const complete = Math.min(
    count - notComplete,
    random.int(0, Math.max(1, Math.round(count * 0.12))) + (weak ? 1 : 0),
  );
  const rest = count - notComplete - complete;
  const excellent = Math.max(0, Math.floor(rest / 6) - (random.chance(0.4) ? 1 : 0));
  const levels: RatingLevel[] = [
    ...Array<RatingLevel>(excellent).fill('excellent'),
    ...Array<RatingLevel>(rest - excellent).fill('good'),
    ...Array<RatingLevel>(complete).fill('complete'),
    ...Array<RatingLevel>(notComplete).fill('notComplete'),
  ];
  return random.shuffle(levels);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
