import { ALLOWED_URL_PREFIXES, DEFAULT_API_URL } from './build-settings';

/** True when UrlFetchApp may call the address: it starts with one of the manifest's allowlist prefixes. */
export function isAllowedUrl(url: string): boolean {
  return ALLOWED_URL_PREFIXES.some((prefix) => (url + '/').startsWith(prefix));
}

/** What the user sets in Cài đặt; stored in the spreadsheet's document properties. */
export interface Settings {
  apiUrl: string;
  unitCode: string;
  /** A superior level's organization code: “Tổng hợp” consolidates its subtree (empty: the root). */
  orgCode: string;
  year: number | null;
}

export const SETTING_KEYS = {
  apiUrl: 'xeploai.apiUrl',
  unitCode: 'xeploai.unitCode',
  orgCode: 'xeploai.orgCode',
  year: 'xeploai.year',
} as const;

export function settingsFrom(properties: Record<string, string>): Settings {
  const year = Number(properties[SETTING_KEYS.year]);
  return {
    apiUrl: properties[SETTING_KEYS.apiUrl] || DEFAULT_API_URL,
    unitCode: properties[SETTING_KEYS.unitCode] ?? '',
    orgCode: properties[SETTING_KEYS.orgCode] ?? '',
    year: Number.isInteger(year) && year > 0 ? year : null,
  };
}

export function settingsToProperties(settings: Settings): Record<string, string> {
  return {
    [SETTING_KEYS.apiUrl]: settings.apiUrl,
    [SETTING_KEYS.unitCode]: settings.unitCode,
    [SETTING_KEYS.orgCode]: settings.orgCode,
    [SETTING_KEYS.year]: settings.year === null ? '' : String(settings.year),
  };
}

const CODE_PATTERN = /^[A-Z0-9_.-]{1,40}$/;

export interface SettingsProblem {
  field: keyof Settings;
  message: string;
}

export type SettingsCheck =
  { ok: true; settings: Settings; notices: string[] } | { ok: false; problems: SettingsProblem[] };

/**
 * Checks what the settings dialog sends: a server address the manifest's allowlist lets UrlFetchApp call
 * (any other would be refused at every request), an optional unit code, an optional year.
 */
export function checkSettings(input: unknown): SettingsCheck {
  const form = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const apiUrl = String(form.apiUrl ?? '')
    .trim()
    .replace(/\/+$/, '');
  const code = (field: string) =>
    String(form[field] ?? '')
      .trim()
      .toUpperCase();
  const unitCode = code('unitCode');
  const orgCode = code('orgCode');
  const yearText = String(form.year ?? '').trim();
  const problems: SettingsProblem[] = [];
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(apiUrl)) {
    problems.push({
      field: 'apiUrl',
      message: 'Địa chỉ máy chủ phải là một địa chỉ web bắt đầu bằng https://.',
    });
  } else if (!isAllowedUrl(apiUrl)) {
    problems.push({
      field: 'apiUrl',
      message: `Tiện ích chỉ được phép gọi máy chủ ${ALLOWED_URL_PREFIXES.join(' hoặc ')} (danh sách cho phép của tiện ích). Hãy dùng địa chỉ bắt đầu như vậy; muốn dùng máy chủ khác, người quản trị phải đóng gói lại tiện ích cho dự án đó.`,
    });
  }
  if (unitCode && !CODE_PATTERN.test(unitCode)) {
    problems.push({
      field: 'unitCode',
      message: 'Mã đơn vị chỉ gồm chữ không dấu, chữ số và các dấu - _ . (tối đa 40 ký tự).',
    });
  }
  if (orgCode && !CODE_PATTERN.test(orgCode)) {
    problems.push({
      field: 'orgCode',
      message: 'Mã tổ chức chỉ gồm chữ không dấu, chữ số và các dấu - _ . (tối đa 40 ký tự).',
    });
  }
  const year = yearText === '' ? null : Number(yearText);
  if (year !== null && !(Number.isInteger(year) && year >= 1990 && year <= 2200)) {
    problems.push({ field: 'year', message: 'Năm đánh giá phải là một năm như 2024.' });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, settings: { apiUrl, unitCode, orgCode, year }, notices: [] };
}
