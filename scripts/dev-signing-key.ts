/**
 * DEVELOPMENT ONLY: the private half of the committed development key pair (public half and the rules
 * that confine it to the emulator: functions/src/auth/dev-key.ts). Signs dev ID tokens for the local
 * stack and the tests. Never give this key any power outside the emulator.
 */
import { createPrivateKey, sign, type JsonWebKey } from 'node:crypto';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_KEY_ID } from '../functions/src/auth/dev-key';

export const DEV_PRIVATE_JWK: JsonWebKey = {
  kty: 'RSA',
  n: 'wUcgacwFMGybNWl2ZgJwbZIvLsw0xdjFYkkugylM4CGWKH-vJPB1ro-MzEkscJb0wUQCRcuQL6RGEqBTr5ijaVH1NBkBI4HGrVN-717jsU4I74dZC4pAEE43Z9zlKclgGOsSVcFuSI5tJRxdnw2brHYlb6hYICUwk-eu6CqrSsQ0yPe6ueUoYJGbMqLX6F0y5RbQfM0ucjy2yTiY1vmlpjdQDMgBgKvwF295hRdh1Z0E1jmz78G31q0P7Y5m80N1vKBbDsJJ0kZ0LDCedsxP-ypSvgYfypNCOyuvF2rPOf7BMUBM_00fmgBUWQnpEKgP0-6g24SaNj8814ZjmvdOFw',
  e: 'AQAB',
  d: 'FqY_JibCdOpFRf0V4t5mTnDTFqjXhlfgyaPJz5UHbTyCXDyaSbnkEJDB7y6kBo2qIPvXSFaSjwKxM32WUP2SKMVx9qj3eTG8FpOyTFrSU_TRF0DFLpUE7OQ9me5I7Jyspj7l5ybDxbzrDW5Fil4N4Cf4Ox1_NkUlbC-6T3qwmBIx-wMGWtUqpiAmVpgknKpB4yArxv6PVO8s7KXi7l7A4FV6yJbxzwY1fntjknrv-DwSI9DPta_aUDQ3fHeWG3lcU1WBNkzelpC8qwPJdNuXzM06YYB68ZPOmmxHqwO9XZrbK5RvNQDEKyqHspuv5Oxg1D2D6Xasog3SfMtZl1ngAQ',
  p: '3orRVBzEi4vsXen20XGmVRptoR0yH7wFVVGWqaaILuVJhq3ovg2zTrWe4Qbn25Mqmz3Pu1zUi9kgXdc4_41pgdRAresccM9eZiwg3wicDjeF-6js_1LjV6kRGPXiPdMGOYPTGDm_4v3fHN-IHZDJY2rKKoB0CB_PZo3_dMiRko8',
  q: '3lX7sEkCkDAE0uz9QG_RlM_s9HfLYUMQ6zTfSB0v45WEWW9ZDNmjJX4NU8ORk3y2VVUdljlXTh8y1t1MQFzNbRWlZDZg4n8yFIq2iDV8oo0TCLmJPsyHYH8TDNI4SeQHtENOclLizDZOdF66Pq3cWTCqDqgLkUNr88zMljLQr_k',
  dp: 'bMDUGVHRrwxbH24Fw0bR7Ub0Ckc1RpLg3Ff508BhTuGYM-vrEG2rkaxqDzgLuJ9Ls__Z84sjB5C9I37ZCPH3fI3YaeW6yVpdnHq2OaiAcuYpYNmlsAS2uxERHOyUengU06ibUXxvTKOaFAcdAq3N7Pqz_1801P-OoGSGUXDuyvs',
  dq: 'vuMdm0Wj0L2ZdqqH6GnYi6ZU77NmRxQ4k2gqh5SfiArXvZ1u3CyC-O6XbKJM-06okOzp4Q9MGMOKd5U6IUxMBur9u-NAHVZNXfuWKa2aW0k53VTGM8eQN1YCuhBGyZHg13CuClOFawT5KMonpybINz8j0j-O5uH27jOYNyBbsak',
  qi: 'Ah3sARvWP06Kg_AhcKQqoOV4y0j_BWERHlDFw3LGwZtsKiVQGp9ZB55vsfCQNPf_SqFwb0nNOcf9qbApE6yLhycOSlaoAvjacbn0ZEJIo1JTd6Azk-6uFxBmYNjuoleou5yIlWeTGTktLLOqKRSnG9WegkridOrO2BUvWC58CP4',
};

export interface DevTokenOptions {
  audience?: string;
  issuer?: string;
  emailVerified?: boolean;
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  /** Another private key, to forge a token the server must refuse. */
  privateJwk?: JsonWebKey;
  keyId?: string;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** An RS256 JWT shaped like a Google ID token, signed with the development key. */
export function signDevToken(email: string, options: DevTokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: options.keyId ?? DEV_KEY_ID };
  const payload = {
    iss: options.issuer ?? DEV_ISSUER,
    aud: options.audience ?? DEV_AUDIENCE,
    sub: `dev:${email}`,
    email,
    email_verified: options.emailVerified ?? true,
    iat: now,
    exp: now + (options.expiresIn ?? 3600),
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const key = createPrivateKey({ key: options.privateJwk ?? DEV_PRIVATE_JWK, format: 'jwk' });
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), key))}`;
}
