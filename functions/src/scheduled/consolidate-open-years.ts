import { logger } from 'firebase-functions';
import type { Firestore } from 'firebase-admin/firestore';
import { openYears } from '../store/directory';
import { consolidateYear } from '../store/consolidated';
import { refreshLevels } from '../store/refresh-levels';
import { isRetryableFailure } from '../store/retryable';

export interface YearFailure {
  year: number;
  code: string;
  retryable: boolean;
}

export interface ScheduledOutcome {
  years: number[];
  failed: YearFailure[];
}

function thrownFailure(year: number, error: unknown): YearFailure {
  const code = (error as { code?: unknown } | null)?.code;
  return {
    year,
    code: typeof code === 'number' ? `GRPC_${code}` : typeof code === 'string' ? code : 'UNEXPECTED',
    retryable: isRetryableFailure(error),
  };
}

/**
 * Consolidates every open year, the whole year and each level of the organization tree; idempotent. Each failure is logged as a structured error (year, code,
 * retryable). Throws, so the scheduler retries, only when some failure may go away on a retry.
 */
export async function consolidateOpenYears(db: Firestore, now: () => Date): Promise<ScheduledOutcome> {
  const years = await openYears(db);
  const failed: YearFailure[] = [];
  for (const year of years) {
    let found: YearFailure | null = null;
    try {
      const done = await consolidateYear(db, year, now);
      if (done.ok) {
        const doc = done.value;
        logger.info(`consolidated ${year}`, { year, units: doc.consolidation.units.count, asOf: doc.asOf });
      } else found = { year, code: done.failure.code, retryable: false };
      const levels = await refreshLevels(db, year, now);
      if (levels.ok) logger.info(`levels of ${year} up to date`, { year, levels: levels.value });
      else found ??= { year, code: levels.failure.code, retryable: false };
    } catch (error) {
      found = thrownFailure(year, error);
    }
    if (found) {
      logger.error(`consolidation of ${year} failed`, { ...found, job: 'consolidateOpenYears' });
      failed.push(found);
    }
  }
  const retryable = failed.filter((f) => f.retryable);
  if (retryable.length)
    throw new Error(`Consolidation failed for ${retryable.map((f) => f.year).join(', ')}`);
  return { years, failed };
}
