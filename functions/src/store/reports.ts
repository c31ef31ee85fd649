import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import type { UnitReport, UnitSummary } from '../../../core';
import type { OrganizationEntry } from './directory';
import { fitsInDocument } from './document-size';
import { markChanged } from './levels';
import { paths } from './paths';

/** `years/{year}/reports/{unit}`: the latest version's number, hash and summary (what consolidation reads). */
export interface LatestReportDoc {
  year: number;
  /** A quarter's report (stored apart, under `years/{year}/quarters/{q}/reports`). */
  quarter?: number;
  unit: string;
  version: number;
  hash: string;
  submittedAt: string;
  submittedBy: string;
  idempotencyKey?: string;
  /** The organization directly above the unit when this version was stored (its level reads it by this). */
  parent?: string | null;
  summary: UnitSummary;
}

/** `…/versions/{n}`: one submitted content, kept for ever. */
export interface VersionDoc {
  year: number;
  quarter?: number;
  unit: string;
  version: number;
  hash: string;
  submittedAt: string;
  submittedBy: string;
  idempotencyKey?: string;
  report: UnitReport;
}

export interface SaveRequest {
  report: UnitReport;
  summary: UnitSummary;
  hash: string;
  submittedBy: string;
  submittedAt: string;
  /** The client's Idempotency-Key: the same key always answers with the version it first made. */
  idempotencyKey?: string;
  /** The organizations above the unit, nearest first: a new version marks their consolidations stale. */
  above?: OrganizationEntry[];
}

/** `…/keys/{idempotencyKey}`: which version a request with this key made (or found already stored). */
interface KeyDoc {
  version: number;
  hash: string;
  submittedAt: string;
}

export type SaveResult = { created: boolean; version: number; submittedAt: string } | { reusedKey: true };

const stampOf = (request: SaveRequest, version: number) => ({
  year: request.report.year,
  ...(request.report.quarter ? { quarter: request.report.quarter } : {}),
  unit: request.report.unit.code,
  version,
  hash: request.hash,
  submittedAt: request.submittedAt,
  submittedBy: request.submittedBy,
  ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
});

const versionDocOf = (request: SaveRequest, version: number): VersionDoc => ({
  ...stampOf(request, version),
  report: request.report,
});
const latestDocOf = (request: SaveRequest, version: number): LatestReportDoc => ({
  ...stampOf(request, version),
  parent: request.above?.[0]?.code ?? null,
  summary: request.summary,
});

/** Whether both documents a save writes stay under Firestore's document size limit. */
export function reportFitsInDocuments(request: SaveRequest): boolean {
  const { year, unit, quarter } = request.report;
  const version = Number.MAX_SAFE_INTEGER;
  return (
    fitsInDocument(paths.version(year, unit.code, version, quarter), { ...versionDocOf(request, version) }) &&
    fitsInDocument(paths.latestReport(year, unit.code, quarter), { ...latestDocOf(request, version) })
  );
}

/**
 * A known Idempotency-Key answers with the version it made and writes nothing; otherwise, unless the latest has
 * the same hash, writes version n+1, the new latest and the key in one batch. No transaction: one would lock
 * what it read, and an instance dying inside it would leave the unit's documents locked until Firestore expires
 * the lock (about a minute, past the function timeout). `create` and the latest's update time make the batch
 * fail whole when another submission got in first; it is then retried on what that one stored.
 */
export async function saveReport(db: Firestore, request: SaveRequest): Promise<SaveResult> {
  const { report, hash, idempotencyKey } = request;
  const { year, quarter } = report;
  const unit = report.unit.code;
  const latestRef = db.doc(paths.latestReport(year, unit, quarter));
  const keyRef = idempotencyKey ? db.doc(paths.submissionKey(year, unit, idempotencyKey, quarter)) : null;
  for (let attempt = 1; ; attempt++) {
    const [snap, keySnap] = await db.getAll(latestRef, ...(keyRef ? [keyRef] : []));
    if (keySnap?.exists) {
      const made = keySnap.data() as KeyDoc;
      if (made.hash !== hash) return { reusedKey: true };
      return { created: false, version: made.version, submittedAt: made.submittedAt };
    }
    const current = snap.exists ? (snap.data() as LatestReportDoc) : null;
    const batch = db.batch();
    let result: SaveResult;
    if (current && current.hash === hash) {
      if (keyRef) batch.create(keyRef, { version: current.version, hash, submittedAt: current.submittedAt });
      result = { created: false, version: current.version, submittedAt: current.submittedAt };
    } else {
      const version = (current?.version ?? 0) + 1;
      batch.create(db.doc(paths.version(year, unit, version, quarter)), versionDocOf(request, version));
      const latest = latestDocOf(request, version);
      if (snap.exists)
        batch.update(
          latestRef,
          { ...latest, idempotencyKey: latest.idempotencyKey ?? FieldValue.delete() },
          { lastUpdateTime: snap.updateTime! },
        );
      else batch.create(latestRef, latest);
      // A quarter's report is never consolidated: the levels above stay as they are.
      if (!quarter)
        markChanged(db, year, request.above ?? [], (ref, data) => batch.set(ref, data, { merge: true }));
      if (keyRef) batch.create(keyRef, { version, hash, submittedAt: request.submittedAt } satisfies KeyDoc);
      result = { created: true, version, submittedAt: request.submittedAt };
    }
    try {
      if (keyRef || result.created) await batch.commit();
      return result;
    } catch (error) {
      const lostRace = [ALREADY_EXISTS, FAILED_PRECONDITION].includes((error as { code?: number }).code ?? 0);
      if (!lostRace || attempt >= SAVE_ATTEMPTS)
        throw lostRace ? Object.assign(error as object, { code: ABORTED }) : error;
      await new Promise((done) => setTimeout(done, Math.random() * 50 * attempt));
    }
  }
}

/** gRPC codes: a document created first by another request, its update time moved, too much contention. */
const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;
const ABORTED = 10;
/** Concurrent submissions of one unit each cost a lost race at most; ten covers a burst of ten. */
const SAVE_ATTEMPTS = 10;

export async function readLatestReport(
  db: Firestore,
  year: number,
  unit: string,
  quarter?: number,
): Promise<{ latest: LatestReportDoc; version: VersionDoc } | null> {
  const snap = await db.doc(paths.latestReport(year, unit, quarter)).get();
  if (!snap.exists) return null;
  const latest = snap.data() as LatestReportDoc;
  const versionSnap = await db.doc(paths.version(year, unit, latest.version, quarter)).get();
  if (!versionSnap.exists) return null;
  return { latest, version: versionSnap.data() as VersionDoc };
}
