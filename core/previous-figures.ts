import { addTallies } from './tally';
import { RATING_LEVELS, type Consolidation, type ShareChange, type Tally } from './types';
import { pointsChange } from './percent';

/** Last year's figures a consolidation compares with: its totals, and where known its units and levels. */
export type PreviousFigures = Pick<Consolidation, 'members' | 'organizations'> &
  Partial<Pick<Consolidation, 'byUnit' | 'organization' | 'children'>>;

export interface PreviousIndex {
  /** Points of change of `current` vs the sum of last year's figures of `codes`; null when none is known. */
  changeOf(current: Tally, codes: string[]): ShareChange | null;
  /** Last year's totals: the sum of the predecessors when the level was formed by merging, else the whole. */
  totalOf(mergedFrom: string[] | undefined): Pick<Consolidation, 'members' | 'organizations'>;
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
  const sumOf = (codes: string[]): Tally | null => {
    const found = codes.map((c) => members.get(c)).filter((t): t is Tally => !!t);
    return found.length ? addTallies(found) : null;
  };
  return {
    changeOf(current, codes) {
      const before = sumOf(codes);
      return before ? shareChange(current, before) : null;
    },
    totalOf(mergedFrom) {
      const before = mergedFrom?.length ? sumOf(mergedFrom) : null;
      if (!before) return { members: previous.members, organizations: previous.organizations };
      const ratings = mergedFrom!.map((c) => organizations.get(c)).filter((t): t is Tally => !!t);
      return { members: before, organizations: ratings.length ? addTallies(ratings) : null };
    },
  };
}

export function shareChange(current: Tally, previous: Tally): ShareChange {
  return Object.fromEntries(
    RATING_LEVELS.map((level) => [level, pointsChange(current.percent[level], previous.percent[level])]),
  ) as ShareChange;
}
