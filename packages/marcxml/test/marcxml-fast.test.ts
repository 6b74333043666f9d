// The fast MARCXML tokenizer on the shared samples (including damaged ones) and on hand-made edge cases.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { createMarcXmlParser, MarcError, type MarcProblem, readAllRecords } from '../src/index.js';

const dir = sharedPath('data', 'marc', 'marcxml');

function outcome(xml: string, xmlParser: 'fast' | 'saxes') {
  const problems: MarcProblem[] = [];
  const p = createMarcXmlParser({ xmlParser, onProblem: (x) => problems.push(x) });
  try {
    const records = [...p.push(xml), ...p.end()];
    return { records, problems: problems.map((x) => [x.code, x.record, x.message]) };
  } catch (e) {
    return { error: MarcError.is(e) ? e.code : String(e) };
  }
}

describe('fast MARCXML tokenizer', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
    it(`${name}: same records and problems as saxes`, () => {
      const xml = readFileSync(`${dir}/${name}`, 'utf8');
      const fast = outcome(xml, 'fast');
      expect('records' in fast && fast.records.length).toBeGreaterThan(0);
      expect(fast).toEqual(outcome(xml, 'saxes'));
    });
  }

  it('readRecords takes the parser choice and both give the same records', async () => {
    const bytes = readFileSync(`${dir}/perl-xml-batch-ns.xml`);
    const fast = await readAllRecords(bytes, { format: 'marcxml' });
    expect(fast.length).toBeGreaterThan(1);
    expect(await readAllRecords(bytes, { format: 'marcxml', xmlParser: 'saxes' })).toEqual(fast);
  });

  const bad: Array<[string, string]> = [
    ['mismatched end tag', '<record><leader>x</leadr></record>'],
    ['undefined entity', '<record><leader>&nbsp;</leader></record>'],
    ['unquoted attribute', '<record><controlfield tag=001>x</controlfield></record>'],
    ['duplicate attribute', '<record><controlfield tag="1" tag="2">x</controlfield></record>'],
    ['two roots', '<record/><record/>'],
    ['text after the root', '<record/>junk'],
    ['control character', '<record><leader>\u0001</leader></record>'],
    ['character reference to NUL', '<record><leader>&#0;</leader></record>'],
    ['unclosed element', '<record><leader>'],
    ['no root', '<!-- only a comment -->'],
    ['DOCTYPE after the root', '<record><!DOCTYPE x></record>'],
  ];
  for (const [what, xml] of bad) {
    it(`refuses ${what} with XML_SYNTAX and an offset`, () => {
      const p = createMarcXmlParser();
      try {
        p.push(xml);
        p.end();
        expect.unreachable();
      } catch (e) {
        expect(MarcError.is(e) && e.code).toBe('XML_SYNTAX');
        expect(MarcError.is(e) && typeof e.offset).toBe('number');
      }
    });
  }

  it('bounds text without markup (LIMIT_EXCEEDED, no unbounded buffering)', () => {
    const p = createMarcXmlParser({ maxValueChars: 1000 });
    p.push('<collection><record><leader>&'); // a reference never completed
    expect(() => {
      for (let i = 0; i < 10; i++) p.push('a'.repeat(400));
    }).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
  });

  it('decodes references, CDATA and CR LF the way XML 1.0 says, split one character at a time', () => {
    const xml =
      '\ufeff<?xml version="1.0"?>\r\n<m:record xmlns:m="http://www.loc.gov/MARC21/slim"><m:leader>00000nam a2200000   4500</m:leader>' +
      '<m:datafield tag=\'245\' ind1="1" ind2=\'0\'><m:subfield code="a">a&lt;b&#x1F600;&#233;<![CDATA[<&>]]>\r\nz</m:subfield></m:datafield></m:record>';
    const p = createMarcXmlParser({ strict: true });
    const records = [...xml].flatMap((ch) => p.push(ch));
    records.push(...p.end());
    expect(records).toEqual([
      {
        leader: '00000nam a2200000   4500',
        fields: [
          { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'a<b\u{1F600}é<&>\nz' }] },
        ],
      },
    ]);
  });
});
