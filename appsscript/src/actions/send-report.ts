import {
  findSheet,
  formatNumber,
  formatVietnamTime,
  periodText,
  SHEET_NAMES,
  splitIssues,
  type Issue,
  type UnitReport,
} from '../../../core';
import { ApiClient } from '../api-client';
import { sha256Hex } from '../gateway/digest';
import { appsScriptTransport } from '../gateway/http';
import { writeCells } from '../gateway/info-cells';
import { tryDocumentLock } from '../gateway/lock';
import {
  deleteDocumentProperty,
  readDocumentProperties,
  writeDocumentProperties,
} from '../gateway/properties';
import { alert, toast } from '../gateway/ui';
import type { WorkbookRead } from '../gateway/workbook';
import { receiptCells } from '../layout/receipt';
import { settingsFrom } from '../settings';
import { askForServerScopes } from './server-scopes';
import { countText, showIssues } from './show-issues';
import { analyzeActiveUnit } from './unit-analysis';

const TITLE = 'Gửi báo cáo';
export const UNSENT_KEY = 'xeploai.unsentReport';
const LOCK_WAIT_MS = 10000;

/** What POST /v1/reports answers. */
interface Receipt {
  year: number;
  version: number;
  submittedAt: string;
}

/** Menu “Gửi báo cáo”: checks, then sends the unit's report under the document lock and records the receipt. */
export function sendReport(): void {
  if (askForServerScopes(TITLE)) return;
  const properties = readDocumentProperties();
  const settings = settingsFrom(properties);
  const active = analyzeActiveUnit(properties);
  if (!active.ok) return alert(TITLE, active.message);
  const { report } = active.analysis.read;
  const issues = active.analysis.read.issues;
  const { errors, warnings } = splitIssues(issues);
  if (errors.length) {
    showIssues(issues, active.read, properties, 'Chưa gửi được báo cáo', 'Sửa các lỗi dưới đây rồi gửi lại.');
    return alert(
      TITLE,
      `Chưa gửi: dữ liệu còn ${countText(errors.length, warnings.length)}. Danh sách ở thanh bên và trang “Lỗi”.`,
    );
  }
  if (!report.unit.code || !report.year) {
    return alert(
      TITLE,
      'Chưa gửi: chưa có mã đơn vị hoặc năm đánh giá. Ghi ở trang “Thông tin” hoặc trong “Cài đặt”.',
    );
  }

  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock)
    return alert(TITLE, 'Một người khác đang gửi báo cáo từ bảng tính này. Hãy thử lại sau ít phút.');
  // An alert suspends the script until the user closes it: the lock is let go before any dialog.
  let outcome: string;
  try {
    outcome = submit(active.analysis.read.report, settings.apiUrl, properties, active.read, warnings.length);
  } finally {
    lock.release();
  }
  alert(TITLE, outcome);
}

/** Sends the report and records the receipt (or the unsent report); returns what to tell the user. */
function submit(
  report: UnitReport,
  apiUrl: string,
  properties: Record<string, string>,
  read: WorkbookRead,
  warnings: number,
): string {
  toast(`Đang gửi báo cáo ${periodText(report.year, report.quarter)} của đơn vị ${report.unit.code}…`, TITLE);
  const body = JSON.stringify(report);
  const hash = sha256Hex(body);
  // The same content still unsent keeps its key, so the server stores it once however often it arrives.
  const unsent = unsentReport(properties[UNSENT_KEY]);
  const key =
    unsent?.hash === hash && unsent.key ? unsent.key : `${hash.slice(0, 32)}-${Date.now().toString(36)}`;
  const result = new ApiClient(apiUrl, appsScriptTransport).call<Receipt>('post', '/v1/reports', report, {
    'Idempotency-Key': key,
  });
  if (!result.ok) {
    writeDocumentProperties({
      [UNSENT_KEY]: JSON.stringify({
        hash,
        key,
        unit: report.unit.code,
        year: report.year,
        at: new Date().toISOString(),
        error: result.error.code,
      }),
    });
    return [
      'Báo cáo CHƯA được gửi.',
      result.error.message,
      ...issueLines(result.error.issues),
      `Bản chưa gửi có mã kiểm tra ${hash.slice(0, 12)}, đã được ghi nhớ trong bảng tính này. Hãy gửi lại sau.`,
    ].join('\n');
  }
  if (properties[UNSENT_KEY]) deleteDocumentProperty(UNSENT_KEY);
  const receipt = result.data;
  const sentAt = formatVietnamTime(receipt.submittedAt) ?? receipt.submittedAt;
  const info = findSheet(read.workbook, SHEET_NAMES.info);
  const recorded = info
    ? writeCells(info.name, receiptCells(info.rows, { sentAt, version: receipt.version }))
    : false;
  return [
    `Đã gửi báo cáo ${periodText(receipt.year, report.quarter)} của đơn vị ${report.unit.code}: ${formatNumber(report.members.length)} đảng viên.`,
    `Phiên bản ${receipt.version}, nhận lúc ${sentAt}.`,
    ...(warnings ? [`Lưu ý: còn ${countText(0, warnings)} (không chặn việc gửi).`] : []),
    recorded ? 'Đã ghi vào trang “Thông tin”.' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function unsentReport(stored: string | undefined): { hash?: string; key?: string } | null {
  try {
    return stored ? (JSON.parse(stored) as { hash?: string; key?: string }) : null;
  } catch {
    return null;
  }
}

function issueLines(issues: Issue[]): string[] {
  const shown = issues.slice(0, 10).map((i) => `• ${i.message}`);
  if (issues.length > shown.length)
    shown.push(`… và ${formatNumber(issues.length - shown.length)} mục khác.`);
  return shown;
}
