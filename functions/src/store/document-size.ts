/**
 * A document's stored size as Firestore counts it (firebase.google.com/docs/firestore/storage-size): strings
 * are UTF-8 bytes + 1, numbers and timestamps 8, booleans and null 1, map keys count as strings, plus the
 * document name and 32 bytes. Firestore refuses a document over 1 MiB; the emulator does not, so every
 * document that grows with its input is measured before it is written.
 */
export const MAX_DOCUMENT_BYTES = 1_048_576;
/** What we allow ourselves: a margin under Firestore's limit. */
export const DOCUMENT_BUDGET_BYTES = 1_000_000;

function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Date) return 8;
  if (typeof value === 'string') return Buffer.byteLength(value) + 1;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueBytes(item), 0);
  if (typeof value === 'object') {
    let sum = 0;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) sum += Buffer.byteLength(key) + 1 + valueBytes(item);
    }
    return sum;
  }
  return 8;
}

export function documentBytes(path: string, data: Record<string, unknown>): number {
  const name = path.split('/').reduce((sum, segment) => sum + Buffer.byteLength(segment) + 1, 16);
  return name + valueBytes(data) + 32;
}

export function fitsInDocument(path: string, data: Record<string, unknown>): boolean {
  return documentBytes(path, data) <= DOCUMENT_BUDGET_BYTES;
}
