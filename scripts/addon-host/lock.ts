/**
 * One of LockService's three locks (document, script, user), which are separate. `heldElsewhere` is
 * another execution holding it: for `heldElsewhereMs` milliseconds (Infinity: for longer than anyone
 * waits). tryLock(timeout) waits (on a virtual clock, recorded in `waitedMs`) up to its timeout for that
 * holder to let go, as the real one blocks. A lock still held when the execution ends is released.
 */
export class FakeLockState {
  heldElsewhere = false;
  heldElsewhereMs = Infinity;
  held = false;
  readonly waitedMs: number[] = [];
  readonly events: string[] = [];

  constructor(readonly kind: 'document' | 'script' | 'user') {}

  endExecution(): void {
    if (this.held) this.events.push('released at the end of the execution');
    this.held = false;
  }
}

export class FakeLock {
  constructor(private readonly state: FakeLockState) {}
  tryLock(timeoutMs: number): boolean {
    if (typeof timeoutMs !== 'number' || timeoutMs < 0)
      throw new Error('Exception: Invalid argument: timeoutInMillis');
    if (this.state.heldElsewhere) {
      if (this.state.heldElsewhereMs > timeoutMs) {
        this.state.waitedMs.push(timeoutMs);
        this.state.events.push('tryLock:busy');
        return false;
      }
      this.state.waitedMs.push(this.state.heldElsewhereMs);
      this.state.heldElsewhere = false;
    }
    this.state.held = true;
    this.state.events.push('tryLock:ok');
    return true;
  }
  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs))
      throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this.state.held;
  }
  releaseLock(): void {
    this.state.held = false;
    this.state.events.push('release');
  }
}
