import { formatNumber, type OrganizationRating } from '../../../../core';
import { organizationsSchema } from '../../schemas/organizations';
import { assignedTargetRows, assignedTargetsSchema } from '../../schemas/targets';
import { readUnits, type OrganizationEntry } from '../../store/directory';
import { fitsInDocument } from '../../store/document-size';
import { readLevel } from '../../store/consolidate-level';
import { writeLevelList, type LevelDoc } from '../../store/levels';
import { paths } from '../../store/paths';
import { organizationAccess } from '../access';
import { readBody } from '../body';
import { failureReply, type Failure, type Reply } from '../failure';
import type { ApiContext, ApiRequest, ApiUser } from '../request';
import type { RouteParams } from '../route-params';
import { organizationListRules, targetListRules, type ListRules } from './list-rules';
import { districtListFailure, organizationInYear, unknownUnitsFailure } from './year-check';

/** Null when every code is an organization directly below `org` in the directory. */
async function notDirectlyBelowFailure(
  context: ApiContext,
  org: string,
  codes: string[],
): Promise<Failure | null> {
  const unknown = await unknownUnitsFailure(context, codes);
  if (unknown) return unknown;
  const entries = await readUnits(context.db, codes);
  const outside = entries.filter((e) => (e.parent ?? null) !== org).map((e) => e.code);
  if (!outside.length) return null;
  return {
    code: 'NOT_DIRECTLY_BELOW',
    message: `Có ${formatNumber(outside.length)} đơn vị không trực thuộc tổ chức ${org}: ${outside.join(', ')}.`,
    issues: outside.map((code) => ({
      path: 'unit',
      value: code,
      message: `Đơn vị ${code} không trực thuộc tổ chức ${org}.`,
    })),
  };
}

/** Access, year, no entry twice, codes directly below; then the new list must fit beside the other one. */
async function checkLevelList<T>(
  context: ApiContext,
  params: RouteParams,
  user: ApiUser,
  rows: T[],
  list: ListRules<T>,
): Promise<
  { ok: true; lineage: OrganizationEntry[]; stored: LevelDoc | null } | { ok: false; reply: Reply }
> {
  const access = await organizationAccess(user, params.org, context);
  if (!access.ok) return { ok: false, reply: failureReply(access.failure) };
  const refused = await districtListFailure(context, params.year, rows, list, (codes) =>
    notDirectlyBelowFailure(context, params.org, codes),
  );
  if (refused) return { ok: false, reply: failureReply(refused) };
  return {
    ok: true,
    lineage: access.value,
    stored: await readLevel(context.db, params.year, params.org),
  };
}

const tooLarge = (org: string): Reply =>
  failureReply({
    code: 'DOCUMENT_TOO_LARGE',
    message: `Danh sách tổ chức và chỉ tiêu của tổ chức ${org} quá lớn để lưu (giới hạn 1 MB): hãy rút gọn tên và ghi chú.`,
  });

/** PUT /v1/organizations/{year}/{org}: the organization's list of the organizations directly below it. */
export async function putLevelOrganizations(
  request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const parsed = readBody(request, organizationsSchema, 'Danh sách tổ chức trực thuộc không đúng cấu trúc.');
  if (!parsed.ok) return failureReply(parsed.failure);
  const organizations: OrganizationRating[] = parsed.value;
  const checked = await checkLevelList(
    context,
    params,
    user,
    organizations,
    organizationListRules('Một tổ chức trực thuộc có mặt hai lần.'),
  );
  if (!checked.ok) return checked.reply;
  const list = { organizations, organizationsUpdatedAt: context.now().toISOString() };
  if (!fitsInDocument(paths.level(params.year, params.org), { ...checked.stored, ...list }))
    return tooLarge(params.org);
  await writeLevelList(context.db, params.year, checked.lineage, { ...list, updatedBy: user.email });
  return {
    status: 200,
    body: { year: params.year, org: params.org, organizations, updatedAt: list.organizationsUpdatedAt },
  };
}

/** PUT /v1/targets/{year}/{org}: the targets the organization assigns to the organizations directly below it. */
export async function putLevelTargets(
  request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const parsed = readBody(request, assignedTargetsSchema, 'Danh sách chỉ tiêu không đúng cấu trúc.');
  if (!parsed.ok) return failureReply(parsed.failure);
  const targets = assignedTargetRows(parsed.value);
  const checked = await checkLevelList(context, params, user, targets, targetListRules);
  if (!checked.ok) return checked.reply;
  const list = { targets, targetsUpdatedAt: context.now().toISOString() };
  if (!fitsInDocument(paths.level(params.year, params.org), { ...checked.stored, ...list }))
    return tooLarge(params.org);
  await writeLevelList(context.db, params.year, checked.lineage, { ...list, updatedBy: user.email });
  return {
    status: 200,
    body: { year: params.year, org: params.org, targets, updatedAt: list.targetsUpdatedAt },
  };
}

async function readLevelList(params: RouteParams, context: ApiContext, user: ApiUser) {
  const access = await organizationInYear(user, params, context);
  if (!access.ok) return { ok: false as const, reply: failureReply(access.failure) };
  return { ok: true as const, stored: await readLevel(context.db, params.year, params.org) };
}

/** GET /v1/organizations/{year}/{org} and GET /v1/targets/{year}/{org}: one of the level's lists. */
function levelListReader(list: 'organizations' | 'targets') {
  return async (
    _request: ApiRequest,
    params: RouteParams,
    context: ApiContext,
    user: ApiUser,
  ): Promise<Reply> => {
    const read = await readLevelList(params, context, user);
    if (!read.ok) return read.reply;
    const { stored } = read;
    return {
      status: 200,
      body: {
        year: params.year,
        org: params.org,
        [list]: stored?.[list] ?? [],
        updatedAt: stored?.[`${list}UpdatedAt`] ?? null,
      },
    };
  };
}

export const getLevelOrganizations = levelListReader('organizations');
export const getLevelTargets = levelListReader('targets');
