import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { failure, success, type Outcome } from '../http/failure';
import { DEV_ISSUER, DEV_PUBLIC_JWK } from './dev-key';

export const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];
export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';

export interface VerifierOptions {
  /** Accepted `aud` values: the OAuth client ID(s) the add-on's identity tokens are issued for. */
  audiences: string[];
  /** Only in the emulator (devTokensAllowed): accept tokens signed by the committed development key. */
  allowDevTokens: boolean;
  /** Google's signing keys; tests pass a local key set standing in for them. */
  googleKeys?: JWTVerifyGetKey;
}

export interface VerifiedIdentity {
  email: string;
  issuer: string;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Outcome<VerifiedIdentity>>;

const refuse = (message: string) => failure<VerifiedIdentity>('UNAUTHENTICATED', message);

function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

function joseMessage(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Mã định danh đã hết hạn: hãy đăng nhập lại.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'Mã định danh không cấp cho ứng dụng này (audience sai).';
    if (error.claim === 'iss') return 'Mã định danh không do Google cấp (issuer sai).';
    return `Mã định danh có trường “${error.claim}” không hợp lệ.`;
  }
  return 'Chữ ký của mã định danh không hợp lệ.';
}

/** Checks signature, issuer, audience, expiry and email_verified of a Google ID token (or, in the emulator, a dev token). */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const googleKeys = options.googleKeys ?? createRemoteJWKSet(new URL(GOOGLE_JWKS_URL));
  const devKeys = createLocalJWKSet({ keys: [DEV_PUBLIC_JWK] });
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token)
      return refuse('Thiếu mã định danh: cần tiêu đề “Authorization: Bearer <mã định danh Google>”.');
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return refuse('Mã định danh không đúng định dạng JWT.');
    }
    const dev = issuer === DEV_ISSUER;
    // Refused before any key is fetched: a made-up issuer must not make the server call Google.
    if (!dev && !GOOGLE_ISSUERS.includes(issuer ?? ''))
      return refuse('Mã định danh không do Google cấp (issuer sai).');
    if (dev && !options.allowDevTokens)
      return refuse('Mã định danh phát triển chỉ được chấp nhận trong bộ giả lập.');
    if (options.audiences.length === 0)
      return refuse('Máy chủ chưa cấu hình API_AUDIENCE: không thể kiểm tra mã định danh.');
    try {
      const { payload } = await jwtVerify(token, dev ? devKeys : googleKeys, {
        issuer: dev ? DEV_ISSUER : GOOGLE_ISSUERS,
        audience: options.audiences,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'email'],
        clockTolerance: 30,
      });
      if (payload.email_verified !== true && payload.email_verified !== 'true') {
        return refuse('Địa chỉ email của tài khoản chưa được Google xác minh.');
      }
      if (typeof payload.email !== 'string' || !payload.email.includes('@'))
        return refuse('Mã định danh không có email.');
      return success({ email: payload.email.trim().toLowerCase(), issuer: issuer ?? '' });
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        // Google's signing keys could not be fetched: a retry may succeed.
        return failure<VerifiedIdentity>(
          'AUTH_UNAVAILABLE',
          'Tạm thời không kiểm tra được mã định danh (không tải được khóa của Google): hãy thử lại sau ít phút.',
        );
      }
      return refuse(joseMessage(error));
    }
  };
}
