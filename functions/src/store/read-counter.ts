/**
 * Documents a consolidation read, counted as Firestore bills them: a document fetched is 1 read (found or
 * not), a query is its documents (at least 1). Kept per organization so a roll-up shows the reads of each level.
 */
export interface ReadCounter {
  documents: number;
  byOrganization: Record<string, number>;
}

export const newReadCounter = (): ReadCounter => ({ documents: 0, byOrganization: {} });

export function countReads(counter: ReadCounter | undefined, org: string, documents: number): void {
  if (!counter) return;
  counter.documents += documents;
  counter.byOrganization[org] = (counter.byOrganization[org] ?? 0) + documents;
}

/** What a query result costs. */
export const queryReads = (result: { size: number }): number => Math.max(1, result.size);
