import { readFileSync } from 'node:fs';
import {
  type BiblioFormat,
  basicAuth,
  decodeBiblioBody,
  formatMarc,
  KohaClient,
  parseFormattedMarc,
} from '@bibwire/koha-client';
import { getFirstValue, type MarcRecord, parseIso2709Record, recordsEqual } from '@bibwire/marcxml';
import { fc, test } from '@fast-check/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { type KohaMock, startKohaMock } from './mock/koha-mock.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const reference: MarcRecord = parseIso2709Record(fixture('biblio-1.mrc'));

let mock: KohaMock;
let client: KohaClient;
beforeAll(async () => {
  mock = await startKohaMock({ basic: { user: 'api', password: 'pw' } });
  client = new KohaClient({ baseUrl: mock.url, auth: basicAuth('api', 'pw'), retry: false });
});
afterAll(() => mock.close());
afterEach(() => {
  expect(mock.violations.splice(0)).toEqual([]);
});

describe('GET /biblios/{id} in every MARC form', () => {
  const formats: BiblioFormat[] = ['marcxml', 'marc-in-json', 'iso2709', 'text'];
  for (const format of formats) {
    it(`${format} gives the same record as the ISO 2709 fixture`, async () => {
      const record = await client.biblios.getRecord(1, { format });
      expect(recordsEqual(record, reference)).toBe(true);
      expect(getFirstValue(record, '245', 'a')).toBe('The amazing adventures of Kavalier and Clay :');
      const accept = mock.requests.at(-1)?.headers.get('accept');
      expect(accept).toBe(
        {
          marcxml: 'application/marcxml+xml',
          'marc-in-json': 'application/marc-in-json',
          iso2709: 'application/marc',
          text: 'text/plain',
        }[format],
      );
    });
  }

  it('JSON view and raw bytes', async () => {
    expect((await client.biblios.get(1)).biblio_id).toBe(1);
    expect(await client.biblios.getRaw(1, 'iso2709')).toEqual(fixture('biblio-1.mrc'));
  });

  it('lists records as a MARC collection', async () => {
    const records = await client.biblios.listRecords({ _per_page: 10 }, { format: 'marcxml' });
    expect(records).toHaveLength(1);
    expect(recordsEqual(records[0] as MarcRecord, reference)).toBe(true);
    expect((await client.biblios.list({ _page: 1 })).length).toBeGreaterThan(0);
  });

  it('Koha answers 406 to a type it does not produce', async () => {
    await expect(client.request('GET', '/biblios/1', { accept: 'application/pdf' })).rejects.toMatchObject({
      status: 406,
      body: expect.arrayContaining(['application/marcxml+xml']),
    });
  });

  it('a 404 for an unknown biblio', async () => {
    await expect(client.biblios.getRecord(999)).rejects.toMatchObject({ code: 'HTTP_STATUS', status: 404 });
  });
});

describe('POST/PUT /biblios with MARC bodies', () => {
  for (const format of ['marcxml', 'marc-in-json', 'iso2709'] as const) {
    it(`creates and replaces with a ${format} body`, async () => {
      const created = await client.biblios.create(reference, {
        format,
        frameworkId: 'BKS',
        schema: 'MARC21',
        confirmNotDuplicate: true,
        recordSourceId: '2',
      });
      expect(created.id).toBeGreaterThanOrEqual(1000);
      expect(created.location).toBe(`/api/v1/biblios/${created.id}`);
      const sent = mock.requests.at(-1);
      expect(sent?.headers.get('x-framework-id')).toBe('BKS');
      expect(sent?.headers.get('x-record-schema')).toBe('MARC21');
      const stored = mock.store.biblios.get(created.id as number)?.marc;
      const [type, body] = Object.entries(stored ?? {})[0] ?? [];
      expect(type).toBe(
        {
          marcxml: 'application/marcxml+xml',
          'marc-in-json': 'application/marc-in-json',
          iso2709: 'application/marc',
        }[format],
      );
      const [back] = decodeBiblioBody(format, body as Uint8Array);
      expect(recordsEqual(back as MarcRecord, reference)).toBe(true);
      const updated = await client.biblios.update(created.id as number, reference, { format });
      expect(updated.id).toBe(created.id);
      await client.biblios.delete(created.id as number);
    });
  }
});

describe('readable text (MARC::Record as_formatted)', () => {
  it('parses the peer-written fixture', () => {
    const text = new TextDecoder().decode(fixture('biblio-1.txt'));
    expect(recordsEqual(parseFormattedMarc(text), reference)).toBe(true);
    expect(formatMarc(reference)).toBe(text);
  });

  it('reports malformed text with the line', () => {
    expect(() => parseFormattedMarc('001     x')).toThrow(expect.objectContaining({ code: 'MARC_PARSE' }));
    expect(() => parseFormattedMarc('LDR 00000nam a2200000 a 4500\n       _aorphan')).toThrow(
      expect.objectContaining({ code: 'MARC_PARSE', field: 'line 2' }),
    );
  });

  const code = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
  const text = fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' '));
  const controlTag = fc.constantFrom('001', '003', '005', '008');
  const dataTag = fc.integer({ min: 10, max: 999 }).map((n) => String(n).padStart(3, '0'));
  const ind = fc.constantFrom(' ', '0', '1', '4');
  const record = fc.record({
    leader: fc.constant('00000nam a2200000 a 4500'),
    fields: fc.array(
      fc.oneof(
        fc.record({ tag: controlTag, value: text }),
        fc.record({
          tag: dataTag,
          ind1: ind,
          ind2: ind,
          subfields: fc.array(fc.record({ code, value: text }), { minLength: 1, maxLength: 4 }),
        }),
      ),
      { maxLength: 8 },
    ),
  });
  test.prop([record])('formatMarc then parseFormattedMarc gives the record back', (r) => {
    expect(parseFormattedMarc(formatMarc(r))).toEqual(r);
  });
  test.prop([fc.string({ maxLength: 200 })])('arbitrary text gives a record or MARC_PARSE', (s) => {
    try {
      parseFormattedMarc(s);
    } catch (e) {
      expect(e).toMatchObject({ code: 'MARC_PARSE' });
    }
  });
  test.prop([
    fc.uint8Array({ maxLength: 300 }),
    fc.constantFrom<BiblioFormat>('marcxml', 'marc-in-json', 'iso2709', 'text'),
  ])('decodeBiblioBody on arbitrary bytes gives records or a typed error', (bytes, format) => {
    try {
      expect(Array.isArray(decodeBiblioBody(format, bytes))).toBe(true);
    } catch (e) {
      expect(e).toMatchObject({ code: 'MARC_PARSE' });
    }
  });
});

describe('MARC bodies from the fixture server', () => {
  it('a text/plain list, a broken MARCXML body, and two records where one was asked for', async () => {
    const { startFixture } = await import('./fixture/server.js');
    const txt = new TextDecoder().decode(fixture('biblio-1.txt'));
    const server = await startFixture({
      handler: (r) => {
        const url = new URL(r.url);
        const accept = r.headers.get('accept') ?? '';
        if (url.pathname === '/api/v1/biblios') {
          return new Response(`${txt}\n${txt}\n`, {
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          });
        }
        if (url.pathname === '/api/v1/biblios/2') {
          return new Response('<record><leader>broken', { headers: { 'content-type': accept } });
        }
        const two = readFileSync(sharedPath('data', 'marc', 'marcxml', 'marc4j-chabon.xml'));
        return new Response(two, { headers: { 'content-type': 'application/marcxml+xml' } });
      },
    });
    try {
      const c = new KohaClient({ baseUrl: server.url, retry: false });
      const list = await c.biblios.listRecords({ _per_page: 2 }, { format: 'text' });
      expect(list).toHaveLength(2);
      expect(list.every((r) => recordsEqual(r, reference))).toBe(true);
      await expect(c.biblios.getRecord(2, { strict: true })).rejects.toMatchObject({
        code: 'MARC_PARSE',
        field: 'marcxml',
      });
      const collection = await c.biblios.getRaw(3, 'marcxml');
      expect(decodeBiblioBody('marcxml', collection)).toHaveLength(2);
      await expect(c.biblios.getRecord(3)).rejects.toMatchObject({
        code: 'MARC_PARSE',
        message: 'expected one record, got 2',
      });
    } finally {
      await server.close();
    }
  });
});
