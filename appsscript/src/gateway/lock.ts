export interface HeldLock {
  release(): void;
}

/** The document lock, so two people cannot submit the same spreadsheet at once; null when busy. */
export function tryDocumentLock(waitMs: number): HeldLock | null {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return null;
  return { release: () => lock.releaseLock() };
}
