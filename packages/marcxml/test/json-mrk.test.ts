import { describe, expect, it } from 'vitest';
import {
  MarcError,
  type MarcRecord,
  parseIso2709,
  parseMarcJson,
  parseMrk,
  writeMarcJson,
  writeMrk,
} from '../src/index.js';
import { collector, sample } from './helpers.js';

const record: MarcRecord = {
  leader: '01471cjm a2200349 a 4500',
  fields: [
    { tag: '001', value: '5674874' },
    {
      tag: '245',
      ind1: '1',
      ind2: '0',
      subfields: [
        { code: 'a', value: 'Title :' },
        { code: 'b', value: 'subtitle /' },
      ],
    },
  ],
};

describe('MARC-in-JSON', () => {
  it('golden: the spec notes example shape', () => {
    expect(writeMarcJson(record)).toBe(
      '{"leader":"01471cjm a2200349 a 4500","fields":[{"001":"5674874"},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"Title :"},{"b":"subtitle /"}]}}]}',
    );
    expect(writeMarcJson([record, record], { ndjson: true }).split('\n')).toHaveLength(3);
  });

  it('reads one object, an array, NDJSON and pretty-printed files', () => {
    expect(parseMarcJson(sample('json', 'perl-mij-test.ndj').toString())).toEqual(
      parseIso2709(sample('iso2709-marc21', 'perl-mij-test.mrc')),
    );
    expect(parseMarcJson(sample('json', 'marc4j-summerland-marc-in-json.json').toString())).toEqual(
      parseIso2709(sample('iso2709-marc21', 'marc4j-summerland.mrc')),
    );
    expect(parseMarcJson(sample('json', 'marc4j-marc-in-json.json').toString())).toHaveLength(1);
    expect(parseMarcJson(sample('unimarc', 'marcjs-bib-out.mij').toString())).toHaveLength(6);
  });

  it('repairs raw control characters inside strings, with a problem; strict refuses', () => {
    const c = collector();
    expect(parseMarcJson(sample('json', 'marc4j-illegal-marc-in-json.json').toString(), c)).toHaveLength(1);
    expect(c.problems.map((p) => p.code)).toEqual(['JSON_SYNTAX']);
    expect(() =>
      parseMarcJson(sample('json', 'marc4j-illegal-marc-in-json.json').toString(), { strict: true }),
    ).toThrow(expect.objectContaining({ code: 'JSON_SYNTAX' }));
  });

  it('typed errors for wrong shapes', () => {
    expect(() => parseMarcJson('{"fields":[]}')).toThrow(expect.objectContaining({ code: 'JSON_STRUCTURE' }));
    expect(() => parseMarcJson('[1]')).toThrow(MarcError);
    expect(() => parseMarcJson('{"leader":')).toThrow(expect.objectContaining({ code: 'JSON_SYNTAX' }));
    const c = collector();
    parseMarcJson('{"leader":"x","fields":[{"245":{"ind1":"1"}}]}', c);
    expect(c.problems[0]).toMatchObject({ code: 'JSON_STRUCTURE', tag: '245' });
  });
});

describe('mnemonic .mrk', () => {
  it('brkrtest.mrk (MARC-8 mnemonics) equals brkrtest.mrc read byte-transparently', () => {
    const mrk = parseMrk(sample('mnemonic', 'marc4j-brkrtest.mrk').toString('utf8'));
    const mrc = parseIso2709(sample('marc8', 'marc4j-brkrtest.mrc'));
    expect(mrk.map((r) => r.fields)).toEqual(mrc.map((r) => r.fields));
  });

  it('brkrtest.mrk8 (UTF-8) equals brkrtest_UTF8.mrc; literal braces and backslashes survive', () => {
    const mrk8 = parseMrk(sample('mnemonic', 'marc4j-brkrtest.mrk8').toString('utf8'));
    expect(mrk8.map((r) => r.fields)).toEqual(
      parseIso2709(sample('iso2709-marc21', 'marc4j-brkrtest_UTF8.mrc')).map((r) => r.fields),
    );
    expect(JSON.stringify(mrk8)).toContain('(backsolidus \\\\)');
  });

  it('golden output: blanks as \\ in indicators and control fields, $ as {dollar}', () => {
    const r: MarcRecord = {
      leader: '00000nam a2200000 a 4500',
      fields: [
        { tag: '008', value: '960221s1955    dcu' },
        { tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'c', value: '$7.99 {x} a\\b' }] },
      ],
    };
    expect(writeMrk(r, { lineEnding: '\n' })).toBe(
      '=LDR  00000nam\\a2200000\\a\\4500\n=008  960221s1955\\\\\\\\dcu\n=020  \\\\$c{dollar}7.99 {x} a\\b\n\n',
    );
    expect(parseMrk(writeMrk(r))).toEqual([r]);
  });

  it('writes MARC-8 bytes back as mnemonics', () => {
    const mrc = parseIso2709(sample('marc8', 'marc4j-brkrtest.mrc'));
    const text = writeMrk(mrc);
    expect(text).toContain('{acute}');
    expect(parseMrk(text)).toEqual(mrc);
  });
});
