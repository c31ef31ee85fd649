import { SHEET_NAMES } from './sheet-formats';
import { addTallies, tallyRows } from './tally';
import { foldText } from './text';
import type {
  Consolidation,
  Issue,
  OrganizationRating,
  QuotaSettings,
  Tally,
  UpperOrganizations,
} from './types';
import { checkQuota } from './validate-members';

/** Organizations with no `Khối` when others have one are counted together under this label. */
export const NO_GROUP_LABEL = 'Chưa ghi khối';

/** What the ratings of the grassroots organizations (the units) are called. */
export const GRASSROOTS_NAME = 'Tổ chức cơ sở đảng';

/**
 * The name of the tier `index` of organizations above the units (design.md §2.8): 0 the đảng bộ directly above
 * the grassroots organizations (đảng ủy xã, phường, …), 1 the level above those, and so on.
 */
export function tierName(index: number): string {
  return index === 0
    ? 'Đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng'
    : `Tổ chức đảng trên tổ chức cơ sở đảng ${index + 1} cấp`;
}

/** How many levels a consolidation's organization is above the units: 1 when the units are directly below it. */
export function heightOf(consolidation: Pick<Consolidation, 'upperOrganizations'>): number {
  return 1 + (consolidation.upperOrganizations?.length ?? 0);
}

interface Part {
  all: Tally | null;
  groups: Record<string, Tally> | null;
}

export interface OrganizationFigures {
  /** The grassroots organizations' ratings, each given by the level directly above it. */
  organizations: Tally | null;
  organizationGroups: Record<string, Tally> | null;
  upperOrganizations: UpperOrganizations[];
  issues: Issue[];
}

/**
 * A level's organization figures, kept apart by tier (design.md §2.7–2.8): its own list rates the
 * organizations directly below it — units (tổ chức cơ sở đảng) and lower levels alike — and each rating is
 * added to the tier of the organization rated, with the tiers the lower levels carry up. The 20% quota is
 * checked within each tier of this level's own list (within each `Khối` when groups apply).
 *
 * `heights` gives each lower level given as an input (1: units directly below it); a unit input is height 0.
 * A listed organization that sent nothing is taken to be of the lowest height sent beside it, a unit when any
 * unit was sent or nothing was.
 */
export function organizationFigures(
  listed: OrganizationRating[],
  heights: Map<string, number>,
  unitCodes: Set<string>,
  lower: Consolidation[],
  quota: QuotaSettings & { byGroup: boolean },
): OrganizationFigures {
  const absentHeight = unitCodes.size || !heights.size ? 0 : Math.min(...heights.values());
  const heightOfListed = (code: string) => heights.get(code) ?? (unitCodes.has(code) ? 0 : absentHeight);
  const tiers = Math.max(0, ...heights.values(), ...lower.map((c) => heightOf(c) - 1));
  const issues: Issue[] = [];
  const partsAt = (height: number): Part[] => {
    const rows = listed.filter((o) => heightOfListed(o.code) === height);
    const own: Part = {
      all: rows.length ? tallyRows(rows, quota) : null,
      groups: quota.byGroup ? groupOrganizations(rows, quota) : null,
    };
    const subject = height === 0 ? 'tổ chức cơ sở đảng' : tierName(height - 1).toLocaleLowerCase('vi');
    if (own.groups) {
      for (const [label, tally] of Object.entries(own.groups))
        issues.push(...checkQuota(tally, SHEET_NAMES.organizations, subject, quota, `Khối “${label}”`));
    } else if (own.all) issues.push(...checkQuota(own.all, SHEET_NAMES.organizations, subject, quota));
    const below =
      height === 0
        ? lower.map((c) => ({ all: c.organizations, groups: c.organizationGroups ?? null }))
        : lower.map((c) => {
            const tier = c.upperOrganizations?.[height - 1];
            return { all: tier?.organizations ?? null, groups: tier?.groups ?? null };
          });
    return [own, ...below].filter((part) => part.all);
  };
  const sum = (parts: Part[]) => ({
    all: parts.length
      ? addTallies(
          parts.map((p) => p.all!),
          quota,
        )
      : null,
    groups: mergeOrganizationGroups(parts, quota),
  });
  const grassroots = sum(partsAt(0));
  const upperOrganizations = Array.from({ length: tiers }, (_, index) => {
    const tier = sum(partsAt(index + 1));
    return { name: tierName(index), organizations: tier.all, groups: tier.groups };
  });
  return {
    organizations: grassroots.all,
    organizationGroups: grassroots.groups,
    upperOrganizations,
    issues,
  };
}

/** Organization ratings per `Khối`; null when no organization gives one (then one pooled quota applies). */
export function groupOrganizations(
  organizations: OrganizationRating[],
  quota: QuotaSettings,
): Record<string, Tally> | null {
  if (!organizations.some((o) => o.group?.trim())) return null;
  const groups = new Map<string, { label: string; rows: OrganizationRating[] }>();
  for (const organization of organizations) {
    const label = organization.group?.trim() || NO_GROUP_LABEL;
    const key = foldText(label);
    const entry = groups.get(key) ?? { label, rows: [] };
    entry.rows.push(organization);
    groups.set(key, entry);
  }
  return Object.fromEntries([...groups.values()].map(({ label, rows }) => [label, tallyRows(rows, quota)]));
}

/**
 * Ratings per `Khối` over this level's list and the levels below: a part without groups counts under
 * NO_GROUP_LABEL once any part has groups, as it would in one list. Null when no part has groups.
 */
function mergeOrganizationGroups(parts: Part[], quota: QuotaSettings): Record<string, Tally> | null {
  if (!parts.some((part) => part.groups)) return null;
  return mergeGroups(
    parts.map((part) => part.groups ?? (part.all ? { [NO_GROUP_LABEL]: part.all } : {})),
    quota,
  );
}

/** Group tallies added up by group, groups matched case- and diacritic-insensitively; the first spelling names it. */
export function mergeGroups(sources: Record<string, Tally>[], quota: QuotaSettings): Record<string, Tally> {
  const groups = new Map<string, { label: string; tallies: Tally[] }>();
  for (const source of sources) {
    for (const [label, tally] of Object.entries(source)) {
      const key = foldText(label);
      const entry = groups.get(key) ?? { label, tallies: [] };
      entry.tallies.push(tally);
      groups.set(key, entry);
    }
  }
  return Object.fromEntries(
    [...groups.values()].map(({ label, tallies }) => [label, addTallies(tallies, quota)]),
  );
}
