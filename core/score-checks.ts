import { formatNumber } from './format';
import { issue, type IssuePlace } from './issues';
import { ratingLabel } from './labels';
import { levelForScore, type RuleSet } from './rules';
import { RATING_LEVELS, type Issue, type RatingLevel } from './types';

/** A score as typed, the Vietnamese way: 89.5 → "89,5", 89.25 → "89,25"; anything else as it came. */
export function formatScore(score: unknown): string {
  if (typeof score !== 'number' || !Number.isFinite(score)) return String(score);
  const decimals = Math.min(2, (String(score).split('.')[1] ?? '').length);
  return formatNumber(score, decimals);
}

export function isScoreIn(score: number, max: number): boolean {
  return Number.isFinite(score) && score >= 0 && score <= max;
}

/** True when `a` is a higher rating than `b`. */
export function ratedAbove(a: RatingLevel, b: RatingLevel): boolean {
  return RATING_LEVELS.indexOf(a) < RATING_LEVELS.indexOf(b);
}

export interface ScoreCapInput {
  score: number;
  rating: RatingLevel;
  /** The highest rating the row's own facts allow (discipline, sick leave): a rating there needs no note. */
  factsCap: RatingLevel;
  hasNote: boolean;
}

/**
 * QĐ 366 (design.md §2.5): the score's band is the highest rating allowed. Above it: E_SCORE_MISMATCH;
 * below it without a reason (a note, or the row's own facts): W_RATING_BELOW_SCORE. Nothing under a rule set
 * without a score scale.
 */
export function checkScoreCap(input: ScoreCapInput, ruleSet: RuleSet, place: IssuePlace): Issue[] {
  const band = levelForScore(ruleSet, input.score);
  if (!band || band === input.rating) return [];
  const score = formatScore(input.score);
  if (ratedAbove(input.rating, band)) {
    return [
      issue(
        'E_SCORE_MISMATCH',
        place,
        `Điểm ${score} ứng với mức “${ratingLabel(band)}” (${ruleSet.name}), nhưng dòng này xếp loại “${ratingLabel(
          input.rating,
        )}”: không được xếp loại cao hơn mức ứng với điểm.`,
      ),
    ];
  }
  const explained = input.hasNote || (input.rating === input.factsCap && ratedAbove(band, input.factsCap));
  if (explained) return [];
  return [
    issue(
      'W_RATING_BELOW_SCORE',
      place,
      `Điểm ${score} ứng với mức “${ratingLabel(band)}” (${ruleSet.name}) nhưng xếp loại “${ratingLabel(
        input.rating,
      )}”: được xếp thấp hơn, nhưng cần ghi lý do ở cột “Ghi chú”.`,
    ),
  ];
}

/** The band's level proposed when a scored row has no rating (E_NO_RATING), or '' without a scale. */
export function proposedLevelText(score: number | undefined, ruleSet: RuleSet): string {
  if (score === undefined || !isScoreIn(score, 100)) return '';
  const band = levelForScore(ruleSet, score);
  return band
    ? ` Điểm ${formatScore(score)} ứng với mức “${ratingLabel(band)}” (${ruleSet.name}): xếp loại không cao hơn mức này.`
    : '';
}
