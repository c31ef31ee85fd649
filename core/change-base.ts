import { issue } from './issues';
import type { ChangeBase, PreviousIndex } from './previous-figures';
import { SHEET_NAMES } from './sheet-formats';
import type { Issue, OrganizationIdentity } from './types';

/** Something directly below a level, with last year's codes it stands for (null: not known). */
export interface Predecessors {
  code: string;
  codes: string[] | null;
}

/** How many codes a message names before "và N đơn vị khác". */
const NAMED = 10;

/**
 * What a level's change vs last year is measured against (design.md §2.8). Its own `Sáp nhập từ` (from the
 * list of the level above) when given; the whole of last year when last year's figures are this organization's
 * own, or when neither year names an organization; otherwise the predecessors of what is directly below it —
 * and when some of those have no figures last year, no comparison, with a warning that names them.
 */
export function changeBaseFor(
  lastYear: PreviousIndex,
  level: OrganizationIdentity | null,
  below: Predecessors[],
): { base: ChangeBase | null; issues: Issue[] } {
  if (!level?.code || (!level.mergedFrom?.length && lastYear.isOrganization(level.code)))
    return { base: lastYear.whole(), issues: [] };
  const unavailable = (why: string) => ({
    base: null,
    issues: [
      issue(
        'W_CHANGE_UNAVAILABLE',
        { sheet: SHEET_NAMES.organizations, row: null, column: null, value: level.code },
        `Không so sánh được ${level.name || level.code} (${level.code}) với năm trước: ${why}`,
      ),
    ],
  });
  if (level.mergedFrom?.length) {
    const base = lastYear.baseOf(level.mergedFrom);
    return base
      ? { base, issues: [] }
      : unavailable(`số liệu năm trước không có ${level.mergedFrom.join(', ')} (cột “Sáp nhập từ”).`);
  }
  const unknown = below.filter((b) => !b.codes?.length || !lastYear.knows(b.codes)).map((b) => b.code);
  if (!unknown.length) return { base: lastYear.baseOf(below.flatMap((b) => b.codes!)), issues: [] };
  const named = unknown.slice(0, NAMED).join(', ');
  const more = unknown.length > NAMED ? ` và ${unknown.length - NAMED} đơn vị khác` : '';
  return unavailable(
    `số liệu năm trước là của tổ chức khác, và không rõ ${named}${more} được hình thành từ tổ chức nào năm trước. ` +
      `Hãy ghi cột “Sáp nhập từ” cho các đơn vị đó trong danh sách tổ chức; cấp trên, có danh sách ghi đảng bộ này ` +
      `sáp nhập từ đâu, vẫn so sánh được khi tổng hợp.`,
  );
}

/**
 * Figures given as last year's (`--previous`) that are not of the year before: no comparison, and a warning
 * saying which year they are (a file of this very year compared with itself showed "không đổi" everywhere).
 */
export function previousYearIssue(year: number, previousYear: number): Issue | null {
  if (!year || !previousYear || previousYear === year - 1) return null;
  return issue(
    'W_CHANGE_UNAVAILABLE',
    { sheet: SHEET_NAMES.info, row: null, column: null, value: previousYear },
    `Số liệu đưa vào để so sánh (--previous) là năm ${previousYear}, không phải năm trước (${year - 1}): ` +
      `không so sánh với năm trước.`,
  );
}
