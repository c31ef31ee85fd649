import type { Firestore } from 'firebase-admin/firestore';
import type { UnitReport, UnitSummary } from '../../../core';
import { paths } from './paths';

/** `years/{year}/reports/{unit}`: the latest version's number, hash and summary (what consolidation reads). */
export interface LatestReportDoc {
  year: number;
  unit: string;
  version: number;
  hash: string;
  submittedAt: string;
  submittedBy: string;
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
  report: UnitReport;
}

export interface SaveRequest {
  report: UnitReport;
  summary: UnitSummary;
  hash: string;
  submittedBy: string;
  submittedAt: string;
}

export interface SaveResult {
  created: boolean;
  latest: LatestReportDoc;
}

/**
 * One transaction: read the latest, and unless it has the same hash, write version n+1 and the new latest.
 * `create` refuses to overwrite a version, so concurrent submissions can neither lose nor duplicate one.
 */
export async function saveReport(db: Firestore, request: SaveRequest): Promise<SaveResult> {
  const { report, summary, hash, submittedBy, submittedAt } = request;
  const { year } = report;
  const unit = report.unit.code;
  const latestRef = db.doc(paths.latestReport(year, unit));
  return db.runTransaction(
    async (tx) => {
      const snap = await tx.get(latestRef);
      const current = snap.exists ? (snap.data() as LatestReportDoc) : null;
      if (current && current.hash === hash) return { created: false, latest: current };
      const version = (current?.version ?? 0) + 1;
      const stamp = { year, unit, version, hash, submittedAt, submittedBy };
      const versionDoc: VersionDoc = { ...stamp, report };
      const latest: LatestReportDoc = { ...stamp, summary };
      tx.create(db.doc(paths.version(year, unit, version)), versionDoc);
      tx.set(latestRef, latest);
      return { created: true, latest };
    },
    { maxAttempts: 30 },
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
