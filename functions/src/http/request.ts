import type { Firestore } from 'firebase-admin/firestore';
import type { TokenVerifier } from '../auth/verify-token';
import type { RateLimiter } from './rate-limit';

/** The parts of an HTTP request the API looks at (firebase-functions gives an express request). */
export interface ApiRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
  /** Set when the hosting framework's own body parser failed (see framework-body-errors.ts). */
  bodyError?: string;
}

export interface ApiContext {
  db: Firestore;
  verifyToken: TokenVerifier;
  now: () => Date;
  /** Per-account request limit, shared by every instance; none in tests that call routes directly. */
  rateLimit?: RateLimiter;
}

export interface ApiUser {
  email: string;
  role: 'unit' | 'district' | 'superior';
  units: string[];
  /** For a superior: the organizations whose subtrees it may read. */
  orgs: string[];
}

export function header(request: ApiRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
