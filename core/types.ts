/** A cell as Sheets' getValues() or an xlsx reader gives it; '' and null both mean empty. */
export type CellValue = string | number | boolean | Date | null | undefined;
export type Grid = CellValue[][];

export interface SheetData {
  name: string;
  rows: Grid;
}

export interface WorkbookData {
  sheets: SheetData[];
}

export const RATING_LEVELS = ['excellent', 'good', 'complete', 'notComplete'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const NOT_RATED_REASONS = ['exempt', 'suspended', 'newMember', 'pending'] as const;
export type NotRatedReason = (typeof NOT_RATED_REASONS)[number];

/** A subordinate cell founded (or formed by merging) less than 6 months before the evaluation date. */
export const CELL_NOT_RATED_REASONS = ['newCell'] as const;
export type CellNotRatedReason = (typeof CELL_NOT_RATED_REASONS)[number];

export type UnitKind = 'Đảng bộ cơ sở' | 'Chi bộ cơ sở';

/** The regulations a year is evaluated under (design.md §2, §2.5); chosen by the year unless a setting names one. */
export const RULE_SET_IDS = ['qd124-hd25', 'qd366-hd43'] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

/** One member, as the add-on sends it and the server re-validates it (dates as YYYY-MM-DD). */
export interface MemberRow {
  row?: number;
  name: string;
  card?: string;
  cell?: string;
  birthDate?: string;
  admittedOn?: string;
  rating?: RatingLevel;
  reason?: NotRatedReason;
  score?: number;
  disciplined?: boolean;
  sickLeave?: boolean;
  groups?: string[];
  note?: string;
  /** Đảng viên dự bị. */
  probationary?: boolean;
  /** "Tự phát hiện, khắc phục": the discipline exception, which also needs a note. */
  selfCorrected?: boolean;
  /** QĐ 366 score in two parts: general criteria (0–30) and task results (0–70). */
  scoreGeneral?: number;
  scoreTasks?: number;
}

/** A subordinate cell (chi bộ trực thuộc) of a đảng bộ cơ sở. */
export interface CellRow {
  row?: number;
  name: string;
  rating?: RatingLevel;
  reason?: CellNotRatedReason;
  foundedOn?: string;
  disciplined?: boolean;
  selfCorrected?: boolean;
  score?: number;
  note?: string;
}

export interface TargetRow {
  code: string;
  name: string;
  target: number | null;
  actual: number | null;
}

export interface UnitInfo {
  code: string;
  name: string;
  kind?: UnitKind | string;
}

/** A quarter of the year (QĐ 366 allows quarterly evaluation); a quarter's report is kept apart from the year's. */
export type Quarter = 1 | 2 | 3 | 4;

export interface UnitReport {
  year: number;
  /** `Kỳ đánh giá` "Quý 1"…"Quý 4"; absent: the year's evaluation. */
  quarter?: Quarter;
  unit: UnitInfo;
  evaluationDate?: string;
  /** A setting naming the rule set; absent: the one in force for `year`. */
  ruleSet?: RuleSetId;
  members: MemberRow[];
  cells?: CellRow[];
  targets?: TargetRow[];
  /**
   * Where the member rows were read: the sheet's name ("Sheet1", "Trang tính1"…) and the column letters of the
   * single-column form, so that the server's re-check names the places the unit sees. Not part of the content.
   */
  source?: ReportSource;
}

export interface ReportSource {
  sheet: string;
  /** Column letter of each column read, by key (`name`, `rating`, `note`…). */
  columns?: Partial<Record<string, string>>;
}

export interface Issue {
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | number | boolean | null;
  message: string;
  /** The text the cell should hold, when the fix is certain (e.g. the canonical label). */
  fix?: string;
}

export type QuotaBase = 'good' | 'goodOrBetter' | 'all';

export interface QuotaSettings {
  ratio: number;
  base: QuotaBase;
}

/** The quota on excellent organizations, a setting of the year: within each `Khối` when `byGroup`. */
export interface OrganizationQuotaSettings extends QuotaSettings {
  byGroup: boolean;
}

/** Settings of one evaluation year (superior workbook `Thông tin` or the API); absent keys take defaults. */
export interface YearSettings {
  ruleSet?: RuleSetId;
  organizationQuota?: Partial<OrganizationQuotaSettings>;
}

export interface Quota extends QuotaSettings {
  maxExcellent: number;
  ok: boolean;
}

export interface Probationary {
  /** Đảng viên dự bị among `total`, and among `evaluated`. */
  total: number;
  evaluated: number;
}

export interface Tally {
  total: number;
  evaluated: number;
  /** A tally of cells also carries `newCell` (founded less than 6 months before the evaluation). */
  notRated: Record<NotRatedReason, number> & { newCell?: number };
  counts: Record<RatingLevel, number>;
  percent: Record<RatingLevel, number | null>;
  excellentPerGood: number | null;
  quota: Quota;
  probationary: Probationary;
}

export interface TargetResult {
  code: string;
  name: string;
  target: number | null;
  actual: number | null;
  percent: number | null;
}

/** Members with a score (QĐ 366): how many, their average, and how many fall in each band. */
export interface ScoreSummary {
  scored: number;
  average: number;
  /** Null under a rule set without a score scale. */
  bands: Record<RatingLevel, number> | null;
}

/** What one unit contributes to a consolidation: small, so the server can store one per unit. */
export interface UnitSummary {
  year: number;
  /** The quarter a quarterly report is of; absent: the year's. */
  quarter?: Quarter;
  unit: UnitInfo;
  members: Tally;
  groups: Record<string, Tally>;
  cells: Tally | null;
  /** Members' scores, when any member has one. */
  scores?: ScoreSummary | null;
  /** Names of the subordinate cells rated `notComplete` and of those disciplined (present with cells). */
  weakCells?: { notComplete: string[]; disciplined: string[] };
  targets: TargetResult[];
  errors: Issue[];
  warnings: Issue[];
  /** Set when the lists above keep only the first issues (core/issue-limits.ts). */
  issueCounts?: { errors: number; warnings: number; byCode: Record<string, number> };
}

export interface OrganizationRating {
  code: string;
  name: string;
  kind?: string;
  /** Khối: the group of similar organizations the quota applies within. */
  group?: string;
  rating: RatingLevel | null;
  score?: number;
  /** `Sáp nhập từ`: last year's codes this organization was formed from. */
  mergedFrom?: string[];
  note?: string;
  row?: number;
}

export interface AssignedTarget {
  unit: string;
  code: string;
  name?: string;
  target: number;
  row?: number;
}

/** A superior workbook's `Thông tin`: which organization it is, and the names its report heading needs. */
export interface SuperiorInfo {
  code: string | null;
  name: string | null;
  /** `Cấp trên`: the body above it, as the report heading names it. */
  superior: string | null;
  year: number | null;
  /** `Địa danh`: the place of the report's date line. */
  place: string | null;
}

/** The superior level's own data: its rating of each organization directly below it and the targets it assigned. */
export interface DistrictData {
  organizations: OrganizationRating[];
  assignedTargets: AssignedTarget[];
  /** Column letters of the `Tổ chức cơ sở` sheet (code, rating, score…), when read from one: issues name them. */
  columns?: Partial<Record<string, string>>;
  settings?: YearSettings;
  info?: SuperiorInfo;
}

export interface Development {
  admitted: number;
  membersAtStart: number;
  percent: number | null;
}

export type ShareChange = Record<RatingLevel, number | null>;

/** An organization of the tree (design.md §2.8), as a consolidation names the level it is of. */
export interface OrganizationIdentity {
  code: string;
  name: string;
  kind?: string;
  group?: string;
  parent?: string | null;
  mergedFrom?: string[];
}

/** One grassroots unit's figures inside a consolidation (at any level above it). */
export interface UnitFigures {
  code: string;
  name: string;
  kind?: string;
  members: Tally;
  errors: number;
  warnings: number;
  /** Points of change vs last year: vs itself, or vs the sum of its predecessors (`mergedFrom`). */
  change: ShareChange | null;
  mergedFrom?: string[];
}

/** A direct input of a level: a unit, or a lower level's consolidation; `members` null when listed but not received. */
export interface ChildFigures {
  code: string;
  name: string;
  kind?: string;
  isUnit: boolean;
  /** Grassroots units it covers (1 for a unit). */
  units: number;
  members: Tally | null;
  change: ShareChange | null;
  errors: number;
  warnings: number;
}

/** One tier of organizations above the units, rated by the level directly above each (design.md §2.8). */
export interface UpperOrganizations {
  /** The tier in words, e.g. "Đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng". */
  name: string;
  organizations: Tally | null;
  groups: Record<string, Tally> | null;
}

export interface Consolidation {
  year: number;
  /** The quarter when every report consolidated is of that quarter; absent: the year's. */
  quarter?: Quarter;
  /** The organization whose level this is, when known (the superior workbook's `Mã tổ chức`). */
  organization?: OrganizationIdentity | null;
  units: { count: number; codes: string[]; byKind: Record<string, number> };
  members: Tally;
  groups: Record<string, Tally>;
  cells: Tally | null;
  organizations: Tally | null;
  /** Organization ratings per `Khối` when the superior's list gives groups. */
  organizationGroups?: Record<string, Tally> | null;
  /** Ratings of the organizations between this level and the units, by tier (absent when units are directly below). */
  upperOrganizations?: UpperOrganizations[];
  byUnit: UnitFigures[];
  /** This level's direct inputs, and the organizations it lists that sent nothing. */
  children?: ChildFigures[];
  targets: TargetResult[];
  /** Members admitted ÷ members at the start of the year (last year's total), when both are known. */
  development?: Development | null;
  change: null | { members: ShareChange; organizations: ShareChange | null };
  /** Last year's organization codes `change` is measured against (absent when there is no change). */
  comparedWith?: string[];
  errors: Issue[];
  warnings: Issue[];
}
