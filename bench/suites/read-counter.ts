// Counts Firestore document reads the way they are billed (a document fetched = 1 read; a query = its
// documents, at least 1), by wrapping the Admin SDK's public read methods in this process. Transaction
// reads go through the SDK's internals, not these public methods, so nothing is counted twice; a retried
// transaction's reads count again, as they are billed again. Aggregation queries are not counted.
import { Firestore, Query, Transaction } from 'firebase-admin/firestore';

let reads = 0;
let installed = false;

function billed(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object' && 'docs' in result)
    return Math.max(1, (result as { docs: unknown[] }).docs.length);
  return 1;
}

function wrap(prototype: object, method: string): void {
  const target = prototype as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = target[method];
  target[method] = async function (this: unknown, ...args: unknown[]) {
    const result = await original.apply(this, args);
    reads += billed(result);
    return result;
  };
}

export function countReads(): void {
  if (installed) return;
  installed = true;
  wrap(Firestore.prototype, 'getAll');
  wrap(Query.prototype, 'get');
  wrap(Transaction.prototype, 'get');
  wrap(Transaction.prototype, 'getAll');
}

/** Reads made while `work` ran (nothing else should read meanwhile). */
export async function readsDuring<T>(work: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const before = reads;
  const result = await work();
  return { result, reads: reads - before };
}
