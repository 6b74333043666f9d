// The fast MARCXML tokenizer against saxes: the same records and problems for generated MARCXML in
// many spellings, pushed in pieces cut at random points; the same kind of outcome for damaged input.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createMarcXmlParser, MarcError, type MarcProblem, type MarcRecord } from '../src/index.js';
import { recordArb } from './arbitraries.js';

type Outcome = { records: MarcRecord[]; problems: MarcProblem[] } | { error: string };

function parseWith(xmlParser: 'fast' | 'saxes', pieces: string[]): Outcome {
  const problems: MarcProblem[] = [];
  const p = createMarcXmlParser({ xmlParser, onProblem: (x) => problems.push(x) });
  try {
    const records = pieces.flatMap((s) => p.push(s));
    records.push(...p.end());
    return { records, problems: problems.map(({ offset: _, ...rest }) => rest as MarcProblem) };
  } catch (e) {
    if (!MarcError.is(e)) throw e;
    return { error: e.code };
  }
}

function cut(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    out.push(text.slice(last, p));
    last = p;
  }
  out.push(text.slice(last));
  return out;
}

/** Ways to spell the same MARCXML. */
const styleArb = fc.record({
  prefix: fc.constantFrom('', 'marc:', 'm:', 'slim_1:', 'd:', 'subfield:'),
  declaration: fc.boolean(),
  envelope: fc.constantFrom('none', 'collection', 'oai', 'sru'),
  space: fc.constantFrom('', '\n', '\n  ', '\r\n\t', ' '),
  quote: fc.constantFrom('"', "'"),
  tagSpace: fc.constantFrom('', ' ', '\n  '),
  comments: fc.boolean(),
  selfClose: fc.boolean(),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});
type Style = typeof styleArb extends fc.Arbitrary<infer S> ? S : never;

function render(records: MarcRecord[], s: Style): string {
  let seed = s.seed;
  const coin = (n: number) => {
    seed = (seed * 48271) % 0x7fffffff;
    return seed % n === 0;
  };
  const q = s.quote;
  const text = (v: string): string => {
    if (coin(4) && !v.includes(']]>')) return `<![CDATA[${v}]]>`;
    let out = '';
    for (const ch of v) {
      if (ch === '<') out += '&lt;';
      else if (ch === '&') out += coin(2) ? '&amp;' : '&#38;';
      else if (ch === '>') out += '&gt;';
      else if (coin(12)) out += `&#x${(ch.codePointAt(0) as number).toString(16)};`;
      else if (coin(15)) out += `&#${ch.codePointAt(0)};`;
      else out += ch;
    }
    return out;
  };
  const attr = (v: string) =>
    text(v)
      .replace(/^<!\[CDATA\[|\]\]>$/g, '')
      .replace(q === '"' ? /"/g : /'/g, q === '"' ? '&quot;' : '&apos;');
  const ws = s.space;
  const p = s.prefix;
  const el = (name: string, attrs: string, body: string) =>
    body === '' && s.selfClose
      ? `<${p}${name}${attrs}${s.tagSpace}/>`
      : `<${p}${name}${attrs}${s.tagSpace}>${body}</${p}${name}${s.tagSpace}>`;
  const a = (n: string, v: string) => ` ${n}=${q}${attr(v)}${q}`;
  const comment = () => (s.comments && coin(3) ? '<!-- note - here --><?pi data?>' : '');
  const ns = `http://www.loc.gov/MARC21/slim`;
  const xmlns = p === '' ? a('xmlns', ns) : a(`xmlns:${p.slice(0, -1)}`, ns);
  const recordXml = (r: MarcRecord, declare: boolean) => {
    const fields = r.fields.map((f) =>
      'value' in f
        ? el('controlfield', a('tag', f.tag), text(f.value))
        : el(
            'datafield',
            coin(3)
              ? a('ind2', f.ind2) + a('tag', f.tag) + a('ind1', f.ind1)
              : a('tag', f.tag) + a('ind1', f.ind1) + a('ind2', f.ind2),
            f.subfields
              .map((sf) => ws + comment() + el('subfield', a('code', sf.code), text(sf.value)))
              .join('') + ws,
          ),
    );
    const body = [el('leader', '', text(r.leader)), ...fields].map((x) => ws + comment() + x).join('') + ws;
    return el('record', declare ? xmlns : '', body);
  };
  const head = s.declaration ? `<?xml version=${q}1.0${q} encoding=${q}UTF-8${q}?>\n` : '';
  if (s.envelope === 'collection' || (s.envelope === 'none' && records.length !== 1))
    return `${head}${el('collection', xmlns, records.map((r) => ws + recordXml(r, false)).join('') + ws)}\n`;
  if (s.envelope === 'none') return `${head}${recordXml(records[0] as MarcRecord, true)}`;
  const env =
    s.envelope === 'oai'
      ? ['<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>', '</ListRecords></OAI-PMH>']
      : [
          '<sru:searchRetrieveResponse xmlns:sru="http://www.loc.gov/zing/srw/"><sru:records>',
          '</sru:records></sru:searchRetrieveResponse>',
        ];
  const wrapped = records.map((r) =>
    s.envelope === 'oai'
      ? `<record><header><identifier>x</identifier></header><metadata>${recordXml(r, true)}</metadata></record>`
      : `<sru:record><sru:recordData>${recordXml(r, true)}</sru:recordData></sru:record>`,
  );
  return `${head}${env[0]}${wrapped.join(ws)}${env[1]}`;
}

const cutsArb = fc.array(fc.nat(), { maxLength: 12 });

describe('fast MARCXML tokenizer = saxes', () => {
  test.prop([fc.array(recordArb, { minLength: 1, maxLength: 3 }), styleArb, cutsArb])(
    'same records and problems for generated MARCXML split anywhere',
    (records, style, cuts) => {
      const xml = render(records, style);
      const fast = parseWith('fast', cut(xml, cuts));
      const slow = parseWith('saxes', [xml]);
      expect(fast).toEqual(slow);
      expect('records' in fast && fast.records.length).toBe(records.length);
    },
  );

  test.prop([
    fc.array(recordArb, { minLength: 1, maxLength: 2 }),
    styleArb,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.constantFrom(
          '<',
          '>',
          '&',
          '"',
          "'",
          '/',
          ']]>',
          '<!--',
          '\x01',
          '&#0;',
          '&x;',
          'ä',
          '\ud800',
          '=',
          ' ',
          '<a>',
          '</a>',
        ),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    cutsArb,
  ])(
    'damaged MARCXML: a record list or MarcError, agreeing with saxes when both accept',
    (records, style, edits, cuts) => {
      let xml = render(records, style);
      for (const [at, del, ins] of edits) {
        const i = at % (xml.length + 1);
        xml = xml.slice(0, i) + ins + xml.slice(i + del);
      }
      const fast = parseWith('fast', cut(xml, cuts));
      const slow = parseWith('saxes', [xml]);
      if ('records' in fast && 'records' in slow) expect(fast).toEqual(slow);
      expect('records' in fast || typeof fast.error === 'string').toBe(true);
    },
  );

  test.prop([
    fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '/',
        'a',
        'record',
        ' ',
        '"',
        '=',
        '&',
        ';',
        '!',
        '?',
        '-',
        '[',
        ']',
        'CDATA',
        'x',
      ),
      maxLength: 60,
    }),
    cutsArb,
  ])('arbitrary input: records or MarcError, never another exception or a hang', (text, cuts) => {
    const fast = parseWith('fast', cut(text, cuts));
    expect('records' in fast ? Array.isArray(fast.records) : typeof fast.error === 'string').toBe(true);
  });

  test.prop([
    fc.constantFrom('<!DOCTYPE collection>', '<!DOCTYPE collection [<!ELEMENT collection ANY>]>'),
    recordArb,
  ])('a DOCTYPE hands the document to saxes, which gives the same records', (doctype, record) => {
    const xml = `<?xml version="1.0"?>\n${doctype}\n${render([record], { prefix: '', declaration: false, envelope: 'collection', space: '\n', quote: '"', tagSpace: '', comments: false, selfClose: false, seed: 7 })}`;
    expect(parseWith('fast', cut(xml, [3, 30, 60]))).toEqual(parseWith('saxes', [xml]));
  });
});
