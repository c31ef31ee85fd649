import { MAX_BODY_BYTES } from '../config';
import { failure, success, type Failure, type Outcome } from './failure';
import type { ApiRequest } from './request';
import { formatNumber } from '../../../core';
import { bodyIssues, type z } from '../schemas/zod-vi';

const tooLarge = () =>
  failure<unknown>(
    'BODY_TOO_LARGE',
    `Nội dung yêu cầu vượt quá ${formatNumber(MAX_BODY_BYTES / 1024 / 1024)} MB.`,
  );

/** Why the hosting framework could not decode the body (too large, bad encoding, bad charset), if it could not. */
export function bodyErrorFailure(request: ApiRequest): Failure | null {
  if (!request.bodyError || request.bodyError === 'entity.parse.failed') return null;
  const refused =
    request.bodyError === 'entity.too.large'
      ? tooLarge()
      : failure(
          'BAD_JSON',
          'Không đọc được nội dung yêu cầu (cần JSON mã hóa UTF-8, không nén hoặc nén đúng).',
        );
  return refused.ok ? null : refused.failure;
}

/** The request body parsed from its raw bytes, whatever Content-Type the client sent. */
export function readJsonBody(request: ApiRequest): Outcome<unknown> {
  const unreadable = bodyErrorFailure(request);
  if (unreadable) return { ok: false, failure: unreadable };
  const raw = request.rawBody;
  if (raw && raw.length > MAX_BODY_BYTES) return tooLarge();
  const text = raw ? raw.toString('utf8').replace(/^\uFEFF/, '') : '';
  if (!text.trim()) return failure('BAD_JSON', 'Thiếu nội dung JSON trong yêu cầu.');
  try {
    return success(JSON.parse(text));
  } catch {
    return failure('BAD_JSON');
  }
}

/** The JSON body checked against `schema`; INVALID_BODY with zod's issues (in Vietnamese) when it does not fit. */
export function readBody<T>(request: ApiRequest, schema: z.ZodType<T>, invalid: string): Outcome<T> {
  const body = readJsonBody(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  return parsed.success ? success(parsed.data) : failure('INVALID_BODY', invalid, bodyIssues(parsed.error));
}
