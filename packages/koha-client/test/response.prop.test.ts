// Whatever Koha (or a proxy in front of it) answers, the client resolves or throws KohaError:
// never another exception, never a hang. The fetch is injected, so no server is needed.
import { KohaClient, KohaError } from '@bibwire/koha-client';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/html',
  'text/plain',
  '',
);
const body = fc.oneof(
  fc.json(),
  fc.string({ maxLength: 60 }),
  fc.uint8Array({ maxLength: 60 }),
  fc.constant('{"error":"x","error_code":7}'),
  fc.constant('{"errors":[{"message":1,"path":null}],"status":400}'),
);
const status = fc.oneof(
  fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 406, 409, 429, 500, 502, 503),
  fc.integer({ min: 200, max: 599 }),
);
const headers = fc.record(
  {
    'x-total-count': fc.oneof(fc.nat().map(String), fc.string({ maxLength: 5 })),
    link: fc.string({ maxLength: 40 }),
    'x-koha-request-id': fc.oneof(fc.nat().map(String), fc.string({ maxLength: 5 })),
    'retry-after': fc.oneof(fc.nat({ max: 5 }).map(String), fc.string({ maxLength: 5 })),
  },
  { requiredKeys: [] },
);

test.prop([status, contentType, body, headers])(
  'call() resolves or throws KohaError',
  async (code, type, payload, extra) => {
    const fetchStub: typeof fetch = async () =>
      new Response(code === 204 ? null : (payload as BodyInit), {
        status: code,
        headers: { ...(type ? { 'content-type': type } : {}), ...extra },
      });
    const client = new KohaClient({
      baseUrl: 'http://koha.test',
      fetch: fetchStub,
      sleep: async () => {},
      retry: { retries: 1 },
    });
    try {
      await client.call('listVendors', { query: { _per_page: 5 } }, { requestId: 3 });
      await client.vendors.all(undefined, { perPage: 5, maxPages: 2 }).next();
    } catch (e) {
      expect(KohaError.is(e), String(e)).toBe(true);
    }
  },
);

test.prop([fc.constantFrom(new TypeError('fetch failed'), new Error('boom'), 'not an error', null)])(
  'a throwing fetch ends as NETWORK',
  async (thrown) => {
    const client = new KohaClient({
      baseUrl: 'http://koha.test',
      fetch: async () => {
        throw thrown;
      },
      sleep: async () => {},
    });
    await expect(client.call('listVendors')).rejects.toMatchObject({ code: 'NETWORK', attempts: 3 });
  },
);
