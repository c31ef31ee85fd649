import { formatNumber } from '../../../../core';
import { assignedTargetRows, assignedTargetsSchema } from '../../schemas/targets';
import { fitsInDocument } from '../../store/document-size';
import { paths } from '../../store/paths';
import { readTargets, targetsDoc, writeTargets } from '../../store/targets';
import { readBody } from '../body';
import { failureReply, type Reply } from '../failure';
import type { ApiContext, ApiRequest, ApiUser } from '../request';
import type { RouteParams } from '../route-params';
import { targetListRules } from './list-rules';
import { districtListFailure, unknownYearFailure } from './year-check';

/** PUT /v1/targets/{year} (district): replaces every target assigned for the year. */
export async function putTargets(
  request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const parsed = readBody(request, assignedTargetsSchema, 'Danh sách chỉ tiêu không đúng cấu trúc.');
  if (!parsed.ok) return failureReply(parsed.failure);
  const rows = assignedTargetRows(parsed.value);
  const refused = await districtListFailure(context, params.year, rows, targetListRules);
  if (refused) return failureReply(refused);
  const doc = targetsDoc(params.year, rows, {
    updatedAt: context.now().toISOString(),
    updatedBy: user.email,
  });
  if (!fitsInDocument(paths.targets(params.year), { ...doc })) {
    return failureReply({
      code: 'DOCUMENT_TOO_LARGE',
      message: `Danh sách ${formatNumber(rows.length)} chỉ tiêu quá lớn để lưu (giới hạn 1 MB): hãy rút gọn tên chỉ tiêu.`,
    });
  }
  await writeTargets(context.db, doc);
  return { status: 200, body: { year: params.year, targets: doc.targets } };
}

/** GET /v1/targets/{year}: all targets for the district role, a unit account's own otherwise. */
export async function getTargets(
  _request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const refused = await unknownYearFailure(context, params.year);
  if (refused) return failureReply(refused);
  const targets = await readTargets(
    context.db,
    params.year,
    user.role === 'district' ? undefined : user.units,
  );
  return { status: 200, body: { year: params.year, targets } };
}
