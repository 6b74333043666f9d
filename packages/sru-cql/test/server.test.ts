import { describe, expect, it } from 'vitest';
import { createMarcBackend, createSruHandler } from '../src/server.js';
import { BOOKS } from './fixtures.js';

const handler = createSruHandler({ backend: createMarcBackend(BOOKS), maxMaximumRecords: 3 });

async function get(query: string): Promise<{ status: number; type: string | null; body: string }> {
  const res = await handler(new Request(`http://sru.example:8080/db${query}`));
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

const diagOf = (body: string) => body.match(/<diag:uri>info:srw\/diagnostic\/1\/(\d+)<\/diag:uri>/)?.[1];
const detailsOf = (body: string) => body.match(/<diag:details>([^<]*)<\/diag:details>/)?.[1];

describe('SRU handler: explain', () => {
  it('answers a bare base URL with an SRU 2.0 explain record built from the back end', async () => {
    const r = await get('');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/xml/);
    expect(r.body).toContain(
      '<sru:explainResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">',
    );
    expect(r.body).toContain('<host>sru.example</host><port>8080</port>');
    expect(r.body).toContain('<map><name set="dc">title</name></map>');
    expect(r.body).toContain('<schema identifier="info:srw/schema/1/marcxml-v1.1" name="marcxml"');
    expect(r.body).toContain('<setting type="maximumRecords">3</setting>');
  });

  it('answers 1.x explain in the LoC namespace, as a string when asked', async () => {
    const r = await get('?operation=explain&version=1.1&recordPacking=string');
    expect(r.body).toContain(
      '<zs:explainResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.1</zs:version>',
    );
    expect(r.body).toContain('<zs:recordPacking>string</zs:recordPacking><zs:recordData>&lt;explain');
  });
});

describe('SRU handler: searchRetrieve', () => {
  it('returns records, positions and nextRecordPosition (2.0 inferred from query)', async () => {
    const r = await get('?query=dc.subject%3Dfishes&maximumRecords=1');
    expect(r.body).toContain('<sru:numberOfRecords>2</sru:numberOfRecords>');
    expect(r.body).toContain('<sru:recordPosition>1</sru:recordPosition>');
    expect(r.body).toContain('<sru:nextRecordPosition>2</sru:nextRecordPosition>');
    expect(r.body).toContain('<record xmlns="http://www.loc.gov/MARC21/slim">');
    expect(r.body).toContain(
      '<sru:xQuery xmlns="http://docs.oasis-open.org/ns/search-ws/xcql"><triple><searchClause><index>dc.subject</index>',
    );
  });

  it('serves 1.2 with operation and version, in dc, escaped as a string', async () => {
    const r = await get(
      '?operation=searchRetrieve&version=1.2&query=frogs&recordSchema=dc&recordPacking=string',
    );
    expect(r.body).toContain(
      '<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2</zs:version>',
    );
    expect(r.body).toContain(
      '<zs:recordSchema>info:srw/schema/1/dc-v1.1</zs:recordSchema><zs:recordPacking>string</zs:recordPacking>',
    );
    expect(r.body).toContain('&lt;dc:title&gt;Frogs of the world&lt;/dc:title&gt;');
  });

  it('caps maximumRecords at the server maximum and honours startRecord', async () => {
    const r = await get('?query=cql.allRecords%3D1&maximumRecords=50&startRecord=2');
    expect(r.body.match(/<sru:record>/g)).toHaveLength(3);
    expect(r.body).toContain('<sru:recordPosition>2</sru:recordPosition>');
    expect(r.body).toContain('<sru:nextRecordPosition>5</sru:nextRecordPosition>');
  });

  it('accepts POST form bodies', async () => {
    const res = await handler(
      new Request('http://x/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=perl&version=1.2&operation=searchRetrieve',
      }),
    );
    expect(await res.text()).toContain('<zs:numberOfRecords>1</zs:numberOfRecords>');
  });

  it('supports the sortKeys parameter (1.1 syntax) and queryType=searchTerms (2.0)', async () => {
    const sorted = await get(
      '?operation=searchRetrieve&version=1.1&query=cql.allRecords%3D1&sortKeys=dc.date,,0&maximumRecords=1',
    );
    expect(sorted.body).toContain('<controlfield tag="001">rec3</controlfield>');
    const terms = await get('?query=frogs%20world&queryType=searchTerms');
    expect(terms.body).toContain('<sru:numberOfRecords>1</sru:numberOfRecords>');
  });

  const diagnostics: [string, string, string | undefined][] = [
    ['?operation=searchRetrieve&version=1.2', '7', 'query'],
    ['?operation=frobnicate&version=1.2', '4', 'frobnicate'],
    ['?operation=explain&version=0.9', '5', '0.9'],
    ['?version=1.2&query=x', '7', 'operation'],
    ['?query=x&startRecord=0', '6', 'startRecord'],
    ['?query=x&maximumRecords=-1', '6', 'maximumRecords'],
    ['?query=x&maximumRecords=abc', '6', 'maximumRecords'],
    ['?query=(x', '13', '2'],
    ['?query=%22x', '14', '0'],
    ['?query=a%20and', '10', '5'],
    ['?query=foo.bar%3Dx', '15', 'foo'],
    ['?query=dc.nothing%3Dx', '16', 'dc.nothing'],
    ['?query=dc.title%20near%20x', '19', 'near'],
    ['?query=x&recordSchema=mods', '66', 'mods'],
    ['?query=x&recordXMLEscaping=base64', '71', 'base64'],
    ['?query=cql.allRecords%3D1&startRecord=99', '61', '99'],
    ['?query=x&queryType=sql', '11', 'sql'],
    ['?operation=searchRetrieve&version=1.1&query=x&recordXPath=%2Ftitle', '72', '/title'],
    ['?query=x&renderedBy=server', '110', undefined],
    ['?query=x&bogus=1', '8', 'bogus'],
    ['?operation=searchRetrieve&version=1.2&query=x&sortKeys=a', '8', 'sortKeys'],
  ];
  it.each(diagnostics)('%s → diagnostic %s (%s)', async (query, n, details) => {
    const r = await get(query);
    expect(r.status).toBe(200);
    expect(diagOf(r.body)).toBe(n);
    expect(detailsOf(r.body)).toBe(details);
  });

  it('accepts x- extension parameters and negotiates "V or lower"', async () => {
    expect(diagOf((await get('?query=x&x-debug=1')).body)).toBeUndefined();
    expect((await get('?operation=searchRetrieve&version=1.5&query=x')).body).toContain(
      '<zs:version>1.2</zs:version>',
    );
    expect((await get('?version=3.0&query=x')).body).toContain('<sru:version>2.0</sru:version>');
  });

  it('adds an xml-stylesheet processing instruction when asked', async () => {
    expect((await get('?query=x&stylesheet=%2Fs.xsl')).body).toContain(
      '<?xml-stylesheet type="text/xsl" href="/s.xsl"?>',
    );
  });
});

describe('SRU handler: scan', () => {
  it('lists terms around the start point with counts and positions', async () => {
    const r = await get('?operation=scan&scanClause=dc.subject%3Dfishes&maximumTerms=2&responsePosition=1');
    expect(r.body).toContain('<scan:scanResponse xmlns:scan="http://docs.oasis-open.org/ns/search-ws/scan">');
    expect(r.body).toContain(
      '<scan:term><scan:value>fishes</scan:value><scan:numberOfRecords>2</scan:numberOfRecords><scan:whereInList>first</scan:whereInList></scan:term>',
    );
    expect(r.body).toContain('<scan:value>frogs</scan:value>');
  });

  it('answers 1.1 scans in the SRW namespace and diagnostics for bad clauses', async () => {
    const ok = await get('?operation=scan&version=1.1&scanClause=dc.title%3Dp');
    expect(ok.body).toContain(
      '<zs:scanResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.1</zs:version><zs:terms>',
    );
    expect(diagOf((await get('?operation=scan&version=1.2')).body)).toBe('7');
    expect(diagOf((await get('?operation=scan&scanClause=a%20and%20b')).body)).toBe('10');
    expect(diagOf((await get('?operation=scan&scanClause=x&maximumTerms=1000')).body)).toBe('121');
  });
});
