import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  getFirstValue,
  MarcError,
  type MarcRecord,
  parseIso2709,
  parseMarcXml,
  parseMarcXmlRecord,
  writeMarcXml,
} from '../src/index.js';
import { collector, sample } from './helpers.js';

const record: MarcRecord = {
  leader: '00000nam a2200000 a 4500',
  fields: [
    { tag: '001', value: 'x<1>' },
    { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'A & "B"' }] },
  ],
};

describe('parseMarcXml accepts the variants of spec notes §3.2', () => {
  it('default namespace, marc: prefix and plain camel batch give the same records as the binary file', () => {
    const binary = parseIso2709(sample('iso2709-marc21', 'perl-camel.usmarc'));
    expect(parseMarcXml(sample('marcxml', 'perl-xml-batch.xml'))).toEqual(binary);
    expect(parseMarcXml(sample('marcxml', 'perl-xml-batch-ns.xml'))).toEqual(binary);
    expect(parseMarcXml(sample('marcxml', 'marc4j-chabon.xml'))).toEqual(
      parseIso2709(sample('iso2709-marc21', 'marc4j-chabon.mrc')),
    );
  });

  it('record xmlns="" inside a namespaced collection, empty indicators set to blank with a problem', () => {
    const c = collector();
    const [r] = parseMarcXml(sample('marcxml', 'perl-xml-namespace.xml'), c);
    expect(r?.leader).toBe('-----nas-a22-----z--4500');
    expect(r?.fields.find((f) => f.tag === '022')).toMatchObject({ ind1: ' ', ind2: ' ' });
    expect(new Set(c.problems.map((p) => p.code))).toEqual(new Set(['INVALID_INDICATOR']));
  });

  it('a bare record, a record inside an OAI-PMH envelope, CDATA and entities', () => {
    const xml = `<?xml version="1.0"?><!-- c --><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><GetRecord><record><header><identifier>oai:x:1</identifier></header><metadata><marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:leader>00000nam a2200000 a 4500</marc:leader><marc:datafield tag="245" ind1="0" ind2="0"><marc:subfield code="a"><![CDATA[Fish & <chips>]]> &#x263A;</marc:subfield></marc:datafield></marc:record></metadata></record></GetRecord></OAI-PMH>`;
    const r = parseMarcXmlRecord(xml);
    expect(getFirstValue(r, '245', 'a')).toBe('Fish & <chips> ☺');
  });

  it('UNIMARC in the MARC21/slim namespace, leader 450 blank and | indicators kept', () => {
    const records = parseMarcXml(sample('unimarc', 'marcjs-bib.xml'));
    expect(records).toHaveLength(6);
    expect(records[0]?.leader.endsWith('450 ')).toBe(true);
    expect(records[0]?.fields.some((f) => 'ind2' in f && f.ind2 === '|')).toBe(true);
  });

  it('structural damage: the element is skipped and reported; strict throws XML_STRUCTURE', () => {
    for (const name of [
      'missing-controlfield-tag',
      'missing-datafield-tag',
      'missing-subfield-code',
      'bad-subfields-element',
    ]) {
      const c = collector();
      const records = parseMarcXml(sample('marcxml', `marc4j-chabon-${name}.xml`), c);
      expect(records).toHaveLength(1);
      if (name !== 'bad-subfields-element') expect(c.problems[0]?.code).toBe('XML_STRUCTURE');
    }
    expect(() =>
      parseMarcXml(sample('marcxml', 'marc4j-chabon-missing-datafield-tag.xml'), { strict: true }),
    ).toThrow(expect.objectContaining({ code: 'XML_STRUCTURE', record: 1 }));
  });

  it('not well-formed XML is an XML_SYNTAX error with a position', () => {
    try {
      parseMarcXml('<collection><record><leader>x</leader></collection>');
      expect.unreachable();
    } catch (e) {
      expect(MarcError.is(e) && e.code).toBe('XML_SYNTAX');
      expect((e as MarcError).offset).toBeGreaterThan(0);
    }
  });

  it('refuses external entities (no DTD processing)', () => {
    const xml =
      '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">&x;</controlfield></record>';
    expect(() => parseMarcXml(xml)).toThrow(MarcError);
  });
});

describe('writeMarcXml', () => {
  it('golden: one record, default namespace, escaped text and attributes', () => {
    expect(writeMarcXml(record)).toBe(
      `<record xmlns="http://www.loc.gov/MARC21/slim">
  <leader>00000nam a2200000 a 4500</leader>
  <controlfield tag="001">x&lt;1&gt;</controlfield>
  <datafield tag="245" ind1="1" ind2="0">
    <subfield code="a">A &amp; "B"</subfield>
  </datafield>
</record>
`,
    );
  });

  it('options: collection, prefix, declaration, no indentation', () => {
    const xml = writeMarcXml([record, record], { prefix: 'marc', declaration: true, indent: false });
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:record><marc:leader>',
      ),
    ).toBe(true);
    expect(xml.endsWith('</marc:record></marc:collection>')).toBe(true);
    expect(parseMarcXml(xml)).toEqual([record, record]);
    expect(writeMarcXml(record, { collection: true })).toMatch(/^<collection xmlns=[^>]+>\n<record>/);
  });

  it('XML-illegal characters are stripped (or replaced) and the leader keeps 24 positions', () => {
    const r: MarcRecord = {
      leader: '00000nam a2200000 a 45\x020',
      fields: [
        { tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: 'a\x1bb\x00c\ud800d\r' }] },
      ],
    };
    const [back] = parseMarcXml(writeMarcXml(r));
    expect(back?.leader).toBe('00000nam a2200000 a 45 0');
    expect(getFirstValue(back as MarcRecord, '500', 'a')).toBe('abcd\r');
    expect(
      getFirstValue(parseMarcXml(writeMarcXml(r, { invalidChars: 'replace' }))[0] as MarcRecord, '500', 'a'),
    ).toBe('a\ufffdb\ufffdc\ufffdd\r');
  });

  it('escapeXml leaves plain text alone', () => {
    const s = 'plain text, with quotes \' and "';
    expect(escapeXml(s)).toBe(s);
    expect(escapeXml('a<b&c>')).toBe('a&lt;b&amp;c&gt;');
  });
});

describe('limits', () => {
  it('a large document in one string is fine; one value beyond maxValueChars is LIMIT_EXCEEDED', () => {
    const many = Array.from({ length: 300 }, () => record);
    expect(parseMarcXml(writeMarcXml(many), { maxValueChars: 1000 })).toHaveLength(300);
    const big = {
      ...record,
      fields: [{ tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: 'y'.repeat(2000) }] }],
    };
    expect(() => parseMarcXml(writeMarcXml(big), { maxValueChars: 1000 })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED' }),
    );
  });
});
