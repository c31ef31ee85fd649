import {
  boundSummary,
  checkUnitReport,
  countIssues,
  formatNumber,
  isError,
  periodText,
  summarizeUnit,
  type Issue,
  type UnitReport,
} from '../../../../core';
import { unitReportSchema } from '../../schemas/report';
import { contentHash } from '../../store/content-hash';
import { readLineage, readYear, type OrganizationEntry } from '../../store/directory';
import { isUsableDocumentId } from '../../store/document-ids';
import { readLatestReport, reportFitsInDocuments, saveReport, type SaveRequest } from '../../store/reports';
import { readAccessFailure, unitAccessFailure } from '../access';
import { readBody } from '../body';
import { failure, failureReply, refusal, type Outcome, type Reply } from '../failure';
import { header, type ApiContext, type ApiRequest, type ApiUser } from '../request';
import type { RouteParams } from '../route-params';

/**
 * The year must exist and be open, the unit must exist; the unit's name and kind fill blanks in the report.
 * Gives the report and the organizations above the unit (nearest first).
 */
async function checkPlace(
  report: UnitReport,
  context: ApiContext,
): Promise<Outcome<{ report: UnitReport; above: OrganizationEntry[] }>> {
  const [year, lineage] = await Promise.all([
    readYear(context.db, report.year),
    readLineage(context.db, report.unit.code),
  ]);
  const unit = lineage?.[0];
  if (!year) return failure('UNKNOWN_YEAR', `Năm ${report.year} chưa được mở trên hệ thống.`);
  if (year.open !== true) return failure('YEAR_CLOSED', `Năm ${report.year} đã khóa, không nhận báo cáo.`);
  if (!unit) return failure('UNKNOWN_UNIT', `Mã đơn vị ${report.unit.code} không có trong danh sách đơn vị.`);
  const info = {
    ...report.unit,
    name: report.unit.name.trim() || unit.name,
    kind: report.unit.kind || unit.kind,
  };
  return { ok: true, value: { report: { ...report, unit: info }, above: lineage!.slice(1) } };
}

/** REPORT_INVALID lists this many issues; the counts cover all of them. */
export const ISSUES_IN_REFUSAL = 500;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,200}$/;

/** The optional Idempotency-Key header: absent, a usable key, or a failure. */
function idempotencyKey(request: ApiRequest): Outcome<string | undefined> {
  const key = header(request, 'idempotency-key');
  if (key === undefined) return { ok: true, value: undefined };
  return IDEMPOTENCY_KEY.test(key) && isUsableDocumentId(key)
    ? { ok: true, value: key }
    : failure('INVALID_IDEMPOTENCY_KEY');
}

function invalidReport(issues: Issue[]): Reply {
  const counts = countIssues(issues);
  const listed = [...issues.filter(isError), ...issues.filter((i) => !isError(i))].slice(
    0,
    ISSUES_IN_REFUSAL,
  );
  const more =
    issues.length > listed.length
      ? ` Danh sách dưới đây có ${formatNumber(listed.length)} mục đầu tiên trong ${formatNumber(issues.length)}.`
      : '';
  return failureReply({
    code: 'REPORT_INVALID',
    message: `Báo cáo còn ${formatNumber(counts.errors)} lỗi, chưa được lưu.${more}`,
    issues: listed,
    issueCounts: counts,
  });
}

/** POST /v1/reports: re-validate with core, then store a new version unless the latest has the same content. */
export async function submitReport(
  request: ApiRequest,
  _params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const key = idempotencyKey(request);
  if (!key.ok) return failureReply(key.failure);
  const parsed = readBody(request, unitReportSchema, 'Báo cáo gửi lên không đúng cấu trúc.');
  if (!parsed.ok) return failureReply(parsed.failure);
  const refused = unitAccessFailure(user, parsed.value.unit.code);
  if (refused) return failureReply(refused);
  const placed = await checkPlace(parsed.value, context);
  if (!placed.ok) return failureReply(placed.failure);
  const { report, above } = placed.value;

  const issues = checkUnitReport(report);
  if (issues.some(isError)) return invalidReport(issues);
  const summary = boundSummary(summarizeUnit(report, issues));
  const save: SaveRequest = {
    report,
    summary,
    // Where the rows were read is not content: a renamed sheet with the same rows is the same report.
    hash: contentHash({ ...report, source: undefined }),
    submittedBy: user.email,
    submittedAt: context.now().toISOString(),
    idempotencyKey: key.value,
    above,
  };
  if (!reportFitsInDocuments(save)) {
    return failureReply({
      code: 'REPORT_TOO_LARGE',
      message:
        'Báo cáo quá lớn để lưu thành một phiên bản (giới hạn 1 MB mỗi tài liệu): hãy bớt ghi chú dài hoặc số nhóm.',
    });
  }
  const saved = await saveReport(context.db, save);
  if ('reusedKey' in saved) return refusal('IDEMPOTENCY_KEY_REUSED');
  return {
    status: saved.created ? 201 : 200,
    body: {
      year: report.year,
      ...(report.quarter ? { quarter: report.quarter } : {}),
      unit: report.unit.code,
      version: saved.version,
      members: summary.members,
      warnings: summary.warnings,
      issueCounts: summary.issueCounts,
      submittedAt: saved.submittedAt,
    },
  };
}

/** GET /v1/reports/{year}/{unit}: the latest submission with its summary. */
export async function getLatestReport(
  _request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const refused = await readAccessFailure(user, params.unit, context);
  if (refused) return failureReply(refused);
  const found = await readLatestReport(context.db, params.year, params.unit, params.quarter);
  if (!found) {
    return failureReply({
      code: 'NOT_FOUND',
      message: `Đơn vị ${params.unit} chưa nộp báo cáo ${periodText(params.year, params.quarter)}.`,
    });
  }
  const { latest, version } = found;
  return {
    status: 200,
    body: {
      year: latest.year,
      ...(latest.quarter ? { quarter: latest.quarter } : {}),
      unit: latest.unit,
      version: latest.version,
      submittedAt: latest.submittedAt,
      submittedBy: latest.submittedBy,
      report: version.report,
      summary: latest.summary,
    },
  };
}
