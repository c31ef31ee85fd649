// A roll-up over three levels on the emulator: a province over 10 communes of 100 units each, seeded
// directly (reports with their parent, each level's list and targets), consolidated from the top; then one
// unit's report changes and the province is consolidated again. Reads counted per level by the store.
import type { Firestore } from 'firebase-admin/firestore';
import type { UnitSummary } from '../../core';
import { consolidateOrganization } from '../../functions/src/store/consolidate-level';
import { markChanged, type LevelDoc } from '../../functions/src/store/levels';
import { paths } from '../../functions/src/store/paths';
import { newReadCounter } from '../../functions/src/store/read-counter';
import type { LatestReportDoc } from '../../functions/src/store/reports';

export interface RollUpLevel {
  code: string;
  children: number;
  reads: number;
}

export interface RollUpResult {
  units: number;
  /** Every level stale: the province consolidates each commune first. */
  fullMs: number;
  full: RollUpLevel[];
  /** After one unit's new version: its commune again, the others read as stored. */
  incrementalMs: number;
  incremental: RollUpLevel[];
  /** The top level in the incremental run. */
  province: RollUpLevel;
}

const YEAR = 2093;
const PROVINCE = 'R_TINH';
const COMMUNES = 10;
const UNITS_PER_COMMUNE = 100;

const communeCode = (c: number) => `R_XA${String(c + 1).padStart(2, '0')}`;
const unitCode = (c: number, u: number) =>
  `R_CB${String(c + 1).padStart(2, '0')}${String(u + 1).padStart(3, '0')}`;

async function seed(db: Firestore, models: UnitSummary[]): Promise<void> {
  const writer = db.bulkWriter();
  const level = (code: string, parent: string | null, below: string[]): LevelDoc => ({
    year: YEAR,
    code,
    parent,
    name: `Tổ chức ${code}`,
    changed: 1,
    organizations: below.map((c) => ({ code: c, name: `Tổ chức ${c}`, rating: 'good', group: 'Thôn' })),
    targets: below.map((c) => ({ unit: c, code: 'KET_NAP_DANG_VIEN', name: 'Kết nạp đảng viên', target: 2 })),
  });
  const communes = Array.from({ length: COMMUNES }, (_, c) => communeCode(c));
  writer.set(db.doc(paths.unit(PROVINCE)), { code: PROVINCE, name: 'Tỉnh ủy', parent: null });
  writer.set(db.doc(paths.level(YEAR, PROVINCE)), level(PROVINCE, null, communes));
  communes.forEach((commune, c) => {
    const units = Array.from({ length: UNITS_PER_COMMUNE }, (_, u) => unitCode(c, u));
    writer.set(db.doc(paths.unit(commune)), { code: commune, name: `Đảng ủy ${commune}`, parent: PROVINCE });
    writer.set(db.doc(paths.level(YEAR, commune)), level(commune, PROVINCE, units));
    units.forEach((code, u) => {
      const model = models[(c * UNITS_PER_COMMUNE + u) % models.length];
      writer.set(db.doc(paths.unit(code)), { code, name: model.unit.name, parent: commune });
      const doc: LatestReportDoc = {
        year: YEAR,
        unit: code,
        version: 1,
        hash: `seed-${code}`,
        submittedAt: new Date(0).toISOString(),
        submittedBy: 'bench',
        parent: commune,
        summary: { ...model, year: YEAR, unit: { ...model.unit, code } },
      };
      writer.set(db.doc(paths.latestReport(YEAR, code)), doc);
    });
  });
  writer.set(db.doc(paths.year(YEAR)), { open: true });
  await writer.close();
}

async function consolidateProvince(db: Firestore): Promise<{ ms: number; levels: RollUpLevel[] }> {
  const counter = newReadCounter();
  const started = process.hrtime.bigint();
  const done = await consolidateOrganization(
    db,
    YEAR,
    { code: PROVINCE, name: 'Tỉnh ủy', parent: null },
    () => new Date(),
    counter,
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!done.ok) throw new Error(`roll-up: ${done.failure.code}`);
  const units = done.value.consolidation!.units.count;
  if (units !== COMMUNES * UNITS_PER_COMMUNE) throw new Error(`roll-up counted ${units} units`);
  const levels = Object.entries(counter.byOrganization).map(([code, reads]) => ({
    code,
    children: code === PROVINCE ? COMMUNES : UNITS_PER_COMMUNE,
    reads,
  }));
  return { ms: Math.round(ms), levels };
}

/** One unit's report gets a new version, marking its commune and the province stale, as a submission does. */
async function changeOneUnit(db: Firestore, models: UnitSummary[]): Promise<void> {
  const code = unitCode(0, 0);
  const model = models[1 % models.length];
  const batch = db.batch();
  batch.update(db.doc(paths.latestReport(YEAR, code)), {
    version: 2,
    hash: 'seed-changed',
    summary: { ...model, year: YEAR, unit: { ...model.unit, code } },
  });
  markChanged(
    db,
    YEAR,
    [
      { code: communeCode(0), name: `Đảng ủy ${communeCode(0)}`, parent: PROVINCE },
      { code: PROVINCE, name: 'Tỉnh ủy', parent: null },
    ],
    (ref, data) => batch.set(ref, data, { merge: true }),
  );
  await batch.commit();
}

export async function measureRollUp(db: Firestore, models: UnitSummary[], log: (line: string) => void) {
  log(`  backend: seeding a province over ${COMMUNES} communes of ${UNITS_PER_COMMUNE} units`);
  await seed(db, models);
  const full = await consolidateProvince(db);
  log(`  backend: roll-up, every level stale: ${full.ms} ms`);
  await changeOneUnit(db, models);
  const incremental = await consolidateProvince(db);
  log(
    `  backend: roll-up after one unit changed: ${incremental.ms} ms, reads ${incremental.levels.map((l) => `${l.code} ${l.reads}`).join(', ')}`,
  );
  const result: RollUpResult = {
    units: COMMUNES * UNITS_PER_COMMUNE,
    fullMs: full.ms,
    full: full.levels,
    incrementalMs: incremental.ms,
    incremental: incremental.levels,
    province: incremental.levels.find((l) => l.code === PROVINCE)!,
  };
  return result;
}
