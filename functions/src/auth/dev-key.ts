/**
 * DEVELOPMENT ONLY. The public half of a key pair committed to the repository so the local stack runs
 * offline: tokens it signs (issuer DEV_ISSUER) are accepted only inside the Functions emulator with a
 * demo-* project (see devTokensAllowed). Its private half is scripts/dev-signing-key.ts; anyone can read
 * both, so production must never trust it.
 */
export const DEV_ISSUER = 'xeploai-dev';
/** The audience dev tokens carry by default; functions/.env.local sets API_AUDIENCE to it for the emulator. */
export const DEV_AUDIENCE = 'xeploai-dev';
export const DEV_KEY_ID = 'xeploai-dev-key-1';

export const DEV_PUBLIC_JWK = {
  kty: 'RSA',
  n: 'wUcgacwFMGybNWl2ZgJwbZIvLsw0xdjFYkkugylM4CGWKH-vJPB1ro-MzEkscJb0wUQCRcuQL6RGEqBTr5ijaVH1NBkBI4HGrVN-717jsU4I74dZC4pAEE43Z9zlKclgGOsSVcFuSI5tJRxdnw2brHYlb6hYICUwk-eu6CqrSsQ0yPe6ueUoYJGbMqLX6F0y5RbQfM0ucjy2yTiY1vmlpjdQDMgBgKvwF295hRdh1Z0E1jmz78G31q0P7Y5m80N1vKBbDsJJ0kZ0LDCedsxP-ypSvgYfypNCOyuvF2rPOf7BMUBM_00fmgBUWQnpEKgP0-6g24SaNj8814ZjmvdOFw',
  e: 'AQAB',
  alg: 'RS256',
  kid: DEV_KEY_ID,
};

/** Dev tokens are honoured only by the Functions emulator running a demo-* project (never in production). */
export function devTokensAllowed(env: Record<string, string | undefined>): boolean {
  return env.FUNCTIONS_EMULATOR === 'true' && (env.GCLOUD_PROJECT ?? '').startsWith('demo-');
}
