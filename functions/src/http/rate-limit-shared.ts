import { createHash } from 'node:crypto';
import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { createLocalRateLimiter, type RateDecision, type RateLimit, type RateLimiter } from './rate-limit';

/**
 * The per-account limit held across every instance: a count per account in Firestore, over a sliding minute
 * made of six 10-second slots. One document per account and clock minute (`rateLimits/{account}-{minute}`,
 * fields `s0`…`s5`); a request adds 1 to its slot with an atomic increment (no transaction, so a burst from
 * one account never contends or aborts), then reads this minute's and the previous one's documents. A request
 * that finds more than `perMinute` in the last six slots is refused; refused requests count too, so a client
 * that ignores Retry-After stays refused. Documents carry `expiresAt` for a TTL policy
 * (firestore.indexes.json).
 *
 * Cost: 1 write + 2 document reads per authenticated request (about US$0,30 per 100.000 requests at
 * Firestore's list prices of US$0,18 per 100.000 writes and US$0,06 per 100.000 reads), and 2 round trips;
 * a flood one instance already refuses in memory costs nothing.
 */
const SLOT_MS = 10_000;
const SLOTS = 6;
const MINUTE_MS = SLOT_MS * SLOTS;
const COLLECTION = 'rateLimits';

/** Account ids are emails: stored hashed, so the counts hold no address. */
const accountKey = (account: string) => createHash('sha256').update(account).digest('hex').slice(0, 32);

/** The last six slots' counts, oldest first (the current slot, with this request, last). */
function recentCounts(current: Record<string, number>, previous: Record<string, number>, slot: number) {
  return Array.from({ length: SLOTS }, (_, i) => {
    const index = slot - (SLOTS - 1) + i;
    const doc = Math.floor(index / SLOTS) === Math.floor(slot / SLOTS) ? current : previous;
    return Number(doc[`s${index % SLOTS}`] ?? 0);
  });
}

/** Null when allowed; else the seconds until enough slots have left the window for one more request. */
function retryAfter(counts: number[], perMinute: number, at: number): number | null {
  const sum = (from: number) => counts.slice(from).reduce((a, b) => a + b, 0);
  if (sum(0) <= perMinute) return null;
  let leaving = 1;
  while (leaving < SLOTS && sum(leaving) + 1 > perMinute) leaving++;
  return Math.max(1, Math.ceil((leaving * SLOT_MS - (at % SLOT_MS)) / 1000));
}

export function createSharedRateLimiter(limit: RateLimit): RateLimiter {
  const local = createLocalRateLimiter(limit);
  return async (account, at, db: Firestore): Promise<RateDecision> => {
    const inMemory = local(account, at);
    if (!inMemory.ok) return inMemory;
    const slot = Math.floor(at / SLOT_MS);
    const minute = Math.floor(slot / SLOTS);
    const key = accountKey(account);
    const current = db.doc(`${COLLECTION}/${key}-${minute}`);
    const previous = db.doc(`${COLLECTION}/${key}-${minute - 1}`);
    await current.set(
      {
        [`s${slot % SLOTS}`]: FieldValue.increment(1),
        expiresAt: Timestamp.fromMillis((minute + 2) * MINUTE_MS),
      },
      { merge: true },
    );
    const [now, before] = await db.getAll(current, previous);
    const counts = recentCounts(now.data() ?? {}, before.data() ?? {}, slot);
    const wait = retryAfter(counts, limit.perMinute, at);
    return wait === null ? { ok: true } : { ok: false, retryAfterSeconds: wait };
  };
}
