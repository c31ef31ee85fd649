import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createLocalJWKSet } from 'jose';
import { devTokensAllowed, DEV_AUDIENCE, DEV_ISSUER } from '../../functions/src/auth/dev-key';
import { createTokenVerifier, type VerifierOptions } from '../../functions/src/auth/verify-token';
import { signDevToken } from '../../scripts/dev-signing-key';

// A key pair standing in for Google's signing keys: tokens "issued by Google" are signed with it.
const googleKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const googlePrivate = googleKey.privateKey.export({ format: 'jwk' }) as JsonWebKey;
const googlePublic = {
  ...(googleKey.publicKey.export({ format: 'jwk' }) as JsonWebKey),
  kid: 'google-test',
  alg: 'RS256',
};
const forgedPrivate = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  format: 'jwk',
}) as JsonWebKey;

const CLIENT_ID = '1234-abc.apps.googleusercontent.com';
const email = 'can.bo@example.vn';

const verifier = (overrides: Partial<VerifierOptions> = {}) =>
  createTokenVerifier({
    audiences: [CLIENT_ID, DEV_AUDIENCE],
    allowDevTokens: false,
    googleKeys: createLocalJWKSet({ keys: [googlePublic as never] }),
    ...overrides,
  });

const googleToken = (options: Parameters<typeof signDevToken>[1] = {}, address = email) =>
  signDevToken(address, {
    issuer: 'https://accounts.google.com',
    audience: CLIENT_ID,
    privateJwk: googlePrivate,
    keyId: 'google-test',
    ...options,
  });

async function outcome(token: string | undefined, options: Partial<VerifierOptions> = {}) {
  return verifier(options)(token === undefined ? undefined : `Bearer ${token}`);
}

describe('devTokensAllowed', () => {
  it('allows dev tokens only in the Functions emulator with a demo project', () => {
    expect(devTokensAllowed({ FUNCTIONS_EMULATOR: 'true', GCLOUD_PROJECT: 'demo-xeploai' })).toBe(true);
    expect(devTokensAllowed({ GCLOUD_PROJECT: 'demo-xeploai' })).toBe(false);
    expect(devTokensAllowed({ FUNCTIONS_EMULATOR: 'false', GCLOUD_PROJECT: 'demo-xeploai' })).toBe(false);
    expect(devTokensAllowed({ FUNCTIONS_EMULATOR: 'true', GCLOUD_PROJECT: 'xeploai-prod' })).toBe(false);
    expect(devTokensAllowed({})).toBe(false);
  });
});

describe('createTokenVerifier', () => {
  it('accepts a dev token when the emulator flag is on, and refuses the same token when it is off', async () => {
    const token = signDevToken(email);
    expect(await outcome(token, { allowDevTokens: true })).toEqual({
      ok: true,
      value: { email, issuer: DEV_ISSUER },
    });
    const refused = await outcome(token, { allowDevTokens: false });
    expect(refused).toMatchObject({ ok: false, failure: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a dev-issuer token signed by another key even with the flag on', async () => {
    const forged = signDevToken(email, { privateJwk: forgedPrivate });
    expect(await outcome(forged, { allowDevTokens: true })).toMatchObject({
      ok: false,
      failure: { code: 'UNAUTHENTICATED' },
    });
  });

  it('accepts a Google token under both issuer spellings and lower-cases the email', async () => {
    for (const issuer of ['accounts.google.com', 'https://accounts.google.com']) {
      const result = await outcome(googleToken({ issuer }, 'Can.Bo@Example.VN'));
      expect(result).toEqual({ ok: true, value: { email, issuer } });
    }
  });

  it.each([
    ['another issuer', { issuer: 'https://evil.example.com' }, 'issuer'],
    ['another audience', { audience: 'other-client' }, 'audience'],
    ['an expired token', { expiresIn: -3600 }, 'hết hạn'],
    ['an unverified email', { emailVerified: false }, 'xác minh'],
    ['a signature by another key', { privateJwk: forgedPrivate }, 'Chữ ký'],
  ])('refuses %s', async (_label, options, words) => {
    const result = await outcome(googleToken(options as Parameters<typeof signDevToken>[1]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.code).toBe('UNAUTHENTICATED');
      expect(result.failure.message).toContain(words);
    }
  });

  it('refuses a Google-signed token claiming the dev issuer when dev tokens are off', async () => {
    const result = await outcome(googleToken({ issuer: DEV_ISSUER }), { allowDevTokens: false });
    expect(result).toMatchObject({ ok: false, failure: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a missing header, another scheme and a malformed token', async () => {
    const verify = verifier({ allowDevTokens: true });
    for (const header of [
      undefined,
      '',
      'Basic abc',
      'Bearer',
      'Bearer not.a.jwt',
      `Token ${signDevToken(email)}`,
    ]) {
      expect(await verify(header)).toMatchObject({ ok: false, failure: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses everything when no audience is configured', async () => {
    expect(await outcome(googleToken(), { audiences: [] })).toMatchObject({
      ok: false,
      failure: { code: 'UNAUTHENTICATED' },
    });
  });
});
