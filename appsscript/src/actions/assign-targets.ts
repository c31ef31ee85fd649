import { findSheet, formatNumber, SHEET_NAMES } from '../../../core';
import { ApiClient } from '../api-client';
import { appsScriptTransport } from '../gateway/http';
import { readDocumentProperties } from '../gateway/properties';
import { createTemplateSheet } from '../gateway/template-writer';
import { alert, toast } from '../gateway/ui';
import { assignedTargetsTemplate } from '../layout/district-template';
import { settingsFrom } from '../settings';
import { askForServerScopes } from './server-scopes';
import { chosenLevel, issueList, levelPath, NO_YEAR_MESSAGE, readDistrict } from './district-context';

const TITLE = 'Giao chỉ tiêu';

/** Menu “Giao chỉ tiêu”: sends the `Giao chỉ tiêu` sheet to PUT /v1/targets/{year}[/{org}]. */
export function assignTargets(): void {
  if (askForServerScopes(TITLE)) return;
  const properties = readDocumentProperties();
  const settings = settingsFrom(properties);
  const district = readDistrict(properties);
  if (!findSheet(district.read.workbook, SHEET_NAMES.assignedTargets)) {
    createTemplateSheet(assignedTargetsTemplate());
    return alert(
      TITLE,
      `Chưa có trang “${SHEET_NAMES.assignedTargets}”: đã tạo trang này. Hãy điền mã đơn vị, mã chỉ tiêu và kế hoạch rồi chạy lại.`,
    );
  }
  if (district.year === null) return alert(TITLE, NO_YEAR_MESSAGE);
  if (district.errors.length) return alert(TITLE, `Chưa giao: trang còn lỗi.\n${issueList(district.errors)}`);
  const level = chosenLevel(district, settings.orgCode);
  if (!level.ok) return alert(TITLE, `Chưa giao: ${level.message}`);
  const targets = district.data.assignedTargets.map(({ unit, code, name, target }) => ({
    unit,
    code,
    name: name ?? '',
    target,
  }));
  if (!targets.length)
    return alert(TITLE, `Trang “${SHEET_NAMES.assignedTargets}” chưa có dòng chỉ tiêu nào.`);
  toast(`Đang gửi ${formatNumber(targets.length)} chỉ tiêu năm ${district.year}…`, TITLE);
  const result = new ApiClient(settings.apiUrl, appsScriptTransport).call(
    'put',
    levelPath('/v1/targets', district.year, level.org),
    targets,
  );
  if (!result.ok)
    return alert(
      TITLE,
      `Chưa giao được chỉ tiêu.\n${result.error.message}\n${issueList(result.error.issues)}`.trim(),
    );
  const units = new Set(targets.map((t) => t.unit)).size;
  alert(
    TITLE,
    `Đã giao ${formatNumber(targets.length)} chỉ tiêu cho ${formatNumber(units)} đơn vị, năm ${district.year}.`,
  );
}
