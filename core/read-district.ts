import { columnLetter, findSheet } from './headers';
import { issue } from './issues';
import { cellText } from './cells';
import { canonicalKind, forEachInfoValue, yearOf } from './parse-info';
import { readTable } from './parse-tables';
import {
  ASSIGNED_TARGET_COLUMNS,
  ORGANIZATION_COLUMNS,
  SHEET_NAMES,
  SUPERIOR_INFO_KEYS,
} from './sheet-formats';
import { canonicalIndicatorCode, indicatorName } from './targets';
import type { DistrictData, Issue, OrganizationRating, SuperiorInfo, WorkbookData } from './types';
import { readYearSettings } from './year-settings';

export function isDistrictWorkbook(workbook: WorkbookData): boolean {
  return !!(
    findSheet(workbook, SHEET_NAMES.organizations) || findSheet(workbook, SHEET_NAMES.assignedTargets)
  );
}

/** The superior level's own workbook: its rating of each grassroots organization and the targets it assigned. */
export function readDistrictWorkbook(workbook: WorkbookData): { data: DistrictData; issues: Issue[] } {
  const issues: Issue[] = [];
  const data: DistrictData = { organizations: [], assignedTargets: [] };
  const settings = readYearSettings(workbook, issues);
  if (Object.keys(settings).length) data.settings = settings;
  const info = readSuperiorInfo(workbook);
  if (info) data.info = info;
  const orgSheet = findSheet(workbook, SHEET_NAMES.organizations);
  if (orgSheet) {
    const table = readTable(orgSheet, ORGANIZATION_COLUMNS, ['code', 'rating'], issues);
    const columns: Partial<Record<string, string>> = {};
    for (const [key, at] of Object.entries(table?.header.columns ?? {}))
      if (at !== undefined) columns[key] = columnLetter(at as number);
    if (table) data.columns = columns;
    for (const row of table?.rows ?? []) {
      const code = row.text('code').toUpperCase();
      const rating = row.rating('rating');
      if (!code) {
        issues.push(
          issue(
            'E_INFO_INVALID',
            { sheet: orgSheet.name, row: row.row, column: columns.code ?? null, header: 'Mã đơn vị' },
            'Thiếu mã đơn vị.',
          ),
        );
        continue;
      }
      if (!rating && !row.text('rating')) {
        issues.push(
          issue(
            'E_NO_RATING',
            {
              sheet: orgSheet.name,
              row: row.row,
              column: columns.rating ?? null,
              header: 'Xếp loại',
              value: code,
            },
            `Tổ chức ${code} chưa có mức xếp loại.`,
          ),
        );
      }
      const organization: OrganizationRating = {
        code,
        name: row.text('name'),
        kind: canonicalKind(row.text('kind')) || undefined,
        rating,
        row: row.row,
      };
      const group = row.text('group');
      if (group) organization.group = group;
      const score = row.number('score');
      if (score !== null) organization.score = score;
      const mergedFrom = codeList(row.text('mergedFrom'));
      if (mergedFrom.length) organization.mergedFrom = mergedFrom;
      const note = row.text('note');
      if (note) organization.note = note;
      data.organizations.push(organization);
    }
  }
  const targetSheet = findSheet(workbook, SHEET_NAMES.assignedTargets);
  if (targetSheet) {
    const table = readTable(targetSheet, ASSIGNED_TARGET_COLUMNS, ['unit', 'code'], issues);
    for (const row of table?.rows ?? []) {
      const target = row.number('target');
      const unit = row.text('unit').toUpperCase();
      if (target === null || !unit) continue;
      const code = canonicalIndicatorCode(row.text('code'), row.text('name'));
      data.assignedTargets.push({
        unit,
        code,
        name: row.text('name') || indicatorName(code),
        target,
        row: row.row,
      });
    }
  }
  return { data, issues };
}

/** "XA01; XA02" → ["XA01", "XA02"]: codes separated by ";" (or "," or a new line), upper-cased. */
export function codeList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[;,\n]/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** The superior workbook's `Thông tin`: its organization's code and name, the body above it, year, place. */
export function readSuperiorInfo(workbook: WorkbookData): SuperiorInfo | null {
  const sheet = findSheet(workbook, SHEET_NAMES.info);
  if (!sheet) return null;
  const info: SuperiorInfo = { code: null, name: null, superior: null, year: null, place: null };
  let any = false;
  forEachInfoValue(sheet, SUPERIOR_INFO_KEYS, (key, value) => {
    if (value === null) return;
    any = true;
    if (key === 'year') info.year = yearOf(value);
    else if (key === 'code') info.code = cellText(value).toUpperCase();
    else info[key] = cellText(value);
  });
  return any ? info : null;
}
