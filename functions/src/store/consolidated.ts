import type { Firestore } from 'firebase-admin/firestore';
import { boundConsolidation, consolidate, type Consolidation, type UnitSummary } from '../../../core';
import { failure, success, type Outcome } from '../http/failure';
import { contentHash } from './content-hash';
import type { OrganizationsDoc } from './organizations';
import { packDocument, packedFits, partPath, unpackDocument, type PackedFields } from './packed-table';
import { paths } from './paths';
import { countReads, queryReads, type ReadCounter } from './read-counter';
import type { LatestReportDoc } from './reports';
import type { TargetsDoc } from './targets';

/** What the API returns: core's consolidation plus the units that have not submitted and when it was made. */
export type ConsolidatedReport = Consolidation & { missing: string[]; asOf: string };

/** `years/{year}/consolidated/current`. */
export interface ConsolidatedDoc {
  year: number;
  hash: string;
  asOf: string;
  missing: string[];
  /** The report version each unit's figures come from. */
  versions: Record<string, number>;
  consolidation: Consolidation;
}

export function consolidatedReport(doc: ConsolidatedDoc): ConsolidatedReport {
  return { ...doc.consolidation, missing: doc.missing, asOf: doc.asOf };
}

/**
 * Consolidates a year from one summary document per unit, the organizations' ratings, the assigned targets
 * and last year's consolidation, in one transaction. Idempotent: when the result has not changed, nothing is
 * written and the stored one is returned. It keeps the first issues and the counts of all; when it still
 * cannot fit in one document it is refused (CONSOLIDATION_TOO_LARGE), which no retry can change.
 */
export async function consolidateYear(
  db: Firestore,
  year: number,
  now: () => Date,
  counter?: ReadCounter,
): Promise<Outcome<ConsolidatedDoc>> {
  const currentRef = db.doc(paths.consolidated(year));
  // Everything is read in one read-only transaction: a consistent snapshot that locks nothing, so
  // consolidating never holds up (or waits for) units submitting at the same time.
  const computed = await db.runTransaction(
    async (tx) => {
      const [reports, targets, organizations, previous] = await Promise.all([
        tx.get(db.collection(paths.reports(year)).select('unit', 'version', 'summary')),
        tx.get(db.doc(paths.targets(year))),
        tx.get(db.doc(paths.organizations(year))),
        tx.get(db.doc(paths.consolidated(year - 1))),
      ]);
      const latest = reports.docs
        .map((d) => d.data() as Pick<LatestReportDoc, 'unit' | 'version' | 'summary'>)
        .sort((a, b) => a.unit.localeCompare(b.unit));
      const summaries: UnitSummary[] = latest.map((r) => r.summary);
      countReads(counter, '', queryReads(reports) + 3);
      const lastYear = previous.exists
        ? (await unpackConsolidated(db, year - 1, previous.data() as StoredConsolidatedDoc, counter))
            .consolidation
        : null;
      const full = consolidate(summaries, {
        year,
        district: {
          organizations: organizations.exists ? (organizations.data() as OrganizationsDoc).organizations : [],
          assignedTargets: targets.exists ? (targets.data() as TargetsDoc).targets : [],
        },
        previous: lastYear,
      });
      const consolidation = boundConsolidation(full, summaries);
      const submitted = new Set(latest.map((r) => r.unit));
      // Expected this year: the organizations the district rated for it, else every known unit.
      const rated = organizations.exists
        ? (organizations.data() as OrganizationsDoc).organizations.map((o) => o.code)
        : [];
      // The whole units directory (a read per unit known, at every level) only when no list says who is expected.
      let expected = rated;
      if (!rated.length) {
        const units = await tx.get(db.collection(paths.units()).select());
        countReads(counter, '', queryReads(units));
        expected = units.docs.map((d) => d.id);
      }
      const missing = [...new Set(expected)].filter((code) => !submitted.has(code)).sort();
      const versions = Object.fromEntries(latest.map((r) => [r.unit, r.version]));
      const hash = contentHash({ consolidation, missing, versions });
      return { hash, missing, versions, consolidation };
    },
    { readOnly: true },
  );
  const { hash, ...content } = computed;
  // A plain read and one batch, not a transaction: an instance dying inside one would leave this document
  // locked until Firestore expires the lock (about a minute). Two consolidations at once: the last one stays.
  // Only the hash is compared: the stored table is not read.
  const current = await currentRef.get();
  countReads(counter, '', 1);
  const stored = current.exists ? (current.data() as StoredConsolidatedDoc) : null;
  if (stored && stored.hash === hash) return success(await unpackConsolidated(db, year, stored, counter));
  const doc: ConsolidatedDoc = { year, hash, asOf: now().toISOString(), ...content };
  const packed = packDocument(currentRef.path, doc, 'versions');
  if (!packedFits(currentRef.path, { ...packed.doc })) {
    return failure<ConsolidatedDoc>(
      'CONSOLIDATION_TOO_LARGE',
      `Báo cáo tổng hợp năm ${year} quá lớn để lưu (giới hạn 1 MB mỗi tài liệu): có quá nhiều nhóm đảng viên.`,
    );
  }
  const batch = db.batch();
  batch.set(currentRef, packed.doc);
  packed.parts.forEach((bytes, i) => batch.set(db.doc(partPath(currentRef.path, i)), { bytes }));
  await batch.commit();
  return success(doc);
}

export type StoredConsolidatedDoc = ConsolidatedDoc & PackedFields;

export function unpackConsolidated(
  db: Firestore,
  year: number,
  stored: StoredConsolidatedDoc,
  counter?: ReadCounter,
  countedFor = '',
): Promise<ConsolidatedDoc> {
  return unpackDocument(db, paths.consolidated(year), stored, 'versions', counter, countedFor);
}

export async function readConsolidated(
  db: Firestore,
  year: number,
  counter?: ReadCounter,
): Promise<ConsolidatedDoc | null> {
  const snap = await db.doc(paths.consolidated(year)).get();
  countReads(counter, '', 1);
  return snap.exists ? unpackConsolidated(db, year, snap.data() as StoredConsolidatedDoc, counter) : null;
}
