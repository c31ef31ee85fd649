import { isError } from './issues';
import type { Consolidation, Issue, UnitSummary } from './types';

/** How many issues a stored unit summary keeps; the rest are only counted. */
export const ISSUES_KEPT_PER_UNIT = 20;

/** How many issues of each kind there were, and of each code, before any were left out. */
export interface IssueCounts {
  errors: number;
  warnings: number;
  byCode: Record<string, number>;
}

export function countIssues(issues: Issue[]): IssueCounts {
  const counts: IssueCounts = { errors: 0, warnings: 0, byCode: {} };
  for (const found of issues) addIssue(counts, found.code, 1);
  return counts;
}

function addIssue(counts: IssueCounts, code: string, n: number): void {
  if (isError({ code } as Issue)) counts.errors += n;
  else counts.warnings += n;
  counts.byCode[code] = (counts.byCode[code] ?? 0) + n;
}

/** The sum of several counts (a consolidation's over its units). */
export function addIssueCounts(all: IssueCounts[]): IssueCounts {
  const total: IssueCounts = { errors: 0, warnings: 0, byCode: {} };
  for (const counts of all) for (const [code, n] of Object.entries(counts.byCode)) addIssue(total, code, n);
  return total;
}

/** A summary's counts: the stored ones when its lists were cut, else counted from its lists. */
export function summaryIssueCounts(summary: UnitSummary): IssueCounts {
  return summary.issueCounts ?? countIssues([...summary.errors, ...summary.warnings]);
}

/** The first `keep` issues, errors before warnings. */
export function firstIssues(errors: Issue[], warnings: Issue[], keep: number): Issue[] {
  return [...errors.slice(0, keep), ...warnings.slice(0, Math.max(0, keep - errors.length))];
}

/**
 * The summary a server stores: every figure, the counts by code, and only the first `keep` issues, so one
 * unit with thousands of warnings cannot make its summary (or a consolidation of it) too large to store.
 */
export function boundSummary(summary: UnitSummary, keep: number = ISSUES_KEPT_PER_UNIT): UnitSummary {
  const kept = firstIssues(summary.errors, summary.warnings, keep);
  return {
    ...summary,
    errors: kept.filter(isError),
    warnings: kept.filter((i) => !isError(i)),
    issueCounts: summaryIssueCounts(summary),
  };
}

/** How many issues a stored consolidation keeps; the rest are only counted. */
export const ISSUES_KEPT_IN_CONSOLIDATION = 1000;

/**
 * A consolidation's issues counted in full: each unit's own counts (its summary may list only the first ones)
 * plus the issues the consolidation itself raised.
 */
export function consolidationIssueCounts(
  consolidation: Consolidation,
  summaries: UnitSummary[],
): IssueCounts {
  const included = new Set(consolidation.units.codes);
  const units = summaries.filter((s) => included.has(s.unit.code));
  const listed = countIssues(units.flatMap((u) => [...u.errors, ...u.warnings]));
  const own: IssueCounts = { errors: 0, warnings: 0, byCode: {} };
  const all = countIssues([...consolidation.errors, ...consolidation.warnings]);
  for (const [code, n] of Object.entries(all.byCode)) {
    const raised = n - (listed.byCode[code] ?? 0);
    if (raised > 0) addIssue(own, code, raised);
  }
  return addIssueCounts([...units.map(summaryIssueCounts), own]);
}

/** A consolidation with the first `keep` issues and the counts of all of them, small enough to store. */
export function boundConsolidation(
  consolidation: Consolidation,
  summaries: UnitSummary[],
  keep: number = ISSUES_KEPT_IN_CONSOLIDATION,
): Consolidation & { issueCounts: IssueCounts } {
  const kept = firstIssues(consolidation.errors, consolidation.warnings, keep);
  return {
    ...consolidation,
    errors: kept.filter(isError),
    warnings: kept.filter((i) => !isError(i)),
    issueCounts: consolidationIssueCounts(consolidation, summaries),
  };
}
