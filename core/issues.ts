import type { CellValue, Issue } from './types';
import { issueValue } from './cells';

/** Stable codes: add new ones, never rename one. */
export const ERROR_CODES = [
  'E_HEADER_MISSING',
  'E_NAME_MISSING',
  'E_NO_RATING',
  'E_RATING_AND_REASON',
  'E_RATING_UNKNOWN',
  'E_REASON_UNKNOWN',
  'E_CELL_ERROR',
  'E_DUPLICATE_CARD',
  'E_DISCIPLINED_RATED_ABOVE',
  'E_SICK_LEAVE_RATED_ABOVE',
  'E_NEW_MEMBER_RATED',
  'E_SCORE_INVALID',
  'E_SCORE_MISMATCH',
  'E_DATE_INVALID',
  'E_FLAG_INVALID',
  'E_NUMBER_INVALID',
  'E_INFO_INVALID',
  'E_UNIT_DUPLICATE',
  'E_YEAR_MISMATCH',
  'E_NO_MEMBER_SHEET',
  'E_ORG_DUPLICATE',
  'E_ORG_CYCLE',
  'E_RATING_MULTIPLE',
  'E_SCORE_PARTS',
  'E_NEW_MEMBER_REASON_STALE',
  'E_NEW_CELL_RATED',
  'E_NEW_CELL_REASON_STALE',
  'E_PERIOD_MISMATCH',
  'E_NO_MEMBERS',
] as const;
export const WARNING_CODES = [
  'W_QUOTA_EXCEEDED',
  'W_DUPLICATE_NAME',
  'W_INFO_MISSING',
  'W_UNIT_MISSING',
  'W_UNIT_UNKNOWN',
  'W_RATING_BELOW_SCORE',
  'W_DISCIPLINE_EXCEPTION',
  'W_PENDING_NO_NOTE',
  'W_LABEL_NORMALIZED',
  'W_EXCELLENT_WEAK_CELLS',
  'W_CHANGE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type IssueCode = ErrorCode | WarningCode;

export interface IssuePlace {
  sheet: string;
  row?: number | null;
  column?: string | null;
  header?: string;
  value?: CellValue;
  unit?: string;
}

/** `fix`: the text the cell should hold, when the fix is certain (W_LABEL_NORMALIZED). */
export function issue(code: IssueCode, place: IssuePlace, message: string, fix?: string): Issue {
  const result: Issue & { header?: string; unit?: string } = {
    code,
    sheet: place.sheet,
    row: place.row ?? null,
    column: place.column ?? null,
    value: issueValue(place.value),
    message,
  };
  if (place.header) result.header = place.header;
  if (place.unit) result.unit = place.unit;
  if (fix !== undefined) result.fix = fix;
  return result;
}

export function isError(found: Issue): boolean {
  return found.code.startsWith('E_');
}

/** "dòng 12, cột G (Xếp loại)" — where an issue is, in words. */
export function describePlace(found: Issue & { header?: string }): string {
  const parts = [`Trang “${found.sheet}”`];
  if (found.row !== null) parts.push(`dòng ${found.row}`);
  if (found.column !== null)
    parts.push(found.header ? `cột ${found.column} (${found.header})` : `cột ${found.column}`);
  return parts.join(', ');
}

export function splitIssues(all: Issue[]): { errors: Issue[]; warnings: Issue[] } {
  return { errors: all.filter(isError), warnings: all.filter((i) => !isError(i)) };
}
