import { readFileSync } from 'node:fs';
import { OaiError, parseKohaOaiConfig } from '@bibwire/oai-pmh';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

const sample = readFileSync(new URL('./fixtures/koha-oai.yaml', import.meta.url), 'utf8');

describe('parseKohaOaiConfig', () => {
  it('reads the Koha manual sample', () => {
    const { formats } = parseKohaOaiConfig(sample);
    expect(formats.map((f) => [f.key, f.metadataPrefix, f.includeItems, f.xslFile])).toEqual([
      ['vs', 'vs', false, '/usr/local/koha/xslt/vs.xsl'],
      ['marc21', 'marc21', true, undefined],
      ['marcxml', 'marcxml', true, undefined],
      ['oai_dc', 'oai_dc', false, '/usr/local/koha/koha-tmpl/intranet-tmpl/xslt/UNIMARCslim2OAIDC.xsl'],
    ]);
    expect(formats[1]?.schema).toBe(
      'http://www.loc.gov/MARC21/slim http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
    );
  });

  it('accepts comments, quotes, ---, CRLF and other indentation widths', () => {
    const text =
      "---\r\n# c\r\nformat:\r\n    x:\r\n        metadataPrefix: \"x\"  \r\n        schema: 's''q' # c\r\n        include_items: 0\r\n";
    expect(parseKohaOaiConfig(text).formats).toEqual([
      { key: 'x', metadataPrefix: 'x', metadataNamespace: '', schema: "s'q", includeItems: false },
    ]);
    expect(parseKohaOaiConfig('').formats).toEqual([]);
  });

  it.each([
    ['format:\n  - a\n', 3 - 1],
    ['format:\n  x:\n    a: 1\n   b: 2\n', 4],
    ['format:\n  x: [a]\n', 2],
    ['format:\n  x:\n    a: "open\n', 3],
    ['format: 1\n', undefined],
    ['format:\n  x:\n    a: 1\n    a: 2\n', 4],
    ['just text\n', 1],
  ])('refuses %j with BAD_CONFIG and the line', (text, line) => {
    try {
      parseKohaOaiConfig(text);
      expect.unreachable();
    } catch (e) {
      expect(OaiError.is(e) && e.code).toBe('BAD_CONFIG');
      expect((e as OaiError).line).toBe(line);
    }
  });

  test.prop([fc.string({ maxLength: 300 })])('arbitrary text gives a config or BAD_CONFIG', (text) => {
    try {
      parseKohaOaiConfig(text);
    } catch (e) {
      expect(OaiError.is(e) && e.code === 'BAD_CONFIG').toBe(true);
    }
  });
});
