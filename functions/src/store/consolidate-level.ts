import type { Firestore } from 'firebase-admin/firestore';
import {
  boundConsolidation,
  consolidate,
  mergedAwayCodes,
  type Consolidation,
  type ConsolidationInput,
  type OrganizationIdentity,
  type UnitSummary,
} from '../../../core';
import { FieldValue } from 'firebase-admin/firestore';
import { failure, success, type Outcome } from '../http/failure';
import { contentHash } from './content-hash';
import { unpackConsolidated, type StoredConsolidatedDoc } from './consolidated';
import { packDocument, packedFits, partPath, unpackDocument, type PackedFields } from './packed-table';
import { isCurrent, type LevelDoc, type LevelVersionDoc } from './levels';
import { paths } from './paths';
import { countReads, queryReads, type ReadCounter } from './read-counter';
import type { LatestReportDoc } from './reports';

/** The organization being consolidated, as the directory (or its level document) names it. */
export type LevelIdentity = Pick<LevelDoc, 'code' | 'name' | 'kind' | 'parent'>;

type ReportInput = Pick<LatestReportDoc, 'unit' | 'version' | 'summary'>;

/** Everything one level's consolidation reads, from one consistent snapshot. */
interface LevelSnapshot {
  level: LevelDoc | null;
  childLevels: LevelDoc[];
  childReports: ReportInput[];
  /** The entry the organization above lists this one with (its `Khối`, `Sáp nhập từ`). */
  listedAbove: OrganizationIdentity | null;
  previous: Consolidation | null;
  /** Who should send something: the level's own list, else the directory's organizations below it. */
  expected: string[];
}

async function readSnapshot(
  db: Firestore,
  year: number,
  org: LevelIdentity,
  counter: ReadCounter | undefined,
): Promise<LevelSnapshot> {
  const count = (n: number) => countReads(counter, org.code, n);
  return db.runTransaction(
    async (tx) => {
      const [level, levels, reports, above, previousLevel] = await Promise.all([
        tx.get(db.doc(paths.level(year, org.code))),
        tx.get(db.collection(paths.levels(year)).where('parent', '==', org.code)),
        tx.get(
          db
            .collection(paths.reports(year))
            .where('parent', '==', org.code)
            .select('unit', 'version', 'summary'),
        ),
        org.parent ? tx.get(db.doc(paths.level(year, org.parent))) : null,
        tx.get(db.doc(paths.level(year - 1, org.code))),
      ]);
      count(2 + queryReads(levels) + queryReads(reports) + (above ? 1 : 0));
      const lastYearLevel = previousLevel.exists
        ? (await unpackLevel(db, year - 1, previousLevel.data() as StoredLevelDoc, counter)).consolidation
        : undefined;
      // Last year's figures: this level's own when it existed, else the whole year's (mergers point into it).
      let previous = lastYearLevel ?? null;
      if (!previous) {
        const root = await tx.get(db.doc(paths.consolidated(year - 1)));
        count(1);
        previous = root.exists
          ? (await unpackConsolidated(db, year - 1, root.data() as StoredConsolidatedDoc, counter, org.code))
              .consolidation
          : null;
      }
      const own = level.exists ? (level.data() as LevelDoc) : null;
      let expected = (own?.organizations ?? []).map((o) => o.code);
      if (!own?.organizations?.length) {
        const below = await tx.get(db.collection(paths.units()).where('parent', '==', org.code).select());
        count(queryReads(below));
        expected = below.docs.map((d) => d.id);
      }
      const listedAbove =
        (above?.exists ? (above.data() as LevelDoc).organizations : undefined)?.find(
          (o) => o.code === org.code,
        ) ?? null;
      // Stale children are consolidated again: only the current ones' tables are needed.
      const childLevels: LevelDoc[] = [];
      for (const child of levels.docs.map((d) => d.data() as StoredLevelDoc))
        childLevels.push(isCurrent(child) ? await unpackLevel(db, year, child, counter, org.code) : child);
      return {
        level: own,
        childLevels,
        childReports: reports.docs.map((d) => d.data() as ReportInput),
        listedAbove,
        previous,
        expected,
      };
    },
    { readOnly: true },
  );
}

/** A stale or never consolidated child level is consolidated first (its own stale children before it). */
async function childConsolidations(
  db: Firestore,
  year: number,
  levels: LevelDoc[],
  now: () => Date,
  counter: ReadCounter | undefined,
): Promise<Outcome<LevelDoc[]>> {
  const result: LevelDoc[] = [];
  for (const level of levels) {
    if (isCurrent(level)) {
      result.push(level);
      continue;
    }
    const done = await consolidateOrganization(db, year, level, now, counter);
    if (!done.ok) return done;
    result.push(done.value);
  }
  return success(result);
}

const byCode =
  <T>(codeOf: (item: T) => string) =>
  (a: T, b: T) =>
    codeOf(a).localeCompare(codeOf(b));

/**
 * Consolidates one organization from its children: units' latest reports and lower levels' stored
 * consolidations (recomputing only the stale ones), never members. A new version is stored only when the
 * content changed (the old ones are kept); otherwise the stored one is returned, marked current.
 */
export async function consolidateOrganization(
  db: Firestore,
  year: number,
  org: LevelIdentity,
  now: () => Date,
  counter?: ReadCounter,
): Promise<Outcome<LevelDoc>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await consolidateOnce(db, year, org, now, counter);
    } catch (error) {
      // ALREADY_EXISTS: another consolidation of this level stored the same version number first.
      if ((error as { code?: unknown }).code !== ALREADY_EXISTS || attempt === 3) throw error;
    }
  }
}

const ALREADY_EXISTS = 6;

async function consolidateOnce(
  db: Firestore,
  year: number,
  org: LevelIdentity,
  now: () => Date,
  counter: ReadCounter | undefined,
): Promise<Outcome<LevelDoc>> {
  const snapshot = await readSnapshot(db, year, org, counter);
  const children = await childConsolidations(db, year, snapshot.childLevels, now, counter);
  if (!children.ok) return children;
  // A level below with lists but no report yet sent nothing: it is missing, like a unit that has not reported.
  const levels = children.value.filter((l) => l.consolidation!.units.count > 0).sort(byCode((l) => l.code));
  const reports = [...snapshot.childReports].sort(byCode((r) => r.unit));
  const summaries: UnitSummary[] = reports.map((r) => r.summary);
  const inputs: ConsolidationInput[] = [...summaries, ...levels.map((l) => l.consolidation!)];
  const listed = snapshot.level?.organizations ?? [];
  const above = snapshot.listedAbove;
  const organization: OrganizationIdentity = {
    code: org.code,
    name: org.name,
    ...(org.kind ? { kind: org.kind } : {}),
    ...(above?.group ? { group: above.group } : {}),
    parent: org.parent ?? null,
    ...(above?.mergedFrom?.length ? { mergedFrom: above.mergedFrom } : {}),
  };
  const full = consolidate(inputs, {
    year,
    district: { organizations: listed, assignedTargets: snapshot.level?.targets ?? [] },
    organization,
    previous: snapshot.previous,
  });
  const consolidation = boundConsolidation(full, summaries);
  const present = new Set([...reports.map((r) => r.unit), ...levels.map((l) => l.code)]);
  const mergedAway = mergedAwayCodes(listed);
  const missing = [...new Set(snapshot.expected)]
    .filter((code) => !present.has(code) && !mergedAway.has(code))
    .sort();
  const versions = Object.fromEntries([
    ...reports.map((r) => [r.unit, r.version] as const),
    ...levels.map((l) => [l.code, l.version ?? 0] as const),
  ]);
  const hash = contentHash({ consolidation, missing, inputs: versions });
  return storeLevel(db, year, org, snapshot, { hash, missing, inputs: versions, consolidation }, now);
}

async function storeLevel(
  db: Firestore,
  year: number,
  org: LevelIdentity,
  snapshot: LevelSnapshot,
  content: Pick<LevelVersionDoc, 'hash' | 'missing' | 'inputs' | 'consolidation'>,
  now: () => Date,
): Promise<Outcome<LevelDoc>> {
  const ref = db.doc(paths.level(year, org.code));
  const stored = snapshot.level;
  // What the consolidation saw: reports or lists changed after it leave the level stale.
  const basis = stored?.changed ?? 0;
  if (stored?.hash === content.hash) {
    if (stored.basis !== basis) await ref.update({ basis });
    return success({ ...stored, ...content, basis });
  }
  const version = (stored?.version ?? 0) + 1;
  const identity = { year, code: org.code, parent: org.parent ?? null, name: org.name, kind: org.kind };
  const versionDoc: LevelVersionDoc = { ...identity, version, asOf: now().toISOString(), ...content };
  const versionRef = db.doc(paths.levelVersion(year, org.code, version));
  const { organizations, targets } = stored ?? {};
  const latest = packDocument(ref.path, { ...versionDoc, organizations, targets, basis }, 'inputs');
  const kept = packDocument(versionRef.path, versionDoc, 'inputs');
  if (!packedFits(ref.path, { ...latest.doc })) {
    return failure(
      'CONSOLIDATION_TOO_LARGE',
      `Báo cáo tổng hợp năm ${year} của ${org.name} (${org.code}) quá lớn để lưu (giới hạn 1 MB mỗi tài liệu): danh sách tổ chức, chỉ tiêu hoặc các nhóm đảng viên quá dài.`,
    );
  }
  const batch = db.batch();
  // `create` fails when another consolidation stored this version first: the batch then writes nothing.
  batch.create(versionRef, kept.doc);
  kept.parts.forEach((bytes, i) => batch.create(db.doc(partPath(versionRef.path, i)), { bytes }));
  // `changed` and the lists are left alone: a report or list stored meanwhile keeps the level stale.
  const { organizations: _o, targets: _t, ...fields } = latest.doc;
  const packing = {
    table: latest.doc.table ?? FieldValue.delete(),
    tableParts: latest.doc.tableParts ?? FieldValue.delete(),
  };
  if (stored) batch.update(ref, { ...fields, ...packing });
  else batch.create(ref, { ...fields, changed: 0, basis: 0 });
  latest.parts.forEach((bytes, i) => batch.set(db.doc(partPath(ref.path, i)), { bytes }));
  await batch.commit();
  return success({ ...versionDoc, changed: stored?.changed ?? 0, basis });
}

type StoredLevelDoc = LevelDoc & PackedFields;

function unpackLevel(
  db: Firestore,
  year: number,
  stored: StoredLevelDoc,
  counter?: ReadCounter,
  countedFor?: string,
): Promise<LevelDoc> {
  if (!stored.consolidation) return Promise.resolve(stored);
  return unpackDocument(
    db,
    paths.level(year, stored.code),
    stored as StoredLevelDoc & { consolidation: Consolidation },
    'inputs',
    counter,
    countedFor ?? stored.code,
  );
}

export async function readLevel(db: Firestore, year: number, org: string): Promise<LevelDoc | null> {
  const snap = await db.doc(paths.level(year, org)).get();
  return snap.exists ? unpackLevel(db, year, snap.data() as StoredLevelDoc) : null;
}
