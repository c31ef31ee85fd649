import { checkUnitReport, formatNumber, isError, summarizeUnit, type UnitReport } from '../../../../core';
import { MAX_STORED_REPORT_BYTES } from '../../config';
import { unitReportSchema } from '../../schemas/report';
import { canonicalJson, contentHash } from '../../store/content-hash';
import { readUnit, readYear } from '../../store/directory';
import { readLatestReport, saveReport } from '../../store/reports';
import { unitAccessFailure } from '../access';
import { readBody } from '../body';
import { failure, failureReply, type Outcome, type Reply } from '../failure';
import type { ApiContext, ApiRequest, ApiUser } from '../request';
import type { RouteParams } from '../route-params';

/** The year must exist and be open, the unit must exist; the unit's name and kind fill blanks in the report. */
async function checkPlace(report: UnitReport, context: ApiContext): Promise<Outcome<UnitReport>> {
  const [year, unit] = await Promise.all([
    readYear(context.db, report.year),
    readUnit(context.db, report.unit.code),
  ]);
  if (!year) return failure('UNKNOWN_YEAR', `Năm ${report.year} chưa được mở trên hệ thống.`);
  if (year.open !== true) return failure('YEAR_CLOSED', `Năm ${report.year} đã khóa, không nhận báo cáo.`);
  if (!unit) return failure('UNKNOWN_UNIT', `Mã đơn vị ${report.unit.code} không có trong danh sách đơn vị.`);
  const info = {
    ...report.unit,
    name: report.unit.name.trim() || unit.name,
    kind: report.unit.kind || unit.kind,
  };
  return { ok: true, value: { ...report, unit: info } };
}

/** POST /v1/reports: re-validate with core, then store a new version unless the latest has the same content. */
export async function submitReport(
  request: ApiRequest,
  _params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const parsed = readBody(request, unitReportSchema, 'Báo cáo gửi lên không đúng cấu trúc.');
  if (!parsed.ok) return failureReply(parsed.failure);
  const refused = unitAccessFailure(user, parsed.value.unit.code);
  if (refused) return failureReply(refused);
  const placed = await checkPlace(parsed.value, context);
  if (!placed.ok) return failureReply(placed.failure);
  const report = placed.value;

  const issues = checkUnitReport(report);
  const errors = issues.filter(isError);
  if (errors.length) {
    return failureReply({
      code: 'REPORT_INVALID',
      message: `Báo cáo còn ${formatNumber(errors.length)} lỗi, chưa được lưu.`,
      issues,
    });
  }
  if (Buffer.byteLength(canonicalJson(report)) > MAX_STORED_REPORT_BYTES) {
    return failureReply({
      code: 'REPORT_TOO_LARGE',
      message: `Báo cáo quá lớn để lưu thành một phiên bản (tối đa khoảng ${formatNumber(MAX_STORED_REPORT_BYTES / 1024)} KB).`,
    });
  }
  const summary = summarizeUnit(report, issues);
  const saved = await saveReport(context.db, {
    report,
    summary,
    hash: contentHash(report),
    submittedBy: user.email,
    submittedAt: context.now().toISOString(),
  });
  const { latest } = saved;
  return {
    status: saved.created ? 201 : 200,
    body: {
      year: latest.year,
      unit: latest.unit,
      version: latest.version,
      members: latest.summary.members,
      warnings: latest.summary.warnings,
      submittedAt: latest.submittedAt,
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
  const refused = unitAccessFailure(user, params.unit);
  if (refused) return failureReply(refused);
  const found = await readLatestReport(context.db, params.year, params.unit);
  if (!found) {
    return failureReply({
      code: 'NOT_FOUND',
      message: `Đơn vị ${params.unit} chưa nộp báo cáo năm ${params.year}.`,
    });
  }
  const { latest, version } = found;
  return {
    status: 200,
    body: {
      year: latest.year,
      unit: latest.unit,
      version: latest.version,
      submittedAt: latest.submittedAt,
      submittedBy: latest.submittedBy,
      report: version.report,
      summary: latest.summary,
    },
  };
}
