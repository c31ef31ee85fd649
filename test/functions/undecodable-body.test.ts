import { gzipSync } from 'node:zlib';
import { API_URL, tokenFor } from './api';
import { buildReport } from './reports';

/** Raw requests the hosting framework decodes before the API sees them. */
async function send(headers: Record<string, string>, body: Buffer) {
  const response = await fetch(`${API_URL}/v1/reports`, {
    method: 'POST',
    headers,
    body: new Blob([new Uint8Array(body)]),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text };
}

const garbage = Buffer.from('not gzip at all, just bytes \u0000\u0001');

describe('bodies the framework cannot decode', () => {
  it.each([
    ['gzip with garbage, no token', { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    ['deflate with garbage, no token', { 'content-type': 'application/json', 'content-encoding': 'deflate' }],
    ['gzip text/plain with garbage', { 'content-type': 'text/plain', 'content-encoding': 'gzip' }],
    ['an unknown encoding', { 'content-type': 'application/json', 'content-encoding': 'zstd-x' }],
    ['an unknown charset', { 'content-type': 'application/json; charset=klingon' }],
  ])('answers %s with a JSON 400, never an HTML page', async (_label, headers) => {
    const reply = await send(headers, garbage);
    expect(reply.status).toBe(400);
    expect(reply.type).toMatch(/^application\/json/);
    expect(JSON.parse(reply.text).error.code).toBe('BAD_JSON');
    expect(reply.text).not.toMatch(/<html|\bat .+:\d+:\d+/i);
  });

  it('still reads a correctly gzipped body (the refusal is about the bytes, not the header)', async () => {
    const body = gzipSync(JSON.stringify(buildReport(2063, 'NOPE01')));
    const reply = await send(
      {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        authorization: `Bearer ${tokenFor('nobody@undecodable.test')}`,
      },
      body,
    );
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.text).error.code).toBe('FORBIDDEN');
  });
});
