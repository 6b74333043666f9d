import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { parseIso2709 } from '../src/iso2709/read.js';
import type { DataField, MarcRecord } from '../src/record.js';
import { recordLanguage } from '../src/validate/articles.js';
import { geographicAreaCodeStatus, languageCodeStatus } from '../src/validate/codes.js';
import { describeIndicator } from '../src/validate/rules.js';
import {
  cancelledIsbnIsValid,
  isbnHasInvalidCharacters,
  isbnOf,
  isbnProblem,
  isbnQualifierUnspaced,
  issnProblem,
} from '../src/validate/standard-numbers.js';
import { type Finding, type FindingCode, utf8Length, validateRecord } from '../src/validate/validate.js';
import { bib, defectiveRecord, df, FIXED_008, LINT_CASES } from './validate-corpus.js';

const codes = (findings: Finding[]): string[] => findings.map((f) => f.code);
const file = (...p: string[]): Uint8Array => readFileSync(sharedPath('data', 'marc', ...p));

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
    const no245a = validateRecord(base([{ tag: '008', value: FIXED_008 }, df('245', '10', 'b', 'x.')]), {
      flavour: 'marc21',
    });
    expect(no245a.map((f) => f.message)).toEqual([
      '245: Must have a subfield _a.',
      '245: First subfield must be _a, but it is _b',
    ]);
    expect(validateRecord(base([df('245', '10', 'a', 'T.')]), { flavour: 'marc21' })).toEqual([
      { code: 'MISSING_FIELD', severity: 'warning', tag: '008', message: '008: No 008 tag.' },
    ]);
  });

  it('applies the linked tag rules to 880 and requires its $6', () => {
    const r = base([
      { tag: '008', value: FIXED_008 },
      df('245', '10', 'a', 'T.'),
      df('880', '10', '6', '245-01', 'a', 'Т', 'a', 'again.'),
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
      df('245', '10', 'a', 'T.'),
    ]);
    expect(validateRecord(r, { flavour: 'marc21' }).map((f) => [f.code, f.field])).toEqual([
      ['INVALID_ISBN', 2],
      ['INVALID_ISSN', 4],
    ]);
  });

  it('flags tabs and newlines inside subfields', () => {
    const r = base([{ tag: '008', value: FIXED_008 }, df('245', '10', 'a', 'T\tx.')]);
    expect(codes(validateRecord(r, { flavour: 'marc21' }))).toEqual(['CONTROL_CHARACTER']);
  });

  it('checks MARC 21 leader values', () => {
    const r: MarcRecord = {
      leader: '00000zzz a3300000 a 4501',
      fields: [{ tag: '008', value: FIXED_008 }, df('245', '10', 'a', 'T.')],
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
      df('245', '10', 'a', code === 'a' ? 'T :' : 'T /', code === 'a' ? 'b' : 'c', 'x.'),
      df('650', ' 0', 'a', 'S', 'x', code),
    ],
  };
  expect(validateRecord(r)).toEqual([]);
});

describe('MARC::Lint rules: every case of the hand list (fires / does not fire)', () => {
  for (const c of LINT_CASES) {
    it(c.name, () => {
      expect(codes(validateRecord(c.record, { flavour: 'marc21' }))).toEqual(c.codes);
    });
  }

  it('covers every content code with a firing case', () => {
    const fired = new Set(LINT_CASES.flatMap((c) => c.codes));
    const content: FindingCode[] = [
      'MISSING_FIELD',
      'MULTIPLE_1XX',
      'FIELD_NOT_REPEATABLE',
      'INDICATOR_NOT_ALLOWED',
      'SUBFIELD_NOT_ALLOWED',
      'SUBFIELD_NOT_REPEATABLE',
      'MISSING_SUBFIELD',
      'CONTROL_CHARACTER',
      'FIXED_FIELD_LENGTH',
      'INVALID_ISBN',
      'ISBN_INVALID_CHARACTERS',
      'ISBN_QUALIFIER_SPACING',
      'CANCELLED_ISBN_VALID',
      'INVALID_ISSN',
      'LANGUAGE_CODE_LENGTH',
      'INVALID_LANGUAGE_CODE',
      'OBSOLETE_LANGUAGE_CODE',
      'GEOGRAPHIC_CODE_LENGTH',
      'INVALID_GEOGRAPHIC_CODE',
      'OBSOLETE_GEOGRAPHIC_CODE',
      'SUBFIELD_ORDER',
      'TOO_FEW_SUBFIELDS',
      'FINAL_PUNCTUATION',
      'FINAL_PUNCTUATION_NOT_PERIOD',
      'PRECEDING_PUNCTUATION',
      'SPACE_BEFORE_SUBFIELD',
      'SPACED_INITIALS',
      'UNBRACKETED_MEDIUM',
      'NONFILING_NOT_NUMERIC',
      'NONFILING_ARTICLE',
      'NONFILING_NOT_ARTICLE',
    ];
    expect(content.filter((code) => !fired.has(code))).toEqual([]);
  });
});

describe('MARC::Lint rules: messages and positions', () => {
  const findings = (...fields: DataField[]) => validateRecord(bib(...fields), { flavour: 'marc21' });

  it('words 245 findings as MARC::Lint does and points at the subfield', () => {
    expect(findings(df('245', '00', 'a', 'Title', 'c', 'by J. R. Smith'))).toEqual([
      {
        tag: '245',
        field: 1,
        subfield: 1,
        code: 'FINAL_PUNCTUATION',
        severity: 'warning',
        message: '245: Must end with . (period).',
      },
      {
        tag: '245',
        field: 1,
        subfield: 1,
        code: 'PRECEDING_PUNCTUATION',
        severity: 'warning',
        message: '245: Subfield _c must be preceded by /',
      },
      {
        tag: '245',
        field: 1,
        subfield: 1,
        code: 'SPACED_INITIALS',
        severity: 'warning',
        message: '245: Subfield _c initials should not have a space.',
      },
    ]);
  });

  it('reports the nonfiling indicator with its number and the first word', () => {
    expect(findings(df('245', '10', 'a', 'The end.'))).toEqual([
      {
        tag: '245',
        field: 1,
        indicator: 2,
        code: 'NONFILING_ARTICLE',
        severity: 'warning',
        message: '245: First word, the, may be an article, check 2nd indicator (0).',
      },
    ]);
    expect(findings(df('245', '13', 'a', 'Nice end.'))[0]?.message).toBe(
      '245: First word, nice, does not appear to be an article, check 2nd indicator (3).',
    );
  });

  it('reports 880 content under the linked tag and the 880 field index', () => {
    const [f] = findings(df('245', '10', 'a', 'T.'), df('880', '10', '6', '245-01', 'a', 'Т'));
    expect(f).toMatchObject({ tag: '245', field: 2, subfield: 1, code: 'FINAL_PUNCTUATION' });
  });

  it('words 020, 041 and 043 findings as MARC::Lint does', () => {
    const r = findings(
      df('020', '  ', 'a', '0-306-40615-3'),
      df('041', '0 ', 'a', 'engxx', 'b', 'engzzz', 'h', 'esk'),
      df('043', '  ', 'a', 'n-us', 'a', 'a-vn---', 'a', 'q-qq---'),
      df('245', '10', 'a', 'T.'),
    );
    expect(r.map((f) => [f.code, f.subfield, f.message])).toEqual([
      ['ISBN_INVALID_CHARACTERS', 0, '020: Subfield a may have invalid characters.'],
      ['INVALID_ISBN', 0, '020: Subfield a has bad checksum, 0-306-40615-3.'],
      [
        'LANGUAGE_CODE_LENGTH',
        0,
        '041: Subfield _a must be evenly divisible by 3 or exactly three characters if ind2 is not 7, (engxx).',
      ],
      ['INVALID_LANGUAGE_CODE', 1, '041: Subfield _b, engzzz (zzz), is not valid.'],
      ['OBSOLETE_LANGUAGE_CODE', 2, '041: Subfield _h, esk, may be obsolete.'],
      ['GEOGRAPHIC_CODE_LENGTH', 0, '043: Subfield _a must be exactly 7 characters, n-us'],
      ['OBSOLETE_GEOGRAPHIC_CODE', 1, '043: Subfield _a, a-vn---, may be obsolete.'],
      ['INVALID_GEOGRAPHIC_CODE', 2, '043: Subfield _a, q-qq---, is not valid.'],
    ]);
  });

  it('reads a structurally invalid indicator as blank for the content rules, as MARC::Record does', () => {
    expect(findings(df('245', '1|', 'a', 'T.')).map((f) => f.code)).toEqual([
      'INVALID_INDICATOR',
      'INDICATOR_NOT_ALLOWED',
      'NONFILING_NOT_NUMERIC',
      'NONFILING_NOT_ARTICLE',
    ]);
  });

  it('uses Unicode word and space classes as Perl does', () => {
    // "É. Ž." are spaced initials; a no-break space before $h is a space.
    expect(codes(findings(df('245', '10', 'a', 'T /', 'c', 'É. Ž. Smith.')))).toEqual(['SPACED_INITIALS']);
    expect(codes(findings(df('245', '10', 'a', 'T\u00a0', 'h', '[map].')))).toEqual([
      'SPACE_BEFORE_SUBFIELD',
    ]);
  });
});

describe('generated tables', () => {
  it('hold MARC::Lint 1.53 rules (not 1.51): 885 defined, 245 $6 not repeatable', () => {
    const r885 = validateRecord(bib(df('245', '10', 'a', 'T.'), df('885', '  ', 'a', 'x', 'q', 'y')), {
      flavour: 'marc21',
    });
    expect(r885.map((f) => f.message)).toEqual(['885: Subfield _q is not allowed.']);
  });

  it('hold the language and geographic area lists with their obsolete codes', () => {
    expect(languageCodeStatus('eng')).toBe('valid');
    expect(languageCodeStatus('   ')).toBe('valid');
    expect(languageCodeStatus('scc')).toBe('obsolete');
    expect(languageCodeStatus('abc')).toBe('invalid');
    expect(geographicAreaCodeStatus('e-fr---')).toBe('valid');
    expect(geographicAreaCodeStatus('e-ur-ru')).toBe('obsolete');
    expect(geographicAreaCodeStatus('e-fr--')).toBe('invalid');
  });

  it('describe indicator values in MARC::Lint wording', () => {
    expect(describeIndicator(' ')).toBe('blank');
    expect(describeIndicator('0123456789')).toBe('0 thru 9');
    expect(describeIndicator(' 01')).toBe('blank, 0 or 1');
    expect(describeIndicator('7')).toBe('7');
  });
});

describe('ISBN helpers (MARC::Lint check_020 semantics)', () => {
  it('reads the first 10/13-digit run after removing hyphens', () => {
    expect(isbnOf('0-306-40615-2 (pbk.)')).toBe('0306406152');
    expect(isbnOf('ISBN 9780306406157')).toBe('9780306406157');
    expect(isbnOf('12345678901234')).toBe('12345678901234');
  });
  it('flags prefixes, hyphens and unspaced qualifiers', () => {
    expect(isbnHasInvalidCharacters('0306406152 (pbk.)')).toBe(false);
    expect(isbnHasInvalidCharacters('0-306-40615-2')).toBe(true);
    expect(isbnQualifierUnspaced('0306406152(pbk.)')).toBe(true);
    expect(isbnQualifierUnspaced('030640615X (pbk.)')).toBe(false);
  });
  it('finds a valid ISBN-10 in a $z only when written with "ISBN" or a hyphen', () => {
    expect(cancelledIsbnIsValid('0-306-40615-2')).toBe(true);
    expect(cancelledIsbnIsValid('ISBN 0306406152')).toBe(true);
    expect(cancelledIsbnIsValid('0306406152')).toBe(false);
    expect(cancelledIsbnIsValid('0-306-40615-3')).toBe(false);
  });
});

test.prop(
  [
    defectiveRecord,
    fc.constantFrom('245' as const, 'all' as const),
    fc.constantFrom('any' as const, 'record' as const),
  ],
  { numRuns: 100 },
)(
  'defective MARC 21 records, any options: findings point inside the record, never an exception',
  (record, nonfiling, articleLanguage) => {
    const findings = validateRecord(record, { flavour: 'marc21', nonfiling, articleLanguage });
    for (const f of findings) {
      expect(f.message.startsWith(`${f.tag ?? '1XX'}: `)).toBe(true);
      if (f.field !== undefined) {
        const field = record.fields[f.field]!;
        expect(field).toBeDefined();
        if (f.subfield !== undefined)
          expect('subfields' in field && f.subfield < field.subfields.length).toBe(true);
      }
    }
  },
);

test.prop([
  fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  ),
])('utf8Length equals the TextEncoder byte count, lone surrogates included', (s) => {
  expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
});

it('counts subfield repeats by whole codes (a multi-character code is not its letters)', () => {
  const r = bib({
    tag: '245',
    ind1: '1',
    ind2: '0',
    subfields: [
      { code: 'a', value: 'T :' },
      { code: 'xb', value: 'x' },
      { code: 'b', value: 'y.' },
    ],
  });
  expect(codes(validateRecord(r, { flavour: 'marc21' }))).toEqual([
    'INVALID_SUBFIELD_CODE',
    'SUBFIELD_NOT_ALLOWED',
    'PRECEDING_PUNCTUATION',
  ]);
});

describe("option nonfiling: 'all' (beyond MARC::Lint)", () => {
  const titles = bib(
    df('130', '0 ', 'a', 'The Bible.'),
    df('240', '14', 'a', 'The works.'),
    df('245', '14', 'a', 'The title.'),
    df('630', '40', 'a', 'The Talmud.'),
    df('730', '0 ', 'a', 'Los Angeles times.'),
    df('830', ' 0', 'a', 'An series.'),
  );

  it('checks 130/630/730 by the 1st indicator and 240/440/830 by the 2nd', () => {
    const findings = validateRecord(titles, { flavour: 'marc21', nonfiling: 'all' });
    expect(findings.map((f) => [f.tag, f.code, f.indicator, f.field])).toEqual([
      ['130', 'NONFILING_ARTICLE', 1, 1],
      ['830', 'NONFILING_ARTICLE', 2, 6],
    ]);
    expect(findings[0]?.message).toBe('130: First word, the, may be an article, check 1st indicator (0).');
  });

  it('is off by default, as in MARC::Lint', () => {
    expect(validateRecord(titles, { flavour: 'marc21' })).toEqual([]);
  });
});

it('stays linear on long adversarial 245 values (no regex backtracking blow-up)', () => {
  const long = 200_000;
  const r = bib(
    df(
      '245',
      '10',
      'a',
      'T /',
      'c',
      `J. R. ${'[i.e. a. '.repeat(long / 9)}`,
      'h',
      `[${'a'.repeat(long)}`,
      'n',
      `${'a '.repeat(long / 2)}.`,
    ),
  );
  const started = performance.now();
  const found = codes(validateRecord(r, { flavour: 'marc21' }));
  expect(performance.now() - started).toBeLessThan(5000);
  expect(found).toEqual([
    'FIELD_TOO_LONG',
    'RECORD_TOO_LONG',
    'SPACED_INITIALS',
    'SPACE_BEFORE_SUBFIELD',
    'UNBRACKETED_MEDIUM',
    'PRECEDING_PUNCTUATION',
  ]);
});

describe("option articleLanguage: 'record' (beyond MARC::Lint)", () => {
  const withLanguage = (lang: string, ...fields: DataField[]): MarcRecord => ({
    leader: '00000nam a2200000 a 4500',
    fields: [{ tag: '008', value: `${FIXED_008.slice(0, 35)}${lang}${FIXED_008.slice(38)}` }, ...fields],
  });
  const run = (record: MarcRecord) =>
    codes(validateRecord(record, { flavour: 'marc21', articleLanguage: 'record' }));

  it("takes a first word for an article only in the record's language", () => {
    // "El Dorado" in an English record: no article, so 0 is right (MARC::Lint says "may be an article").
    expect(run(withLanguage('eng', df('245', '10', 'a', 'El Dorado.')))).toEqual([]);
    expect(
      codes(validateRecord(withLanguage('eng', df('245', '10', 'a', 'El Dorado.')), { flavour: 'marc21' })),
    ).toEqual(['NONFILING_ARTICLE']);
    // ... while in a Spanish record it is one.
    expect(run(withLanguage('spa', df('245', '10', 'a', 'El Dorado.')))).toEqual(['NONFILING_ARTICLE']);
    expect(run(withLanguage('spa', df('245', '13', 'a', 'El Dorado.')))).toEqual([]);
    // "Die" is not in the list at all; "Der" is German.
    expect(run(withLanguage('ger', df('245', '14', 'a', 'Der Wald.')))).toEqual([]);
    expect(run(withLanguage('fre', df('245', '14', 'a', 'Der Wald.')))).toEqual(['NONFILING_NOT_ARTICLE']);
  });

  it('falls back to 041 $a, then to any language', () => {
    const no008Language = (...fields: DataField[]) => withLanguage('und', ...fields);
    expect(run(no008Language(df('041', '0 ', 'a', 'spa'), df('245', '10', 'a', 'El Dorado.')))).toEqual([
      'NONFILING_ARTICLE',
    ]);
    expect(run(no008Language(df('041', '0 ', 'a', 'eng'), df('245', '10', 'a', 'El Dorado.')))).toEqual([]);
    expect(run(no008Language(df('245', '10', 'a', 'El Dorado.')))).toEqual(['NONFILING_ARTICLE']);
    expect(recordLanguage(withLanguage('fre'))).toBe('fre');
    expect(recordLanguage(withLanguage('   '))).toBeUndefined();
  });
});

it('counts exact bytes when the 3-bytes-per-unit bound is over the limits', () => {
  // 4,000 × é = 8,000 bytes: under 9,999 although 3 × 4,000 units is not.
  const under = bib(df('245', '10', 'a', `${'é'.repeat(4000)}.`));
  expect(codes(validateRecord(under, { level: 'structure', flavour: 'marc21' }))).toEqual([]);
  // 12 fields of 3,000 × é: 72,000 bytes in all, under 99,999 although the bound is not.
  const many = bib(...Array.from({ length: 12 }, () => df('500', '  ', 'a', 'é'.repeat(3000))));
  expect(codes(validateRecord(many, { level: 'structure', flavour: 'marc21' }))).toEqual([]);
  const over = bib(...Array.from({ length: 12 }, () => df('500', '  ', 'a', '漢'.repeat(3000))));
  expect(codes(validateRecord(over, { level: 'structure', flavour: 'marc21' }))).toEqual(['RECORD_TOO_LONG']);
});
