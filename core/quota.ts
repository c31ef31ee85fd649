import type { Quota, QuotaSettings, RatingLevel } from './types';

/** The most `excellent` ratings allowed: ⌊ratio × base⌋ computed exactly (0.2 × 31 → 6). */
export function maxExcellent(counts: Record<RatingLevel, number>, settings: QuotaSettings): number {
  const base =
    settings.base === 'good'
      ? counts.good
      : settings.base === 'goodOrBetter'
        ? counts.good + counts.excellent
        : counts.excellent + counts.good + counts.complete + counts.notComplete;
  const [numerator, denominator] = asFraction(settings.ratio);
  return Number((BigInt(base) * numerator) / denominator);
}

export function quotaOf(counts: Record<RatingLevel, number>, settings: QuotaSettings): Quota {
  const max = maxExcellent(counts, settings);
  return { ratio: settings.ratio, base: settings.base, maxExcellent: max, ok: counts.excellent <= max };
}

/** A decimal ratio such as 0.2 as an exact fraction of integers (2/10). */
function asFraction(ratio: number): [bigint, bigint] {
  const text = String(ratio);
  if (/e/i.test(text)) return [BigInt(Math.round(ratio * 1e12)), 10n ** 12n];
  const [whole, fraction = ''] = text.split('.');
  const denominator = 10n ** BigInt(fraction.length);
  return [BigInt(whole + fraction), denominator];
}
