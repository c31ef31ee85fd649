/** LockService's document lock; `heldElsewhere` simulates another user holding it. */
export class FakeLockState {
  heldElsewhere = false;
  held = false;
  readonly events: string[] = [];
}

export class FakeLock {
  constructor(private readonly state: FakeLockState) {}
  tryLock(_timeoutMs: number): boolean {
    if (this.state.heldElsewhere) {
      this.state.events.push('tryLock:busy');
      return false;
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
