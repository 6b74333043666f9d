import { gunzipSync, inflateSync } from 'node:zlib';
import type { MetadataFormat } from '@bibwire/oai-pmh';
import { createOaiHandler, MemoryRepository } from '@bibwire/oai-pmh/server';
import { describe, expect, it } from 'vitest';
import { BASE, dcFormat, get, makeHandler, sampleItems, T0, type TinyRecord } from './fixtures.js';

const errorsOf = (xml: string): string[] => [...xml.matchAll(/<error code="([^"]+)"/g)].map((m) => m[1]!);
const requestOf = (xml: string): string => /<request[^>]*>/.exec(xml)?.[0] ?? '';

describe('badVerb', () => {
  const h = makeHandler();
  it.each([
    ['', 'missing'],
    ['verb=Identify&verb=Identify', 'repeated'],
    ['verb=Frobnicate', 'unknown'],
    ['verb=identify', 'case differs'],
  ])('%s (%s) → badVerb with a bare request element', async (query) => {
    const xml = await get(h, query);
    expect(errorsOf(xml)).toEqual(['badVerb']);
    expect(requestOf(xml)).toBe('<request>');
  });
});

describe('badArgument', () => {
  const h = makeHandler();
  it.each([
    ['verb=Identify&metadataPrefix=oai_dc', 'illegal argument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'repeated argument'],
    ['verb=ListRecords', 'missing metadataPrefix'],
    ['verb=ListIdentifiers', 'missing metadataPrefix'],
    ['verb=GetRecord&metadataPrefix=oai_dc', 'missing identifier'],
    ['verb=GetRecord&identifier=oai:example.org:1', 'missing metadataPrefix'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-13-01', 'impossible date'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-30', 'impossible day'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01T00:00:00', 'missing Z'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01T00:00:00.5Z', 'fractional seconds'],
    [
      'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-02-01T00:00:00Z',
      'mixed granularities',
    ],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-01&until=2020-01-01', 'from after until'],
    ['verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x', 'token with other arguments'],
    ['verb=ListSets&set=a', 'illegal argument for ListSets'],
    ['verb=ListRecords&metadataPrefix=', 'empty value'],
    ['verb=ListMetadataFormats&metadataPrefix=oai_dc', 'illegal argument'],
  ])('%s (%s)', async (query) => {
    const xml = await get(h, query);
    expect(errorsOf(xml)).toContain('badArgument');
    expect(errorsOf(xml).every((c) => c === 'badArgument')).toBe(true);
    expect(requestOf(xml)).toBe('<request>');
  });

  it('seconds against a day-granularity repository', async () => {
    const day = makeHandler(undefined, { granularity: 'YYYY-MM-DD' });
    const xml = await get(day, 'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01T00:00:00Z');
    expect(errorsOf(xml)).toEqual(['badArgument']);
  });

  it('reports several problems at once', async () => {
    const xml = await get(h, 'verb=ListRecords&foo=1&bar=2');
    expect(errorsOf(xml)).toEqual(['badArgument', 'badArgument']);
  });
});

describe('errors that echo the request', () => {
  it('cannotDisseminateFormat for an unknown prefix', async () => {
    const xml = await get(makeHandler(), 'verb=ListRecords&metadataPrefix=mods');
    expect(errorsOf(xml)).toEqual(['cannotDisseminateFormat']);
    expect(requestOf(xml)).toBe('<request verb="ListRecords" metadataPrefix="mods">');
  });

  it('cannotDisseminateFormat when the item cannot be shown in the format', async () => {
    const picky: MetadataFormat<TinyRecord> = {
      ...dcFormat,
      metadataPrefix: 'picky',
      canDisseminate: (item) => item.header.identifier.endsWith('1'),
    };
    const live = sampleItems(25).filter((i) => !i.deleted);
    const h = makeHandler(live, { formats: [dcFormat, picky] });
    expect(
      errorsOf(await get(h, 'verb=GetRecord&identifier=oai:example.org:2&metadataPrefix=picky')),
    ).toEqual(['cannotDisseminateFormat']);
    const xml = await get(h, 'verb=GetRecord&identifier=oai:example.org:1&metadataPrefix=picky');
    expect(errorsOf(xml)).toEqual([]);
    const formats = await get(h, 'verb=ListMetadataFormats&identifier=oai:example.org:2');
    expect(formats).not.toContain('<metadataPrefix>picky</metadataPrefix>');
    const list = await get(h, 'verb=ListIdentifiers&metadataPrefix=picky');
    expect([...list.matchAll(/<identifier>([^<]+)</g)].map((m) => m[1])).toEqual([
      'oai:example.org:1',
      'oai:example.org:11',
    ]);
  });

  it('idDoesNotExist for GetRecord and ListMetadataFormats, both errors when both are wrong', async () => {
    const h = makeHandler();
    expect(errorsOf(await get(h, 'verb=GetRecord&identifier=nope&metadataPrefix=oai_dc'))).toEqual([
      'idDoesNotExist',
    ]);
    expect(errorsOf(await get(h, 'verb=ListMetadataFormats&identifier=nope'))).toEqual(['idDoesNotExist']);
    expect(errorsOf(await get(h, 'verb=GetRecord&identifier=nope&metadataPrefix=mods'))).toEqual([
      'idDoesNotExist',
      'cannotDisseminateFormat',
    ]);
  });

  it('noRecordsMatch for an empty selection', async () => {
    const xml = await get(makeHandler(), 'verb=ListRecords&metadataPrefix=oai_dc&from=2030-01-01');
    expect(errorsOf(xml)).toEqual(['noRecordsMatch']);
    expect(requestOf(xml)).toContain('from="2030-01-01"');
  });

  it('noMetadataFormats when an item has none', async () => {
    const none: MetadataFormat<TinyRecord> = { ...dcFormat, canDisseminate: () => false };
    const h = makeHandler(undefined, { formats: [none] });
    expect(errorsOf(await get(h, 'verb=ListMetadataFormats&identifier=oai:example.org:1'))).toEqual([
      'noMetadataFormats',
    ]);
  });

  it('noSetHierarchy from a repository without sets', async () => {
    const h = createOaiHandler<TinyRecord>({
      repository: new MemoryRepository({ items: sampleItems(3) }),
      formats: [dcFormat],
      repositoryName: 'flat',
      adminEmails: ['a@example.org'],
    });
    expect(errorsOf(await get(h, 'verb=ListSets'))).toEqual(['noSetHierarchy']);
    expect(errorsOf(await get(h, 'verb=ListRecords&metadataPrefix=oai_dc&set=a'))).toEqual([
      'noSetHierarchy',
    ]);
  });
});

describe('deleted records policy', () => {
  it('no: deleted items vanish from lists and GetRecord', async () => {
    const h = makeHandler(undefined, { deletedRecord: 'no' });
    expect(
      errorsOf(await get(h, 'verb=GetRecord&identifier=oai:example.org:7&metadataPrefix=oai_dc')),
    ).toEqual(['idDoesNotExist']);
    const xml = await get(h, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    expect(xml).not.toContain('status="deleted"');
    expect(xml).toContain('<deletedRecord>no</deletedRecord>'.slice(0, 0));
  });

  it.each(['persistent', 'transient'] as const)(
    '%s: deleted items are headers with status="deleted"',
    async (p) => {
      const h = makeHandler(undefined, { deletedRecord: p });
      const xml = await get(h, 'verb=GetRecord&identifier=oai:example.org:7&metadataPrefix=oai_dc');
      expect(xml).toContain('<header status="deleted"><identifier>oai:example.org:7</identifier>');
      expect(xml).not.toContain('<metadata>');
      expect(await get(h, 'verb=Identify')).toContain(`<deletedRecord>${p}</deletedRecord>`);
    },
  );
});

describe('lists, sets and paging', () => {
  it('walks the pages with cursor, completeListSize and a final empty token', async () => {
    const h = makeHandler(sampleItems(25));
    let xml = await get(h, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const cursors: string[] = [];
    for (;;) {
      const m = /<resumptionToken([^>]*)>([^<]*)<\/resumptionToken>/.exec(xml);
      if (!m) break;
      cursors.push(m[1]!.trim());
      if (m[2] === '') break;
      xml = await get(h, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(m[2]!)}`);
    }
    expect(cursors).toEqual([
      'expirationDate="2024-01-16T10:00:00Z" completeListSize="25" cursor="0"',
      'expirationDate="2024-01-16T10:00:00Z" completeListSize="25" cursor="10"',
      'completeListSize="25" cursor="20"',
    ]);
  });

  it('a list that fits one page has no resumptionToken', async () => {
    const xml = await get(makeHandler(sampleItems(5)), 'verb=ListRecords&metadataPrefix=oai_dc');
    expect(xml).not.toContain('resumptionToken');
  });

  it('set=books also returns items of books:fiction; ListSets lists ancestors', async () => {
    const h = makeHandler(
      sampleItems(4).map((i, n) => ({ ...i, setSpecs: n === 0 ? ['books:fiction'] : ['maps'] })),
    );
    const xml = await get(h, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=books');
    expect([...xml.matchAll(/<identifier>([^<]+)</g)].map((m) => m[1])).toEqual(['oai:example.org:1']);
    const sets = await get(h, 'verb=ListSets');
    expect([...sets.matchAll(/<setSpec>([^<]+)</g)].map((m) => m[1])).toEqual([
      'books',
      'books:fiction',
      'maps',
    ]);
  });

  it('ListSets pages with tokens too', async () => {
    const h = makeHandler(undefined, { pageSize: 2 });
    const first = await get(h, 'verb=ListSets');
    const token = /<resumptionToken[^>]*>([^<]+)</.exec(first)?.[1];
    expect(token).toBeDefined();
    const second = await get(h, `verb=ListSets&resumptionToken=${encodeURIComponent(token!)}`);
    expect(second).toContain('<setSpec>maps</setSpec>');
    expect(second).toMatch(/<resumptionToken completeListSize="3" cursor="2"><\/resumptionToken>/);
  });

  it('from/until are inclusive; a day until covers the whole day', async () => {
    const h = makeHandler(sampleItems(12));
    const xml = await get(h, 'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2020-01-02&until=2020-01-02');
    expect([...xml.matchAll(/<identifier>([^<]+)</g)].map((m) => m[1])).toEqual([
      'oai:example.org:4',
      'oai:example.org:5',
      'oai:example.org:6',
    ]);
    const sec = await get(
      h,
      'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2020-01-02T00:00:01Z&until=2020-01-02T00:00:01Z',
    );
    expect([...sec.matchAll(/<identifier>([^<]+)</g)].map((m) => m[1])).toEqual(['oai:example.org:5']);
  });

  it('writes datestamps in day granularity when the repository declares it', async () => {
    const xml = await get(
      makeHandler(sampleItems(2), { granularity: 'YYYY-MM-DD' }),
      'verb=ListIdentifiers&metadataPrefix=oai_dc',
    );
    expect(xml).toContain('<datestamp>2020-01-01</datestamp>');
  });

  it('keyset paging: a resumed page asks the repository for one page after a position, no offsets', async () => {
    const repo = new MemoryRepository<TinyRecord>({ items: sampleItems(50) });
    const calls: { after?: unknown; limit: number }[] = [];
    const spy = {
      earliestDatestamp: () => repo.earliestDatestamp(),
      getItem: (id: string) => repo.getItem(id),
      listItems: (q: Parameters<typeof repo.listItems>[0]) => {
        calls.push({ after: q.after, limit: q.limit });
        return repo.listItems(q);
      },
    };
    const h = createOaiHandler<TinyRecord>({
      repository: spy,
      formats: [dcFormat],
      repositoryName: 'spy',
      adminEmails: ['a@example.org'],
      pageSize: 10,
      deletedRecord: 'persistent',
    });
    const first = await get(h, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const token = /<resumptionToken[^>]*>([^<]+)</.exec(first)![1]!;
    calls.length = 0;
    await get(h, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`);
    expect(calls).toEqual([
      { after: { datestamp: T0 + 3 * 86_400_000, identifier: 'oai:example.org:10' }, limit: 11 },
    ]);
  });
});

describe('HTTP', () => {
  it('POST form-encoded gives the same answer as GET', async () => {
    const h = makeHandler();
    const body = 'verb=GetRecord&identifier=oai%3Aexample.org%3A1&metadataPrefix=oai_dc';
    const post = await h(
      new Request(BASE, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(post.status).toBe(200);
    expect(await post.text()).toBe(await get(h, body));
  });

  it('other methods and bodies are HTTP errors, OAI errors are 200', async () => {
    const h = makeHandler();
    expect((await h(new Request(BASE, { method: 'PUT' }))).status).toBe(405);
    expect(
      (
        await h(
          new Request(BASE, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }),
        )
      ).status,
    ).toBe(415);
    const bad = await h(new Request(`${BASE}?verb=nope`));
    expect(bad.status).toBe(200);
    expect(bad.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  });

  it.each([
    ['gzip', gunzipSync],
    ['deflate', inflateSync],
  ] as const)('compresses with %s only when asked', async (coding, inflate) => {
    const h = makeHandler();
    const url = `${BASE}?verb=ListRecords&metadataPrefix=oai_dc`;
    const plain = await h(new Request(url));
    expect(plain.headers.get('content-encoding')).toBeNull();
    const packed = await h(new Request(url, { headers: { 'accept-encoding': `${coding}, identity;q=0.5` } }));
    expect(packed.headers.get('content-encoding')).toBe(coding);
    expect(inflate(Buffer.from(await packed.arrayBuffer())).toString('utf8')).toBe(await plain.text());
    const refused = await h(new Request(url, { headers: { 'accept-encoding': `${coding};q=0` } }));
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('streams: the first bytes leave before the last record of the page is rendered', async () => {
    let rendered = 0;
    const counting: MetadataFormat<TinyRecord> = {
      ...dcFormat,
      render: (r) => {
        rendered++;
        return dcFormat.render(r, { identifier: '', datestamp: 0, setSpecs: [], deleted: false }) as string;
      },
    };
    const items = Array.from({ length: 200 }, (_, i) => ({
      identifier: `oai:example.org:${i}`,
      datestamp: T0 + i,
      record: { title: 'x'.repeat(1000) },
    }));
    const h = makeHandler(items, { formats: [counting], pageSize: 200 });
    const response = await h(new Request(`${BASE}?verb=ListRecords&metadataPrefix=oai_dc`));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(50);
    await reader.cancel();
  });

  it('Identify describes the repository with the oai-identifier description', async () => {
    const xml = await get(makeHandler(), 'verb=Identify');
    expect(xml).toContain(
      '<repositoryName>Test repository</repositoryName><baseURL>http://127.0.0.1/oai</baseURL>',
    );
    expect(xml).toContain('<earliestDatestamp>2020-01-01T00:00:00Z</earliestDatestamp>');
    expect(xml).toContain('<repositoryIdentifier>example.org</repositoryIdentifier>');
    expect(xml).toContain('<compression>gzip</compression><compression>deflate</compression>');
  });

  it('drops characters XML forbids instead of writing a broken document', async () => {
    const h = makeHandler([
      { identifier: 'oai:example.org:x', datestamp: T0, record: { title: 'a\u0001b\uffffc' } },
    ]);
    expect(await get(h, 'verb=GetRecord&identifier=oai:example.org:x&metadataPrefix=oai_dc')).toContain(
      '<dc:title>abc</dc:title>',
    );
  });

  it('refuses bad configuration at once', () => {
    const base = { repository: new MemoryRepository<TinyRecord>(), formats: [dcFormat], repositoryName: 'x' };
    expect(() => createOaiHandler({ ...base, adminEmails: [] })).toThrow(/admin email/);
    expect(() => createOaiHandler({ ...base, adminEmails: ['a@b.org'], pageSize: 0 })).toThrow(/pageSize/);
    expect(() =>
      createOaiHandler({ ...base, adminEmails: ['a@b.org'], formats: [dcFormat, dcFormat] }),
    ).toThrow(/duplicate/);
    expect(() =>
      createOaiHandler({ ...base, adminEmails: ['a@b.org'], repositoryIdentifier: 'nodots' }),
    ).toThrow(/domain/);
  });
});
