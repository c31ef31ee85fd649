import { readLineage, readUser, type OrganizationEntry } from '../store/directory';
import { isUsableDocumentId } from '../store/document-ids';
import { failure, success, type Failure, type Outcome } from './failure';
import { header, type ApiContext, type ApiRequest, type ApiUser } from './request';

/** Verifies the bearer token (401 when it fails), then looks the account up in `users/{email}` (403 when absent). */
export async function authenticate(request: ApiRequest, context: ApiContext): Promise<Outcome<ApiUser>> {
  const identity = await context.verifyToken(header(request, 'authorization'));
  if (!identity.ok) return identity;
  const { email } = identity.value;
  if (!isUsableDocumentId(email))
    return failure('INVALID_ACCOUNT', `Địa chỉ email “${email}” không dùng được làm mã tài khoản.`);
  const user = await readUser(context.db, email);
  if (!user || !['unit', 'district', 'superior'].includes(user.role)) {
    return failure('FORBIDDEN', `Tài khoản ${email} chưa được cấp quyền sử dụng hệ thống.`);
  }
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
  return success({ email, role: user.role, units: list(user.units), orgs: list(user.orgs) });
}

/**
 * Null when the account may read what `code` reported: its own unit, the district role, or a superior whose
 * organizations include `code` in their subtrees (its lineage read only for superiors).
 */
export async function readAccessFailure(
  user: ApiUser,
  code: string,
  context: ApiContext,
): Promise<Failure | null> {
  if (user.role === 'superior' && user.orgs.length) {
    const lineage = await readLineage(context.db, code);
    if (lineage && coversLineage(user, lineage)) return null;
  }
  return unitAccessFailure(user, code);
}

/** Whether a superior's organizations include one of this lineage (the organization or an ancestor). */
function coversLineage(user: ApiUser, lineage: OrganizationEntry[]): boolean {
  return lineage.some((o) => user.orgs.includes(o.code));
}

/**
 * The organization's lineage when the account may consolidate it, read its consolidation and assign in it: the
 * district role (the superior of the root) anywhere, a superior within its subtrees; 403 otherwise, 404 for an
 * organization the directory does not know (to the district role; others get 403 and learn nothing).
 */
export async function organizationAccess(
  user: ApiUser,
  org: string,
  context: ApiContext,
): Promise<Outcome<OrganizationEntry[]>> {
  const refused = failure<OrganizationEntry[]>(
    'FORBIDDEN',
    `Tài khoản ${user.email} không có quyền với tổ chức ${org}.`,
  );
  if (user.role !== 'district' && !(user.role === 'superior' && user.orgs.length)) return refused;
  const lineage = await readLineage(context.db, org);
  if (user.role === 'district')
    return lineage
      ? success(lineage)
      : failure('UNKNOWN_ORGANIZATION', `Mã tổ chức ${org} không có trong danh sách đơn vị.`);
  return lineage && coversLineage(user, lineage) ? success(lineage) : refused;
}

/** Null when the account may act for the unit (its own unit, or the district role). */
export function unitAccessFailure(user: ApiUser, unit: string): Failure | null {
  if (user.role === 'district' || user.units.includes(unit)) return null;
  return { code: 'FORBIDDEN', message: `Tài khoản ${user.email} không có quyền với đơn vị ${unit}.` };
}

export function districtAccessFailure(user: ApiUser): Failure | null {
  if (user.role === 'district') return null;
  return {
    code: 'FORBIDDEN',
    message: 'Chỉ tài khoản của văn phòng cấp trên toàn đảng bộ được thực hiện thao tác này.',
  };
}
