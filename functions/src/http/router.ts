import { logger } from 'firebase-functions';
import { authenticate, districtAccessFailure } from './access';
import { bodyErrorFailure } from './body';
import { failure, failureReply, type Outcome, type Reply } from './failure';
import type { ApiContext, ApiRequest, ApiUser } from './request';
import { health } from './routes/health';
import { getLatestReport, submitReport } from './routes/reports';
import { getTargets, putTargets } from './routes/targets';
import { getOrganizations, putOrganizations } from './routes/organizations';
import { consolidateNow, getConsolidated } from './routes/consolidated';
import { consolidateLevelNow, getLevelConsolidated } from './routes/consolidated-level';
import {
  getLevelOrganizations,
  getLevelTargets,
  putLevelOrganizations,
  putLevelTargets,
} from './routes/level-lists';
import { isUnitCode } from '../schemas/common';
import { isRetryableFailure } from '../store/retryable';
import type { RouteParams } from './route-params';

export type Params = Record<string, string>;
export type RouteHandler = (
  request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
) => Promise<Reply>;

interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** `public`: no token; `user`: any known account (the handler checks its unit or organization); `district`: district role only. */
  access: 'public' | 'user' | 'district';
  handler: RouteHandler;
}

const ROUTES: Route[] = [
  { method: 'GET', path: '/v1/health', access: 'public', handler: health },
  { method: 'POST', path: '/v1/reports', access: 'user', handler: submitReport },
  { method: 'GET', path: '/v1/reports/:year/:unit', access: 'user', handler: getLatestReport },
  {
    method: 'GET',
    path: '/v1/reports/:year/:unit/quarters/:quarter',
    access: 'user',
    handler: getLatestReport,
  },
  { method: 'PUT', path: '/v1/targets/:year', access: 'district', handler: putTargets },
  { method: 'GET', path: '/v1/targets/:year', access: 'user', handler: getTargets },
  { method: 'PUT', path: '/v1/organizations/:year', access: 'district', handler: putOrganizations },
  { method: 'GET', path: '/v1/organizations/:year', access: 'user', handler: getOrganizations },
  { method: 'POST', path: '/v1/consolidate/:year', access: 'district', handler: consolidateNow },
  { method: 'GET', path: '/v1/consolidated/:year', access: 'district', handler: getConsolidated },
  // Per organization of the tree: the district role anywhere, a superior within its subtrees (checked inside).
  { method: 'PUT', path: '/v1/targets/:year/:org', access: 'user', handler: putLevelTargets },
  { method: 'GET', path: '/v1/targets/:year/:org', access: 'user', handler: getLevelTargets },
  { method: 'PUT', path: '/v1/organizations/:year/:org', access: 'user', handler: putLevelOrganizations },
  { method: 'GET', path: '/v1/organizations/:year/:org', access: 'user', handler: getLevelOrganizations },
  { method: 'POST', path: '/v1/consolidate/:year/:org', access: 'user', handler: consolidateLevelNow },
  { method: 'GET', path: '/v1/consolidated/:year/:org', access: 'user', handler: getLevelConsolidated },
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function match(pattern: string, path: string): Params | null {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeSegment(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

function checkParams(params: Params): Outcome<RouteParams> {
  const checked: RouteParams = { year: 0, unit: '', org: '' };
  if (params.year !== undefined) {
    if (!/^\d{4}$/.test(params.year))
      return failure('INVALID_PATH', `Năm “${params.year}” không hợp lệ (cần 4 chữ số).`);
    checked.year = Number(params.year);
  }
  if (params.unit !== undefined) {
    if (!isUnitCode(params.unit)) return failure('INVALID_PATH', `Mã đơn vị “${params.unit}” không hợp lệ.`);
    checked.unit = params.unit;
  }
  if (params.org !== undefined) {
    if (!isUnitCode(params.org)) return failure('INVALID_PATH', `Mã tổ chức “${params.org}” không hợp lệ.`);
    checked.org = params.org;
  }
  if (params.quarter !== undefined) {
    if (!/^[1-4]$/.test(params.quarter))
      return failure('INVALID_PATH', `Quý “${params.quarter}” không hợp lệ (cần 1, 2, 3 hoặc 4).`);
    checked.quarter = Number(params.quarter);
  }
  return { ok: true, value: checked };
}

const ANONYMOUS: ApiUser = { email: '', role: 'unit', units: [], orgs: [] };

/** Finds the route, authenticates and authorizes, runs it; any unexpected error becomes a 500 without details. */
export async function dispatch(request: ApiRequest, context: ApiContext): Promise<Reply> {
  try {
    const found = ROUTES.map((route) => ({ route, params: match(route.path, request.path) })).filter(
      (m) => m.params,
    );
    if (found.length === 0)
      return failureReply({ code: 'NOT_FOUND', message: `Không có đường dẫn ${request.path}.` });
    const chosen = found.find((m) => m.route.method === request.method);
    if (!chosen) {
      const allowed = found.map((m) => m.route.method).join(', ');
      return failureReply({ code: 'METHOD_NOT_ALLOWED', message: `Đường dẫn này chỉ nhận ${allowed}.` });
    }
    const params = checkParams(chosen.params!);
    if (!params.ok) return failureReply(params.failure);
    // A body the framework could not decode is refused before anything else, token or not.
    const unreadable = bodyErrorFailure(request);
    if (unreadable) return failureReply(unreadable);
    let user = ANONYMOUS;
    if (chosen.route.access !== 'public') {
      const authenticated = await authenticate(request, context);
      if (!authenticated.ok) return failureReply(authenticated.failure);
      user = authenticated.value;
      const allowed = await context.rateLimit?.(user.email, context.now().getTime(), context.db);
      if (allowed && !allowed.ok) {
        return {
          ...failureReply({
            code: 'RATE_LIMITED',
            message: `Quá nhiều yêu cầu từ tài khoản này: hãy thử lại sau ${allowed.retryAfterSeconds} giây.`,
          }),
          headers: { 'Retry-After': String(allowed.retryAfterSeconds) },
        };
      }
      if (chosen.route.access === 'district') {
        const refused = districtAccessFailure(user);
        if (refused) return failureReply(refused);
      }
    }
    return await chosen.route.handler(request, params.value, context, user);
  } catch (error) {
    if (isRetryableFailure(error)) {
      logger.warn('api: storage unavailable, client told to retry', {
        code: (error as { code: number }).code,
      });
      return {
        ...failureReply({ code: 'UNAVAILABLE', message: 'Máy chủ đang bận, vui lòng thử lại sau ít giây.' }),
        headers: { 'Retry-After': '5' },
      };
    }
    logger.error('api: unexpected error', error);
    return failureReply({ code: 'INTERNAL', message: 'Lỗi máy chủ, vui lòng thử lại sau.' });
  }
}
