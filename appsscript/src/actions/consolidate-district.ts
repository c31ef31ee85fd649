import {
  buildConsolidationReport,
  findSheet,
  formatNumber,
  layoutReport,
  readIssuer,
  SHEET_NAMES,
  UNITS_SHEET,
  type Consolidation,
} from '../../../core';
import { ApiClient } from '../api-client';
import { appsScriptTransport } from '../gateway/http';
import { readDocumentProperties } from '../gateway/properties';
import { alert, toast } from '../gateway/ui';
import { settingsFrom } from '../settings';
import { askForServerScopes } from './server-scopes';
import { chosenLevel, issueList, levelPath, NO_YEAR_MESSAGE, readDistrict } from './district-context';
import { writeOwnReport } from './own-output';

/** What POST /v1/consolidate/{year}[/{org}] and GET /v1/consolidated/{year}[/{org}] answer. */
interface ConsolidationReply extends Consolidation {
  missing: string[];
  asOf: string;
}

const TITLE = 'Tổng hợp toàn đảng bộ';

/**
 * Menu “Tổng hợp toàn đảng bộ”, at any level: the level's ratings of the organizations below it up, consolidate
 * the subtree of the organization named in Cài đặt (the whole tree when none is), read the result back and
 * write the report sheets.
 */
export function consolidateDistrict(): void {
  if (askForServerScopes(TITLE)) return;
  const properties = readDocumentProperties();
  const settings = settingsFrom(properties);
  const district = readDistrict(properties);
  const year = district.year;
  if (year === null) return alert(TITLE, NO_YEAR_MESSAGE);
  if (district.errors.length)
    return alert(TITLE, `Chưa tổng hợp: trang của cấp trên còn lỗi.\n${issueList(district.errors)}`);
  const level = chosenLevel(district, settings.orgCode);
  if (!level.ok) return alert(TITLE, `Chưa tổng hợp: ${level.message}`);
  const { org } = level;
  const api = new ApiClient(settings.apiUrl, appsScriptTransport);
  const organizations = district.data.organizations;
  if (findSheet(district.read.workbook, SHEET_NAMES.organizations)) {
    toast(`Bước 1/3: gửi xếp loại ${formatNumber(organizations.length)} tổ chức trực thuộc…`, TITLE);
    const body = organizations.map((o) => ({
      code: o.code,
      name: o.name,
      ...(o.kind ? { kind: o.kind } : {}),
      ...(o.group ? { group: o.group } : {}),
      ...(o.score !== undefined ? { score: o.score } : {}),
      ...(o.mergedFrom?.length ? { mergedFrom: o.mergedFrom } : {}),
      rating: o.rating,
    }));
    const sent = api.call('put', levelPath('/v1/organizations', year, org), body);
    if (!sent.ok)
      return alert(
        TITLE,
        `Chưa gửi được danh sách tổ chức trực thuộc.\n${sent.error.message}\n${issueList(sent.error.issues)}`.trim(),
      );
  }
  const name = district.data.info?.name;
  const whose = org ? `của ${name ? `${name} (${org})` : org}` : 'toàn đảng bộ';
  toast(`Bước 2/3: tổng hợp báo cáo năm ${year} ${whose} trên máy chủ…`, TITLE);
  const done = api.call('post', levelPath('/v1/consolidate', year, org));
  if (!done.ok) return alert(TITLE, `Chưa tổng hợp được.\n${done.error.message}`);
  const result = api.call<ConsolidationReply>('get', levelPath('/v1/consolidated', year, org));
  if (!result.ok) return alert(TITLE, `Chưa đọc được báo cáo tổng hợp.\n${result.error.message}`);
  const report: ConsolidationReply = {
    ...result.data,
    missing: result.data.missing ?? [],
    asOf: result.data.asOf ?? new Date().toISOString(),
  };
  toast(`Bước 3/3: ghi trang “Báo cáo tổng hợp” và “${UNITS_SHEET}”…`, TITLE);
  const names = new Map(organizations.map((o) => [o.code, o.name]));
  const doc = buildConsolidationReport(report, {
    issuer: readIssuer(district.read.workbook),
    date: new Date(),
    asOf: report.asOf,
    missing: report.missing.map((code) => ({ code, name: names.get(code) })),
  });
  writeOwnReport(layoutReport(doc), properties);
  const missing = report.missing.length
    ? ` Còn ${formatNumber(report.missing.length)} đơn vị chưa gửi (tô màu trong trang “${UNITS_SHEET}”).`
    : '';
  toast(
    `Đã tổng hợp báo cáo ${whose}: ${formatNumber(report.units.count)} tổ chức cơ sở đảng.${missing}`,
    TITLE,
  );
}
