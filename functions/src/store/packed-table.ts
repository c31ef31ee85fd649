import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Firestore } from 'firebase-admin/firestore';
import type { Consolidation } from '../../../core';
import { DOCUMENT_BUDGET_BYTES, documentBytes, fitsInDocument } from './document-size';
import { countReads, type ReadCounter } from './read-counter';

/**
 * A stored consolidation's per-unit table (byUnit, children, the unit codes, the inputs' versions) grows with
 * the units below it; past ≈ 1.000 units it would not fit in one document beside the rest. Then it is kept
 * deflated in the document (`table`), or, when even that is too large, in `…/parts/{i}` documents
 * (`tableParts`) written with it. Small consolidations are stored as they are.
 */
export interface PackedFields {
  table?: Buffer;
  tableParts?: number;
}

interface Table {
  byUnit: Consolidation['byUnit'];
  children: Consolidation['children'];
  codes: string[];
  map: Record<string, number>;
}

/** Below Firestore's limit for one bytes value, with room for the part's name. */
const PART_BYTES = 900_000;

export const partPath = (path: string, index: number) => `${path}/parts/${index}`;

/**
 * The document to store at `path` and the parts to write beside it. `mapField` names the document's per-input
 * versions map, which grows with the units too.
 */
export function packDocument<T extends { consolidation: Consolidation }>(
  path: string,
  doc: T,
  mapField: keyof T & string,
): { doc: T & PackedFields; parts: Buffer[] } {
  if (fitsInDocument(path, doc)) return { doc, parts: [] };
  const { consolidation } = doc;
  const table: Table = {
    byUnit: consolidation.byUnit,
    children: consolidation.children,
    codes: consolidation.units.codes,
    map: doc[mapField] as Record<string, number>,
  };
  const head = {
    ...doc,
    [mapField]: {},
    consolidation: {
      ...consolidation,
      byUnit: [],
      children: [],
      units: { ...consolidation.units, codes: [] },
    },
  };
  const packed = deflateRawSync(JSON.stringify(table), { level: 6 });
  if (documentBytes(path, head) + packed.length + 16 <= DOCUMENT_BUDGET_BYTES)
    return { doc: { ...head, table: packed }, parts: [] };
  const parts: Buffer[] = [];
  for (let at = 0; at < packed.length; at += PART_BYTES) parts.push(packed.subarray(at, at + PART_BYTES));
  return { doc: { ...head, tableParts: parts.length }, parts };
}

/** Whether a packed document (its head and deflated table) stays under the budget. */
export function packedFits(path: string, doc: Record<string, unknown> & PackedFields): boolean {
  const { table, ...head } = doc;
  return documentBytes(path, head) + (table?.length ?? 0) + 16 <= DOCUMENT_BUDGET_BYTES;
}

/** The document as it was before packing; its parts are read when it has some (counted for `org`). */
export async function unpackDocument<T extends { consolidation: Consolidation }>(
  db: Firestore,
  path: string,
  stored: T & PackedFields,
  mapField: keyof T & string,
  counter?: ReadCounter,
  org = '',
): Promise<T> {
  const { table, tableParts, ...doc } = stored;
  let packed = table ? Buffer.from(table) : null;
  if (tableParts) {
    const snaps = await db.getAll(...Array.from({ length: tableParts }, (_, i) => db.doc(partPath(path, i))));
    countReads(counter, org, snaps.length);
    packed = Buffer.concat(snaps.map((s) => Buffer.from((s.data() as { bytes: Buffer }).bytes)));
  }
  if (!packed) return doc as unknown as T;
  const unpacked = JSON.parse(inflateRawSync(packed).toString('utf8')) as Table;
  const { consolidation } = doc as unknown as T;
  return {
    ...(doc as unknown as T),
    [mapField]: unpacked.map,
    consolidation: {
      ...consolidation,
      byUnit: unpacked.byUnit,
      children: unpacked.children,
      units: { ...consolidation.units, codes: unpacked.codes },
    },
  };
}
