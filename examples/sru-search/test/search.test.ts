import { getControlValue, parseMrk } from '@bibwire/marcxml';
import { SruError } from '@bibwire/sru-cql';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../../testing/memory-io.js';
import { main } from '../src/cli.js';
import { sampleSruHandler, startSampleServer } from '../src/sample-server.js';
import { search } from '../src/search.js';
import { dcValues, recordKind, showRecord } from '../src/show.js';

const handler = sampleSruHandler();
const inProcess = (async (input: RequestInfo | URL, init?: RequestInit) =>
  handler(new Request(input, init))) as typeof fetch;
const url = 'http://sru.test/';

function collect() {
  const out: string[] = [];
  return { print: (s: string) => out.push(s), text: () => out.join('') };
}

describe('search', () => {
  it('prints DC titles and authors and stops at --max across pages', async () => {
    const c = collect();
    const outcome = await search({ url, query: 'dc.title any perl', max: 3, fetch: inProcess }, c.print);
    expect(outcome).toEqual({ total: 9, shown: 3 });
    expect(c.text()).toContain('9 records match dc.title any perl');
    expect(c.text()).toMatch(/^1\. .*Perl/m);
    expect(c.text()).toMatch(/^3\. /m);
    expect(c.text()).not.toMatch(/^4\. /m);
    expect(c.text()).toContain('by ');
  });

  it('follows the server pages when it caps maximumRecords', async () => {
    const small = sampleSruHandler(undefined, 2);
    const requests: string[] = [];
    const paging = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(String(input));
      return small(new Request(input, init));
    }) as typeof fetch;
    const c = collect();
    expect(await search({ url, query: 'dc.title any perl', max: 5, fetch: paging }, c.print)).toEqual({
      total: 9,
      shown: 5,
    });
    expect(requests.length).toBe(3);
    expect(c.text().match(/^\d+\. /gm)).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ']);
  });

  it('shows every match when max exceeds the result', async () => {
    const c = collect();
    const outcome = await search({ url, query: 'cql.allRecords = 1', max: 100, fetch: inProcess }, c.print);
    expect(outcome.shown).toBe(outcome.total);
    expect(outcome.total).toBe(13);
    expect(c.text()).toMatch(/^13\. /m);
  });

  it('prints MARCXML records as MARC mnemonic that reads back', async () => {
    const c = collect();
    await search(
      { url, query: 'dc.title = summerland', schema: 'marcxml', version: '2.0', fetch: inProcess },
      c.print,
    );
    const mrk = c
      .text()
      .split('\n')
      .filter((l) => l.startsWith('='))
      .join('\n');
    const [record] = parseMrk(mrk);
    expect(record && getControlValue(record, '001')).toBeTruthy();
    expect(mrk).toContain('=245  10$aSummerland');
  });

  it('raises the server diagnostic of a bad query as SruError', async () => {
    const error = await search({ url, query: 'dc.title = "open', fetch: inProcess }, () => {}).catch(
      (e: unknown) => e,
    );
    expect(SruError.is(error)).toBe(true);
    expect((error as SruError).code).toBe('SRU_DIAGNOSTIC');
    expect((error as SruError).diagnostic).toBe(14);
  });
});

describe('record display', () => {
  const dc = (data: string) => ({ schema: 'dc', escaping: 'xml', data });

  it('reads DC under any prefix, decodes entities and ignores other namespaces', () => {
    const xml =
      '<x:dc xmlns:x="info:srw/schema/1/dc-schema" xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:o="urn:other">' +
      '<d:title>Fish &amp; chips &#x263A;</d:title><o:title>not this</o:title><d:creator>A</d:creator><d:creator>B</d:creator></x:dc>';
    expect(dcValues(xml, 'title')).toEqual(['Fish & chips ☺']);
    expect(showRecord(dc(xml), 7)).toBe('7. Fish & chips ☺\n   by A; B\n');
    expect(
      dcValues('<dc xmlns="http://purl.org/dc/elements/1.1/"><title>Plain</title></dc>', 'title'),
    ).toEqual(['Plain']);
  });

  it('prints a surrogate diagnostic in place of an undeliverable record', () => {
    const record = {
      schema: 'info:srw/schema/1/diagnostics-v1.1',
      escaping: 'xml',
      data: '',
      diagnostic: { uri: 'info:srw/diagnostic/1/67', message: 'Record not available in this schema' },
    };
    expect(showRecord(record, 2)).toBe(
      '2. (not delivered: info:srw/diagnostic/1/67 Record not available in this schema)\n',
    );
  });

  it('prints unknown schemas as their XML', () => {
    const record = { schema: 'info:x', escaping: 'xml', data: '<mods xmlns="http://www.loc.gov/mods/v3"/>' };
    expect(recordKind(record)).toBe('other');
    expect(showRecord(record, 1)).toContain('<mods');
  });
});

describe('command line', () => {
  it('without arguments runs the offline demonstration and exits 0', async () => {
    const m = memoryIo();
    expect(await main([], m.io)).toBe(0);
    expect(m.out()).toMatch(/sample SRU server on http:\/\/127\.0\.0\.1:\d+\//);
    expect(m.out()).toContain('9 records match dc.title any perl');
    expect(m.out()).toContain('=100  1\\$aChabon, Michael.');
    expect(m.out()).toContain('[SRU_DIAGNOSTIC]');
  });

  it('searches a given server over HTTP', async () => {
    const server = await startSampleServer();
    try {
      const m = memoryIo();
      expect(await main([server.url, 'dc.creator = chabon', '--max', '2', '--version', '1.1'], m.io)).toBe(0);
      expect(m.out()).toContain('3 records match');
      expect(m.out()).toMatch(/^2\. /m);
      expect(m.out()).not.toMatch(/^3\. /m);
    } finally {
      await server.close();
    }
  });

  it('exits 1 on an unreachable server and 2 on bad arguments', async () => {
    const m = memoryIo();
    expect(await main(['http://127.0.0.1:9/', 'x'], m.io)).toBe(1);
    expect(m.err()).toContain('search failed');
    expect(await main(['http://127.0.0.1:9/'], memoryIo().io)).toBe(2);
    expect(await main(['u', 'q', '--version', '3.0'], memoryIo().io)).toBe(2);
    expect(await main(['u', 'q', '--max', '0'], memoryIo().io)).toBe(2);
  });
});
