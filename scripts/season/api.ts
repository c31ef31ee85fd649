import type { Consolidation } from '../../core';
import { signDevToken } from '../dev-signing-key';

/** A stored consolidation as GET /v1/consolidated/… answers it. */
export type ServerReport = Consolidation & { missing: string[]; asOf: string };

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** One JSON request to the local API as `email` (a development token, accepted by the emulator only). */
export async function callApi<T = unknown>(
  apiUrl: string,
  email: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${signDevToken(email)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the message
  }
  return { status: response.status, body: parsed as T };
}

export function describeFailure(answer: ApiAnswer): string {
  const error = (answer.body as { error?: { code?: string; message?: string } })?.error;
  return error ? `${answer.status} ${error.code}: ${error.message}` : `${answer.status}`;
}

/** Runs `work` over `items` with at most `limit` at a time, in order of completion. */
export async function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/**
 * Runs the scheduled consolidation in the functions emulator (a POST to its `…-0` URL). The emulator starts a
 * worker for the function on its first call and may drop that connection: a network failure is tried again,
 * three attempts at most (a consolidation run twice stores nothing more). An answer other than 2xx is final.
 */
export async function runScheduledConsolidation(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST' });
    } catch (error) {
      if (attempt < 3) {
        await new Promise((done) => setTimeout(done, 1000));
        continue;
      }
      throw new Error(
        `Không gọi được hàm tổng hợp theo lịch sau ${attempt} lần thử: trình giả lập Functions không trả lời (${(error as Error).message}).`,
      );
    }
    if (!response.ok) throw new Error(`Hàm tổng hợp theo lịch trả về ${response.status}.`);
    return;
  }
}
