import { KohaClient, KohaError, type KohaLogEvent } from '@bibwire/koha-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureServer, json, startFixture } from './fixture/server.js';
import { serve } from './mock/http.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** No real waiting in tests: record the delays instead. */
function recordingSleep() {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

describe('retries', () => {
  it('503 then success for GET, with backoff', async () => {
    let n = 0;
    server = await startFixture({
      handler: () =>
        ++n < 3 ? json(503, { error: 'Under maintenance' }) : json(200, [{ library_id: 'CPL' }]),
    });
    const { sleep, delays } = recordingSleep();
    const events: KohaLogEvent[] = [];
    const client = new KohaClient({
      baseUrl: server.url,
      sleep,
      random: () => 1,
      logger: (e) => events.push(e),
    });
    const res = await client.call('listLibraries');
    expect(res).toEqual([{ library_id: 'CPL' }]);
    expect(delays).toEqual([200, 400]);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.attempt)).toEqual([1, 2]);
  });

  it('gives up after the configured retries with the last status', async () => {
    server = await startFixture({ handler: () => json(502, { error: 'Bad gateway' }) });
    const { sleep } = recordingSleep();
    const client = new KohaClient({ baseUrl: server.url, sleep, retry: { retries: 3 } });
    const err = await client.call('listLibraries').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'HTTP_STATUS', status: 502, attempts: 4 });
    expect(server.apiRequests).toHaveLength(4);
  });

  it('honours Retry-After on 429 (capped by maxDelayMs)', async () => {
    let n = 0;
    server = await startFixture({
      handler: () => (++n === 1 ? json(429, { error: 'slow down' }, { 'retry-after': '3' }) : json(200, [])),
    });
    const { sleep, delays } = recordingSleep();
    const client = new KohaClient({ baseUrl: server.url, sleep, random: () => 0 });
    await client.call('listItems');
    expect(delays).toEqual([3000]);
  });

  it('does not retry POST on 503 unless told it is idempotent', async () => {
    server = await startFixture({ handler: () => json(503, { error: 'Under maintenance' }) });
    const { sleep } = recordingSleep();
    const client = new KohaClient({ baseUrl: server.url, sleep });
    await expect(client.request('POST', '/holds', { json: {} })).rejects.toMatchObject({ status: 503 });
    expect(server.apiRequests).toHaveLength(1);
    await expect(client.request('POST', '/holds', { json: {}, idempotent: true })).rejects.toMatchObject({
      status: 503,
    });
    expect(server.apiRequests).toHaveLength(4);
  });

  it('retries a network error (connection reset) for GET', async () => {
    let n = 0;
    const { createServer } = await import('node:http');
    const raw = createServer((req, res) => {
      if (++n === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    const port = (raw.address() as import('node:net').AddressInfo).port;
    try {
      const { sleep } = recordingSleep();
      const client = new KohaClient({ baseUrl: `http://127.0.0.1:${port}`, sleep });
      expect(await client.call('listPatrons')).toEqual([]);
      expect(n).toBe(2);
    } finally {
      await new Promise<void>((r) => raw.close(() => r()));
    }
  });

  it('a refused connection ends as NETWORK after retries', async () => {
    const s = await serve(() => json(200, []));
    const url = s.url;
    await s.close();
    const { sleep } = recordingSleep();
    const client = new KohaClient({ baseUrl: url, sleep, retry: { retries: 1 } });
    await expect(client.call('listPatrons')).rejects.toMatchObject({ code: 'NETWORK', attempts: 2 });
  });
});

describe('timeouts and abort', () => {
  it('times out a slow answer', async () => {
    server = await startFixture({
      handler: async () => {
        await new Promise((r) => setTimeout(r, 500));
        return json(200, []);
      },
    });
    const client = new KohaClient({ baseUrl: server.url, timeoutMs: 50, retry: false });
    await expect(client.call('listPatrons')).rejects.toMatchObject({ code: 'TIMEOUT', attempts: 1 });
  });

  it('stops on the caller signal, also during backoff', async () => {
    server = await startFixture({
      handler: async () => {
        await new Promise((r) => setTimeout(r, 300));
        return json(200, []);
      },
    });
    const client = new KohaClient({ baseUrl: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(client.call('listPatrons', {}, { signal: controller.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });

    const s2 = await startFixture({ handler: () => json(503, { error: 'Under maintenance' }) });
    try {
      const c2 = new KohaClient({ baseUrl: s2.url, retry: { baseDelayMs: 5_000 }, random: () => 1 });
      const c = new AbortController();
      setTimeout(() => c.abort(), 50);
      const started = Date.now();
      await expect(c2.call('listPatrons', {}, { signal: c.signal })).rejects.toMatchObject({
        code: 'ABORTED',
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await s2.close();
    }
  });

  it('an already aborted signal sends nothing', async () => {
    server = await startFixture({ handler: () => json(200, []) });
    const client = new KohaClient({ baseUrl: server.url });
    await expect(client.call('listPatrons', {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(server.apiRequests).toHaveLength(0);
  });
});

describe('error bodies', () => {
  const cases: Array<[string, Response, Record<string, unknown>]> = [
    [
      'invalid_query',
      json(400, { error: 'Invalid query', error_code: 'invalid_query' }),
      { status: 400, kohaError: 'Invalid query', kohaErrorCode: 'invalid_query' },
    ],
    [
      'validator list',
      json(400, {
        errors: [{ message: 'Expected integer - got string.', path: '/x-koha-request-id' }],
        status: 400,
      }),
      { status: 400, kohaError: '/x-koha-request-id: Expected integer - got string.' },
    ],
    [
      'missing permission',
      json(403, {
        error: 'Authorization failure. Missing required permission(s).',
        required_permissions: { borrowers: 'list_borrowers' },
      }),
      {
        status: 403,
        body: expect.objectContaining({ required_permissions: { borrowers: 'list_borrowers' } }),
      },
    ],
    [
      'conflict',
      json(409, { error: 'Unable to perform action on vendor', error_code: 'conflict' }),
      { status: 409 },
    ],
    [
      'server fault',
      json(500, {
        error: 'Something went wrong, check Koha logs for details.',
        error_code: 'internal_server_error',
      }),
      { status: 500, kohaErrorCode: 'internal_server_error' },
    ],
    [
      'HTML page',
      new Response('<html>Oops</html>', { status: 500, headers: { 'content-type': 'text/html' } }),
      { body: '<html>Oops</html>' },
    ],
    [
      '406 list',
      json(406, ['application/json', 'application/marcxml+xml']),
      { status: 406, body: ['application/json', 'application/marcxml+xml'] },
    ],
  ];
  for (const [name, response, expected] of cases) {
    it(`keeps status, error, error_code and body: ${name}`, async () => {
      server = await startFixture({ handler: () => response.clone() });
      const client = new KohaClient({ baseUrl: server.url, retry: false });
      const err = await client.call('listVendors').catch((e: unknown) => e);
      expect(KohaError.is(err)).toBe(true);
      expect(err).toMatchObject({
        code: 'HTTP_STATUS',
        method: 'GET',
        path: '/api/v1/acquisitions/vendors',
        ...expected,
      });
    });
  }

  it('reports the request id Koha echoes', async () => {
    server = await startFixture({
      handler: (r) =>
        json(
          404,
          { error: 'Vendor not found' },
          { 'x-koha-request-id': r.headers.get('x-koha-request-id') ?? '' },
        ),
    });
    const client = new KohaClient({ baseUrl: server.url });
    await expect(client.vendors.get(9, { requestId: 41 })).rejects.toMatchObject({
      status: 404,
      requestId: 41,
      kohaError: 'Vendor not found',
      message: 'GET /api/v1/acquisitions/vendors/9 answered HTTP 404: Vendor not found',
    });
  });

  it('a 2xx with broken JSON is INVALID_RESPONSE', async () => {
    server = await startFixture({
      handler: () => new Response('[{', { headers: { 'content-type': 'application/json' } }),
    });
    const client = new KohaClient({ baseUrl: server.url });
    await expect(client.call('listVendors')).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('headers', () => {
  it('sends x-koha-library (client default, per call) and URL-encodes path values', async () => {
    server = await startFixture({ handler: () => json(200, {}) });
    const client = new KohaClient({ baseUrl: server.url, library: 'CPL' });
    await client.request('GET', '/libraries/{library_id}', { path: { library_id: 'A/B C' } });
    await client.request('GET', '/patrons', { library: 'MPL' });
    const [a, b] = server.apiRequests;
    expect(new URL(a?.url ?? '').pathname).toBe('/api/v1/libraries/A%2FB%20C');
    expect(a?.headers.get('x-koha-library')).toBe('CPL');
    expect(b?.headers.get('x-koha-library')).toBe('MPL');
  });
});
