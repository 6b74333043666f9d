import { readFileSync } from 'node:fs';
import { OaiError } from '@bibwire/oai-pmh';
import {
  type FetchLike,
  incrementalHarvest,
  OaiHarvester,
  OaiResponseParser,
  parseRetryAfter,
} from '@bibwire/oai-pmh/client';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { makeHandler, sampleItems } from './fixtures.js';

const viaHandler =
  (h: (r: Request) => Promise<Response>): FetchLike =>
  (url, init) =>
    h(new Request(url, init));
const xmlResponse = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/xml', ...headers } });
const noSleep = async () => {};

describe('OaiHarvester against our provider', () => {
  const harvester = new OaiHarvester({ baseUrl: 'http://127.0.0.1/oai', fetch: viaHandler(makeHandler()) });

  it('identify', async () => {
    const info = await harvester.identify();
    expect(info).toMatchObject({
      repositoryName: 'Test repository',
      baseUrl: 'http://127.0.0.1/oai',
      protocolVersion: '2.0',
      adminEmails: ['admin@example.org'],
      earliestDatestamp: '2020-01-01T00:00:00Z',
      deletedRecord: 'persistent',
      granularity: 'YYYY-MM-DDThh:mm:ssZ',
      compression: ['gzip', 'deflate'],
    });
    expect(info.descriptions[0]).toContain('<repositoryIdentifier>example.org</repositoryIdentifier>');
    expect(info.descriptions[0]).toContain('xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier"');
  });

  it('lists formats, sets, identifiers and records across tokens; gets one record', async () => {
    expect((await harvester.listMetadataFormats()).map((f) => f.metadataPrefix)).toEqual(['oai_dc']);
    const sets: string[] = [];
    for await (const s of harvester.listSets()) sets.push(s.setSpec);
    expect(sets).toEqual(['books', 'books:fiction', 'maps']);
    const ids: string[] = [];
    for await (const h of harvester.listIdentifiers({ metadataPrefix: 'oai_dc' })) ids.push(h.identifier);
    expect(ids).toEqual(sampleItems(25).map((i) => i.identifier));
    const records = [];
    for await (const r of harvester.listRecords({ metadataPrefix: 'oai_dc', set: 'maps' })) records.push(r);
    expect(records.length).toBe(12);
    const one = await harvester.getRecord('oai:example.org:1', 'oai_dc');
    expect(one.metadata).toBe(
      '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Title 1 &amp; &lt;more&gt;</dc:title></oai_dc:dc>',
    );
  });

  it('noRecordsMatch is an empty harvest; other OAI errors are typed', async () => {
    const none = [];
    for await (const r of harvester.listRecords({ metadataPrefix: 'oai_dc', from: '2040-01-01' }))
      none.push(r);
    expect(none).toEqual([]);
    await expect(harvester.getRecord('nope', 'oai_dc')).rejects.toMatchObject({
      code: 'OAI_PROTOCOL_ERROR',
      oaiCode: 'idDoesNotExist',
    });
    const it = harvester.listRecords({ metadataPrefix: 'mods' });
    await expect(it.next()).rejects.toMatchObject({ oaiCode: 'cannotDisseminateFormat' });
  });

  it('POST works the same', async () => {
    const post = new OaiHarvester({
      baseUrl: 'http://127.0.0.1/oai',
      fetch: viaHandler(makeHandler()),
      method: 'POST',
    });
    expect((await post.getRecord('oai:example.org:2', 'oai_dc')).header.setSpecs).toEqual(['maps']);
  });

  it('reports progress per page', async () => {
    const pages: (number | undefined)[] = [];
    const h = new OaiHarvester({
      baseUrl: 'http://127.0.0.1/oai',
      fetch: viaHandler(makeHandler()),
      onPage: (p) => pages.push(p.token?.cursor),
    });
    for await (const _ of h.listIdentifiers({ metadataPrefix: 'oai_dc' })) {
      // drain
    }
    expect(pages).toEqual([0, 10, 20]);
  });
});

describe('flow control and failures', () => {
  const ok = readFileSync(sharedPath('schemas', 'examples', 'oai-identify-minimal.xml'), 'utf8');

  it('honours 503 Retry-After, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const h = new OaiHarvester({
      baseUrl: 'http://x.org/oai',
      fetch: async () => (++calls === 1 ? xmlResponse('busy', 503, { 'retry-after': '7' }) : xmlResponse(ok)),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await h.identify();
    expect(waits).toEqual([7000]);
  });

  it('backs off exponentially on network errors and 5xx, then gives up with a typed error', async () => {
    const waits: number[] = [];
    const h = new OaiHarvester({
      baseUrl: 'http://x.org/oai',
      retries: 3,
      backoffMs: 100,
      fetch: async () => {
        throw new TypeError('connection refused');
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await expect(h.identify()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(waits).toEqual([100, 200, 400]);
    const h500 = new OaiHarvester({
      baseUrl: 'http://x.org/oai',
      retries: 1,
      fetch: async () => xmlResponse('', 500),
      sleep: noSleep,
    });
    await expect(h500.identify()).rejects.toMatchObject({ code: 'HTTP_STATUS', status: 500 });
  });

  it('does not retry a 404, and refuses a Retry-After beyond its limit', async () => {
    let calls = 0;
    const h = new OaiHarvester({
      baseUrl: 'http://x.org/oai',
      fetch: async () => {
        calls++;
        return xmlResponse('', 404);
      },
      sleep: noSleep,
    });
    await expect(h.identify()).rejects.toMatchObject({ code: 'HTTP_STATUS', status: 404 });
    expect(calls).toBe(1);
    const slow = new OaiHarvester({
      baseUrl: 'http://x.org/oai',
      maxRetryAfterSeconds: 60,
      fetch: async () => xmlResponse('', 503, { 'retry-after': '3600' }),
    });
    await expect(slow.identify()).rejects.toThrow(/3600 s/);
  });

  it('stops when the signal aborts, during a wait too', async () => {
    const controller = new AbortController();
    const h = new OaiHarvester({
      baseUrl: 'http://x.org/oai',
      signal: controller.signal,
      fetch: async () => {
        controller.abort();
        return xmlResponse('', 503, { 'retry-after': '1' });
      },
    });
    await expect(h.identify()).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('a malformed or foreign response is BAD_RESPONSE', async () => {
    for (const body of [
      '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>',
      '<html/>',
      'not xml',
    ]) {
      const h = new OaiHarvester({ baseUrl: 'http://x.org/oai', fetch: async () => xmlResponse(body) });
      await expect(h.identify()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    }
  });

  it('a provider that repeats its token does not loop for ever', async () => {
    const page = `<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-01T00:00:00Z</responseDate><request>x</request><ListIdentifiers><header><identifier>a</identifier><datestamp>2024-01-01</datestamp></header><resumptionToken>same</resumptionToken></ListIdentifiers></OAI-PMH>`;
    const h = new OaiHarvester({ baseUrl: 'http://x.org/oai', fetch: async () => xmlResponse(page) });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const x of h.listIdentifiers({ metadataPrefix: 'oai_dc' })) seen.push(x.identifier);
      })(),
    ).rejects.toThrow(/repeated a resumptionToken/);
    expect(seen).toEqual(['a', 'a']);
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('incrementalHarvest', () => {
  it('starts from the last complete harvest responseDate, in the provider granularity', async () => {
    let now = Date.UTC(2020, 0, 5, 12);
    const handler = makeHandler(sampleItems(25), { granularity: 'YYYY-MM-DD', now: () => now });
    const harvester = new OaiHarvester({ baseUrl: 'http://127.0.0.1/oai', fetch: viaHandler(handler) });
    let saved: string | undefined;
    const state = {
      load: () => saved,
      save: (s: string) => {
        saved = s;
      },
    };
    const first: string[] = [];
    for await (const r of incrementalHarvest({ harvester, metadataPrefix: 'oai_dc', state }))
      first.push(r.header.identifier);
    expect(first).toHaveLength(25);
    expect(saved).toBe('2020-01-05');
    now = Date.UTC(2020, 0, 9);
    const second: string[] = [];
    for await (const r of incrementalHarvest({ harvester, metadataPrefix: 'oai_dc', state }))
      second.push(r.header.identifier);
    expect(second[0]).toBe('oai:example.org:13');
    expect(saved).toBe('2020-01-09');
  });

  it('does not move the state forward when the harvest fails half-way', async () => {
    const handler = makeHandler();
    let calls = 0;
    const harvester = new OaiHarvester({
      baseUrl: 'http://127.0.0.1/oai',
      retries: 0,
      fetch: async (url, init) => (++calls === 2 ? xmlResponse('', 500) : handler(new Request(url, init))),
    });
    let saved: string | undefined = 'unchanged';
    const state = {
      load: () => undefined,
      save: (s: string) => {
        saved = s;
      },
    };
    await expect(
      (async () => {
        for await (const _ of incrementalHarvest({
          harvester,
          metadataPrefix: 'oai_dc',
          state,
          granularity: 'YYYY-MM-DD',
        })) {
          // drain
        }
      })(),
    ).rejects.toBeInstanceOf(OaiError);
    expect(saved).toBe('unchanged');
  });
});

describe('OaiResponseParser', () => {
  it('reads the hand-made ListRecords example: oai_dc, a deletion, MARCXML parsed to a record, the token', () => {
    const xml = readFileSync(sharedPath('schemas', 'examples', 'oai-listrecords.xml'), 'utf8');
    const p = new OaiResponseParser();
    const items = [...p.write(xml), ...p.end()];
    expect(items.map((i) => i.kind)).toEqual(['record', 'record', 'record']);
    const [dc, deleted, marc] = items.map((i) => (i.kind === 'record' ? i.record : undefined));
    expect(dc?.header).toEqual({
      identifier: 'oai:library.example.org:1',
      datestamp: '2023-05-01T12:00:00Z',
      setSpecs: ['books', 'books:fiction'],
      deleted: false,
    });
    expect(dc?.metadata).toContain('<dc:title xml:lang="en">A Title</dc:title>');
    expect(deleted?.header.deleted).toBe(true);
    expect(deleted?.metadata).toBeUndefined();
    expect(marc?.marc).toEqual({
      leader: '00000nam a2200000 a 4500',
      fields: [
        { tag: '001', value: '3' },
        { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'A MARC title' }] },
      ],
    });
    expect(p.envelope.token).toEqual({
      value: 'tok-3',
      cursor: 0,
      completeListSize: 5,
      expirationDate: '2024-01-16T10:00:00Z',
    });
  });

  it('a payload keeps the bindings it uses that were declared on the envelope', () => {
    const xml =
      '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:m="http://www.loc.gov/MARC21/slim">' +
      '<responseDate>2024-01-01T00:00:00Z</responseDate><request>x</request><GetRecord><record><header><identifier>a</identifier>' +
      '<datestamp>2024-01-01</datestamp></header><metadata><m:record xsi:schemaLocation="http://www.loc.gov/MARC21/slim x.xsd">' +
      '<m:leader>00000nam a2200000 a 4500</m:leader></m:record></metadata></record></GetRecord></OAI-PMH>';
    const p = new OaiResponseParser();
    const [item] = [...p.write(xml), ...p.end()];
    expect(item?.kind === 'record' && item.record.metadata).toBe(
      '<m:record xmlns:m="http://www.loc.gov/MARC21/slim" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/MARC21/slim x.xsd"><m:leader>00000nam a2200000 a 4500</m:leader></m:record>',
    );
    expect(item?.kind === 'record' && item.record.marc?.leader).toBe('00000nam a2200000 a 4500');
  });

  test.prop([fc.string({ maxLength: 400 }), fc.integer({ min: 1, max: 50 })])(
    'arbitrary text gives items or the typed error, never another exception',
    (text, cut) => {
      const p = new OaiResponseParser();
      try {
        p.write(text.slice(0, cut));
        p.write(text.slice(cut));
        p.end();
      } catch (e) {
        expect(OaiError.is(e) && e.code === 'BAD_RESPONSE').toBe(true);
      }
    },
  );

  it('keepMarcXml: false returns the MARC record without its XML', () => {
    const xml = readFileSync(sharedPath('schemas', 'examples', 'oai-listrecords.xml'), 'utf8');
    const full = new OaiResponseParser();
    const lean = new OaiResponseParser({ keepMarcXml: false });
    const a = [...full.write(xml), ...full.end()];
    const b = [...lean.write(xml), ...lean.end()];
    const marc = (items: typeof a) => (items[2]?.kind === 'record' ? items[2].record : undefined);
    expect(marc(b)?.marc).toEqual(marc(a)?.marc);
    expect(marc(b)?.metadata).toBeUndefined();
    expect(b[0]?.kind === 'record' && b[0].record.metadata).toContain('<dc:title');
  });

  test.prop([fc.integer({ min: 1, max: 200 })])('chunk boundaries do not change the result', (size) => {
    const xml = readFileSync(sharedPath('schemas', 'examples', 'oai-listrecords.xml'), 'utf8');
    const whole = new OaiResponseParser();
    const expected = [...whole.write(xml), ...whole.end()];
    const split = new OaiResponseParser();
    const got = [];
    for (let i = 0; i < xml.length; i += size) got.push(...split.write(xml.slice(i, i + size)));
    got.push(...split.end());
    expect(got).toEqual(expected);
  });
});
