import { hasNextPage, KohaClient, parseLinkHeader, readPageInfo } from '@bibwire/koha-client';
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureServer, json, startFixture } from './fixture/server.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ROWS = Array.from({ length: 23 }, (_, i) => ({ library_id: `L${i + 1}`, name: `Library ${i + 1}` }));

function page(request: Request) {
  const url = new URL(request.url);
  const p = Number(url.searchParams.get('_page') ?? 1);
  const per = Number(url.searchParams.get('_per_page') ?? 20);
  return { p, per, rows: ROWS.slice((p - 1) * per, p * per), last: Math.ceil(ROWS.length / per) };
}

describe('Link header', () => {
  it('parses Koha-style links (relative, quoted, several rels)', () => {
    const links = parseLinkHeader(
      '</api/v1/patrons?_page=1&_per_page=5>; rel="first", </api/v1/patrons?_page=3&_per_page=5>; rel="next", ' +
        '<https://k.example/api/v1/patrons?_page=9&_per_page=5>; rel="last alternate"',
      'https://k.example/api/v1/patrons',
    );
    expect(links.first?.href).toBe('https://k.example/api/v1/patrons?_page=1&_per_page=5');
    expect(links.next?.searchParams.get('_page')).toBe('3');
    expect(links.last?.searchParams.get('_page')).toBe('9');
    expect(links.all.alternate?.href).toBe(links.last?.href);
    expect(links.prev).toBeUndefined();
  });

  it('keeps commas inside URLs and skips garbage', () => {
    const links = parseLinkHeader('<https://k.example/a?x=1,2>; rel=next, nonsense, <::bad>; rel="prev"');
    expect(links.next?.search).toBe('?x=1,2');
    expect(links.prev).toBeUndefined();
  });

  test.prop([fc.string({ maxLength: 200 })])('never throws on arbitrary headers', (h) => {
    const links = parseLinkHeader(h, 'https://k.example/');
    expect(typeof links.all).toBe('object');
  });

  it('reads the count headers', () => {
    const info = readPageInfo(new Headers({ 'x-total-count': '42', 'x-base-total-count': ' 99 ' }));
    expect(info).toMatchObject({ totalCount: 42, baseTotalCount: 99 });
    expect(readPageInfo(new Headers({ 'x-total-count': 'lots' })).totalCount).toBeUndefined();
  });

  it('decides on the next page: Link, then count, then a full page', () => {
    const none = readPageInfo(new Headers());
    expect(hasNextPage(none, 1, 10, 10)).toBe(true);
    expect(hasNextPage(none, 1, 10, 9)).toBe(false);
    expect(hasNextPage(readPageInfo(new Headers({ 'x-total-count': '20' })), 20, 10, 10)).toBe(false);
    expect(hasNextPage(readPageInfo(new Headers({ 'x-total-count': '45' })), 40, 100, 20)).toBe(true);
    expect(
      hasNextPage(
        readPageInfo(new Headers({ link: '</x>; rel="first"', 'x-total-count': '99' }), 'https://k.example/'),
        1,
        10,
        10,
      ),
    ).toBe(false);
    expect(hasNextPage(none, 1, 10, 0)).toBe(false);
  });
});

describe('iterating pages', () => {
  it('follows Link headers across pages', async () => {
    server = await startFixture({
      handler: (r) => {
        const { p, per, rows, last } = page(r);
        const links = [`</api/v1/libraries?_page=1&_per_page=${per}>; rel="first"`];
        if (p < last) links.push(`</api/v1/libraries?_page=${p + 1}&_per_page=${per}>; rel="next"`);
        return json(200, rows, { link: links.join(', '), 'x-total-count': String(ROWS.length) });
      },
    });
    const client = new KohaClient({ baseUrl: server.url });
    const pages = [];
    for await (const pg of client.pages('listLibraries', { query: { name: 'Library' } }, { perPage: 10 }))
      pages.push(pg);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 3]);
    expect(pages[0]?.info.totalCount).toBe(23);
    const urls = server.apiRequests.map((r) => new URL(r.url).search);
    expect(urls).toEqual([
      '?name=Library&_page=1&_per_page=10',
      '?name=Library&_page=2&_per_page=10',
      '?name=Library&_page=3&_per_page=10',
    ]);
  });

  it('uses X-Total-Count when there is no Link header (exact multiple: no extra request)', async () => {
    server = await startFixture({
      handler: (r) => {
        const { rows } = page(r);
        return json(200, rows, { 'x-total-count': '20' });
      },
    });
    const client = new KohaClient({ baseUrl: server.url });
    const all = [];
    for await (const l of client.all('listLibraries', {}, { perPage: 10 })) all.push(l);
    expect(all).toHaveLength(20);
    expect(server.apiRequests).toHaveLength(2);
  });

  it('without headers stops at the first short page (Koha GET /biblios)', async () => {
    server = await startFixture({ handler: (r) => json(200, page(r).rows) });
    const client = new KohaClient({ baseUrl: server.url });
    const all = [];
    for await (const l of client.all('listLibraries', undefined, { perPage: 5 })) all.push(l);
    expect(all).toHaveLength(23);
    expect(server.apiRequests).toHaveLength(5);
  });

  it('honours startPage and maxPages, and refuses a bad perPage', async () => {
    server = await startFixture({ handler: (r) => json(200, page(r).rows) });
    const client = new KohaClient({ baseUrl: server.url });
    const pages = [];
    for await (const p of client.pages('listLibraries', undefined, { perPage: 5, startPage: 2, maxPages: 2 }))
      pages.push(p.page);
    expect(pages).toEqual([2, 3]);
    const it0 = client.pages('listLibraries', undefined, { perPage: 0 });
    await expect(it0.next()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'perPage' });
  });

  it('ends right when the server caps _per_page below what was asked', async () => {
    server = await startFixture({
      handler: (r) => {
        const url = new URL(r.url);
        const p = Number(url.searchParams.get('_page'));
        return json(200, ROWS.slice((p - 1) * 10, p * 10), { 'x-total-count': String(ROWS.length) });
      },
    });
    const client = new KohaClient({ baseUrl: server.url });
    const all = [];
    for await (const l of client.all('listLibraries', {}, { perPage: 100 })) all.push(l);
    expect(all).toHaveLength(23);
  });

  it('stops a server that ignores _page instead of looping forever', async () => {
    server = await startFixture({ handler: () => json(200, ROWS.slice(0, 5)) });
    const client = new KohaClient({ baseUrl: server.url });
    const seen: unknown[] = [];
    const err = await (async () => {
      for await (const l of client.all('listLibraries', {}, { perPage: 5 })) seen.push(l);
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_RESPONSE' });
    expect(seen).toHaveLength(5);
  });

  it('a page that is not an array is INVALID_RESPONSE', async () => {
    server = await startFixture({ handler: () => json(200, { not: 'a list' }) });
    const client = new KohaClient({ baseUrl: server.url });
    await expect(client.all('listLibraries').next()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});
