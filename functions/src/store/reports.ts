import type { Firestore } from 'firebase-admin/firestore';
import type { UnitReport, UnitSummary } from '../../../core';
import { TRANSACTION_MAX_ATTEMPTS } from '../config';
import type { OrganizationEntry } from './directory';
import { fitsInDocument } from './document-size';
import { markChanged } from './levels';
import { paths } from './paths';

/** `years/{year}/reports/{unit}`: the latest version's number, hash and summary (what consolidation reads). */
export interface LatestReportDoc {
  year: number;
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
  const { year, unit } = request.report;
  const version = Number.MAX_SAFE_INTEGER;
  return (
    fitsInDocument(paths.version(year, unit.code, version), { ...versionDocOf(request, version) }) &&
    fitsInDocument(paths.latestReport(year, unit.code), { ...latestDocOf(request, version) })
  );
}

/**
 * One transaction: a known Idempotency-Key answers with the version it made and writes nothing; otherwise,
 * unless the latest has the same hash, write version n+1 and the new latest. `create` refuses to overwrite a
 * version, so concurrent submissions can neither lose nor duplicate one.
 */
export async function saveReport(db: Firestore, request: SaveRequest): Promise<SaveResult> {
  const { report, hash, idempotencyKey } = request;
  const { year } = report;
  const unit = report.unit.code;
  const latestRef = db.doc(paths.latestReport(year, unit));
  const keyRef = idempotencyKey ? db.doc(paths.submissionKey(year, unit, idempotencyKey)) : null;
  return db.runTransaction(
    async (tx): Promise<SaveResult> => {
      const [snap, keySnap] = await Promise.all([tx.get(latestRef), keyRef ? tx.get(keyRef) : null]);
      if (keySnap?.exists) {
        const made = keySnap.data() as KeyDoc;
        if (made.hash !== hash) return { reusedKey: true };
        return { created: false, version: made.version, submittedAt: made.submittedAt };
      }
      const current = snap.exists ? (snap.data() as LatestReportDoc) : null;
      if (current && current.hash === hash) {
        if (keyRef) tx.create(keyRef, { version: current.version, hash, submittedAt: current.submittedAt });
        return { created: false, version: current.version, submittedAt: current.submittedAt };
      }
      const version = (current?.version ?? 0) + 1;
      tx.create(db.doc(paths.version(year, unit, version)), versionDocOf(request, version));
      tx.set(latestRef, latestDocOf(request, version));
      markChanged(db, year, request.above ?? [], (ref, data) => tx.set(ref, data, { merge: true }));
      if (keyRef) tx.create(keyRef, { version, hash, submittedAt: request.submittedAt } satisfies KeyDoc);
      return { created: true, version, submittedAt: request.submittedAt };
    },
    { maxAttempts: TRANSACTION_MAX_ATTEMPTS },
  );
}

export async function readLatestReport(
  db: Firestore,
  year: number,
  unit: string,
): Promise<{ latest: LatestReportDoc; version: VersionDoc } | null> {
  const snap = await db.doc(paths.latestReport(year, unit)).get();
  if (!snap.exists) return null;
  const latest = snap.data() as LatestReportDoc;
  const versionSnap = await db.doc(paths.version(year, unit, latest.version)).get();
  if (!versionSnap.exists) return null;
  return { latest, version: versionSnap.data() as VersionDoc };
}
