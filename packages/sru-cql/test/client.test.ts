import { describe, expect, it } from 'vitest';
import { SruClient } from '../src/client.js';
import { SruError } from '../src/index.js';
import { createMarcBackend, createSruHandler } from '../src/server.js';
import { BOOKS } from './fixtures.js';

const handler = createSruHandler({ backend: createMarcBackend(BOOKS) });
const calls: string[] = [];
const fetchToHandler: typeof fetch = async (input, init) => {
  const request = new Request(input as string | URL, init);
  calls.push(`${request.method} ${request.url}`);
  return handler(request);
};

describe('SruClient against our handler', () => {
  for (const version of ['1.1', '1.2', '2.0'] as const) {
    it(`searchRetrieve, explain and scan in SRU ${version}`, async () => {
      const client = new SruClient({ url: 'http://sru.test/db', version, fetch: fetchToHandler });
      const page = await client.searchRetrieve('dc.subject = frogs', {
        maximumRecords: 1,
        recordSchema: 'dc',
      });
      expect(page.version).toBe(version);
      expect(page.numberOfRecords).toBe(2);
      expect(page.nextRecordPosition).toBe(2);
      expect(page.records[0]?.schema).toBe('info:srw/schema/1/dc-v1.1');
      expect(page.records[0]?.data).toContain('<dc:title>The fish and the frog</dc:title>');
      const explain = await client.explain();
      expect(explain.record).toMatch(/^<explain xmlns="http:\/\/explain.z3950.org\/dtd\/2.0\/"/);
      const scan = await client.scan('dc.subject = fi', { maximumTerms: 2 });
      expect(scan.terms.map((t) => t.value)).toEqual(['fishes', 'frogs']);
    });
  }

  it('unescapes string-packed records and posts forms when asked', async () => {
    const client = new SruClient({ url: 'http://sru.test/', method: 'POST', fetch: fetchToHandler });
    const page = await client.searchRetrieve('perl', { recordXMLEscaping: 'string' });
    expect(page.records[0]?.data).toMatch(/^<record xmlns="http:\/\/www.loc.gov\/MARC21\/slim">/);
    expect(calls.at(-1)).toBe('POST http://sru.test/');
  });

  it('iterates over every record across pages', async () => {
    const client = new SruClient({ url: 'http://sru.test/', fetch: fetchToHandler });
    const ids: string[] = [];
    for await (const r of client.records('cql.allRecords = 1 sortBy rec.id', { maximumRecords: 2 })) {
      ids.push(r.data.match(/tag="001">([^<]+)</)?.[1] ?? '');
    }
    expect(ids).toEqual(['rec1', 'rec2', 'rec3', 'rec4', 'rec5']);
    const limited: unknown[] = [];
    for await (const r of client.records('cql.allRecords = 1', { maximumRecords: 2, limit: 3 }))
      limited.push(r);
    expect(limited).toHaveLength(3);
  });

  it('throws fatal diagnostics as SruError with the diagnostic number', async () => {
    const client = new SruClient({ url: 'http://sru.test/', fetch: fetchToHandler });
    const error = await client.searchRetrieve('dc.nothing = x').catch((e: unknown) => e);
    expect(SruError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'SRU_DIAGNOSTIC', diagnostic: 16, details: 'dc.nothing' });
  });

  it('reports HTTP failures and malformed answers', async () => {
    const status = new SruClient({
      url: 'http://x/',
      fetch: async () => new Response('nope', { status: 503 }),
    });
    await expect(status.explain()).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 503 });
    const junk = new SruClient({
      url: 'http://x/',
      fetch: async () => new Response('<html><body>hi</body></html>'),
    });
    await expect(junk.searchRetrieve('x')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    const broken = new SruClient({ url: 'http://x/', fetch: async () => new Response('<a><b></a>') });
    await expect(broken.searchRetrieve('x')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('keeps inherited namespace prefixes on extracted records', async () => {
    const xml =
      '<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/" xmlns:marc="http://www.loc.gov/MARC21/slim"><zs:version>1.1</zs:version><zs:numberOfRecords>1</zs:numberOfRecords><zs:records><zs:record><zs:recordSchema>marcxml</zs:recordSchema><zs:recordPacking>xml</zs:recordPacking><zs:recordData><marc:record><marc:leader>x</marc:leader></marc:record></zs:recordData><zs:recordPosition>1</zs:recordPosition></zs:record></zs:records></zs:searchRetrieveResponse>';
    const client = new SruClient({ url: 'http://x/', fetch: async () => new Response(xml) });
    const page = await client.searchRetrieve('x');
    expect(page.records[0]?.data).toBe(
      '<marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:leader>x</marc:leader></marc:record>',
    );
  });

  it('passes the AbortSignal to fetch', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const client = new SruClient({
      url: 'http://x/',
      fetch: async (_input, init) => {
        init?.signal?.throwIfAborted();
        return new Response('');
      },
    });
    await expect(client.explain({ signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('size limits', () => {
  it('the client refuses responses over maxResponseBytes', async () => {
    const big = `<searchRetrieveResponse>${'x'.repeat(5000)}</searchRetrieveResponse>`;
    const client = new SruClient({
      url: 'http://x/',
      maxResponseBytes: 1000,
      fetch: async () => new Response(big),
    });
    await expect(client.searchRetrieve('x')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('the server answers 413 to POST bodies over maxBodyBytes', async () => {
    const small = createSruHandler({ backend: createMarcBackend(BOOKS), maxBodyBytes: 100 });
    const res = await small(new Request('http://x/', { method: 'POST', body: `query=${'a'.repeat(500)}` }));
    expect(res.status).toBe(413);
  });
});
