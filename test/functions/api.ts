import { signDevToken, type DevTokenOptions } from '../../scripts/dev-signing-key';

export const API_URL = process.env.XEPLOAI_API_URL ?? '';
export const SCHEDULED_URL = process.env.XEPLOAI_SCHEDULED_URL ?? '';
if (!API_URL)
  throw new Error('XEPLOAI_API_URL is unset: run the functions tests through jest (test/global-setup.cjs).');

export interface ApiResponse {
  status: number;
  contentType: string;
  text: string;
  body: any;
}

export interface CallOptions {
  token?: string | null;
  json?: unknown;
  /** Sent as is, instead of `json`. */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export const tokenFor = (email: string, options?: DevTokenOptions) => signDevToken(email, options);

export async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const payload = typeof body === 'string' || body === undefined ? body : new Uint8Array(body);
  const response = await fetch(`${API_URL}${path}`, { method, headers, body: payload });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, contentType, text, body: parsed };
}

/** Runs the scheduled consolidation once, as Cloud Scheduler would (functions emulator trigger URL). */
export async function runScheduledConsolidation(): Promise<number> {
  const response = await fetch(SCHEDULED_URL, { method: 'POST' });
  await response.text();
  return response.status;
}
