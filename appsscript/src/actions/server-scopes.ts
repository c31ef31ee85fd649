import { missingAuthorization } from '../gateway/authorization';
import { alert } from '../gateway/ui';

/** What talking to the server takes beyond the spreadsheet: outgoing requests and the identity token. */
const SERVER_SCOPES = [
  'https://www.googleapis.com/auth/script.external_request',
  'openid',
  'https://www.googleapis.com/auth/userinfo.email',
];

/** True (after telling the user how to grant them) when the scopes for the server are not all granted. */
export function askForServerScopes(title: string): boolean {
  const missing = missingAuthorization(SERVER_SCOPES);
  if (!missing) return false;
  const how = missing.url
    ? `Mở địa chỉ sau, cấp đủ quyền rồi chạy lại: ${missing.url}`
    : 'Hãy chạy lại và cấp đủ quyền khi được hỏi.';
  alert(
    title,
    `Tiện ích chưa được cấp đủ quyền để gửi dữ liệu tới máy chủ (kết nối ra ngoài và xác nhận tài khoản Google đang dùng). ${how}`,
  );
  return true;
}
