import { roundHalfUp } from './percent';
import { levelForScore, type RuleSet } from './rules';
import { MemberTable, memberView } from './member-table';
import { isScoreIn } from './score-checks';
import type { MemberRow, RatingLevel, ScoreSummary } from './types';

/** The score a member row carries: `Điểm`, or the sum of its two parts when only they are given. */
export function memberScore(member: MemberRow): number | undefined {
  if (member.score !== undefined) return member.score;
  if (member.scoreGeneral !== undefined && member.scoreTasks !== undefined)
    return roundHalfUp(member.scoreGeneral + member.scoreTasks, 2);
  return undefined;
}

/** How many members were scored, their average and how many fall in each band (QĐ 366); null when none. */
export function summarizeScores(members: MemberRow[] | MemberTable, ruleSet: RuleSet): ScoreSummary | null {
  const scores: number[] = [];
  // A table without a score column has no score to read.
  const table = members instanceof MemberTable ? members : null;
  if (table && !table.scored) return null;
  const view = memberView();
  const count = table ? table.length : (members as MemberRow[]).length;
  for (let i = 0; i < count; i++) {
    const score = memberScore(table ? table.read(i, view) : (members as MemberRow[])[i]);
    if (score !== undefined && isScoreIn(score, 100)) scores.push(score);
  }
  if (!scores.length) return null;
  const bands: Record<RatingLevel, number> = { excellent: 0, good: 0, complete: 0, notComplete: 0 };
  for (const score of scores) {
    const band = levelForScore(ruleSet, score);
    if (band) bands[band]++;
  }
  const hundredths = scores.reduce((sum, s) => sum + Math.round(s * 100), 0);
  return {
    scored: scores.length,
    average: roundHalfUp(hundredths / scores.length / 100, 2),
    bands: ruleSet.scoreBands ? bands : null,
  };
}
