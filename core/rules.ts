import type { QuotaSettings, RatingLevel } from './types';

export interface ScoreBand {
  level: RatingLevel;
  /** Inclusive lower bound. */
  min: number;
}

export interface RuleSet {
  id: string;
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

/** The rule set in force for an evaluation year (QĐ 366 from 2025), unless one is named. */
export function ruleSetFor(year: number, id?: string): RuleSet {
  if (id) {
    const named = RULE_SETS.find((r) => r.id === id);
    if (named) return named;
  }
  return year >= 2025 ? RULE_SET_QD366 : RULE_SET_QD124;
}

/** The level a score falls in, or null when the rule set has no scale. */
export function levelForScore(ruleSet: RuleSet, score: number): RatingLevel | null {
  if (!ruleSet.scoreBands) return null;
  return ruleSet.scoreBands.find((band) => score >= band.min)?.level ?? 'notComplete';
}
