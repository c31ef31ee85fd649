import type { Issue } from '../../core';

export type HttpMethod = 'get' | 'post' | 'put';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  token: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Why a request never left: the manifest's allowlist or a permission the user has not granted. */
export type HttpRefusal = 'allowlist' | 'permission';

export type HttpOutcome =
  | { ok: true; status: number; text: string; headers: Record<string, string> }
  | { ok: false; failure: string; refusal?: HttpRefusal };

/** What the client needs from the platform: one synchronous request, a pause, an identity token. */
export interface ApiTransport {
  send(request: HttpRequest): HttpOutcome;
  sleep(ms: number): void;
  identityToken(): string | null;
}

export type ApiErrorCode =
  | 'E_API_NO_TOKEN'
  | 'E_API_UNAUTHORIZED'
  | 'E_API_FORBIDDEN'
  | 'E_API_REJECTED'
  | 'E_API_UNAVAILABLE'
  | 'E_API_NETWORK'
  | 'E_API_NOT_ALLOWED'
  | 'E_API_NO_PERMISSION'
  | 'E_API_RESPONSE';

export interface ApiError {
  code: ApiErrorCode;
  status: number | null;
  message: string;
  issues: Issue[];
  attempts: number;
}

export type ApiResult<T> =
  { ok: true; status: number; data: T; attempts: number } | { ok: false; error: ApiError };

export const RETRY_DELAYS_MS = [1000, 2000, 4000];
const MAX_RETRY_AFTER_MS = 30000;
/**
 * UrlFetchApp waits about a minute for an answer, and the wait cannot be shortened: a request that timed
 * out is tried once more only, so a server that does not answer keeps the user two minutes, not four.
 */
const MAX_TIMEOUTS = 2;

/**
 * JSON over HTTPS to the functions' API, with the caller's identity token; retries network failures, 429
 * and 5xx. A refusal by the platform (address outside the allowlist, permission not granted) is final.
 */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly transport: ApiTransport,
  ) {}

  /** `headers` go with every attempt (an Idempotency-Key stays the same across retries). */
  call<T>(method: HttpMethod, path: string, body?: unknown, headers?: Record<string, string>): ApiResult<T> {
    const token = this.transport.identityToken();
    if (!token) {
      return failure(
        'E_API_NO_TOKEN',
        null,
        0,
        'Không lấy được mã xác thực của tài khoản Google đang dùng: hãy cấp quyền cho tiện ích rồi thử lại.',
      );
    }
    const url = this.baseUrl.replace(/\/+$/, '') + path;
    let attempts = 0;
    let timeouts = 0;
    for (;;) {
      attempts++;
      const outcome = this.transport.send({ method, url, token, body, headers });
      if (!outcome.ok && outcome.refusal) return refused(outcome.refusal, url, attempts);
      if (!outcome.ok && isTimeout(outcome.failure)) timeouts++;
      const retryable = !outcome.ok || outcome.status === 429 || outcome.status >= 500;
      if (!retryable || attempts > RETRY_DELAYS_MS.length || timeouts >= MAX_TIMEOUTS)
        return interpret<T>(outcome, attempts);
      this.transport.sleep(delayFor(outcome, attempts));
    }
  }
}

function delayFor(outcome: HttpOutcome, attempts: number): number {
  const fallback = RETRY_DELAYS_MS[attempts - 1];
  if (!outcome.ok) return fallback;
  const retryAfter = Number(headerValue(outcome.headers, 'retry-after'));
  return Number.isFinite(retryAfter) && retryAfter > 0
    ? Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS)
    : fallback;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function refused(refusal: HttpRefusal, url: string, attempts: number): ApiResult<never> {
  if (refusal === 'allowlist') {
    return failure(
      'E_API_NOT_ALLOWED',
      null,
      attempts,
      `Tiện ích không được phép gọi địa chỉ ${url}: địa chỉ này nằm ngoài danh sách máy chủ được phép. Hãy mở “Cài đặt” và chọn đúng địa chỉ máy chủ.`,
    );
  }
  return failure(
    'E_API_NO_PERMISSION',
    null,
    attempts,
    'Tiện ích chưa được cấp quyền kết nối tới máy chủ. Hãy chạy lại thao tác và cấp đủ các quyền tiện ích xin, rồi thử lại.',
  );
}

/** UrlFetchApp's failure (English, with the URL) as a cause the user can act on. */
function isTimeout(failure: string): boolean {
  return /time ?out|timed out/i.test(failure);
}

function networkCause(failure: string): string {
  if (isTimeout(failure)) return 'máy chủ không trả lời trong thời gian chờ';
  if (/dns|address unavailable|unknown host|resolve|refused/i.test(failure))
    return 'không có mạng hoặc không tìm thấy máy chủ';
  return 'kết nối bị gián đoạn';
}

function interpret<T>(outcome: HttpOutcome, attempts: number): ApiResult<T> {
  if (!outcome.ok) {
    return failure(
      'E_API_NETWORK',
      null,
      attempts,
      `Không kết nối được máy chủ sau ${attempts} lần thử: ${networkCause(outcome.failure)}. Hãy kiểm tra kết nối mạng.`,
    );
  }
  const { status } = outcome;
  let parsed: unknown = null;
  try {
    parsed = outcome.text ? JSON.parse(outcome.text) : null;
  } catch {
    parsed = undefined;
  }
  if (status >= 200 && status < 300) {
    if (parsed === undefined)
      return failure('E_API_RESPONSE', status, attempts, 'Máy chủ trả lời không đúng định dạng JSON.');
    return { ok: true, status, data: parsed as T, attempts };
  }
  const served = serverError(parsed);
  const issues = served?.issues ?? [];
  const detail = served?.message ? ` Máy chủ báo: ${served.message}` : '';
  if (status === 401) {
    return failure(
      'E_API_UNAUTHORIZED',
      status,
      attempts,
      `Máy chủ không chấp nhận mã xác thực (401).${detail}`,
      issues,
    );
  }
  if (status === 403) {
    return failure(
      'E_API_FORBIDDEN',
      status,
      attempts,
      `Tài khoản này không có quyền thực hiện việc này (403).${detail}`,
      issues,
    );
  }
  if (status === 429 || status >= 500) {
    return failure(
      'E_API_UNAVAILABLE',
      status,
      attempts,
      `Máy chủ đang bận hoặc gặp sự cố (mã ${status}) sau ${attempts} lần thử.${detail}`,
      issues,
    );
  }
  return failure(
    'E_API_REJECTED',
    status,
    attempts,
    `Máy chủ từ chối dữ liệu (mã ${status}).${detail}`,
    issues,
  );
}

function serverError(body: unknown): { message?: string; issues?: Issue[] } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { message, issues } = error as { message?: unknown; issues?: unknown };
  return {
    message: typeof message === 'string' ? message : undefined,
    issues: Array.isArray(issues) ? (issues as Issue[]) : undefined,
  };
}

function failure(
  code: ApiErrorCode,
  status: number | null,
  attempts: number,
  message: string,
  issues: Issue[] = [],
): ApiResult<never> {
  return { ok: false, error: { code, status, message, issues, attempts } };
}
