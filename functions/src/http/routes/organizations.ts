import { formatNumber, type OrganizationRating } from '../../../../core';
import { fitsInDocument } from '../../store/document-size';
import { paths } from '../../store/paths';
import { organizationsSchema } from '../../schemas/organizations';
import { readOrganizations, writeOrganizations } from '../../store/organizations';
import { readBody } from '../body';
import { failureReply, type Reply } from '../failure';
import type { ApiContext, ApiRequest, ApiUser } from '../request';
import type { RouteParams } from '../route-params';
import { organizationListRules } from './list-rules';
import { districtListFailure, unknownYearFailure } from './year-check';

/** PUT /v1/organizations/{year} (district): the superior level's rating of each grassroots organization. */
export async function putOrganizations(
  request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const parsed = readBody(request, organizationsSchema, 'Danh sách tổ chức cơ sở đảng không đúng cấu trúc.');
  if (!parsed.ok) return failureReply(parsed.failure);
  const organizations: OrganizationRating[] = parsed.value;
  const refused = await districtListFailure(
    context,
    params.year,
    organizations,
    organizationListRules('Một tổ chức cơ sở đảng có mặt hai lần.'),
  );
  if (refused) return failureReply(refused);
  const doc = {
    year: params.year,
    organizations,
    updatedAt: context.now().toISOString(),
    updatedBy: user.email,
  };
  if (!fitsInDocument(paths.organizations(params.year), doc)) {
    return failureReply({
      code: 'DOCUMENT_TOO_LARGE',
      message: `Danh sách ${formatNumber(organizations.length)} tổ chức cơ sở đảng quá lớn để lưu (giới hạn 1 MB): hãy rút gọn tên và loại hình.`,
    });
  }
  await writeOrganizations(context.db, doc);
  return { status: 200, body: { year: params.year, organizations, updatedAt: doc.updatedAt } };
}

/** GET /v1/organizations/{year}: every rating for the district role, a unit account's own otherwise. */
export async function getOrganizations(
  _request: ApiRequest,
  params: RouteParams,
  context: ApiContext,
  user: ApiUser,
): Promise<Reply> {
  const refused = await unknownYearFailure(context, params.year);
  if (refused) return failureReply(refused);
  const doc = await readOrganizations(context.db, params.year);
  const all = doc?.organizations ?? [];
  const organizations = user.role === 'district' ? all : all.filter((o) => user.units.includes(o.code));
  return { status: 200, body: { year: params.year, organizations, updatedAt: doc?.updatedAt ?? null } };
}
