// The spec-driven mock itself: it must refuse what Koha's spec does not allow, or the
// "no violations" checks in the other tests would prove nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KohaMock, startKohaMock } from './mock/koha-mock.js';

let mock: KohaMock;
let token = '';
beforeAll(async () => {
  mock = await startKohaMock();
  const r = await fetch(`${mock.url}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=coral&client_secret=s3cret-value',
  });
  token = ((await r.json()) as { access_token: string }).access_token;
});
afterAll(() => mock.close());

async function send(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  const r = await fetch(`${mock.url}/api/v1${path}`, { ...init, headers });
  return {
    status: r.status,
    body: (await r.json()) as { errors?: { path: string }[] } & Record<string, unknown>,
  };
}

const jsonBody = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('spec-driven mock', () => {
  it.each([
    ['unknown query parameter', '/patrons?colour=red', {}, '/query/colour'],
    ['integer path parameter', '/patrons/abc', {}, '/patron_id'],
    ['enum query parameter', '/acquisitions/vendors?_match=fuzzy', {}, '/_match'],
    ['integer query parameter', '/acquisitions/vendors?_page=one', {}, '/_page'],
    ['single parameter repeated', '/acquisitions/vendors?_page=1&_page=2', {}, '/_page'],
    [
      'embed not allowed here',
      '/patrons/1',
      { headers: { 'x-koha-embed': 'baskets+count' } },
      '/x-koha-embed/0',
    ],
    [
      'non-integer request id',
      '/patrons',
      { headers: { 'x-koha-request-id': 'abc-uuid' } },
      '/x-koha-request-id',
    ],
    ['missing required property', '/acquisitions/vendors', jsonBody({ active: true }), '/body/name'],
    ['unknown property', '/acquisitions/vendors', jsonBody({ name: 'x', colour: 'red' }), '/body/colour'],
    ['read-only property', '/acquisitions/vendors', jsonBody({ name: 'x', id: 5 }), '/body/id'],
    ['maxLength', '/acquisitions/vendors', jsonBody({ name: 'x', phone: '0'.repeat(31) }), '/body/phone'],
    [
      'date format',
      '/holds',
      jsonBody({ patron_id: 1, pickup_library_id: 'A', hold_date: '31/12/2026' }),
      '/body/hold_date',
    ],
    ['minimum', '/holds/1', jsonBody({ priority: 0 }, 'PATCH'), '/body/priority'],
    ['body on a GET-less route', '/acquisitions/vendors/1', { method: 'DELETE', body: 'x' }, '/body'],
    [
      'form to a JSON route',
      '/acquisitions/vendors',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
      '/body',
    ],
  ])('400 for %s', async (_, path, init, at) => {
    const before = mock.violations.length;
    const r = await send(path, init as RequestInit);
    expect(r.status).toBe(400);
    expect(r.body.status).toBe(400);
    expect(r.body.errors?.map((e) => e.path)).toContain(at);
    expect(mock.violations.length).toBe(before + 1);
  });

  it('401 without valid credentials, 406 for a type not produced, 404/405 off the spec', async () => {
    expect((await send('/patrons', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await send('/patrons', { headers: { authorization: '' } })).body).toEqual({
      error: 'Authentication failure.',
    });
    const r406 = await send('/patrons/1', { headers: { accept: 'application/marcxml+xml' } });
    expect(r406).toEqual({ status: 406, body: ['application/json'] });
    expect((await send('/patrons/1/holds')).status).toBe(404);
    expect((await send('/libraries', { method: 'DELETE' })).status).toBe(405);
    expect(
      (await send('/biblios', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: 'x' }))
        .status,
    ).toBe(406);
  });

  it('token endpoint: form only, known grant, right secret', async () => {
    const post = (body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(`${mock.url}/api/v1/oauth/token`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('grant_type=password&client_id=coral&client_secret=s3cret-value')).status).toBe(400);
    expect((await post('grant_type=client_credentials&client_id=coral&client_secret=bad')).status).toBe(403);
    expect((await post('client_id=coral')).status).toBe(400);
    expect((await post('{"grant_type":"client_credentials"}', 'application/json')).status).toBe(400);
    expect((await post('grant_type=client_credentials&scope=all')).status).toBe(400);
  });

  it('valid requests pass and answers match the response schemas', async () => {
    mock.violations.length = 0;
    expect(
      (await send('/acquisitions/vendors?_match=exact&_order_by=name,-id&q={"name":"Acme Books"}')).body,
    ).toHaveLength(1);
    expect(
      (
        await send(
          '/holds/1',
          jsonBody({ priority: 2, suspended_until: '2026-02-01T10:00:00+01:00' }, 'PATCH'),
        )
      ).status,
    ).toBe(200);
    expect((await send('/acquisitions/vendors?q={"name":{"-badop":1}}')).body).toEqual({
      error: 'Invalid query',
      error_code: 'invalid_query',
    });
    expect(mock.violations).toEqual([]);
  });
});
