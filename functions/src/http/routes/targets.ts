import { canonicalIndicatorCode, indicatorName } from '../../../../core';
import { assignedTargetsSchema } from '../../schemas/targets';
import { readTargets, replaceTargets, type AssignedTargetRow } from '../../store/targets';
import { readBody } from '../body';
import { failureReply, type Reply } from '../failure';
import type { ApiContext, ApiRequest, ApiUser } from '../request';
import type { RouteParams } from '../route-params';
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
  const rows: AssignedTargetRow[] = parsed.value.map((row) => {
    const code = canonicalIndicatorCode(row.code, row.name ?? '');
    return { unit: row.unit, code, name: row.name?.trim() || indicatorName(code), target: row.target };
  });
  const refused = await districtListFailure(context, params.year, rows, {
    keyOf: (r) => `${r.unit}\u0000${r.code}`,
    describe: (r) => `Chỉ tiêu ${r.code} của đơn vị ${r.unit}`,
    unitOf: (r) => r.unit,
    duplicated: 'Một chỉ tiêu được giao hai lần cho cùng đơn vị.',
  });
  if (refused) return failureReply(refused);
  await replaceTargets(context.db, params.year, rows, {
    updatedAt: context.now().toISOString(),
    updatedBy: user.email,
  });
  return { status: 200, body: { year: params.year, targets: await readTargets(context.db, params.year) } };
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
