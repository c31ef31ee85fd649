import { appendFileSync } from 'node:fs';

/** `npm run test:hardening` runs the full sizes; `npm test` (CI) a short version of every suite. */
export const FULL = process.env.XEPLOAI_HARDENING === 'full';
export const sized = (short: number, full: number) => (FULL ? full : short);

export type Category = 'fuzz' | 'tokens' | 'faults' | 'load' | 'abuse';

/** Adds a line to RELIABILITY.md's results (only when `npm run test:hardening` asks for them). */
export function record(category: Category, check: string, tried: number, held: number, note = ''): void {
  const file = process.env.XEPLOAI_HARDENING_RESULTS;
  if (!file) return;
  appendFileSync(file, JSON.stringify({ category, check, tried, held, note }) + '\n');
}

/** Runs `cases`, counting the ones whose check did not throw; records them, then fails with the first failure. */
export async function tryAll<T>(
  category: Category,
  check: string,
  cases: T[],
  run: (item: T, index: number) => Promise<void> | void,
  /** Shown beside the check; a function is asked after the cases ran (to report what they measured). */
  note: string | (() => string) = '',
): Promise<void> {
  let held = 0;
  let first: unknown = null;
  for (const [index, item] of cases.entries()) {
    try {
      await run(item, index);
      held++;
    } catch (error) {
      first ??= error;
    }
  }
  record(category, check, cases.length, held, typeof note === 'function' ? note() : note);
  if (first) throw first;
}
