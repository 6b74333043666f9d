import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { parseIso2709 } from '../src/iso2709/read.js';
import type { DataField, MarcRecord } from '../src/record.js';
import { isbnProblem, issnProblem } from '../src/validate/standard-numbers.js';
import { type Finding, validateRecord } from '../src/validate/validate.js';

const df = (tag: string, ind: string, ...pairs: string[]): DataField => {
  const subfields = [];
  for (let i = 0; i < pairs.length; i += 2) subfields.push({ code: pairs[i]!, value: pairs[i + 1]! });
  return { tag, ind1: ind[0]!, ind2: ind[1]!, subfields };
};
const codes = (findings: Finding[]): string[] => findings.map((f) => f.code);
const file = (...p: string[]): Uint8Array => readFileSync(sharedPath('data', 'marc', ...p));
const FIXED_008 = '020805s2002    nyu    j      000 1 eng  ';

describe('validateRecord: MARC::Lint rules (golden: the record of its SYNOPSIS)', () => {
  const record: MarcRecord = {
    leader: '00000nam  22002538a 4500',
    fields: [
      { tag: '008', value: FIXED_008 },
      df('040', '  ', 'a', 'MdSSJTT', 'c', 'MdSSJTT'),
      df('040', '  ', 'a', 'MdSSJTT', 'b', 'eng', 'c', 'MdSSJTT'),
      df('100', '14', 'a', 'Wall, Larry.'),
      df('110', '1 ', 'a', "O'Reilly & Associates."),
      df(
        '245',
        '90',
        'a',
        'Programming Perl /',
        'a',
        'Big Book of Perl /',
        'c',
        'Larry Wall, Tom Christiansen & Jon Orwant.',
      ),
      df('250', '  ', 'a', '3rd ed.'),
      df('250', '  ', 'a', '3rd ed.'),
      df('260', '  ', 'a', 'Cambridge, Mass. :', 'b', "O'Reilly,", 'r', '2000.'),
      df('590', '4 ', 'a', 'Personally signed by Larry.'),
      df('856', '43', 'u', 'http://www.perl.com/'),
    ],
  };

  it('reports exactly the warnings MARC::Lint documents for it', () => {
    expect(new Set(validateRecord(record, { flavour: 'marc21' }).map((f) => f.message))).toEqual(
      new Set([
        '1XX: Only one 1XX tag is allowed, but I found 2 of them.',
        `100: Indicator 2 must be blank but it's "4"`,
        `245: Indicator 1 must be 0 or 1 but it's "9"`,
        '245: Subfield _a is not repeatable.',
        '040: Field is not repeatable.',
        '260: Subfield _r is not allowed.',
        `856: Indicator 2 must be blank, 0, 1, 2 or 8 but it's "3"`,
      ]),
    );
  });

  it('locates each finding by field, subfield and indicator', () => {
    const findings = validateRecord(record, { flavour: 'marc21' });
    expect(findings.find((f) => f.code === 'SUBFIELD_NOT_REPEATABLE')).toMatchObject({
      tag: '245',
      field: 5,
      subfield: 1,
    });
    expect(findings.find((f) => f.tag === '856')).toMatchObject({
      code: 'INDICATOR_NOT_ALLOWED',
      field: 10,
      indicator: 2,
    });
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
});

describe('validateRecord: more MARC 21 content rules', () => {
  const base = (fields: MarcRecord['fields']): MarcRecord => ({ leader: '00000nam a2200000 a 4500', fields });

  it('wants a 245 with $a and a 40-character 008', () => {
    expect(codes(validateRecord(base([{ tag: '008', value: 'short' }]), { flavour: 'marc21' }))).toEqual([
      'MISSING_FIELD',
      'FIXED_FIELD_LENGTH',
    ]);
    const no245a = validateRecord(base([{ tag: '008', value: FIXED_008 }, df('245', '10', 'b', 'x')]), {
      flavour: 'marc21',
    });
    expect(no245a.map((f) => f.message)).toEqual(['245: Must have a subfield _a.']);
    expect(validateRecord(base([df('245', '10', 'a', 'T')]), { flavour: 'marc21' })).toEqual([
      { code: 'MISSING_FIELD', severity: 'warning', tag: '008', message: '008: No 008 tag.' },
    ]);
  });

  it('applies the linked tag rules to 880 and requires its $6', () => {
    const r = base([
      { tag: '008', value: FIXED_008 },
      df('245', '10', 'a', 'T'),
      df('880', '10', '6', '245-01', 'a', 'Т', 'a', 'again'),
      df('880', '  ', 'a', 'no link'),
    ]);
    expect(validateRecord(r, { flavour: 'marc21' }).map((f) => f.message)).toEqual([
      '245: Subfield _a is not repeatable.',
      '880: No subfield 6.',
    ]);
  });

  it('checks ISBN and ISSN check digits', () => {
    const r = base([
      { tag: '008', value: FIXED_008 },
      df('020', '  ', 'a', '0786808772'),
      df('020', '  ', 'a', '0786808773 (pbk.)'),
      df('020', '  ', 'a', '9780306406157'),
      df('022', '  ', 'a', '0395-2038'),
      df('245', '10', 'a', 'T'),
    ]);
    expect(validateRecord(r, { flavour: 'marc21' }).map((f) => [f.code, f.field])).toEqual([
      ['INVALID_ISBN', 2],
      ['INVALID_ISSN', 4],
    ]);
  });

  it('flags tabs and newlines inside subfields', () => {
    const r = base([{ tag: '008', value: FIXED_008 }, df('245', '10', 'a', 'T\tx')]);
    expect(codes(validateRecord(r, { flavour: 'marc21' }))).toEqual(['CONTROL_CHARACTER']);
  });

  it('checks MARC 21 leader values', () => {
    const r: MarcRecord = {
      leader: '00000zzz a3300000 a 4501',
      fields: [{ tag: '008', value: FIXED_008 }, df('245', '10', 'a', 'T')],
    };
    expect(validateRecord(r, { flavour: 'marc21' }).map((f) => f.position)).toEqual([10, 11, 23, 5, 6, 7]);
  });
});

describe('validateRecord: structure', () => {
  it('reports bad tags, misplaced control/data fields, indicators, codes and reserved bytes', () => {
    const r: MarcRecord = {
      leader: 'short',
      fields: [
        { tag: '0a!', value: 'x' },
        { tag: '245', value: 'not a data field' },
        df('001', '  ', 'a', 'x'),
        {
          tag: '500',
          ind1: 'AB',
          ind2: '|',
          subfields: [
            { code: 'A', value: '' },
            { code: '\u001f', value: 'a\u001eb' },
          ],
        },
        { tag: '650', ind1: ' ', ind2: '0', subfields: [] },
      ],
    };
    const findings = validateRecord(r, { flavour: 'marc21', level: 'structure' });
    expect(codes(findings)).toEqual([
      'LEADER_LENGTH',
      'INVALID_TAG',
      'DATA_FIELD_EXPECTED',
      'CONTROL_FIELD_EXPECTED',
      'INVALID_INDICATOR',
      'INVALID_INDICATOR',
      'INVALID_SUBFIELD_CODE',
      'EMPTY_SUBFIELD',
      'INVALID_SUBFIELD_CODE',
      'RESERVED_CHARACTER',
      'NO_SUBFIELDS',
    ]);
    expect(findings.filter((f) => f.code === 'INVALID_INDICATOR').map((f) => f.severity)).toEqual([
      'error',
      'warning',
    ]);
  });

  it('measures field and record sizes in UTF-8 bytes as ISO 2709 would', () => {
    const long = 'é'.repeat(5000); // 10,000 bytes
    const r: MarcRecord = { leader: '00000nam a2200000 a 4500', fields: [df('500', '  ', 'a', long)] };
    expect(codes(validateRecord(r, { level: 'structure', flavour: 'marc21' }))).toEqual(['FIELD_TOO_LONG']);
    const many: MarcRecord = {
      leader: '00000nam a2200000 a 4500',
      fields: Array.from({ length: 12 }, () => df('500', '  ', 'a', 'x'.repeat(9000))),
    };
    expect(codes(validateRecord(many, { level: 'structure', flavour: 'marc21' }))).toEqual([
      'RECORD_TOO_LONG',
    ]);
  });
});

describe('validateRecord: UNIMARC', () => {
  it('requires 001, 100 (36-character $a), 101 and 200 $a', () => {
    const r: MarcRecord = {
      leader: '00000nam  2200000   450 ',
      fields: [df('100', '  ', 'a', 'x'.repeat(35)), df('200', '1 ', 'e', 'x')],
    };
    expect(validateRecord(r, { flavour: 'unimarc' }).map((f) => f.message)).toEqual([
      '001: Mandatory UNIMARC field is missing.',
      '101: Mandatory UNIMARC field is missing.',
      '100: Subfield _a must be 36 characters but it is 35.',
      '200: Must have a subfield _a.',
    ]);
  });

  it('accepts the UNIMARC leader ending 450 blank and fill-character indicators as warnings only', () => {
    const [record] = parseIso2709(file('unimarc', 'marcjs-bib.mrc'));
    const findings = validateRecord(record!);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'warning' && f.code === 'INVALID_INDICATOR')).toBe(true);
  });
});

describe('validateRecord on the shared sample files', () => {
  it('finds nothing wrong with the marc4j summerland and chabon records', () => {
    for (const name of ['marc4j-summerland.mrc', 'marc4j-chabon.mrc']) {
      for (const r of parseIso2709(file('iso2709-marc21', name))) expect(validateRecord(r)).toEqual([]);
    }
  });

  it('flags the "-" indicator of perl-badind.usmarc', () => {
    const [r] = parseIso2709(file('broken', 'perl-badind.usmarc'));
    expect(validateRecord(r!).filter((f) => f.code === 'INVALID_INDICATOR')).toMatchObject([
      { tag: '245', indicator: 1 },
    ]);
  });
});

describe('standard numbers', () => {
  it('accepts valid ISBN-10/13 (hyphens, X, qualifiers) and ISSNs', () => {
    for (const v of ['0-306-40615-2', '080442957X', '978-0-306-40615-7', '0786816155 (pbk.)'])
      expect(isbnProblem(v)).toBeUndefined();
    for (const v of ['0378-5955', '2049-3630', '0000-006X']) expect(issnProblem(v)).toBeUndefined();
  });
  it('rejects wrong lengths and check digits', () => {
    expect(isbnProblem('12345')).toBe('has the wrong number of digits');
    expect(isbnProblem('0306406153')).toBe('has bad checksum');
    expect(isbnProblem('9780306406158')).toBe('has bad checksum (13 digit)');
    expect(issnProblem('0378-5954')).toBe('has bad checksum');
    expect(issnProblem('abc')).toBe('is not in the form NNNN-NNNC');
  });
});

const arbField = fc.oneof(
  fc.record({ tag: fc.string({ maxLength: 4 }), value: fc.string({ maxLength: 20 }) }),
  fc.record({
    tag: fc.oneof(
      fc.constantFrom('245', '100', '650', '880', '020', '008', '100'),
      fc.string({ maxLength: 4 }),
    ),
    ind1: fc.string({ maxLength: 2 }),
    ind2: fc.string({ maxLength: 2 }),
    subfields: fc.array(
      fc.record({ code: fc.string({ maxLength: 2 }), value: fc.string({ maxLength: 20 }) }),
      { maxLength: 5 },
    ),
  }),
);

test.prop([
  fc.string({ maxLength: 30 }),
  fc.array(arbField, { maxLength: 12 }),
  fc.constantFrom('marc21', 'unimarc', undefined),
])('any record gives findings that point inside it, never an exception', (leader, fields, flavour) => {
  const record: MarcRecord = { leader, fields };
  const findings = validateRecord(record, flavour ? { flavour } : {});
  for (const f of findings) {
    expect(f.message.length).toBeGreaterThan(0);
    if (f.field !== undefined) expect(f.field).toBeLessThan(fields.length);
    if (f.subfield !== undefined) {
      const field = fields[f.field!]!;
      expect('subfields' in field && f.subfield < field.subfields.length).toBe(true);
    }
  }
});

test.prop([fc.constantFrom('a', 'b', 'c', 'q', 'z')])('a clean generated record has no findings', (code) => {
  const r: MarcRecord = {
    leader: '00000nam a2200000 a 4500',
    fields: [
      { tag: '008', value: FIXED_008 },
      df('245', '10', 'a', 'T', code === 'a' ? 'b' : 'c', 'x'),
      df('650', ' 0', 'a', 'S', 'x', code),
    ],
  };
  expect(validateRecord(r)).toEqual([]);
});
