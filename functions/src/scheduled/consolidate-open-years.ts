import { logger } from 'firebase-functions';
import type { Firestore } from 'firebase-admin/firestore';
import { openYears } from '../store/directory';
import { consolidateYear } from '../store/consolidated';

/** Consolidates every open year; idempotent. Throws after trying them all if any failed, so the scheduler retries. */
export async function consolidateOpenYears(db: Firestore, now: () => Date): Promise<number[]> {
  const years = await openYears(db);
  const failed: number[] = [];
  for (const year of years) {
    try {
      const doc = await consolidateYear(db, year, now);
      logger.info(`consolidated ${year}`, { year, units: doc.consolidation.units.count, asOf: doc.asOf });
    } catch (error) {
      logger.error(`consolidation of ${year} failed`, error);
      failed.push(year);
    }
  }
  if (failed.length) throw new Error(`Consolidation failed for ${failed.join(', ')}`);
  return years;
}
