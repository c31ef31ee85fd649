// The backend on the local emulators (this checkout's ports): units submitting at once through the
// HTTP API, then consolidations over summaries seeded directly into Firestore, timed and with their
// document reads counted in this process (bench/suites/read-counter.ts).
import type { Firestore } from 'firebase-admin/firestore';
import { join } from 'node:path';
import { expandInputs, isFailure, loadUnit } from '../../cli/inputs';
import type { UnitReport, UnitSummary } from '../../core';
import { consolidateYear } from '../../functions/src/store/consolidated';
import type { OrganizationsDoc } from '../../functions/src/store/organizations';
import { paths } from '../../functions/src/store/paths';
import type { LatestReportDoc } from '../../functions/src/store/reports';
import { API_URL, FIRESTORE_HOST, PROJECT_ID, startStack, stopStack } from '../../scripts/local-stack.mjs';
import { callApi } from '../../scripts/season/api';
import { seasonDirectory, unitEmail } from '../../scripts/season/accounts';
import { emulatorFirestore, provision } from '../../scripts/stack/provision-directory';
import type { TargetsDoc } from '../../functions/src/store/targets';
import { measureRollUp, type RollUpResult } from './backend-rollup';
import { countReads, readsDuring } from './read-counter';
import { median } from './stats';

export interface SubmitResult {
  units: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  wallMs: number;
  stored: number;
  lost: number;
}

export interface ConsolidationSize {
  units: number;
  runs: number;
  medianMs: number;
  reads: number;
  /** The stored consolidation as JSON, bytes (Firestore's own size is close; its limit is 1 MiB). */
  documentBytes: number | null;
  /** The failure code when the backend refused to store it (e.g. CONSOLIDATION_TOO_LARGE). */
  refused: string | null;
}

export interface BackendResult {
  /** Null when the functions emulator could not take the requests (its workers must load within 30 s). */
  submit: SubmitResult | null;
  submitFailure?: string;
  consolidations: ConsolidationSize[];
  consolidateReads85: number;
  /** Null when the 10.000-unit consolidation was refused. */
  consolidateMs10000: number | null;
  /** The province's reads when one unit below changed, and its number of children (communes). */
  rollupReads: number | null;
  rollupChildren: number | null;
  rollUp: RollUpResult | null;
}

/** The API takes at most this many assigned targets for a year (`assignedTargetsSchema`). */
const MAX_ASSIGNED = 5_000;

/** Targets assigned per unit (two indicators each, fewer when over the API's cap), in the year's one document. */
function assignedTargets(year: number, codes: string[]): TargetsDoc {
  const indicators = ['KET_NAP_DANG_VIEN', 'LOP_DAO_TAO_BOI_DUONG'];
  const rows = codes.flatMap((unit) =>
    indicators.map((code) => ({
      unit,
      code,
      name: code === indicators[0] ? 'Kết nạp đảng viên' : 'Mở lớp đào tạo, bồi dưỡng',
      target: 3,
    })),
  );
  return {
    year,
    targets: rows.slice(0, MAX_ASSIGNED),
    updatedAt: new Date(0).toISOString(),
    updatedBy: 'bench',
  };
}

const SUBMIT_YEAR = 2023;

export async function clearFirestore(): Promise<void> {
  const url = `http://${FIRESTORE_HOST}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`;
  const response = await fetch(url, { method: 'DELETE' });
  if (!response.ok) throw new Error(`clearing the Firestore emulator: ${response.status}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function submitAtOnce(reports: UnitReport[], db: Firestore): Promise<SubmitResult> {
  const started = process.hrtime.bigint();
  const answers = await Promise.all(
    reports.map(async (report) => {
      const sent = process.hrtime.bigint();
      const answer = await callApi(API_URL, unitEmail(report.unit.code), 'POST', '/v1/reports', report);
      return { status: answer.status, ms: Number(process.hrtime.bigint() - sent) / 1e6 };
    }),
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const refused = answers.filter((a) => a.status !== 201);
  if (refused.length) throw new Error(`submit: ${refused.length} answers were not 201`);
  const latest = await db.collection(paths.reports(SUBMIT_YEAR)).get();
  const versions = await db.collectionGroup('versions').where('year', '==', SUBMIT_YEAR).get();
  const stored = latest.docs.filter((d) => (d.data() as LatestReportDoc).version === 1).length;
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  return {
    units: reports.length,
    p50Ms: Math.round(percentile(times, 50)),
    p95Ms: Math.round(percentile(times, 95)),
    maxMs: Math.round(times[times.length - 1]),
    wallMs: Math.round(wallMs),
    stored: Math.min(stored, versions.size),
    lost: reports.length - Math.min(stored, versions.size),
  };
}

/** The superior's list of its organizations, as `Tổ chức cơ sở` gives it: who is expected to report. */
function organizationList(year: number, units: { code: string; name: string }[]): OrganizationsDoc {
  return {
    year,
    organizations: units.map((u) => ({ code: u.code, name: u.name, rating: 'good' as const })),
    updatedAt: new Date(0).toISOString(),
    updatedBy: 'bench',
  };
}

/** These summaries as the units' latest reports of `year`, under their own codes. */
async function seedReports(db: Firestore, year: number, summaries: UnitSummary[]): Promise<void> {
  const writer = db.bulkWriter();
  summaries.forEach((summary, i) => {
    const doc: LatestReportDoc = {
      year,
      unit: summary.unit.code,
      version: 1,
      hash: `seed-${i}`,
      submittedAt: new Date(0).toISOString(),
      submittedBy: 'bench',
      summary,
    };
    writer.set(db.doc(paths.latestReport(year, summary.unit.code)), doc);
  });
  await writer.close();
}

/** `count` unit summaries for `year`, copied round-robin from real ones under new unit codes. */
export async function seedSummaries(
  db: Firestore,
  year: number,
  count: number,
  models: UnitSummary[],
): Promise<void> {
  const writer = db.bulkWriter();
  for (let i = 0; i < count; i++) {
    const code = `U${String(i + 1).padStart(5, '0')}`;
    const model = models[i % models.length];
    const summary: UnitSummary = { ...model, year, unit: { ...model.unit, code } };
    writer.set(db.doc(paths.unit(code)), { code, name: model.unit.name, kind: model.unit.kind ?? null });
    const doc: LatestReportDoc = {
      year,
      unit: code,
      version: 1,
      hash: `seed-${i}`,
      submittedAt: new Date(0).toISOString(),
      submittedBy: 'bench',
      summary,
    };
    writer.set(db.doc(paths.latestReport(year, code)), doc);
  }
  writer.set(db.doc(paths.year(year)), { open: true });
  const organizations = organizationList(
    year,
    Array.from({ length: count }, (_, i) => ({
      code: `U${String(i + 1).padStart(5, '0')}`,
      name: models[i % models.length].unit.name,
    })),
  );
  writer.set(db.doc(paths.organizations(year)), organizations);
  writer.set(
    db.doc(paths.targets(year)),
    assignedTargets(
      year,
      organizations.organizations.map((o) => o.code),
    ),
  );
  await writer.close();
}

async function measureConsolidation(db: Firestore, year: number, units: number, runs: number) {
  const times: number[] = [];
  let reads = 0;
  let documentBytes: number | null = null;
  let refused: string | null = null;
  for (let run = 0; run < runs; run++) {
    await db.doc(paths.consolidated(year)).delete();
    const started = process.hrtime.bigint();
    const counted = await readsDuring(() => consolidateYear(db, year, () => new Date()));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    reads = counted.reads;
    if (!counted.result.ok) {
      refused = counted.result.failure.code;
      continue;
    }
    const doc = counted.result.value;
    const stored = (await db.doc(paths.consolidated(year)).get()).data()!;
    documentBytes = Buffer.byteLength(JSON.stringify(stored));
    if (doc.consolidation.units.count !== units)
      throw new Error(`consolidation of ${units} units counted ${doc.consolidation.units.count}`);
  }
  return { units, runs, medianMs: Math.round(median(times)), reads, documentBytes, refused };
}

/** The submitted year's consolidation, then 1.000 and 10.000 seeded units (each alone in the directory). */
export async function measureConsolidations(
  db: Firestore,
  submittedYear: number,
  summaries: UnitSummary[],
  runs: number,
  log: (line: string) => void,
): Promise<ConsolidationSize[]> {
  log(`  backend: consolidating the ${summaries.length} submitted units`);
  const consolidations = [await measureConsolidation(db, submittedYear, summaries.length, runs)];
  log(
    `  backend: ${summaries.length} units: ${consolidations[0].medianMs} ms, ${consolidations[0].reads} reads`,
  );
  for (const [year, units] of [
    [2091, 1_000],
    [2092, 10_000],
  ]) {
    // The units directory is global: clear it so that it holds exactly this size's units.
    await clearFirestore();
    log(`  backend: seeding ${units} unit summaries`);
    await seedSummaries(db, year, units, summaries);
    log(`  backend: consolidating ${units} units`);
    const measured = await measureConsolidation(db, year, units, runs);
    log(
      `  backend: ${units} units: ${measured.medianMs} ms, ${measured.reads} reads, ${measured.documentBytes} bytes`,
    );
    consolidations.push(measured);
  }
  return consolidations;
}

export async function runBackend(quick: boolean, log: (line: string) => void): Promise<BackendResult> {
  log('  backend: starting the emulators');
  const stack = await startStack({ logFile: join('.bench', 'emulators.log'), stopOnSignals: true, log });
  try {
    const db = emulatorFirestore();
    countReads();
    await clearFirestore();
    const { files } = await expandInputs([join('sample', String(SUBMIT_YEAR), 'units')]);
    const units = await Promise.all(files.map((file) => loadUnit(file, {})));
    const loaded = units.flatMap((u) => (isFailure(u) ? [] : [u.analysis]));
    const reports = loaded.map((a) => a.read.report);
    const summaries = loaded.map((a) => a.summary);
    await provision(
      seasonDirectory(
        reports.map((r) => r.unit),
        [SUBMIT_YEAR],
      ),
      db,
    );
    log(`  backend: ${reports.length} units submitting at once`);
    let submit: SubmitResult | null = null;
    let submitFailure: string | undefined;
    try {
      submit = await submitAtOnce(reports, db);
    } catch (error) {
      // The consolidations below need the 85 reports: stored directly instead.
      submitFailure = (error as Error).message;
      log(`  backend: submitting at once failed (${submitFailure}); the 85 summaries are seeded instead`);
      await seedReports(db, SUBMIT_YEAR, summaries);
    }

    await db.doc(paths.organizations(SUBMIT_YEAR)).set(
      organizationList(
        SUBMIT_YEAR,
        reports.map((r) => r.unit),
      ),
    );
    await db.doc(paths.targets(SUBMIT_YEAR)).set(
      assignedTargets(
        SUBMIT_YEAR,
        reports.map((r) => r.unit.code),
      ),
    );
    const consolidations = await measureConsolidations(db, SUBMIT_YEAR, summaries, quick ? 1 : 3, log);
    await clearFirestore();
    const rollUp = await measureRollUp(db, summaries, log);
    return {
      submit,
      ...(submitFailure ? { submitFailure } : {}),
      consolidations,
      consolidateReads85: consolidations[0].reads,
      consolidateMs10000: consolidations[2].refused ? null : consolidations[2].medianMs,
      rollupReads: rollUp.province.reads,
      rollupChildren: rollUp.province.children,
      rollUp,
    };
  } finally {
    await stopStack(stack);
  }
}
