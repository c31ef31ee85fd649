import { issue, splitIssues } from './issues';
import { summaryIssueCounts } from './issue-limits';
import { percentOf, pointsChange } from './percent';
import { DEFAULT_QUOTA, organizationQuotaFor } from './rules';
import { SHEET_NAMES } from './sheet-formats';
import { addTallies, tallyRows } from './tally';
import { ADMISSIONS_CODE, combineTargets } from './targets';
import { foldText } from './text';
import {
  RATING_LEVELS,
  type Consolidation,
  type Development,
  type DistrictData,
  type Issue,
  type OrganizationRating,
  type QuotaSettings,
  type ShareChange,
  type Tally,
  type TargetResult,
  type UnitSummary,
  type YearSettings,
} from './types';
import { checkQuota } from './validate-members';

export interface ConsolidateOptions {
  year?: number;
  district?: DistrictData | null;
  /** Last year's consolidation, for the change in percentage points. */
  previous?: Pick<Consolidation, 'members' | 'organizations'> | null;
  quota?: QuotaSettings;
  /** The year's settings; absent: the superior workbook's, else the defaults. */
  settings?: YearSettings;
}

/** Organizations with no `Khối` when others have one are counted together under this label. */
export const NO_GROUP_LABEL = 'Chưa ghi khối';

/** The superior level's report from one summary a unit: totals, groups, organizations, targets and change. */
export function consolidate(summaries: UnitSummary[], options: ConsolidateOptions = {}): Consolidation {
  const quota = options.quota ?? DEFAULT_QUOTA;
  const year = options.year ?? summaries.find((s) => s.year)?.year ?? 0;
  const own: Issue[] = [];
  const seen = new Set<string>();
  const units: UnitSummary[] = [];
  for (const summary of summaries) {
    const code = summary.unit.code;
    const place = { sheet: SHEET_NAMES.info, row: null, column: null, value: code, unit: code };
    if (summary.year !== year) {
      own.push(
        issue(
          'E_YEAR_MISMATCH',
          place,
          `Báo cáo của đơn vị ${code} là năm ${summary.year}, không phải năm ${year}: không được tổng hợp.`,
        ),
      );
    } else if (seen.has(code)) {
      own.push(
        issue('E_UNIT_DUPLICATE', place, `Mã đơn vị ${code} có hai báo cáo: chỉ tổng hợp báo cáo đầu tiên.`),
      );
    } else {
      seen.add(code);
      units.push(summary);
    }
  }

  const district = options.district ?? null;
  const organizationQuota = organizationQuotaFor(options.settings ?? district?.settings);
  const organizations =
    district && district.organizations.length ? tallyRows(district.organizations, organizationQuota) : null;
  const organizationGroups =
    district && organizationQuota.byGroup
      ? groupOrganizations(district.organizations, organizationQuota)
      : null;
  if (organizationGroups) {
    for (const [label, tally] of Object.entries(organizationGroups))
      own.push(
        ...checkQuota(
          tally,
          SHEET_NAMES.organizations,
          'tổ chức cơ sở đảng',
          organizationQuota,
          `Khối “${label}”`,
        ),
      );
  } else if (organizations)
    own.push(
      ...checkQuota(organizations, SHEET_NAMES.organizations, 'tổ chức cơ sở đảng', organizationQuota),
    );
  if (district && district.organizations.length) {
    const known = new Set(district.organizations.map((o) => o.code));
    for (const org of district.organizations) {
      if (!seen.has(org.code)) {
        own.push(
          issue(
            'W_UNIT_MISSING',
            {
              sheet: SHEET_NAMES.organizations,
              row: org.row ?? null,
              column: null,
              value: org.code,
              unit: org.code,
            },
            `Chưa có báo cáo của ${org.name || 'đơn vị'} (${org.code}).`,
          ),
        );
      }
    }
    for (const unit of units) {
      if (!known.has(unit.unit.code)) {
        own.push(
          issue(
            'W_UNIT_UNKNOWN',
            {
              sheet: SHEET_NAMES.organizations,
              row: null,
              column: null,
              value: unit.unit.code,
              unit: unit.unit.code,
            },
            `Đơn vị ${unit.unit.code} không có trong danh sách tổ chức cơ sở đảng.`,
          ),
        );
      }
    }
  }

  const kindOf = new Map((district?.organizations ?? []).map((o) => [o.code, o.kind]));
  const byKind: Record<string, number> = {};
  for (const unit of units) {
    const kind = unit.unit.kind || kindOf.get(unit.unit.code) || 'Không rõ';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }

  const members = addTallies(
    units.map((u) => u.members),
    quota,
  );
  const withCells = units.filter((u) => u.cells);
  const cells = withCells.length
    ? addTallies(
        withCells.map((u) => u.cells!),
        quota,
      )
    : null;
  const unitIssues = units.flatMap((u) =>
    [...u.errors, ...u.warnings].map((i) => ({ ...i, unit: u.unit.code })),
  );
  const { errors, warnings } = splitIssues([...unitIssues, ...own]);
  const targets = combineTargets(
    units.map((u) => ({ unit: u.unit.code, rows: u.targets })),
    district?.assignedTargets ?? [],
  );
  return {
    year,
    units: { count: units.length, codes: units.map((u) => u.unit.code), byKind },
    members,
    groups: mergeGroups(units, quota),
    cells,
    organizations,
    ...(organizationGroups ? { organizationGroups } : {}),
    byUnit: units.map((u) => ({
      code: u.unit.code,
      name: u.unit.name,
      kind: u.unit.kind,
      members: u.members,
      errors: summaryIssueCounts(u).errors,
      warnings: summaryIssueCounts(u).warnings,
    })),
    targets,
    development: developmentRate(targets, options.previous?.members.total ?? null),
    change: options.previous
      ? {
          members: shareChange(members, options.previous.members),
          organizations:
            organizations && options.previous.organizations
              ? shareChange(organizations, options.previous.organizations)
              : null,
        }
      : null,
    errors,
    warnings,
  };
}

export function shareChange(current: Tally, previous: Tally): ShareChange {
  return Object.fromEntries(
    RATING_LEVELS.map((level) => [level, pointsChange(current.percent[level], previous.percent[level])]),
  ) as ShareChange;
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

function mergeGroups(units: UnitSummary[], quota: QuotaSettings): Record<string, Tally> {
  const groups = new Map<string, { label: string; tallies: Tally[] }>();
  for (const unit of units) {
    for (const [label, tally] of Object.entries(unit.groups)) {
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

/**
 * "Tỷ lệ phát triển đảng viên": members admitted in the year ÷ members at its start (last year's total) × 100.
 * Null without last year's figures or without an admissions actual.
 */
export function developmentRate(targets: TargetResult[], membersAtStart: number | null): Development | null {
  const admitted = targets.find((t) => t.code === ADMISSIONS_CODE)?.actual ?? null;
  if (admitted === null || !membersAtStart) return null;
  return { admitted, membersAtStart, percent: percentOf(admitted, membersAtStart) };
}
