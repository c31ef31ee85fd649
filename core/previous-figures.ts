import { addTallies } from './tally';
import { RATING_LEVELS, type Consolidation, type ShareChange, type Tally } from './types';
import { pointsChange } from './percent';

/** Last year's figures a consolidation compares with: its totals, and where known its units and levels. */
export type PreviousFigures = Pick<Consolidation, 'members' | 'organizations'> &
  Partial<Pick<Consolidation, 'byUnit' | 'organization' | 'children'>>;

/** What a level's change is measured against: last year's codes and the sum of their figures. */
export interface ChangeBase {
  codes: string[];
  members: Tally;
  /** Null when last year's organization ratings of exactly these codes are not known. */
  organizations: Tally | null;
}

export interface PreviousIndex {
  /** Points of change of `current` vs the sum of last year's figures of `codes`; null when none is known. */
  changeOf(current: Tally, codes: string[]): ShareChange | null;
  /** Last year's figures of these codes added up (each code once); null when none of them is known. */
  baseOf(codes: string[]): ChangeBase | null;
  /** Whether any of `codes` has figures last year. */
  knows(codes: string[]): boolean;
  /** Last year's figures as a whole. */
  whole(): ChangeBase;
  /** Whether last year's figures are those of the organization `code` itself. */
  isOrganization(code: string): boolean;
}

/** Last year's figures by organization code: every unit, every lower level, the level itself. */
export function previousFiguresIndex(previous: PreviousFigures): PreviousIndex {
  const members = new Map<string, Tally>();
  const organizations = new Map<string, Tally | null>();
  for (const unit of previous.byUnit ?? []) members.set(unit.code, unit.members);
  for (const child of previous.children ?? []) {
    if (!child.isUnit && child.members) members.set(child.code, child.members);
  }
  const own = previous.organization?.code;
  if (own) {
    members.set(own, previous.members);
    organizations.set(own, previous.organizations);
  }
  const unitCodes = (previous.byUnit ?? []).map((u) => u.code);
  const sumOf = (codes: string[]): Tally | null => {
    const found = [...new Set(codes)].map((c) => members.get(c)).filter((t): t is Tally => !!t);
    return found.length ? addTallies(found) : null;
  };
  const wholeCodes = own ? [own] : unitCodes;
  const whole = (): ChangeBase => ({
    codes: wholeCodes,
    members: previous.members,
    organizations: previous.organizations,
  });
  return {
    changeOf(current, codes) {
      const before = sumOf(codes);
      return before ? shareChange(current, before) : null;
    },
    knows: (codes) => codes.some((c) => members.has(c)),
    baseOf(codes) {
      const unique = [...new Set(codes)];
      if (own && unique.includes(own)) return whole();
      // Every unit of last year among the codes, and nothing else: that is the whole of last year.
      if (
        unitCodes.length &&
        unique.length === unitCodes.length &&
        unitCodes.every((c) => unique.includes(c))
      )
        return whole();
      const before = sumOf(unique);
      if (!before) return null;
      const ratings = unique.map((c) => organizations.get(c));
      return {
        codes: unique,
        members: before,
        organizations: ratings.every((t): t is Tally => !!t) ? addTallies(ratings) : null,
      };
    },
    whole,
    isOrganization: (code) => own === code,
  };
}

export function shareChange(current: Tally, previous: Tally): ShareChange {
  return Object.fromEntries(
    RATING_LEVELS.map((level) => [level, pointsChange(current.percent[level], previous.percent[level])]),
  ) as ShareChange;
}
