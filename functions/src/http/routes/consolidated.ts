import { consolidatedReport, consolidateYear, readConsolidated } from '../../store/consolidated';
import { failureReply, type Reply } from '../failure';
import type { ApiContext, ApiRequest } from '../request';
import type { RouteParams } from '../route-params';
import { unknownYearFailure } from './year-check';

/** POST /v1/consolidate/{year} (district): consolidate now and return the result. */
export async function consolidateNow(
  _request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
): Promise<Reply> {
  const refused = await unknownYearFailure(context, params.year);
  if (refused) return failureReply(refused);
  const done = await consolidateYear(context.db, params.year, context.now);
  if (!done.ok) return failureReply(done.failure);
  return { status: 200, body: consolidatedReport(done.value) };
}

/** GET /v1/consolidated/{year} (district): the last consolidation, scheduled or on demand. */
export async function getConsolidated(
  _request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
): Promise<Reply> {
  const doc = await readConsolidated(context.db, params.year);
  if (!doc) {
    return failureReply({ code: 'NOT_FOUND', message: `Chưa có báo cáo tổng hợp năm ${params.year}.` });
  }
  return { status: 200, body: consolidatedReport(doc) };
}
