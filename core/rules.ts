import type { OrganizationQuotaSettings, QuotaSettings, RatingLevel, RuleSetId, YearSettings } from './types';

export interface ScoreBand {
  level: RatingLevel;
  /** Inclusive lower bound. */
  min: number;
}

export interface RuleSet {
  id: RuleSetId;
  name: string;
  /** Highest band first; null when the rule set has no score scale. */
  scoreBands: ScoreBand[] | null;
  quota: QuotaSettings;
}

export const DEFAULT_QUOTA: QuotaSettings = { ratio: 0.2, base: 'good' };

export const RULE_SET_QD124: RuleSet = {
  id: 'qd124-hd25',
  name: 'QĐ 124 / HD 25',
  scoreBands: null,
  quota: DEFAULT_QUOTA,
};

export const RULE_SET_QD366: RuleSet = {
  id: 'qd366-hd43',
  name: 'QĐ 366 / HD 43',
  scoreBands: [
    { level: 'excellent', min: 90 },
    { level: 'good', min: 70 },
    { level: 'complete', min: 50 },
    { level: 'notComplete', min: 0 },
  ],
  quota: DEFAULT_QUOTA,
};

export const RULE_SETS = [RULE_SET_QD124, RULE_SET_QD366];

/** The first evaluation year under QĐ 366 / HD 43. */
export const QD366_FIRST_YEAR = 2025;

/** The rule set in force for an evaluation year (QĐ 366 from 2025), unless a setting names one. */
export function ruleSetFor(year: number, id?: string): RuleSet {
  if (id) {
    const named = RULE_SETS.find((r) => r.id === id);
    if (named) return named;
  }
  return year >= QD366_FIRST_YEAR ? RULE_SET_QD366 : RULE_SET_QD124;
}

/** The level a score falls in, or null when the rule set has no scale. */
export function levelForScore(ruleSet: RuleSet, score: number): RatingLevel | null {
  if (!ruleSet.scoreBands) return null;
  return ruleSet.scoreBands.find((band) => score >= band.min)?.level ?? 'notComplete';
}

/** The year's quota on excellent organizations: 0,2 of `good` by default, by group unless the year says not. */
export function organizationQuotaFor(settings: YearSettings | undefined): OrganizationQuotaSettings {
  const given = settings?.organizationQuota ?? {};
  return {
    ratio: given.ratio ?? DEFAULT_QUOTA.ratio,
    base: given.base ?? DEFAULT_QUOTA.base,
    byGroup: given.byGroup ?? true,
  };
}

/** The rule set a `Quy định áp dụng` cell names ("QĐ 366", "Quyết định 124-QĐ/TW", "HD 43"…), or null. */
export function ruleSetIdFromText(text: string): RuleSetId | null {
  const digits: string[] = text.match(/\d+/g) ?? [];
  if (digits.includes('366') || digits.includes('43')) return 'qd366-hd43';
  if (digits.includes('124') || digits.includes('25')) return 'qd124-hd25';
  return RULE_SETS.find((r) => r.id === text.trim())?.id ?? null;
}
