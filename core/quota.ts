import { formatPercent } from './format';
import { roundHalfUp } from './percent';
import type { Quota, QuotaBase, QuotaSettings, RatingLevel } from './types';

/** What the quota is a share of, in words ("số {đảng viên} hoàn thành tốt nhiệm vụ"). */
export const QUOTA_BASE_WORDS: Record<QuotaBase, string> = {
  good: 'hoàn thành tốt nhiệm vụ',
  goodOrBetter: 'hoàn thành tốt nhiệm vụ trở lên',
  all: 'được xếp loại',
};

/** The count the quota ratio applies to. */
export function quotaBaseCount(counts: Record<RatingLevel, number>, base: QuotaBase): number {
  if (base === 'good') return counts.good;
  if (base === 'goodOrBetter') return counts.good + counts.excellent;
  return counts.excellent + counts.good + counts.complete + counts.notComplete;
}

/** The ratio as a percent with the decimals it needs: 0.2 → "20%", 0.125 → "12,5%". */
export function quotaRatioText(ratio: number): string {
  const hundredths = Math.round(ratio * 10000);
  const decimals = hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2;
  return formatPercent(roundHalfUp(ratio * 100, 2), decimals);
}

/** The most `excellent` ratings allowed: ⌊ratio × base⌋ computed exactly (0.2 × 31 → 6). */
export function maxExcellent(counts: Record<RatingLevel, number>, settings: QuotaSettings): number {
  const [numerator, denominator] = asFraction(settings.ratio);
  return Number((BigInt(quotaBaseCount(counts, settings.base)) * numerator) / denominator);
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
