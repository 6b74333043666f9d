import { fc, test } from '@fast-check/vitest';
import { SaxesParser } from 'saxes';
import { expect } from 'vitest';
import { type DublinCoreOptions, dublinCoreEntries, toDublinCore } from '../src/dc/crosswalk.js';
import { toOaiDcXml } from '../src/dc/oai-dc.js';
import type { DataField, Field, MarcRecord } from '../src/record.js';

// Tags the two crosswalks read, so that generated records exercise every rule.
const TAGS = [
  '008',
  '010',
  '011',
  '020',
  '090',
  '100',
  '101',
  '110',
  '200',
  '210',
  '245',
  '260',
  '330',
  '461',
  '500',
  '506',
  '520',
  '521',
  '530',
  '540',
  '600',
  '606',
  '650',
  '655',
  '700',
  '701',
  '752',
  '773',
  '856',
  '995',
];
const anyText = fc.string({ unit: 'binary', maxLength: 12 });
const field: fc.Arbitrary<Field> = fc.oneof(
  fc.record({ tag: fc.constantFrom('001', '008'), value: fc.string({ maxLength: 45 }) }),
  fc.record({
    tag: fc.constantFrom(...TAGS),
    ind1: fc.constantFrom(' ', '0', '1'),
    ind2: fc.constantFrom(' ', '0', '1'),
    subfields: fc.array(
      fc.record({ code: fc.constantFrom('a', 'b', 'c', 'd', 'k', 'q', 't', 'u', '4'), value: anyText }),
      {
        maxLength: 4,
      },
    ),
  }) as fc.Arbitrary<DataField>,
);
const record: fc.Arbitrary<MarcRecord> = fc.record({
  leader: fc.string({ minLength: 24, maxLength: 24 }),
  fields: fc.array(field, { maxLength: 15 }),
});
const options: fc.Arbitrary<DublinCoreOptions> = fc.record({
  flavour: fc.constantFrom('marc21', 'unimarc'),
  compat: fc.constantFrom('clean', 'koha'),
});

/** Parses oai_dc XML with saxes and returns [element, text] pairs; throws if not well-formed. */
function readBack(xml: string): Array<[string, string]> {
  const parser = new SaxesParser({ xmlns: true });
  const out: Array<[string, string]> = [];
  let current: string | undefined;
  let text = '';
  parser.on('opentag', (t) => {
    if (t.uri === 'http://purl.org/dc/elements/1.1/') {
      current = t.local;
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (current) text += t;
  });
  parser.on('closetag', (t) => {
    if (t.uri === 'http://purl.org/dc/elements/1.1/' && current) {
      out.push([current, text]);
      current = undefined;
    }
  });
  parser.write(xml).close();
  return out;
}

const XML_ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

test.prop([fc.array(record, { minLength: 1, maxLength: 3 }), options])(
  'oai_dc output is well-formed XML carrying exactly the crosswalk values',
  (records, opts) => {
    const xml = toOaiDcXml(records, opts);
    const expected = records.flatMap((r) =>
      dublinCoreEntries(r, opts).map((e): [string, string] => [e.element, e.value.replace(XML_ILLEGAL, '')]),
    );
    expect(readBack(xml)).toEqual(expected);
  },
);

test.prop([record, options])(
  'the element arrays hold the ordered entries, clean values trimmed and non-empty',
  (r, opts) => {
    const dc = toDublinCore(r, opts);
    const entries = dublinCoreEntries(r, opts);
    expect(Object.values(dc).reduce((n, values) => n + values.length, 0)).toBe(entries.length);
    if (opts.compat === 'clean')
      for (const e of entries) expect(e.value.length > 0 && e.value.trim() === e.value).toBe(true);
  },
);
