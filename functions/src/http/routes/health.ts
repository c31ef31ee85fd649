import type { Reply } from '../failure';

/** Unauthenticated liveness check (the local stack waits on it). */
export async function health(): Promise<Reply> {
  return { status: 200, body: { ok: true } };
}
