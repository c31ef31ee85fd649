import { cellText, parseNumber, parseYes } from './cells';
import { findSheet } from './headers';
import { issue } from './issues';
import { forEachInfoValue, readRuleSet } from './parse-info';
import { SHEET_NAMES, YEAR_SETTING_KEYS } from './sheet-formats';
import { compactKey } from './text';
import type { Issue, QuotaBase, WorkbookData, YearSettings } from './types';

const QUOTA_BASES: Record<string, QuotaBase> = {
  good: 'good',
  hoanthanhtotnhiemvu: 'good',
  hoanthanhtot: 'good',
  httnv: 'good',
  goodorbetter: 'goodOrBetter',
  hoanthanhtotnhiemvutrolen: 'goodOrBetter',
  hoanthanhtottrolen: 'goodOrBetter',
  all: 'all',
  duocxeploai: 'all',
  tongsoduocxeploai: 'all',
};

/**
 * The year's settings from the superior workbook's `Thông tin` rows (design.md §2.7): rule set, quota ratio
 * ("20%" or 0,2), what it is a share of, and whether it applies within each `Khối`. Absent rows: defaults.
 */
export function readYearSettings(workbook: WorkbookData, issues: Issue[]): YearSettings {
  const settings: YearSettings = {};
  const sheet = findSheet(workbook, SHEET_NAMES.info);
  if (!sheet) return settings;
  const quota: NonNullable<YearSettings['organizationQuota']> = {};
  forEachInfoValue(sheet, YEAR_SETTING_KEYS, (key, value, index) => {
    const place = (header: string) => ({ sheet: sheet.name, row: index + 1, column: null, header, value });
    if (key === 'ruleSet') {
      const id = readRuleSet(sheet.name, index, value, issues);
      if (id) settings.ruleSet = id;
    } else if (value === null || value === undefined) {
      return;
    } else if (key === 'quotaRatio') {
      const ratio = ratioOf(value);
      if (ratio === null) {
        issues.push(
          issue(
            'E_INFO_INVALID',
            place(YEAR_SETTING_KEYS.quotaRatio),
            `Tỷ lệ “${cellText(value)}” không hợp lệ: ghi dạng 20% hoặc 0,2.`,
          ),
        );
      } else quota.ratio = ratio;
    } else if (key === 'quotaBase') {
      const base = QUOTA_BASES[compactKey(cellText(value))];
      if (!base) {
        issues.push(
          issue(
            'E_INFO_INVALID',
            place(YEAR_SETTING_KEYS.quotaBase),
            `“${cellText(value)}” không rõ: ghi “Hoàn thành tốt nhiệm vụ”, “Hoàn thành tốt nhiệm vụ trở lên” hoặc “Được xếp loại”.`,
          ),
        );
      } else quota.base = base;
    } else if (key === 'quotaByGroup') {
      const parsed = parseYes(value);
      if (!parsed.ok) {
        issues.push(
          issue(
            'E_INFO_INVALID',
            place(YEAR_SETTING_KEYS.quotaByGroup),
            `“${cellText(value)}” không rõ: ghi “Có” hoặc “Không”.`,
          ),
        );
      } else quota.byGroup = parsed.value;
    }
  });
  if (Object.keys(quota).length) settings.organizationQuota = quota;
  return settings;
}

/** "20%", "20", 0.2 or "0,2" → 0.2; null when it is not a share between 0 and 1. */
function ratioOf(value: NonNullable<Parameters<typeof parseNumber>[0]>): number | null {
  const text = cellText(value);
  const percent = text.endsWith('%');
  const parsed = parseNumber(percent ? text.slice(0, -1) : value);
  if (!parsed.ok || parsed.value === null) return null;
  const ratio = percent || parsed.value > 1 ? parsed.value / 100 : parsed.value;
  return ratio > 0 && ratio <= 1 ? Number(ratio.toFixed(6)) : null;
}
