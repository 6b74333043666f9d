import { describe, expect, it } from 'vitest';
import {
  decodeIso2709Record,
  getFirstValue,
  isControlField,
  MarcError,
  type MarcRecord,
  parseIso2709,
  parseIso2709Record,
  writeIso2709,
} from '../src/index.js';
import { collector, sample } from './helpers.js';

const title = (r: MarcRecord | undefined) => (r ? getFirstValue(r, '245', 'a') : undefined);

describe('parseIso2709 on clean files', () => {
  it.each([
    ['iso2709-marc21', 'marc4j-chabon.mrc', 2],
    ['iso2709-marc21', 'marc4j-065001035.mrc', 40],
    ['iso2709-marc21', 'perl-camel.usmarc', 10],
    ['iso2709-marc21', 'miku-test.mrc', 85],
    ['iso2709-marc21', 'yaz-marccol1.u8.marc', 19],
    ['unimarc', 'marcjs-bib.mrc', 6],
    ['marc8', 'marc4j-brkrtest.mrc', 8],
  ])('%s/%s has %i records and writes back byte for byte', (dir, file, n) => {
    const bytes = sample(dir, file);
    const records = parseIso2709(bytes);
    expect(records).toHaveLength(n);
    // miku-test has a non-ASCII leader byte (replaced on write); marcjs-bib ends with a newline.
    const expected = bytes[bytes.length - 1] === 0x0a ? bytes.subarray(0, -1) : bytes;
    if (file !== 'miku-test.mrc') expect(Buffer.from(writeIso2709(records)).equals(expected)).toBe(true);
  });

  it('decodes UTF-8 lengths as bytes (non-Latin text)', () => {
    const [r] = parseIso2709(sample('iso2709-marc21', 'yaz-marccol1.u8.marc'), { strict: true });
    expect(r?.fields.length).toBeGreaterThan(5);
    const all = parseIso2709(sample('iso2709-marc21', 'yaz-marccol1.u8.marc'));
    expect(all.some((x) => JSON.stringify(x).match(/[\u4e00-\u9fff]/))).toBe(true);
  });

  it('keeps MARC-8 bytes as U+0000-U+00FF by default and decodes them with toUtf8', () => {
    const raw = parseIso2709(sample('marc8', 'pymarc-marc8.dat'))[0] as MarcRecord;
    const utf = parseIso2709(sample('marc8', 'pymarc-marc8.dat'), { toUtf8: true })[0] as MarcRecord;
    expect(raw.leader[9]).toBe(' ');
    expect(utf.leader[9]).toBe('a');
    expect(writeIso2709(raw)).toEqual(new Uint8Array(sample('marc8', 'pymarc-marc8.dat')));
  });

  it('reads UNIMARC with a blank leader/09 as UTF-8', () => {
    const [r] = parseIso2709(sample('unimarc', 'marcjs-bib.mrc'));
    expect(JSON.stringify(r)).toContain('Texte imprimé');
  });
});

describe('defective files (spec notes §8)', () => {
  it('wrong leader length: warns, loses nothing', () => {
    const c = collector();
    const records = parseIso2709(sample('broken', 'filemarc-wronglen.mrc'), c);
    expect(records).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ code: 'INVALID_LEADER', record: 1, offset: 0 });
  });

  it('record over 99 999 bytes with wrapped offsets: all 3 records, fields recovered', () => {
    const c = collector();
    const records = parseIso2709(sample('broken', 'marc4j-bad_too_long_plus_2.mrc'), c);
    expect(records).toHaveLength(3);
    expect(records[0]?.fields).toHaveLength(1517);
    expect(title(records[0])).toBe('Reports and memoranda.');
    expect(c.problems.map((p) => p.code)).toEqual(['INVALID_LEADER']);
    expect(() => writeIso2709(records[0] as MarcRecord)).toThrow(
      expect.objectContaining({ code: 'RECORD_TOO_LONG' }),
    );
    const big = writeIso2709(records[0] as MarcRecord, { allowOversize: true });
    expect(new TextDecoder().decode(big.subarray(0, 5))).toBe('99999');
    expect(parseIso2709(big)[0]?.fields).toEqual(records[0]?.fields);
  });

  it('directory terminator overwritten: trusts the base address', () => {
    const c = collector();
    const [r] = parseIso2709(sample('broken', 'perl-baddir.usmarc'), c);
    expect(r?.fields.map((f) => f.tag)).toEqual([
      '001',
      '005',
      '008',
      '020',
      '091',
      '100',
      '245',
      '260',
      '300',
      '852',
    ]);
    expect(c.problems.map((p) => p.code)).toEqual(['INVALID_DIRECTORY']);
  });

  it('bad indicator kept and reported', () => {
    const c = collector();
    const [r] = parseIso2709(sample('broken', 'perl-badind.usmarc'), c);
    expect(r?.fields.find((f) => f.tag === '245')).toMatchObject({ ind1: '-', ind2: '0' });
    expect(c.problems).toEqual([
      expect.objectContaining({ code: 'INVALID_INDICATOR', tag: '245', record: 1 }),
    ]);
  });

  it('an empty record and a 1-byte fragment: skipped with a problem (6 records, as yaz)', () => {
    const c = collector();
    expect(parseIso2709(sample('broken', 'perl-badldr.usmarc'), c)).toHaveLength(6);
    expect(c.problems.map((p) => p.code)).toContain('RECORD_TOO_SHORT');
  });

  it('DOS EOF bytes, NULs and spaces between records are skipped silently', () => {
    for (const [file, n] of [
      ['perl-cameleof.usmarc', 10],
      ['perl-filler.usmarc', 3],
    ] as const) {
      const c = collector();
      expect(parseIso2709(sample('broken', file), c)).toHaveLength(n);
      expect(c.problems).toEqual([]);
    }
  });

  it('missing indicators: blanks, and the title pymarc expects', () => {
    expect(title(parseIso2709(sample('broken', 'pymarc-bad_indicator.dat'))[0])).toBe(
      'Aristocrats of color :',
    );
  });

  it("pymarc's bad_records: 8 records, each defect reported", () => {
    const c = collector();
    const records = parseIso2709(sample('broken', 'pymarc-bad_records.mrc'), c);
    expect(records).toHaveLength(8);
    expect(records.filter((r) => title(r) === 'The pragmatic programmer : ')).toHaveLength(7);
    expect(new Set(c.problems.map((p) => p.record))).toEqual(new Set([2, 3, 4, 5, 6]));
  });

  it('invalid UTF-8 becomes U+FFFD with a problem at the byte offset', () => {
    const c = collector();
    const bytes = sample('broken', 'ruby-utf8_with_bad_bytes.marc');
    const [r] = parseIso2709(bytes, c);
    expect(JSON.stringify(r)).toContain('\ufffd');
    expect(c.problems).toHaveLength(1);
    const p = c.problems[0];
    expect(p?.code).toBe('INVALID_ENCODING');
    expect(bytes[p?.offset ?? 0]).toBeGreaterThanOrEqual(0x80);
  });

  it('generic ISO 2709 (indicator count 0, identifier length 0): plain fields', () => {
    const [r] = parseIso2709(sample('broken', 'ruby-cp866_unimarc.marc'), { encoding: 'latin1' });
    expect(r?.fields.length).toBeGreaterThan(5);
    expect(r?.fields.every(isControlField)).toBe(true);
  });

  it('strict mode throws the first problem as a MarcError with record and offset', () => {
    try {
      parseIso2709(sample('broken', 'filemarc-wronglen.mrc'), { strict: true });
      expect.unreachable();
    } catch (e) {
      expect(MarcError.is(e)).toBe(true);
      expect(e).toMatchObject({ code: 'INVALID_LEADER', record: 1, offset: 0 });
    }
    expect(() => parseIso2709(sample('broken', 'perl-badldr.usmarc'), { strict: true })).toThrow(MarcError);
  });

  it('decodeIso2709Record returns the problems with the record', () => {
    const { record, problems } = decodeIso2709Record(sample('broken', 'perl-badind.usmarc'));
    expect(record.fields.length).toBeGreaterThan(3);
    expect(problems.map((p) => p.code)).toEqual(['INVALID_INDICATOR']);
  });

  it('parseIso2709Record wants exactly one record', () => {
    expect(parseIso2709Record(sample('iso2709-marc21', 'marc4j-summerland.mrc')).leader).toHaveLength(24);
    expect(() => parseIso2709Record(sample('iso2709-marc21', 'marc4j-chabon.mrc'))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('writeIso2709', () => {
  const record: MarcRecord = {
    leader: '00000nam a2200000 a 4500',
    fields: [
      { tag: '001', value: 'x1' },
      { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Élan 日本' }] },
    ],
  };

  it('counts lengths in bytes and computes leader and directory (golden bytes)', () => {
    const bytes = writeIso2709(record);
    const text = new TextDecoder().decode(bytes);
    // 24 leader + 2×12 directory + FT = 49; fields: "x1"+FT = 3, "10"+US+"a"+"Élan 日本"(12 bytes)+FT = 17.
    expect(text).toBe('00070nam a2200049 a 4500001000300000245001700003\x1ex1\x1e10\x1faÉlan 日本\x1e\x1d');
    expect(bytes.length).toBe(70);
  });

  it('keeps UNIMARC leader/23 and never forces 4500', () => {
    const r = {
      ...record,
      leader: '00000nam0 22000001i 450 ',
      fields: [{ tag: '200', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: 'T' }] }],
    };
    expect(parseIso2709(writeIso2709(r))[0]?.leader).toBe('00044nam0 22000371i 450 ');
  });

  it('refuses values that would break the structure', () => {
    const bad = (value: string) => ({
      ...record,
      fields: [{ tag: '245', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value }] }],
    });
    for (const v of ['a\x1eb', 'a\x1db', 'a\x1fb']) {
      expect(() => writeIso2709(bad(v))).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    }
    expect(() => writeIso2709({ ...record, fields: [{ tag: '24', value: 'x' }] })).toThrow(MarcError);
  });

  it('writes a MARC 21 record with leader/09 blank as ISO-8859-1 bytes, or as UTF-8 with leader/09 a when it must', () => {
    const latin = writeIso2709({
      leader: '00000nam  2200000 a 4500',
      fields: [{ tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: '\u00e2' }] }],
    });
    expect(latin.includes(0xe2)).toBe(true);
    const wide = writeIso2709({
      leader: '00000nam  2200000 a 4500',
      fields: [{ tag: '500', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: '日' }] }],
    });
    expect(String.fromCharCode(wide[9] as number)).toBe('a');
    expect(getFirstValue(parseIso2709(wide)[0] as MarcRecord, '500', 'a')).toBe('日');
  });
});

describe('toUtf8 heuristics (spec notes §2.4)', () => {
  const utf8Record = (leader09: string) => {
    const bytes = writeIso2709({
      leader: '00000nam a2200000 a 4500',
      fields: [{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Société' }] }],
    });
    bytes[9] = leader09.charCodeAt(0);
    return bytes;
  };

  it('leader/09 blank with valid multi-byte UTF-8 and no escapes: read as UTF-8, leader fixed, reported', () => {
    const c = collector();
    const [r] = parseIso2709(utf8Record(' '), { toUtf8: true, onProblem: c.onProblem });
    expect(getFirstValue(r as MarcRecord, '245', 'a')).toBe('Société');
    expect(r?.leader[9]).toBe('a');
    expect(c.problems.map((p) => p.code)).toEqual(['INVALID_ENCODING']);
  });

  it('without toUtf8 the bytes are kept as they are', () => {
    const [r] = parseIso2709(utf8Record(' '));
    expect(getFirstValue(r as MarcRecord, '245', 'a')).toBe('SociÃ©tÃ©');
    expect(writeIso2709(r as MarcRecord)).toEqual(utf8Record(' '));
  });

  it('a UNIMARC authority whose leader/09 is a (personal name) is never decoded as MARC-8', () => {
    const bytes = writeIso2709({
      leader: '00000nx  a2200000   450 ',
      fields: [
        { tag: '100', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: '20200101afrey50      ba0' }] },
        { tag: '200', ind1: ' ', ind2: '1', subfields: [{ code: 'a', value: 'Zoë' }] },
        { tag: '801', ind1: ' ', ind2: '0', subfields: [{ code: 'a', value: 'FR' }] },
      ],
    });
    const [r] = parseIso2709(bytes, { toUtf8: true, strict: true });
    expect(getFirstValue(r as MarcRecord, '200', 'a')).toBe('Zoë');
    expect(r?.leader[9]).toBe('a');
  });
});

describe('UNIMARC character sets from 100 $a (with toUtf8)', () => {
  const field100 = (sets: string) => `20200101d2020    m  y0frey${sets}    ba`;
  const record = (sets: string, title: string): MarcRecord => ({
    leader: '00000nam0 22000001i 450 ',
    fields: [
      { tag: '100', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: field100(sets) }] },
      { tag: '200', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: title }] },
      { tag: '801', ind1: ' ', ind2: '0', subfields: [{ code: 'a', value: 'FR' }] },
    ],
  });

  it('ISO 5426 (0103) is decoded and 100 $a relabelled 50', () => {
    // 0xC2 is the ISO 5426 acute accent, placed before its letter.
    const bytes = writeIso2709(record('0103', 'Soci\u00c2et\u00c2e'), { encoding: 'latin1' });
    const [r] = parseIso2709(bytes, { toUtf8: true, strict: true });
    expect(getFirstValue(r as MarcRecord, '200', 'a')?.normalize('NFC')).toBe('Société');
    expect(getFirstValue(r as MarcRecord, '100', 'a')?.slice(26, 30)).toBe('50  ');
  });

  it('valid multi-byte UTF-8 wins over a legacy declaration (BnF records say 0103)', () => {
    const [r] = parseIso2709(sample('unimarc', 'marcjs-bib.mrc'), { toUtf8: true });
    expect(JSON.stringify(r)).toContain('Texte imprimé');
  });
});
