import { isoDate } from './cells';
import { personName } from './names';
import type { Random } from './random';
import type { Member, Standing } from './standing';

/** One year's roll of a unit: who is on it and whether they were exempt the year before. */
export type Roll = { member: Member; exempt: boolean }[];

/** Card numbers of members admitted in `year`, unique in the whole sample ("02" + year + serial). */
export function newCards(year: number): () => string {
  let serial = 0;
  return () => `02${year % 100}${String(++serial).padStart(4, '0')}`;
}

export function isExempt(standing: Standing): boolean {
  return 'reason' in standing.status && standing.status.reason === 'exempt';
}

/**
 * Next year's roll from last year's (`exempt`: exempt last year): some of the elderly exempt members die, a few members move away,
 * and `admissions` new members join, admitted during `year`.
 */
export function nextRoll(
  last: Roll,
  year: number,
  random: Random,
  admissions: number,
  cells: string[],
  nextCard: () => string,
): Roll {
  const roll: Roll = [];
  for (const { member, exempt } of last) {
    if (exempt && member.birthDate < '1942-01-01' && random.chance(0.2)) continue;
    if (!exempt && random.chance(0.004)) continue;
    roll.push({ member, exempt });
  }
  for (let i = 0; i < admissions; i++) {
    const birthYear = random.int(1988, 2004);
    roll.push({
      member: {
        name: personName(random, random.chance(0.5) ? 'male' : 'female'),
        card: nextCard(),
        birthDate: isoDate(birthYear, random.int(1, 12), random.int(1, 28)),
        admittedOn: isoDate(year, random.int(1, 12), random.int(1, 28)),
        cell: cells.length ? random.pick(cells) : null,
      },
      exempt: false,
    });
  }
  return roll;
}

/** How many a unit of `size` members admits in a year, and the target it was given. */
export function admissionPlan(size: number, random: Random): { target: number | null; admitted: number } {
  if (size < 15) return { target: null, admitted: random.chance(0.2) ? 1 : 0 };
  const target = Math.max(1, Math.round(size * 0.015));
  return { target, admitted: Math.max(0, target + random.int(-1, 1)) };
}
