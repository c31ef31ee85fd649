/**
 * A token bucket per account, kept in the function instance's memory: `burst` requests at once, then
 * `perMinute` a minute. Each instance counts on its own (Cloud Functions may run several), so the limit a
 * user meets is per instance; it stops a runaway client or script without a Firestore write per request.
 */
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 120, perMinute: 120 };
/** Forget accounts idle this long, so the map does not grow without bound. */
const IDLE_MS = 10 * 60_000;

export type RateLimiter = (
  account: string,
  at: number,
) => { ok: true } | { ok: false; retryAfterSeconds: number };

export function createRateLimiter(limit: RateLimit = DEFAULT_RATE_LIMIT): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  return (account, at) => {
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
