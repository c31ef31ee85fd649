import {
  SHEET_NAMES,
  readDistrictWorkbook,
  readUnitInfo,
  splitIssues,
  type DistrictData,
  type Issue,
} from '../../../core';
import { readNamedSheets, type WorkbookRead } from '../gateway/workbook';
import { settingsFrom } from '../settings';
import { ownSheetIds } from './own-output';

export interface DistrictContext {
  read: WorkbookRead;
  data: DistrictData;
  errors: Issue[];
  year: number | null;
}

/** The district office's spreadsheet, read once: its `Tổ chức cơ sở` and `Giao chỉ tiêu`, and the year. */
export function readDistrict(properties: Record<string, string>): DistrictContext {
  const settings = settingsFrom(properties);
  const read = readNamedSheets({
    names: [SHEET_NAMES.organizations, SHEET_NAMES.assignedTargets, SHEET_NAMES.info],
    skipIds: ownSheetIds(properties),
  });
  const { data, issues } = readDistrictWorkbook(read.workbook);
  const year = settings.year ?? readUnitInfo(read.workbook, []).year;
  return { read, data, errors: splitIssues(issues).errors, year };
}

export function issueList(issues: Issue[], limit = 15): string {
  const lines = issues
    .slice(0, limit)
    .map((i) => `• ${i.sheet}${i.row ? `, dòng ${i.row}` : ''}: ${i.message}`);
  if (issues.length > limit) lines.push(`… và ${issues.length - limit} mục khác.`);
  return lines.join('\n');
}

export const NO_YEAR_MESSAGE =
  'Chưa có năm đánh giá: đặt năm trong “Cài đặt” (hoặc dòng “Năm” của trang “Thông tin”).';

/** A year's route of one level: `/v1/consolidate/2025/X-CHUONGMY`, or `/v1/consolidate/2025` for the whole tree. */
export function levelPath(route: string, year: number, org: string | null): string {
  return org ? `${route}/${year}/${encodeURIComponent(org)}` : `${route}/${year}`;
}

/**
 * The organization a level's actions are for: the one Cài đặt names (null: the whole tree). A message instead
 * when the sheet's `Thông tin` names another one: sending one level's list as another's would mislead.
 */
export function chosenLevel(
  district: DistrictContext,
  orgCode: string,
): { ok: true; org: string | null } | { ok: false; message: string } {
  const own = district.data.info?.code;
  if (orgCode && own && own !== orgCode)
    return {
      ok: false,
      message: `“Cài đặt” ghi mã tổ chức ${orgCode} nhưng trang “${SHEET_NAMES.info}” ghi “Mã tổ chức” là ${own}. Hãy sửa cho khớp rồi chạy lại.`,
    };
  return { ok: true, org: orgCode || null };
}
