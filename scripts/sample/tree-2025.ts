import type { UnitKind } from '../../core';
import { CATALOGUE, placeOf, type CatalogueUnit } from './catalogue';
import type { SubordinateCell } from './cells';

/** The groups (`Khối`) a đảng ủy xã sorts its grassroots organizations into for the 20% quota. */
export const GROUPS = {
  village: 'Thôn, tổ dân phố',
  school: 'Trường học',
  agency: 'Cơ quan',
  enterprise: 'Doanh nghiệp',
  armed: 'Lực lượng vũ trang',
} as const;
export type Group = (typeof GROUPS)[keyof typeof GROUPS];

export const COMMUNE_GROUP = 'Xã, phường';
export const COMMUNE_KIND = 'Đảng bộ xã';

/** The level above the communes (a tỉnh ủy / thành ủy): the sample takes three of its communes. */
export const PROVINCE = {
  code: 'TU-HANOI',
  name: 'Thành ủy Hà Nội',
  superior: 'Ban Chấp hành Trung ương Đảng',
  place: 'Hà Nội',
} as const;

/** The district whose communes were merged on 1/7/2025: the 2024 data is its. */
export const FORMER_DISTRICT = {
  code: 'HU-CHUONGMY',
  name: 'Huyện ủy Chương Mỹ',
  superior: 'Đảng bộ thành phố Hà Nội',
  place: 'Chương Mỹ',
} as const;

export interface CommuneSpec {
  code: string;
  /** "Chương Mỹ" in "Đảng ủy xã Chương Mỹ". */
  place: string;
  /** Two letters that start its units' codes. */
  prefix: string;
  /** The former communes (2024 units of the district) it was formed from. */
  formedFrom: string[];
  /** 2024 grassroots organizations of the district that now belong to it, under their own code. */
  continuing: string[];
  /** 2024 organizations merged into one new organization of the commune. */
  merged: { name: string; group: Group; from: string[] }[];
}

/** Three communes formed on 1/7/2025, each of three former communes of Chương Mỹ district. */
export const COMMUNES: CommuneSpec[] = [
  {
    code: 'X-CHUONGMY',
    place: 'Chương Mỹ',
    prefix: 'CM',
    formedFrom: ['DB01', 'DB20', 'DB27'],
    continuing: ['CB01', 'CB35', 'CB37', 'CB41'],
    merged: [
      {
        name: 'Chi bộ Trung tâm Văn hóa, Thông tin và Thể thao xã Chương Mỹ',
        group: GROUPS.agency,
        from: ['CB19', 'CB30'],
      },
    ],
  },
  {
    code: 'X-XUANMAI',
    place: 'Xuân Mai',
    prefix: 'XM',
    formedFrom: ['DB02', 'DB24', 'DB16'],
    continuing: ['DB39', 'CB04', 'CB44'],
    merged: [
      {
        name: 'Chi bộ các doanh nghiệp cơ khí, vật liệu xây dựng Xuân Mai',
        group: GROUPS.enterprise,
        from: ['CB34', 'CB39'],
      },
    ],
  },
  {
    code: 'X-QUANGBI',
    place: 'Quảng Bị',
    prefix: 'QB',
    formedFrom: ['DB21', 'DB28', 'DB14'],
    continuing: ['CB42'],
    merged: [
      {
        name: 'Chi bộ Trung tâm Dịch vụ nông nghiệp xã Quảng Bị',
        group: GROUPS.agency,
        from: ['CB25', 'CB32'],
      },
    ],
  },
];

/** The date the new communes and their organizations came into being. */
export const REORGANIZED_ON = '2025-07-01';

export interface Unit2025 {
  code: string;
  name: string;
  kind: UnitKind;
  group: Group;
  commune: string;
  /** Last year's codes it continues or was merged from (its own code when it continues). */
  mergedFrom: string[];
  /** Subordinate cells of a đảng bộ cơ sở, with their founding dates. */
  cells: { name: string; foundedOn: string }[];
}

/** Where a 2024 member goes in 2025: a unit and, in a đảng bộ, a cell; null when the member leaves the tree. */
export type Route = { unit: string; cell: string | null } | null;

export interface Tree2025 {
  units: Unit2025[];
  route(formerUnit: string, formerCell: string | null, index: number): Route;
}

const AGENCY_CELLS: [string, string][] = [
  ['Chi bộ Văn phòng Đảng ủy', REORGANIZED_ON],
  ['Chi bộ Văn phòng HĐND và UBND', REORGANIZED_ON],
  ['Chi bộ Phòng Kinh tế', '2025-06-20'],
  ['Chi bộ Phòng Văn hóa – Xã hội', REORGANIZED_ON],
  ['Chi bộ Trung tâm Phục vụ hành chính công', '2025-08-15'],
];

export function catalogueUnit(code: string): CatalogueUnit {
  const unit = CATALOGUE.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code} in the catalogue`);
  return unit;
}

/** The 2024 units whose members are in a commune (or in the whole 2025 tree): former communes, continuing and merged organizations. */
export function formerUnitCodes(commune?: CommuneSpec): string[] {
  return (commune ? [commune] : COMMUNES).flatMap((c) => [
    ...c.formedFrom,
    ...c.continuing,
    ...c.merged.flatMap((m) => m.from),
  ]);
}

/**
 * The grassroots organizations of 2025: a former commune's village cells become chi bộ cơ sở (town "khu" as
 * "tổ dân phố"), its schools keep their cells as chi bộ cơ sở, the three offices merge into one đảng bộ of the
 * commune's agencies with new cells, the military cells into one, and the police leave for the province's police.
 */
export function buildTree(cellsOf: (formerUnit: string) => SubordinateCell[]): Tree2025 {
  const units: Unit2025[] = [];
  const routes = new Map<string, string | 'agency'>();
  const agencyOf = new Map<string, Unit2025>();
  for (const commune of COMMUNES) {
    let next = 0;
    const code = () => `${commune.prefix}${String(++next).padStart(2, '0')}`;
    const add = (unit: Omit<Unit2025, 'commune' | 'code'> & { code?: string }) => {
      const full = { ...unit, code: unit.code ?? code(), commune: commune.code };
      units.push(full);
      return full;
    };
    const agency = add({
      name: `Đảng bộ Cơ quan Đảng – Chính quyền xã ${commune.place}`,
      kind: 'Đảng bộ cơ sở',
      group: GROUPS.agency,
      mergedFrom: [],
      cells: AGENCY_CELLS.map(([name, foundedOn]) => ({ name, foundedOn })),
    });
    const armed = add({
      name: `Chi bộ Quân sự xã ${commune.place}`,
      kind: 'Chi bộ cơ sở',
      group: GROUPS.armed,
      mergedFrom: [],
      cells: [],
    });
    const schools: [string, string][] = [];
    const villages: [string, string, string][] = [];
    for (const former of commune.formedFrom) {
      agencyOf.set(former, agency);
      const place = placeOf(catalogueUnit(former));
      for (const cell of cellsOf(former)) {
        const key = `${former}/${cell.name}`;
        if (cell.village)
          villages.push([key, cell.name.replace(/^Chi bộ khu /, 'Chi bộ tổ dân phố '), place]);
        else if (cell.name.includes('Trường')) schools.push([key, cell.name]);
        else if (cell.name === 'Chi bộ Cơ quan') routes.set(key, 'agency');
        else if (cell.name === 'Chi bộ Quân sự') routes.set(key, armed.code);
      }
    }
    for (const [key, name] of schools) {
      const unit = add({ name, kind: 'Chi bộ cơ sở', group: GROUPS.school, mergedFrom: [], cells: [] });
      routes.set(key, unit.code);
    }
    const names = villages.map(([, name]) => name);
    for (const [key, name, place] of villages) {
      const unique = names.filter((n) => n === name).length === 1 ? name : `${name} (${place} cũ)`;
      const unit = add({
        name: unique,
        kind: 'Chi bộ cơ sở',
        group: GROUPS.village,
        mergedFrom: [],
        cells: [],
      });
      routes.set(key, unit.code);
    }
    for (const former of commune.continuing) {
      const unit = catalogueUnit(former);
      add({
        code: former,
        name: unit.name,
        kind: unit.kind,
        group: unit.category === 'highSchool' ? GROUPS.school : GROUPS.enterprise,
        mergedFrom: [former],
        cells: cellsOf(former).map((c) => ({ name: c.name, foundedOn: c.foundedOn })),
      });
      routes.set(`${former}/*`, former);
    }
    for (const merged of commune.merged) {
      const unit = add({
        name: merged.name,
        kind: 'Chi bộ cơ sở',
        group: merged.group,
        mergedFrom: merged.from,
        cells: [],
      });
      for (const former of merged.from) routes.set(`${former}/*`, unit.code);
    }
  }
  const route = (formerUnit: string, formerCell: string | null, index: number): Route => {
    const whole = routes.get(`${formerUnit}/*`);
    if (whole && whole !== 'agency') return { unit: whole, cell: formerCell };
    const target = routes.get(`${formerUnit}/${formerCell}`);
    if (target === 'agency') {
      const agency = agencyOf.get(formerUnit)!;
      return { unit: agency.code, cell: agency.cells[index % agency.cells.length].name };
    }
    return target ? { unit: target, cell: null } : null;
  };
  return { units, route };
}
