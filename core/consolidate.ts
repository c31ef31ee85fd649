import { formatNumber, formatPercent, periodText } from './format';
import { issue, splitIssues } from './issues';
import { countIssues, summaryIssueCounts, type IssueCounts } from './issue-limits';
import { mergedAwayCodes } from './org-tree';
import { percentOf } from './percent';
import { changeBaseFor, type Predecessors } from './change-base';
import {
  previousFiguresIndex,
  shareChange,
  type ChangeBase,
  type PreviousFigures,
  type PreviousIndex,
} from './previous-figures';
import { DEFAULT_QUOTA, organizationQuotaFor, ruleSetFor, type RuleSet } from './rules';
import { checkScoreCap, formatScore, isScoreIn } from './score-checks';
import { SHEET_NAMES } from './sheet-formats';
import { addTallies } from './tally';
import { ADMISSIONS_CODE, combineTargets } from './targets';
import { heightOf, mergeGroups, organizationFigures } from './organization-tiers';
import {
  type ChildFigures,
  type Consolidation,
  type Quarter,
  type Development,
  type DistrictData,
  type Issue,
  type OrganizationIdentity,
  type OrganizationRating,
  type QuotaSettings,
  type Tally,
  type TargetResult,
  type UnitFigures,
  type UnitSummary,
  type YearSettings,
} from './types';

export { shareChange };

export interface ConsolidateOptions {
  year?: number;
  /** This level's own data: its rating of the organizations directly below it, the targets it assigned. */
  district?: DistrictData | null;
  /** The organization this level is (names it in the result; its `mergedFrom` finds last year's figures). */
  organization?: OrganizationIdentity | null;
  /** Last year's consolidation (of this level, or of a wider one), for the change in percentage points. */
  previous?: PreviousFigures | null;
  quota?: QuotaSettings;
  /** Where each input came from (a file name), parallel to the inputs: messages about an input name it. */
  sources?: (string | undefined)[];
  /** The year's settings; absent: the superior workbook's, else the defaults. */
  settings?: YearSettings;
}

/** What a level consolidates: grassroots units' summaries and lower levels' consolidations, mixed. */
export type ConsolidationInput = UnitSummary | Consolidation;

export function isConsolidation(input: ConsolidationInput): input is Consolidation {
  return 'byUnit' in input && 'units' in input;
}

interface Accepted {
  input: ConsolidationInput;
  code: string;
  name: string;
  source: string;
}

/**
 * The level's report from its inputs: units (one summary each) and lower levels' consolidations. Every figure
 * is a sum of the units' figures, so rolling up level by level gives exactly the flat consolidation of all
 * units below (design.md §2.8): totals, groups, cells, organizations, targets, per-unit change.
 */
export function consolidate(inputs: ConsolidationInput[], options: ConsolidateOptions = {}): Consolidation {
  const quota = options.quota ?? DEFAULT_QUOTA;
  const year = options.year ?? inputs.find((s) => s.year)?.year ?? 0;
  const quarter = periodOf(inputs);
  const own: Issue[] = [];
  const accepted = acceptInputs(inputs, { year, quarter }, options.sources ?? [], own);

  const district = options.district ?? null;
  const listed = district?.organizations ?? [];
  const listedByCode = new Map(listed.map((o) => [o.code, o]));
  const organizationQuota = organizationQuotaFor(options.settings ?? district?.settings);
  const unitSummaries = accepted.map((a) => a.input).filter((i): i is UnitSummary => !isConsolidation(i));
  // Each rating counts in the tier of the organization rated: this level's own and those the levels below gave.
  const lower = accepted.map((a) => a.input).filter(isConsolidation);
  const rated = organizationFigures(
    listed,
    new Map(
      accepted.flatMap((a) => (isConsolidation(a.input) ? [[a.code, heightOf(a.input)] as const] : [])),
    ),
    new Set(unitSummaries.map((u) => u.unit.code)),
    lower,
    organizationQuota,
  );
  own.push(...rated.issues);
  const { organizations, organizationGroups, upperOrganizations } = rated;
  const present = new Set(accepted.flatMap((a) => [a.code, ...unitCodesOf(a.input)]));
  const mergedAway = mergedAwayCodes(listed);
  const missing = listed.filter((o) => !present.has(o.code) && !mergedAway.has(o.code));
  if (listed.length) {
    for (const org of missing) {
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
    for (const child of accepted) {
      if (listedByCode.has(child.code)) continue;
      const what = isConsolidation(child.input) ? 'Tổ chức' : 'Đơn vị';
      own.push(
        issue(
          'W_UNIT_UNKNOWN',
          { sheet: SHEET_NAMES.organizations, row: null, column: null, value: child.code, unit: child.code },
          `${what} ${child.code} không có trong danh sách tổ chức cơ sở đảng.`,
        ),
      );
    }
  }

  own.push(...checkExcellentOrganizations(listed, unitSummaries));
  own.push(
    ...checkOrganizationScores(
      listed,
      ruleSetFor(year, options.settings?.ruleSet ?? district?.settings?.ruleSet),
      district?.columns?.score,
    ),
  );

  const previous = options.previous ?? null;
  const lastYear = previous ? previousFiguresIndex(previous) : null;
  const byUnit = accepted.flatMap((a) => unitFiguresOf(a, listedByCode.get(a.code)?.mergedFrom));
  const unitFiguresByCode = new Map(byUnit.map((u) => [u.code, u]));
  let base: ChangeBase | null = null;
  if (lastYear) {
    for (const unit of byUnit) unit.change = lastYear.changeOf(unit.members, unit.mergedFrom ?? [unit.code]);
    const found = changeBaseFor(
      lastYear,
      options.organization ?? null,
      predecessorsBelow(accepted, listedByCode),
    );
    base = found.base;
    own.push(...found.issues);
  }

  const members = addTallies(
    accepted.map((a) => a.input.members),
    quota,
  );
  const cellTallies = accepted.map((a) => a.input.cells).filter((c): c is Tally => !!c);
  const cells = cellTallies.length ? addTallies(cellTallies, quota) : null;

  const children = accepted.map((a) =>
    childFiguresOf(a, unitFiguresByCode, lastYear, listedByCode.get(a.code)?.mergedFrom),
  );
  // A level below that could not compare itself with last year is compared here when this list says what it
  // was formed from: its warning no longer holds.
  const inputIssues = accepted.flatMap((a, index) =>
    isConsolidation(a.input)
      ? [...a.input.errors, ...a.input.warnings].filter(
          (i) => !(i.code === 'W_CHANGE_UNAVAILABLE' && i.value === a.code && children[index].change),
        )
      : [...a.input.errors, ...a.input.warnings].map((i) => ({ ...i, unit: a.code })),
  );
  const { errors, warnings } = splitIssues([...inputIssues, ...own]);
  const targets = combineTargets(
    accepted.map((a) => ({ unit: a.code, rows: a.input.targets })),
    district?.assignedTargets ?? [],
  );
  const change = base
    ? {
        members: shareChange(members, base.members),
        organizations:
          organizations && base.organizations ? shareChange(organizations, base.organizations) : null,
      }
    : null;
  return {
    year,
    ...(quarter ? { quarter } : {}),
    organization: options.organization ?? null,
    units: {
      count: byUnit.length,
      codes: byUnit.map((u) => u.code),
      byKind: countByKind(accepted, listedByCode),
    },
    members,
    groups: mergeGroups(
      accepted.map((a) => a.input.groups),
      quota,
    ),
    cells,
    organizations,
    ...(organizationGroups ? { organizationGroups } : {}),
    ...(upperOrganizations.length ? { upperOrganizations } : {}),
    byUnit,
    children: [...children, ...missing.map((o) => missingChild(o))],
    targets,
    development: developmentRate(targets, base?.members.total ?? null),
    change,
    ...(base ? { comparedWith: base.codes } : {}),
    errors,
    warnings,
  };
}

function unitCodesOf(input: ConsolidationInput): string[] {
  return isConsolidation(input) ? input.units.codes : [input.unit.code];
}

function describeInput(input: ConsolidationInput, source: string | undefined): string {
  if (source) return source;
  if (!isConsolidation(input)) return `báo cáo của đơn vị ${input.unit.code}`;
  const org = input.organization;
  return org ? `báo cáo tổng hợp của ${org.name || org.code} (${org.code})` : 'một báo cáo tổng hợp';
}

/**
 * The period a consolidation is of (design.md §2.5: a quarter's report is kept apart from the year's and never
 * consolidated with it): the year's when any input is the year's, else the quarter of the first input.
 */
function periodOf(inputs: ConsolidationInput[]): Quarter | undefined {
  return inputs.some((i) => !i.quarter) ? undefined : inputs[0]?.quarter;
}

/**
 * Inputs of the period whose units were not counted yet; a unit counted twice is an error naming both inputs.
 */
function acceptInputs(
  inputs: ConsolidationInput[],
  { year, quarter }: { year: number; quarter: Quarter | undefined },
  sources: (string | undefined)[],
  own: Issue[],
): Accepted[] {
  const accepted: Accepted[] = [];
  const countedIn = new Map<string, { source: string; direct: boolean }>();
  inputs.forEach((input, index) => {
    const direct = !isConsolidation(input);
    const code = direct ? input.unit.code : (input.organization?.code ?? `#${index + 1}`);
    const name = direct ? input.unit.name : (input.organization?.name ?? '');
    const source = describeInput(input, sources[index]);
    const place = { sheet: SHEET_NAMES.info, row: null, column: null, value: code, unit: code };
    if (input.year !== year) {
      own.push(
        issue(
          'E_YEAR_MISMATCH',
          place,
          direct
            ? `Báo cáo của đơn vị ${code} là năm ${input.year}, không phải năm ${year}: không được tổng hợp.`
            : `${source} là năm ${input.year}, không phải năm ${year}: không được tổng hợp.`,
        ),
      );
      return;
    }
    if ((input.quarter ?? null) !== (quarter ?? null)) {
      const what = direct ? `Báo cáo của đơn vị ${code}` : source;
      const kept = input.quarter ? 'báo cáo quý được giữ riêng' : 'báo cáo năm được giữ riêng';
      own.push(
        issue(
          'E_PERIOD_MISMATCH',
          place,
          `${what} là báo cáo ${periodText(input.year, input.quarter)}, không phải ${periodText(year, quarter)}: ` +
            `${kept}, không tổng hợp chung (QĐ 366). Hãy tổng hợp riêng các tệp của từng kỳ.`,
        ),
      );
      return;
    }
    const twice = unitCodesOf(input).filter((c) => countedIn.has(c));
    if (twice.length) {
      const first = countedIn.get(twice[0])!;
      const message =
        direct && first.direct && !sources[index]
          ? `Mã đơn vị ${code} có hai báo cáo: chỉ tổng hợp báo cáo đầu tiên.`
          : `Đơn vị ${twice.join(', ')} được tính hai lần: trong ${first.source} và trong ${source}. ` +
            `Chỉ tổng hợp ${first.source}; hãy bỏ một trong hai.`;
      own.push(issue('E_UNIT_DUPLICATE', { ...place, value: twice[0], unit: twice[0] }, message));
      return;
    }
    for (const c of unitCodesOf(input)) countedIn.set(c, { source, direct });
    accepted.push({ input, code, name, source });
  });
  return accepted;
}

function unitFiguresOf(child: Accepted, mergedFrom: string[] | undefined): UnitFigures[] {
  const { input } = child;
  if (isConsolidation(input)) return input.byUnit.map((u) => ({ ...u, change: u.change ?? null }));
  const counts = summaryIssueCounts(input);
  return [
    {
      code: input.unit.code,
      name: input.unit.name,
      kind: input.unit.kind,
      members: input.members,
      errors: counts.errors,
      warnings: counts.warnings,
      change: null,
      ...(mergedFrom?.length ? { mergedFrom } : {}),
    },
  ];
}

/**
 * Last year's codes each input directly below stands for: its `Sáp nhập từ` in this level's list, else a
 * unit's own code, a lower level's own comparison, or failing that the units inside it one by one.
 */
function predecessorsBelow(
  accepted: Accepted[],
  listedByCode: Map<string, OrganizationRating>,
): Predecessors[] {
  return accepted.flatMap(({ input, code }) => {
    const listed = listedByCode.get(code)?.mergedFrom;
    if (listed?.length) return [{ code, codes: listed }];
    if (!isConsolidation(input)) return [{ code, codes: [code] }];
    if (input.comparedWith?.length) return [{ code, codes: input.comparedWith }];
    return input.byUnit.map((u) => ({ code: u.code, codes: u.mergedFrom ?? [u.code] }));
  });
}

function childFiguresOf(
  child: Accepted,
  byUnitCode: Map<string, UnitFigures>,
  lastYear: PreviousIndex | null,
  mergedFrom: string[] | undefined,
): ChildFigures {
  const { input } = child;
  if (isConsolidation(input)) {
    // This level's list may say what the lower level was formed from, which that level itself did not know.
    const change =
      lastYear && mergedFrom?.length
        ? lastYear.changeOf(input.members, mergedFrom)
        : (input.change?.members ?? null);
    const counts = consolidationIssueTotals(input);
    return {
      code: child.code,
      name: child.name,
      kind: input.organization?.kind,
      isUnit: false,
      units: input.units.count,
      members: input.members,
      change,
      errors: counts.errors,
      warnings: counts.warnings,
    };
  }
  const unit = byUnitCode.get(child.code)!;
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    isUnit: true,
    units: 1,
    members: unit.members,
    change: unit.change,
    errors: unit.errors,
    warnings: unit.warnings,
  };
}

/** A consolidation's issues: its stored counts when its lists were cut, else counted from its lists. */
function consolidationIssueTotals(consolidation: Consolidation & { issueCounts?: IssueCounts }): IssueCounts {
  return consolidation.issueCounts ?? countIssues([...consolidation.errors, ...consolidation.warnings]);
}

function missingChild(org: { code: string; name: string; kind?: string }): ChildFigures {
  return {
    code: org.code,
    name: org.name,
    kind: org.kind,
    isUnit: true,
    units: 0,
    members: null,
    change: null,
    errors: 0,
    warnings: 0,
  };
}

function countByKind(
  accepted: Accepted[],
  listedByCode: Map<string, { kind?: string }>,
): Record<string, number> {
  const byKind: Record<string, number> = {};
  const add = (kind: string, n: number) => (byKind[kind] = (byKind[kind] ?? 0) + n);
  for (const { input, code } of accepted) {
    if (isConsolidation(input)) for (const [kind, n] of Object.entries(input.units.byKind)) add(kind, n);
    else add(input.unit.kind || listedByCode.get(code)?.kind || 'Không rõ', 1);
  }
  return byKind;
}

/** Organizations scored under QĐ 366 (design.md §2.5): the score caps the superior level's rating. */
export function checkOrganizationScores(
  organizations: OrganizationRating[],
  ruleSet: RuleSet,
  /** The `Điểm` column's letter, when the list was read from a sheet. */
  scoreColumn?: string,
): Issue[] {
  const found: Issue[] = [];
  for (const org of organizations) {
    if (org.score === undefined) continue;
    const place = {
      sheet: SHEET_NAMES.organizations,
      row: org.row ?? null,
      column: scoreColumn ?? null,
      ...(scoreColumn ? { header: 'Điểm' } : {}),
      value: org.score,
      unit: org.code,
    };
    if (!isScoreIn(org.score, 100)) {
      found.push(
        issue(
          'E_SCORE_INVALID',
          place,
          `Điểm ${formatScore(org.score)} của tổ chức ${org.code} nằm ngoài thang 0–100.`,
        ),
      );
    } else if (org.rating) {
      found.push(
        ...checkScoreCap(
          { score: org.score, rating: org.rating, factsCap: 'excellent', hasNote: !!org.note?.trim() },
          ruleSet,
          place,
        ),
      );
    }
  }
  return found;
}

/** More than this share of an organization's cells disciplined: its `excellent` rating is questioned. */
const DISCIPLINED_CELLS_LIMIT = 0.2;

/**
 * design.md §2.7: an organization rated excellent while one of its cells is `notComplete`, or with more than
 * 20% of its cells disciplined, gets a warning naming the cells.
 */
export function checkExcellentOrganizations(
  organizations: OrganizationRating[],
  units: UnitSummary[],
): Issue[] {
  const found: Issue[] = [];
  const byCode = new Map(units.map((u) => [u.unit.code, u]));
  for (const org of organizations) {
    const unit = byCode.get(org.code);
    if (org.rating !== 'excellent' || !unit?.weakCells || !unit.cells) continue;
    const { notComplete, disciplined } = unit.weakCells;
    const reasons: string[] = [];
    if (notComplete.length)
      reasons.push(`chi bộ không hoàn thành nhiệm vụ: ${notComplete.map((n) => `“${n}”`).join(', ')}`);
    if (disciplined.length > DISCIPLINED_CELLS_LIMIT * unit.cells.total)
      reasons.push(
        `${formatNumber(disciplined.length)} trong ${formatNumber(unit.cells.total)} chi bộ bị kỷ luật (${formatPercent(
          percentOf(disciplined.length, unit.cells.total),
        )}, quá 20%): ${disciplined.map((n) => `“${n}”`).join(', ')}`,
      );
    if (!reasons.length) continue;
    found.push(
      issue(
        'W_EXCELLENT_WEAK_CELLS',
        {
          sheet: SHEET_NAMES.organizations,
          row: org.row ?? null,
          column: null,
          value: org.code,
          unit: org.code,
        },
        `${org.name || org.code} (${org.code}) được xếp loại “Hoàn thành xuất sắc nhiệm vụ” nhưng có ${reasons.join('; ')}: xem lại mức xếp loại.`,
      ),
    );
  }
  return found;
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
