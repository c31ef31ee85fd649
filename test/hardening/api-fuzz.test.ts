import fc from 'fast-check';
import { call, tokenFor, type CallOptions } from '../functions/api';
import { snapshotDocuments, type Scope } from '../functions/emulator-firestore';
import { useScope } from './scope';
import { buildReport } from '../functions/reports';
import { sized, tryAll } from './record';

jest.setTimeout(600_000);

const YEAR = 2073;
const UNIT = 'FUZ01';
const unitUser = 'fuz01@api-fuzz.test';
const district = 'district@api-fuzz.test';
// The scheduled consolidation (run by other suites) may rewrite this year's consolidation at any time.
const scope: Scope = {
  years: [YEAR],
  ids: [UNIT, unitUser, district],
  ignore: (path) => path === `years/${YEAR}/consolidated/current`,
};

useScope(scope, {
  units: [{ code: UNIT, name: 'Đảng bộ FUZ01' }],
  users: [
    { email: unitUser, role: 'unit', units: [UNIT] },
    { email: district, role: 'district' },
  ],
  years: [YEAR],
});
beforeAll(async () => {
  // Something a bad request could damage.
  expect(
    (await call('POST', '/v1/reports', { token: tokenFor(unitUser), json: buildReport(YEAR, UNIT) })).status,
  ).toBe(201);
});

/** Values that are wrong somewhere a report expects something else. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('.'),
  fc.constant('..'),
  fc.constant('__x__'),
  fc.constant('a/b'),
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 5000, maxLength: 5000 }),
  fc.integer(),
  fc.double(),
  fc.constant(1e308),
  fc.constant(-1),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  fc.constant('2023-02-30'),
  fc.constant('31/12/2023'),
  fc.constant('\u0000\u0007\u001b'),
);

const REPORT_PATHS = [
  ['year'],
  ['unit'],
  ['unit', 'code'],
  ['unit', 'name'],
  ['unit', 'extra'],
  ['members'],
  ['members', 0],
  ['members', 0, 'name'],
  ['members', 0, 'rating'],
  ['members', 0, 'reason'],
  ['members', 0, 'score'],
  ['members', 0, 'birthDate'],
  ['members', 0, 'groups'],
  ['members', 0, 'disciplined'],
  ['members', 0, 'row'],
  ['members', 0, 'unknownField'],
  ['cells'],
  ['targets'],
  ['evaluationDate'],
  ['extraTopLevel'],
] as const;

/** A valid report with one value replaced by a wrong one. */
const mutatedReport = fc.tuple(fc.constantFrom(...REPORT_PATHS), wrongValue).map(([path, value]) => {
  const report = JSON.parse(JSON.stringify(buildReport(YEAR, UNIT, { variant: 7 }))) as Record<string, any>;
  let at: any = report;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]] = value;
  return {
    label: `report.${path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`,
    request: ['POST', '/v1/reports', { json: report }] as const,
  };
});

const rawBodies = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('{', '[', '{"year":', 'null', '[]', '"text"', '1e999', '{"__proto__":{"x":1}}', '\uFEFF{}'),
);
const rawRequest = fc
  .tuple(
    fc.constantFrom('/v1/reports', `/v1/targets/${YEAR}`, `/v1/organizations/${YEAR}`),
    rawBodies,
    fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
    ),
  )
  .map(([path, raw, contentType]) => ({
    label: `raw ${contentType} to ${path}`,
    request: [path === '/v1/reports' ? 'POST' : 'PUT', path, { raw, contentType }] as const,
  }));

const districtList = fc
  .tuple(
    fc.constantFrom(`/v1/targets/${YEAR}`, `/v1/organizations/${YEAR}`),
    fc.oneof(
      wrongValue,
      fc.array(
        fc.record(
          { unit: wrongValue, code: wrongValue, name: wrongValue, target: wrongValue, rating: wrongValue },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
  )
  .map(([path, json]) => ({
    label: `PUT ${path} ${JSON.stringify(json)?.slice(0, 40)}`,
    request: ['PUT', path, { json }] as const,
  }));

const badPath = fc
  .oneof(
    fc.constantFrom(
      '/v1/reports/20x3/FUZ01',
      `/v1/reports/${YEAR}/__x__`,
      `/v1/reports/${YEAR}/a%2Fb`,
      `/v1/reports/${YEAR}/%E0%A4%A`,
      '/v1/../v1/reports',
      '/v2/reports',
      `/v1/targets/99999`,
      `/v1/consolidate/0000`,
    ),
    fc.string({ maxLength: 30 }).map((s) => `/v1/${encodeURIComponent(s)}`),
  )
  .map((path) => ({ label: `GET ${path}`, request: ['GET', path, {}] as const }));

const badMethod = fc
  .constantFrom('DELETE', 'PATCH', 'OPTIONS')
  .chain((method) =>
    fc
      .constantFrom('/v1/reports', `/v1/targets/${YEAR}`, `/v1/consolidated/${YEAR}`)
      .map((path) => ({ label: `${method} ${path}`, request: [method, path, {}] as const })),
  );

const malformed = fc.oneof(
  { weight: 4, arbitrary: mutatedReport },
  { weight: 3, arbitrary: rawRequest },
  { weight: 2, arbitrary: districtList },
  badPath,
  badMethod,
);

it('answers generated malformed requests with a precise 4xx in JSON, never a 5xx; a refused one changes nothing', async () => {
  const cases = fc.sample(malformed, { numRuns: sized(30, 300), seed: 13 });
  let accepted = 0;
  await tryAll(
    'fuzz',
    'generated malformed API requests (mutated reports, raw bodies, district lists, paths, methods) → a 4xx in JSON with a code and the Firestore dump unchanged, or accepted when the mutation left it valid',
    cases,
    async ({ request: [method, path, options] }) => {
      const isDistrictRoute = !path.startsWith('/v1/reports');
      const before = await snapshotDocuments(scope);
      const sent = await call(method, path, {
        ...(options as CallOptions),
        token: tokenFor(isDistrictRoute ? district : unitUser),
      });
      expect(sent.status).toBeLessThan(500);
      expect(sent.text).not.toMatch(/<html|\bat .+:\d+:\d+/i);
      if (sent.status < 300) {
        // OPTIONS is a CORS preflight the framework answers with 204 and no body.
        if (sent.status !== 204) expect(sent.contentType).toMatch(/^application\/json/);
        accepted++;
        return;
      }
      expect(sent.contentType).toMatch(/^application\/json/);
      expect(typeof sent.body?.error?.code).toBe('string');
      expect(sent.body.error.message).toMatch(/\p{L}/u);
      expect(await snapshotDocuments(scope)).toEqual(before);
    },
  );
  console.log(`api fuzz: ${cases.length} requests, ${accepted} still valid after mutation and accepted`);
});
