import type { Firestore } from 'firebase-admin/firestore';

/** At most `perMinute` requests per account in any minute, `burst` of them at once. */
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 120, perMinute: 120 };
/** Forget accounts idle this long, so the map does not grow without bound. */
const IDLE_MS = 10 * 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The limit the API applies: `db` is where the count shared by every instance lives. */
export type RateLimiter = (account: string, at: number, db: Firestore) => Promise<RateDecision>;

/**
 * A token bucket per account in this instance's memory. Alone it would be a limit per instance (Cloud
 * Functions runs several); in front of the shared count it refuses a flood one instance already sees
 * without spending a Firestore write on it.
 */
export function createLocalRateLimiter(limit: RateLimit = DEFAULT_RATE_LIMIT) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  return (account: string, at: number): RateDecision => {
    if (buckets.size > 10_000) {
      for (const [key, bucket] of buckets) if (at - bucket.at > IDLE_MS) buckets.delete(key);
    }
    const bucket = buckets.get(account) ?? { tokens: limit.burst, at };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (at - bucket.at) * perMs);
    bucket.at = at;
    buckets.set(account, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  };
}

/** RATE_LIMIT_PER_MINUTE (and RATE_LIMIT_BURST) from the environment, else the default. */
export function rateLimitFrom(env: Record<string, string | undefined>): RateLimit {
  const perMinute = Number(env.RATE_LIMIT_PER_MINUTE);
  const burst = Number(env.RATE_LIMIT_BURST);
  return {
    perMinute: perMinute > 0 ? perMinute : DEFAULT_RATE_LIMIT.perMinute,
    burst: burst > 0 ? burst : perMinute > 0 ? perMinute : DEFAULT_RATE_LIMIT.burst,
  };
}
