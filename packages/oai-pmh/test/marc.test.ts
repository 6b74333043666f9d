import { readFileSync } from 'node:fs';
import { type MarcRecord, parseMarcXml, parseMarcXmlRecord } from '@bibwire/marcxml';
import { OaiError, parseKohaOaiConfig } from '@bibwire/oai-pmh';
import {
  createMarcRepository,
  createOaiHandler,
  datestampFrom005,
  formatsFromKohaConfig,
  kohaDefaultFormats,
  type MarcEntry,
  marcFormat,
  marcRepositoryFromBytes,
  marcXmlFormat,
  marcXmlRecord,
} from '@bibwire/oai-pmh/server';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';

const record = (
  id: string,
  extra: MarcRecord['fields'] = [],
  leader = '00000cam a2200000 a 4500',
): MarcRecord => ({
  leader,
  fields: [
    { tag: '001', value: id },
    { tag: '005', value: '20230102030405.0' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: `Title ${id}` }] },
    ...extra,
  ],
});
const item = (branch: string) => ({
  tag: '952',
  ind1: ' ',
  ind2: ' ',
  subfields: [
    { code: 'b', value: branch },
    { code: 'p', value: `bc-${branch}` },
  ],
});

const get = async (h: (r: Request) => Promise<Response>, q: string) =>
  (await h(new Request(`http://127.0.0.1/oai?${q}`))).text();

describe('createMarcRepository', () => {
  it('identifiers from 001, datestamps from 005, leader/05 d = deleted, duplicate 001s kept apart', () => {
    const repo = createMarcRepository(
      [record('1'), record('2', [], '00000dam a2200000 a 4500'), record('1')],
      {
        repositoryIdentifier: 'lib.example.org',
      },
    );
    expect(repo.getItem('oai:lib.example.org:1')?.header.datestamp).toBe(Date.UTC(2023, 0, 2, 3, 4, 5));
    expect(repo.getItem('oai:lib.example.org:2')?.header.deleted).toBe(true);
    expect(repo.getItem('oai:lib.example.org:1.3')?.record?.record.fields[0]).toEqual({
      tag: '001',
      value: '1',
    });
    expect(() => createMarcRepository([])).toThrow(OaiError);
  });

  it('reads ISO 2709 and MARCXML bytes alike', () => {
    const iso = marcRepositoryFromBytes(
      readFileSync(sharedPath('data', 'marc', 'iso2709-marc21', 'marc4j-chabon.mrc')),
      {
        repositoryIdentifier: 'x.org',
      },
    );
    const xml = marcRepositoryFromBytes(
      readFileSync(sharedPath('data', 'marc', 'marcxml', 'marc4j-chabon.xml')),
      {
        repositoryIdentifier: 'x.org',
      },
    );
    expect(iso.size).toBe(2);
    expect(xml.size).toBe(2);
    const ids = (r: typeof iso) =>
      r
        .listItems({ metadataPrefix: 'marcxml', includeDeleted: true, limit: 10 })
        .map((i) => i.header.identifier);
    expect(ids(iso)).toEqual(ids(xml));
  });

  it('holds item fields apart: a format shows them only with include-items on', async () => {
    const repo = createMarcRepository([record('7', [item('MAIN'), item('BIB2')])], {
      repositoryIdentifier: 'lib.example.org',
      setMappings: [
        { setSpec: 'main', setName: 'Main', rules: [{ tag: '952', subfield: 'b', value: 'MAIN' }] },
      ],
    });
    const h = createOaiHandler<MarcEntry>({
      repository: repo,
      formats: [marcXmlFormat('marcxml'), marcXmlFormat('marc21', { includeItems: true })],
      repositoryName: 'r',
      adminEmails: ['a@example.org'],
    });
    const plain = await get(h, 'verb=GetRecord&identifier=oai:lib.example.org:7&metadataPrefix=marcxml');
    const withItems = await get(h, 'verb=GetRecord&identifier=oai:lib.example.org:7&metadataPrefix=marc21');
    expect(plain).not.toContain('tag="952"');
    expect(withItems.match(/tag="952"/g)).toHaveLength(2);
    const parsed = parseMarcXml(withItems);
    expect(parsed[0]?.fields.map((f) => f.tag)).toEqual(['001', '005', '245', '952', '952']);
    expect(plain).toContain('<setSpec>main</setSpec>');
    expect(await get(h, 'verb=ListSets')).toContain('<setSpec>main</setSpec><setName>Main</setName>');
  });

  it('datestampFrom005 reads yyyymmddhhmmss and refuses nonsense', () => {
    expect(datestampFrom005(record('1'))).toBe(Date.UTC(2023, 0, 2, 3, 4, 5));
    expect(
      datestampFrom005({ leader: '', fields: [{ tag: '005', value: '20231340000000.0' }] }),
    ).toBeUndefined();
    expect(datestampFrom005({ leader: '', fields: [] })).toBeUndefined();
  });
});

describe('Koha formats', () => {
  const config = parseKohaOaiConfig(
    readFileSync(new URL('./fixtures/koha-oai.yaml', import.meta.url), 'utf8'),
  );

  it('a format that needs an XSLT asks for a renderer', () => {
    expect(() => formatsFromKohaConfig(config)).toThrow(/vs\.xsl/);
    const vs = (r: MarcRecord) =>
      `<vs xmlns="http://veryspecial.tamil.fr/vs/format-pivot/1.1/vs">${r.fields.length}</vs>`;
    const formats = formatsFromKohaConfig(config, { vs });
    expect(formats.map((f) => [f.metadataPrefix, f.metadataNamespace])).toEqual([
      ['vs', 'http://veryspecial.tamil.fr/vs/format-pivot/1.1/vs'],
      ['marc21', 'http://www.loc.gov/MARC21/slim http://www.loc.gov/standards/marcxml/schema/MARC21slim'],
      ['marcxml', 'http://www.loc.gov/MARC21/slim http://www.loc.gov/standards/marcxml/schema/MARC21slim'],
      ['oai_dc', 'http://www.openarchives.org/OAI/2.0/oai_dc/'],
    ]);
  });

  it('skips formats that need an XSLT when asked to, and says so', () => {
    const skipped: string[] = [];
    const formats = formatsFromKohaConfig(
      config,
      {},
      { skipUnsupported: true, onSkip: (p) => skipped.push(p) },
    );
    expect(formats.map((f) => f.metadataPrefix)).toEqual(['marc21', 'marcxml', 'oai_dc']);
    expect(skipped).toEqual(['vs']);
  });

  it('oai_dc is added when the file leaves it out; defaults are oai_dc, marc21, marcxml', () => {
    const only = parseKohaOaiConfig('format:\n  marcxml:\n    metadataPrefix: marcxml\n');
    expect(formatsFromKohaConfig(only).map((f) => f.metadataPrefix)).toEqual(['oai_dc', 'marcxml']);
    expect(kohaDefaultFormats().map((f) => f.metadataPrefix)).toEqual(['oai_dc', 'marc21', 'marcxml']);
  });

  it('oai_dc uses the DC crosswalks, MARC 21 and UNIMARC', async () => {
    const marc21 = marcRepositoryFromBytes(
      readFileSync(sharedPath('data', 'marc', 'iso2709-marc21', 'marc4j-summerland.mrc')),
      {
        repositoryIdentifier: 'x.org',
      },
    );
    const unimarc = marcRepositoryFromBytes(
      readFileSync(sharedPath('data', 'marc', 'unimarc', 'marcjs-bib.mrc')),
      {
        repositoryIdentifier: 'x.org',
      },
    );
    for (const [repository, title] of [
      [marc21, 'Summerland'],
      [unimarc, ''],
    ] as const) {
      const h = createOaiHandler<MarcEntry>({
        repository,
        formats: kohaDefaultFormats(),
        repositoryName: 'r',
        adminEmails: ['a@example.org'],
      });
      const xml = await get(h, 'verb=ListRecords&metadataPrefix=oai_dc');
      expect(xml).toMatch(/<oai_dc:dc [^>]*><dc:title>/);
      if (title) expect(xml).toContain(`<dc:title>${title}`);
    }
  });

  it('custom formats by function', async () => {
    const isbd = marcFormat({
      metadataPrefix: 'titles',
      schema: 'http://example.org/titles.xsd',
      metadataNamespace: 'http://example.org/titles',
      render: (r) => `<t xmlns="http://example.org/titles">${r.fields.length}</t>`,
    });
    const repository = createMarcRepository([record('1', [item('MAIN')])], { repositoryIdentifier: 'x.org' });
    const h = createOaiHandler<MarcEntry>({
      repository,
      formats: [isbd],
      repositoryName: 'r',
      adminEmails: ['a@example.org'],
    });
    expect(await get(h, 'verb=ListRecords&metadataPrefix=titles')).toContain(
      '<t xmlns="http://example.org/titles">3</t>',
    );
  });
});

describe('marcXmlRecord', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", 'é', '漢', '😀', '\t', '\n'),
    maxLength: 12,
  });
  const tag = fc.stringMatching(/^[0-9]{3}$/);
  const field = fc.oneof(
    fc.record({ tag: tag.filter((t) => t < '010'), value: text }),
    fc.record({
      tag: tag.filter((t) => t >= '010'),
      ind1: fc.constantFrom(' ', '0', '1'),
      ind2: fc.constantFrom(' ', '0', '4'),
      subfields: fc.array(fc.record({ code: fc.constantFrom('a', 'b', '9'), value: text }), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
  );
  const recordArb = fc.record({
    leader: fc.constant('00000nam a2200000 a 4500'),
    fields: fc.array(field, { maxLength: 8 }),
  });

  test.prop([recordArb])('the MARCXML written for a record parses back to the same record', (r) => {
    expect(parseMarcXmlRecord(marcXmlRecord(r))).toEqual(r);
  });
});
