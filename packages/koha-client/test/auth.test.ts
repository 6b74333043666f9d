import {
  basicAuth,
  bearerToken,
  clientCredentials,
  KohaClient,
  type KohaLogEvent,
} from '@bibwire/koha-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureServer, json, startFixture } from './fixture/server.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ok = (request: Request, state: FixtureServer | { authorized(r: Request): boolean }) =>
  state.authorized(request) ? json(200, { ok: true }) : json(401, { error: 'Authentication failure.' });

describe('OAuth2 client credentials', () => {
  it('sends one token request for 50 concurrent requests, then reuses the token', async () => {
    server = await startFixture({ tokenDelayMs: 50, handler: ok });
    const client = new KohaClient({
      baseUrl: server.url,
      auth: clientCredentials({ clientId: 'id', clientSecret: 'secret' }),
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => client.request('GET', '/libraries')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(server.tokenRequests).toBe(1);
    await client.request('GET', '/libraries');
    expect(server.tokenRequests).toBe(1);
    expect(server.apiRequests.every((r) => r.headers.get('authorization') === 'Bearer token-1')).toBe(true);
  });

  it('sends the form Koha expects', async () => {
    let seen = '';
    let type = '';
    const { serve } = await import('./mock/http.js');
    const s = await serve(async (request) => {
      if (new URL(request.url).pathname.endsWith('/oauth/token')) {
        seen = await request.text();
        type = request.headers.get('content-type') ?? '';
        return json(200, { access_token: 'abc', token_type: 'Bearer', expires_in: 3600 });
      }
      return json(200, []);
    });
    try {
      const client = new KohaClient({
        baseUrl: `${s.url}/api/v1/`,
        auth: clientCredentials({ clientId: 'my id', clientSecret: 'p&ss=word' }),
      });
      await client.request('GET', '/patrons');
      expect(type).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(seen))).toEqual({
        grant_type: 'client_credentials',
        client_id: 'my id',
        client_secret: 'p&ss=word',
      });
    } finally {
      await s.close();
    }
  });

  it('renews shortly before expiry, once for 50 waiting requests', async () => {
    server = await startFixture({ expiresIn: 3600, tokenDelayMs: 20, handler: ok });
    let now = 1_000_000;
    const client = new KohaClient({
      baseUrl: server.url,
      auth: clientCredentials({ clientId: 'id', clientSecret: 'secret', now: () => now }),
    });
    await client.request('GET', '/items');
    expect(server.tokenRequests).toBe(1);
    now += 3600_000 - 61_000; // still more than the 60 s margin left
    await client.request('GET', '/items');
    expect(server.tokenRequests).toBe(1);
    now += 2_000; // inside the margin: renew
    server.revokeAll();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.request('GET', '/items')));
    expect(results).toHaveLength(50);
    expect(server.tokenRequests).toBe(2);
    expect(server.apiRequests.at(-1)?.headers.get('authorization')).toBe('Bearer token-2');
  });

  it('on 401 fetches a fresh token once and retries once', async () => {
    server = await startFixture({ handler: ok });
    const client = new KohaClient({
      baseUrl: server.url,
      auth: clientCredentials({ clientId: 'id', clientSecret: 'secret' }),
    });
    await client.request('GET', '/holds');
    server.revokeAll(); // Koha restarted: the cached token is now refused
    const res = await client.request('POST', '/holds', { json: { patron_id: 1, pickup_library_id: 'CPL' } });
    expect(res.status).toBe(200);
    expect(server.tokenRequests).toBe(2);
    const posts = server.apiRequests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('a second 401 is final (no loop)', async () => {
    server = await startFixture({ handler: () => json(401, { error: 'Authentication failure.' }) });
    const client = new KohaClient({
      baseUrl: server.url,
      auth: clientCredentials({ clientId: 'id', clientSecret: 'secret' }),
    });
    await expect(client.request('GET', '/patrons')).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      status: 401,
      kohaError: 'Authentication failure.',
    });
    expect(server.tokenRequests).toBe(2);
    expect(server.apiRequests).toHaveLength(2);
  });

  it('refused credentials give TOKEN_REQUEST_FAILED without the secret anywhere', async () => {
    server = await startFixture({ handler: ok });
    const events: KohaLogEvent[] = [];
    const client = new KohaClient({
      baseUrl: server.url,
      auth: clientCredentials({ clientId: 'id', clientSecret: 'wrong-SECRET-42' }),
      logger: (e) => events.push(e),
    });
    const err = await client.request('GET', '/patrons').catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'TOKEN_REQUEST_FAILED',
      status: 403,
      kohaError: 'unauthorized_client',
    });
    const dump = `${String(err)} ${JSON.stringify(err)} ${JSON.stringify(events)} ${JSON.stringify(client)}`;
    expect(dump).not.toContain('wrong-SECRET-42');
    const { inspect } = await import('node:util');
    expect(inspect(client, { depth: 5 })).not.toContain('wrong-SECRET-42');
  });

  it('tokens never reach log events or errors', async () => {
    server = await startFixture({
      handler: (r, s) => (s.authorized(r) ? json(500, { error: 'boom' }) : json(401, {})),
    });
    const events: KohaLogEvent[] = [];
    const client = new KohaClient({
      baseUrl: server.url,
      auth: clientCredentials({ clientId: 'id', clientSecret: 'secret' }),
      logger: (e) => events.push(e),
    });
    const err = await client.request('GET', '/patrons').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 500 });
    expect(events.length).toBeGreaterThan(0);
    expect(`${JSON.stringify(events)} ${String(err)} ${JSON.stringify(err)}`).not.toMatch(/token-1|secret/);
  });

  it('can send id and secret as HTTP Basic to the token endpoint', async () => {
    let header = '';
    const { serve } = await import('./mock/http.js');
    const s = await serve((request) => {
      header = request.headers.get('authorization') ?? header;
      return new URL(request.url).pathname.endsWith('/oauth/token')
        ? json(200, { access_token: 'abc', token_type: 'bearer', expires_in: 10 })
        : json(200, []);
    });
    try {
      const client = new KohaClient({
        baseUrl: s.url,
        auth: clientCredentials({ clientId: 'id', clientSecret: 'sé', credentialsIn: 'basic' }),
      });
      await client.request('GET', '/patrons');
      expect(header).toBe('Bearer abc');
    } finally {
      await s.close();
    }
  });
});

describe('token endpoint failures', () => {
  it('retries the token request once after a network error, then reports it', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/oauth/token') && ++calls === 1) throw new TypeError('fetch failed');
      return String(input).endsWith('/oauth/token')
        ? json(200, { access_token: 'a', token_type: 'Bearer', expires_in: 60 })
        : json(200, {
            ok: init?.headers instanceof Headers && init.headers.get('authorization') === 'Bearer a',
          });
    };
    const client = new KohaClient({
      baseUrl: 'http://koha.test',
      fetch: flaky,
      auth: clientCredentials({ clientId: 'i', clientSecret: 's' }),
    });
    expect((await client.request<{ ok: boolean }>('GET', '/patrons')).data.ok).toBe(true);
    expect(calls).toBe(2);

    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const c2 = new KohaClient({
      baseUrl: 'http://koha.test',
      fetch: down,
      auth: clientCredentials({ clientId: 'i', clientSecret: 's' }),
    });
    await expect(c2.request('GET', '/patrons')).rejects.toMatchObject({
      code: 'TOKEN_REQUEST_FAILED',
      attempts: 2,
    });
  });

  it('a token answer without access_token is TOKEN_REQUEST_FAILED', async () => {
    const bad: typeof fetch = async () => json(200, { token_type: 'Bearer' });
    const client = new KohaClient({
      baseUrl: 'http://koha.test',
      fetch: bad,
      auth: clientCredentials({ clientId: 'i', clientSecret: 's' }),
    });
    await expect(client.request('GET', '/patrons')).rejects.toMatchObject({
      code: 'TOKEN_REQUEST_FAILED',
      status: 200,
    });
  });

  it('a waiting caller can abort without cancelling the shared token request', async () => {
    server = await startFixture({ tokenDelayMs: 100, handler: ok });
    const client = new KohaClient({
      baseUrl: server.url,
      auth: clientCredentials({ clientId: 'id', clientSecret: 'secret' }),
    });
    const controller = new AbortController();
    const first = client.request('GET', '/patrons', { signal: controller.signal });
    const second = client.request('GET', '/patrons');
    controller.abort();
    await expect(first).rejects.toMatchObject({ code: 'ABORTED' });
    expect((await second).status).toBe(200);
    expect(server.tokenRequests).toBe(1);
  });
});

describe('HTTP Basic and bearer', () => {
  it('sends Basic base64(user:password) in UTF-8', async () => {
    server = await startFixture({ handler: (r) => json(200, { auth: r.headers.get('authorization') }) });
    const client = new KohaClient({ baseUrl: server.url, auth: basicAuth('koha', 'pässwörd') });
    const res = await client.request<{ auth: string }>('GET', '/patrons');
    expect(res.data.auth).toBe(`Basic ${Buffer.from('koha:pässwörd', 'utf8').toString('base64')}`);
  });

  it('a bearer token is not renewed on 401', async () => {
    server = await startFixture({ handler: () => json(401, { error: 'Authentication failure.' }) });
    const client = new KohaClient({ baseUrl: server.url, auth: bearerToken('given') });
    await expect(client.request('GET', '/patrons')).rejects.toMatchObject({ status: 401 });
    expect(server.apiRequests).toHaveLength(1);
  });

  it('refuses unusable credentials and URLs up front', () => {
    expect(() => basicAuth('a:b', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => clientCredentials({ clientId: '', clientSecret: 'x' })).toThrow(
      expect.objectContaining({ field: 'clientId' }),
    );
    expect(() => new KohaClient({ baseUrl: 'https://u:p@koha.example/' })).toThrow(
      expect.objectContaining({ field: 'baseUrl' }),
    );
    expect(() => new KohaClient({ baseUrl: 'not a url' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
