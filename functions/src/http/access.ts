import { isWithin } from '../../../core';
import { readOrganizationTree, readUser } from '../store/directory';
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
 * organizations include `code` in their subtrees (read from the organization tree only for superiors).
 */
export async function readAccessFailure(
  user: ApiUser,
  code: string,
  context: ApiContext,
): Promise<Failure | null> {
  if (user.role === 'superior' && user.orgs.length) {
    const tree = await readOrganizationTree(context.db);
    if (user.orgs.some((org) => isWithin(tree, org, code))) return null;
  }
  return unitAccessFailure(user, code);
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
    message: 'Chỉ tài khoản cấp trên (vai trò district) được thực hiện thao tác này.',
  };
}
