import { createHmac, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createTokenVerifier } from '../../functions/src/auth/verify-token';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_KEY_ID,
  DEV_PUBLIC_JWK,
  devTokensAllowed,
} from '../../functions/src/auth/dev-key';
import { DEV_PRIVATE_JWK } from '../../scripts/dev-signing-key';
import { createPrivateKey, sign } from 'node:crypto';
import { call, tokenFor } from '../functions/api';
import { snapshotDocuments, type Scope } from '../functions/emulator-firestore';
import { useScope } from './scope';
import { buildReport } from '../functions/reports';
import { tryAll } from './record';

jest.setTimeout(120_000);

const YEAR = 2072;
const A = 'TOK01';
const B = 'TOK02';
const unitA = 'tok01@tokens.test';
// Two communes, each over one of the units: the superior of the first must not reach the second.
const XA1 = 'TOKXA1';
const XA2 = 'TOKXA2';
const superiorXa1 = 'tokxa1@tokens.test';
const scope: Scope = { years: [YEAR], ids: [A, B, XA1, XA2, unitA, superiorXa1] };

useScope(scope, {
  units: [
    { code: XA1, name: 'Đảng ủy xã TOKXA1' },
    { code: XA2, name: 'Đảng ủy xã TOKXA2' },
    { code: A, name: 'Đảng bộ TOK01', parent: XA1 },
    { code: B, name: 'Đảng bộ TOK02', parent: XA2 },
  ],
  users: [
    { email: unitA, role: 'unit', units: [A] },
    { email: superiorXa1, role: 'superior', orgs: [XA1] },
  ],
  years: [YEAR],
});

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: DEV_ISSUER,
  aud: DEV_AUDIENCE,
  sub: `dev:${unitA}`,
  email: unitA,
  email_verified: true,
  iat: now(),
  exp: now() + 3600,
  ...extra,
});

function rs256(payload: object, key: JsonWebKey = DEV_PRIVATE_JWK, kid = DEV_KEY_ID): string {
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(input), createPrivateKey({ key, format: 'jwk' }));
  return `${input}.${signature.toString('base64url')}`;
}

const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  format: 'jwk',
}) as JsonWebKey;
const publicPem = createPrivateKey({ key: DEV_PRIVATE_JWK, format: 'jwk' }).export({
  type: 'pkcs1',
  format: 'pem',
});

const BAD_TOKENS: [string, string | null][] = [
  ['no token', null],
  ['not a JWT', 'abc.def'],
  ['expired', rs256(claims({ exp: now() - 600 }))],
  ['not yet valid (nbf in an hour)', rs256(claims({ nbf: now() + 3600 }))],
  ['wrong audience', rs256(claims({ aud: 'someone-else' }))],
  ['wrong issuer', rs256(claims({ iss: 'https://evil.example' }))],
  ['unverified email', rs256(claims({ email_verified: false }))],
  ['no email', rs256(claims({ email: undefined }))],
  ['signed by another key', rs256(claims(), otherKey)],
  ['another key under the dev key id', rs256(claims(), otherKey, DEV_KEY_ID)],
  ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
  [
    'HS256 with the public key as secret',
    (() => {
      const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: DEV_KEY_ID })}.${b64(claims())}`;
      return `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
    })(),
  ],
  [
    'payload changed after signing',
    (() => {
      const [h, , s] = rs256(claims()).split('.');
      return `${h}.${b64(claims({ email: 'district@tokens.test' }))}.${s}`;
    })(),
  ],
];

it('refuses every bad token with 401 and writes nothing', async () => {
  const before = await snapshotDocuments(scope);
  await tryAll(
    'tokens',
    'bad tokens on POST /v1/reports → 401 (none, malformed, expired, nbf, aud, iss, unverified, no email, other key, alg none, HS256 with the public key, tampered)',
    BAD_TOKENS,
    async ([, token]) => {
      const sent = await call('POST', '/v1/reports', { token, json: buildReport(YEAR, A) });
      expect({ status: sent.status, code: sent.body?.error?.code }).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    },
  );
  expect(await snapshotDocuments(scope)).toEqual(before);
});

it('answers a Google-issued token with 503 (retry) when Google’s keys cannot be fetched, writing nothing', async () => {
  const before = await snapshotDocuments(scope);
  const forged = [
    rs256(claims({ iss: 'https://accounts.google.com' })),
    rs256(claims({ iss: 'accounts.google.com' }), otherKey),
  ];
  await tryAll(
    'tokens',
    'Google-issued tokens while Google’s keys are unreachable (this machine is offline) → 503, not 500',
    forged,
    async (token) => {
      const sent = await call('POST', '/v1/reports', { token, json: buildReport(YEAR, A) });
      expect({ status: sent.status, code: sent.body?.error?.code }).toEqual({
        status: 503,
        code: 'AUTH_UNAVAILABLE',
      });
    },
  );
  expect(await snapshotDocuments(scope)).toEqual(before);
});

it('refuses a unit token on another unit and on district routes with 403, writing nothing', async () => {
  const before = await snapshotDocuments(scope);
  const token = tokenFor(unitA);
  const requests: [string, string, unknown][] = [
    ['POST', '/v1/reports', buildReport(YEAR, B)],
    ['GET', `/v1/reports/${YEAR}/${B}`, undefined],
    ['PUT', `/v1/targets/${YEAR}`, [{ unit: A, code: 'KET_NAP_DANG_VIEN', target: 3 }]],
    ['PUT', `/v1/organizations/${YEAR}`, [{ code: A, name: 'x', rating: 'good' }]],
    ['POST', `/v1/consolidate/${YEAR}`, undefined],
    ['GET', `/v1/consolidated/${YEAR}`, undefined],
  ];
  await tryAll(
    'tokens',
    'a unit token on another unit or a district route → 403',
    requests,
    async ([method, path, json]) => {
      const sent = await call(method, path, { token, json });
      expect(sent.status).toBe(403);
    },
  );
  expect(await snapshotDocuments(scope)).toEqual(before);
});

it('refuses a superior token outside its subtree with 403, writing nothing', async () => {
  const before = await snapshotDocuments(scope);
  const token = tokenFor(superiorXa1);
  const requests: [string, string, unknown][] = [
    ['GET', `/v1/reports/${YEAR}/${B}`, undefined],
    ['GET', `/v1/reports/${YEAR}/${XA2}`, undefined],
    ['POST', '/v1/reports', buildReport(YEAR, B)],
  ];
  await tryAll(
    'tokens',
    'a superior token on a unit outside its subtree → 403',
    requests,
    async ([method, path, json]) => {
      const sent = await call(method, path, { token, json });
      expect(sent.status).toBe(403);
    },
  );
  expect(await snapshotDocuments(scope)).toEqual(before);
});

it('refuses dev tokens when the emulator flag is off (production configuration)', async () => {
  const environments = [
    {},
    { FUNCTIONS_EMULATOR: 'false', GCLOUD_PROJECT: 'demo-xeploai' },
    { FUNCTIONS_EMULATOR: 'true', GCLOUD_PROJECT: 'xeploai-prod' },
  ];
  await tryAll(
    'tokens',
    'a valid dev token where dev tokens are off (no emulator, or a real project) → refused',
    environments,
    async (env) => {
      expect(devTokensAllowed(env)).toBe(false);
      const verify = createTokenVerifier({
        audiences: [DEV_AUDIENCE],
        allowDevTokens: devTokensAllowed(env),
        googleKeys: async () => {
          throw new Error('no network');
        },
      });
      const outcome = await verify(`Bearer ${rs256(claims())}`);
      expect(outcome.ok).toBe(false);
    },
  );
  // The same token is accepted where dev tokens are on, so the refusal above is about the flag.
  const verify = createTokenVerifier({ audiences: [DEV_AUDIENCE], allowDevTokens: true });
  expect((await verify(`Bearer ${rs256(claims())}`)).ok).toBe(true);
  void DEV_PUBLIC_JWK;
});
