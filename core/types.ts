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

export type UnitKind = 'Đảng bộ cơ sở' | 'Chi bộ cơ sở';

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
}

export interface CellRow {
  row?: number;
  name: string;
  rating?: RatingLevel;
  foundedOn?: string;
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

export interface UnitReport {
  year: number;
  unit: UnitInfo;
  evaluationDate?: string;
  members: MemberRow[];
  cells?: CellRow[];
  targets?: TargetRow[];
}

export interface Issue {
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | number | boolean | null;
  message: string;
}

export type QuotaBase = 'good' | 'goodOrBetter' | 'all';

export interface QuotaSettings {
  ratio: number;
  base: QuotaBase;
}

export interface Quota extends QuotaSettings {
  maxExcellent: number;
  ok: boolean;
}

export interface Tally {
  total: number;
  evaluated: number;
  notRated: Record<NotRatedReason, number>;
  counts: Record<RatingLevel, number>;
  percent: Record<RatingLevel, number | null>;
  excellentPerGood: number | null;
  quota: Quota;
}

export interface TargetResult {
  code: string;
  name: string;
  target: number | null;
  actual: number | null;
  percent: number | null;
}

/** What one unit contributes to a consolidation: small, so the server can store one per unit. */
export interface UnitSummary {
  year: number;
  unit: UnitInfo;
  members: Tally;
  groups: Record<string, Tally>;
  cells: Tally | null;
  targets: TargetResult[];
  errors: Issue[];
  warnings: Issue[];
}

export interface OrganizationRating {
  code: string;
  name: string;
  kind?: string;
  rating: RatingLevel | null;
  row?: number;
}

export interface AssignedTarget {
  unit: string;
  code: string;
  name?: string;
  target: number;
  row?: number;
}

export interface DistrictData {
  organizations: OrganizationRating[];
  assignedTargets: AssignedTarget[];
}

export interface Development {
  admitted: number;
  membersAtStart: number;
  percent: number | null;
}

export type ShareChange = Record<RatingLevel, number | null>;

export interface Consolidation {
  year: number;
  units: { count: number; codes: string[]; byKind: Record<string, number> };
  members: Tally;
  groups: Record<string, Tally>;
  cells: Tally | null;
  organizations: Tally | null;
  byUnit: { code: string; name: string; kind?: string; members: Tally; errors: number; warnings: number }[];
  targets: TargetResult[];
  /** Members admitted ÷ members at the start of the year (last year's total), when both are known. */
  development?: Development | null;
  change: null | { members: ShareChange; organizations: ShareChange | null };
  errors: Issue[];
  warnings: Issue[];
}
