import { consolidateOrganization, readLevel } from '../../store/consolidate-level';
import { isCurrent, type LevelDoc } from '../../store/levels';
import { organizationAccess } from '../access';
import { failureReply, type Reply } from '../failure';
import type { ApiContext, ApiRequest, ApiUser } from '../request';
import type { RouteParams } from '../route-params';
import { organizationInYear } from './year-check';

/**
 * What the per-organization routes answer: the same shape as the whole year's (core's consolidation, `missing`,
 * `asOf`), with the level's version and whether it is current; `organization` names the level and `children`
 * lists the units or lower levels below it, missing ones with `members: null`.
 */
export function levelReport(level: LevelDoc) {
  return {
    ...level.consolidation!,
    missing: level.missing ?? [],
    asOf: level.asOf!,
    version: level.version!,
    current: isCurrent(level),
  };
}

/** POST /v1/consolidate/{year}/{org}: consolidate the organization now (stale levels below it first). */
export async function consolidateLevelNow(
  _request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const access = await organizationInYear(user, params, context);
  if (!access.ok) return failureReply(access.failure);
  const [org] = access.value;
  const done = await consolidateOrganization(
    context.db,
    params.year,
    { code: org.code, name: org.name ?? org.code, kind: org.kind, parent: org.parent ?? null },
    context.now,
  );
  if (!done.ok) return failureReply(done.failure);
  return { status: 200, body: levelReport(done.value) };
}

/** GET /v1/consolidated/{year}/{org}: the organization's latest stored consolidation. */
export async function getLevelConsolidated(
  _request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const access = await organizationAccess(user, params.org, context);
  if (!access.ok) return failureReply(access.failure);
  const level = await readLevel(context.db, params.year, params.org);
  if (!level?.consolidation) {
    return failureReply({
      code: 'NOT_FOUND',
      message: `Chưa có báo cáo tổng hợp năm ${params.year} của tổ chức ${params.org}.`,
    });
  }
  return { status: 200, body: levelReport(level) };
}
