import { readYear, unknownUnits, type OrganizationEntry } from '../../store/directory';
import { organizationAccess } from '../access';
import type { Failure, Outcome } from '../failure';
import type { ApiContext, ApiUser } from '../request';
import type { RouteParams } from '../route-params';
import { formatNumber } from '../../../../core';
import type { ListRules } from './list-rules';

/** The organization's lineage when the account may act on it (`organizationAccess`) in a year that exists. */
export async function organizationInYear(
  user: ApiUser,
  params: RouteParams,
  context: ApiContext,
): Promise<Outcome<OrganizationEntry[]>> {
  const access = await organizationAccess(user, params.org, context);
  if (!access.ok) return access;
  const refused = await unknownYearFailure(context, params.year);
  return refused ? { ok: false, failure: refused } : access;
}

/** Null when `years/{year}` exists (open or not). */
export async function unknownYearFailure(context: ApiContext, year: number): Promise<Failure | null> {
  return (await readYear(context.db, year))
    ? null
    : { code: 'UNKNOWN_YEAR', message: `Năm ${year} chưa được mở trên hệ thống.` };
}

/** Null when every code has a `units/{code}` document. */
export async function unknownUnitsFailure(context: ApiContext, codes: string[]): Promise<Failure | null> {
  const unknown = await unknownUnits(context.db, codes);
  if (unknown.length === 0) return null;
  return {
    code: 'UNKNOWN_UNIT',
    message: `Có ${formatNumber(unknown.length)} mã đơn vị không có trong danh sách đơn vị: ${unknown.join(', ')}.`,
    issues: unknown.map((unit) => ({ path: 'unit', value: unit, message: `Không có đơn vị ${unit}.` })),
  };
}

/** Issues for the entries whose key repeats an earlier one. */
export function duplicateIssues<T>(rows: T[], keyOf: (row: T) => string, describe: (row: T) => string) {
  const seen = new Map<string, number>();
  const issues: { path: string; message: string }[] = [];
  rows.forEach((row, index) => {
    const key = keyOf(row);
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({ path: String(index), message: `${describe(row)} trùng với phần tử ${first}.` });
    else seen.set(key, index);
  });
  return issues;
}

/**
 * What a district list (targets, organization ratings) must pass before it replaces the stored one: no entry
 * twice, a known year, known units (or what `codesFailure` asks of the codes). Null when it may be written.
 */
export async function districtListFailure<T>(
  context: ApiContext,
  year: number,
  rows: T[],
  list: ListRules<T>,
  codesFailure: (codes: string[]) => Promise<Failure | null> = (codes) => unknownUnitsFailure(context, codes),
): Promise<Failure | null> {
  const duplicates = duplicateIssues(rows, list.keyOf, list.describe);
  if (duplicates.length) return { code: 'INVALID_BODY', message: list.duplicated, issues: duplicates };
  return (await unknownYearFailure(context, year)) ?? (await codesFailure(rows.map(list.unitOf)));
}
