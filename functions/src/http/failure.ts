/** Every refusal the API gives: a stable code, its HTTP status and a Vietnamese message. */
export const FAILURE_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_JSON: 400,
  INVALID_BODY: 400,
  INVALID_PATH: 400,
  BODY_TOO_LARGE: 400,
  UNKNOWN_YEAR: 400,
  YEAR_CLOSED: 400,
  UNKNOWN_UNIT: 400,
  UNKNOWN_ORGANIZATION: 404,
  NOT_DIRECTLY_BELOW: 400,
  REPORT_INVALID: 400,
  REPORT_TOO_LARGE: 400,
  DOCUMENT_TOO_LARGE: 400,
  INVALID_ACCOUNT: 400,
  INVALID_IDEMPOTENCY_KEY: 400,
  IDEMPOTENCY_KEY_REUSED: 409,
  CONSOLIDATION_TOO_LARGE: 422,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL: 500,
  AUTH_UNAVAILABLE: 503,
  UNAVAILABLE: 503,
} as const;

export type FailureCode = keyof typeof FAILURE_STATUS;

const DEFAULT_MESSAGES: Record<FailureCode, string> = {
  UNAUTHENTICATED: 'Chưa xác thực: cần mã định danh Google hợp lệ trong tiêu đề Authorization (Bearer).',
  FORBIDDEN: 'Tài khoản không có quyền thực hiện thao tác này.',
  BAD_JSON: 'Nội dung yêu cầu không phải JSON hợp lệ.',
  INVALID_BODY: 'Nội dung yêu cầu không đúng cấu trúc.',
  INVALID_PATH: 'Đường dẫn không hợp lệ.',
  BODY_TOO_LARGE: 'Nội dung yêu cầu quá lớn.',
  UNKNOWN_YEAR: 'Năm đánh giá chưa được mở trên hệ thống.',
  YEAR_CLOSED: 'Năm đánh giá đã khóa, không nhận báo cáo.',
  UNKNOWN_UNIT: 'Mã đơn vị không có trong danh sách đơn vị.',
  UNKNOWN_ORGANIZATION: 'Mã tổ chức không có trong danh sách đơn vị.',
  NOT_DIRECTLY_BELOW: 'Có đơn vị không trực thuộc tổ chức này.',
  REPORT_INVALID: 'Báo cáo còn lỗi, chưa được lưu.',
  REPORT_TOO_LARGE: 'Báo cáo quá lớn để lưu thành một phiên bản.',
  DOCUMENT_TOO_LARGE: 'Dữ liệu gửi lên quá lớn để lưu.',
  INVALID_ACCOUNT: 'Địa chỉ email của tài khoản không dùng được làm mã tài khoản.',
  INVALID_IDEMPOTENCY_KEY: 'Tiêu đề Idempotency-Key không hợp lệ (8–200 ký tự chữ, số, “-”, “_”).',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency-Key này đã dùng cho một nội dung khác.',
  CONSOLIDATION_TOO_LARGE: 'Báo cáo tổng hợp quá lớn để lưu.',
  RATE_LIMITED: 'Quá nhiều yêu cầu trong thời gian ngắn: vui lòng thử lại sau.',
  NOT_FOUND: 'Không tìm thấy.',
  METHOD_NOT_ALLOWED: 'Phương thức không được hỗ trợ cho đường dẫn này.',
  INTERNAL: 'Lỗi máy chủ, vui lòng thử lại sau.',
  UNAVAILABLE: 'Máy chủ đang bận, vui lòng thử lại sau ít giây.',
  AUTH_UNAVAILABLE: 'Tạm thời không kiểm tra được mã định danh: hãy thử lại sau ít phút.',
};

export interface Failure {
  code: FailureCode;
  message: string;
  issues?: unknown[];
  /** REPORT_INVALID: how many issues of each code, when `issues` lists only the first ones. */
  issueCounts?: unknown;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });

export function failure<T = never>(code: FailureCode, message?: string, issues?: unknown[]): Outcome<T> {
  const found: Failure = { code, message: message ?? DEFAULT_MESSAGES[code] };
  if (issues) found.issues = issues;
  return { ok: false, failure: found };
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function failureReply(found: Failure): Reply {
  return { status: FAILURE_STATUS[found.code], body: { error: found } };
}

/** The reply for a refusal with its default message. */
export const refusal = (code: FailureCode): Reply => failureReply({ code, message: DEFAULT_MESSAGES[code] });
