import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SINGLE_BYTE_SETS } from '../src/charset/tables/marc8-sets.generated.js';
import {
  createRecord,
  dataField,
  MarcError,
  type MarcProblem,
  type MarcRecord,
  parseIso2709,
  writeIso2709,
} from '../src/index.js';
import { sample } from './helpers.js';

const nfc = (records: MarcRecord[]): MarcRecord[] =>
  JSON.parse(JSON.stringify(records).normalize('NFC')) as MarcRecord[];

describe('writeIso2709 with encoding marc8', () => {
  it('writes leader/09 blank and ANSEL diacritics before their base letter', () => {
    const r = createRecord('00000nam a2200000 a 4500', [dataField('245', '1', '0', [['a', 'Café']])]);
    const bytes = writeIso2709(r, { encoding: 'marc8' });
    expect(bytes[9]).toBe(0x20);
    // e + U+0301 → ANSEL acute (0xE2) then e.
    expect(Buffer.from(bytes).includes(Buffer.from([0x43, 0x61, 0x66, 0xe2, 0x65, 0x1e]))).toBe(true);
    const [back] = parseIso2709(bytes, { toUtf8: true });
    expect(back?.leader[9]).toBe('a');
    expect(nfc([back as MarcRecord])[0]?.fields).toEqual(r.fields);
  });

  it('round-trips the genuine MARC-8 samples to the same Unicode text', () => {
    for (const name of [
      'marc4j-brkrtest.mrc',
      'perl-charset-cjk1.marc',
      'perl-charset-cyrillic.marc',
      'perl-charset-hebrew1.marc',
    ]) {
      const decoded = parseIso2709(sample('marc8', name), { toUtf8: true });
      const problems: MarcProblem[] = [];
      const marc8 = writeIso2709(decoded, { encoding: 'marc8', onProblem: (p) => problems.push(p) });
      expect(problems, name).toEqual([]);
      const fields = (rs: MarcRecord[]) => nfc(rs).map((r) => [r.leader.slice(5), r.fields]);
      expect(fields(parseIso2709(marc8, { toUtf8: true })), name).toEqual(fields(decoded));
    }
  });

  it('unmappable characters: a character reference and a problem by default, never silent', () => {
    const r = createRecord('00000nam a2200000 a 4500', [dataField('245', '0', '0', [['a', 'a☃b']])]);
    const problems: MarcProblem[] = [];
    const bytes = writeIso2709([r, r], { encoding: 'marc8', onProblem: (p) => problems.push(p) });
    const [back] = parseIso2709(bytes, { toUtf8: true });
    expect(back?.fields[0]).toEqual(dataField('245', '0', '0', [['a', 'a&#x2603;b']]));
    expect(problems.map((p) => [p.code, p.record, p.tag, p.offset])).toEqual([
      ['INVALID_ENCODING', 1, '245', 1],
      ['INVALID_ENCODING', 2, '245', 1],
    ]);
    expect(problems[0]?.message).toContain('U+2603');
  });

  it("unmappable 'replace' writes ? and 'error' throws INVALID_ENCODING with record and tag", () => {
    const r = createRecord('00000nam a2200000 a 4500', [dataField('100', '1', ' ', [['a', '☃']])]);
    const [back] = parseIso2709(writeIso2709(r, { encoding: 'marc8', unmappable: 'replace' }), {
      toUtf8: true,
    });
    expect(back?.fields[0]).toEqual(dataField('100', '1', ' ', [['a', '?']]));
    try {
      writeIso2709([r], { encoding: 'marc8', unmappable: 'error' });
      expect.unreachable();
    } catch (e) {
      expect(MarcError.is(e) && [e.code, e.record, e.tag]).toEqual(['INVALID_ENCODING', 1, '100']);
    }
  });

  it('rejects indicators and codes that are not one ASCII byte', () => {
    const r = createRecord('00000nam a2200000 a 4500', [dataField('100', 'é', ' ', [['a', 'x']])]);
    expect(() => writeIso2709(r, { encoding: 'marc8' })).toThrow(/indicator/);
    const d = createRecord('00000nam a2200000 a 4500', [dataField('100', ' ', ' ', [['a', 'x\x1fy']])]);
    expect(() => writeIso2709(d, { encoding: 'marc8' })).toThrow(/subfield delimiter/);
  });
});

// Text within MARC-8's repertoire: ASCII and single-byte-set characters (no controls), precomposed
// Latin letters, CJK from EACC; in NFC so the comparison is canonical.
const repertoire = [
  ...new Set(
    SINGLE_BYTE_SETS.flatMap(([, entries]) =>
      entries.filter(([code, , flags]) => code >= 0x21 && code < 0x7f && flags === 0).map(([, cp]) => cp),
    ),
  ),
  0xe9,
  0xfc,
  0xf1,
  0xc5,
  0x4e2d,
  0x6587,
  0x20,
];
const marc8Value = fc
  .array(fc.constantFrom(...repertoire), { minLength: 1, maxLength: 15 })
  .map((cps) => String.fromCodePoint(...cps).normalize('NFC'));
const marc8Record = fc
  .array(
    fc.oneof(
      marc8Value.map((v) => ({ tag: '001', value: v })),
      fc
        .array(fc.tuple(fc.constantFrom('a', 'b', 'c', '6'), marc8Value), { minLength: 1, maxLength: 4 })
        .map((sfs) => dataField('245', '1', '0', sfs)),
    ),
    { maxLength: 6 },
  )
  .map((fields) => createRecord('00000nam a2200000 a 4500', fields));

describe('MARC-8 output properties', () => {
  test.prop([marc8Record])('UTF-8 → MARC-8 → UTF-8 gives the same text', (record) => {
    const problems: MarcProblem[] = [];
    const bytes = writeIso2709(record, {
      encoding: 'marc8',
      unmappable: 'error',
      onProblem: (p) => problems.push(p),
    });
    expect(bytes[9]).toBe(0x20);
    const back = parseIso2709(bytes, { toUtf8: true, strict: true });
    expect(nfc(back)[0]?.fields).toEqual(record.fields);
    expect(problems).toEqual([]);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })])(
    'any text gives a MARC-8 record or a MarcError, with one problem per unmappable character',
    (text) => {
      const r = createRecord('00000nam a2200000 a 4500', [dataField('500', ' ', ' ', [['a', text]])]);
      try {
        const bytes = writeIso2709(r, { encoding: 'marc8', onProblem: () => {} });
        expect(parseIso2709(bytes, { toUtf8: true })).toHaveLength(1);
      } catch (e) {
        expect(MarcError.is(e) && e.code === 'INVALID_VALUE').toBe(true);
      }
    },
  );
});
