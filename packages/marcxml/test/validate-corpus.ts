// Records for the validation tests: a hand list with one or more cases per MARC::Lint rule (the
// unit tests assert our findings, the interop test asserts MARC::Lint agrees), and an arbitrary
// that builds defective MARC 21 records from tokens that reach every branch of those rules.
import { fc } from '@fast-check/vitest';
import type { DataField, Field, MarcRecord } from '../src/record.js';
import type { FindingCode } from '../src/validate/findings.js';

export const FIXED_008 = '020805s2002    nyu    j      000 1 eng  ';
const LEADER = '00000nam a2200000 a 4500';

export function df(tag: string, ind: string, ...pairs: string[]): DataField {
  const subfields = [];
  for (let i = 0; i < pairs.length; i += 2) subfields.push({ code: pairs[i]!, value: pairs[i + 1]! });
  return { tag, ind1: ind[0]!, ind2: ind[1]!, subfields };
}

/** A record with an 008 and the given fields (add a 245 yourself). */
export function bib(...fields: Field[]): MarcRecord {
  return { leader: LEADER, fields: [{ tag: '008', value: FIXED_008 }, ...fields] };
}

const T245 = df('245', '10', 'a', 'Title.');

export interface LintCase {
  readonly name: string;
  readonly record: MarcRecord;
  /** Our finding codes, in order. */
  readonly codes: readonly FindingCode[];
}

const c = (name: string, record: MarcRecord, ...codes: FindingCode[]): LintCase => ({ name, record, codes });
const t245 = (name: string, ind: string, pairs: string[], ...codes: FindingCode[]) =>
  c(name, bib(df('245', ind, ...pairs)), ...codes);

export const LINT_CASES: readonly LintCase[] = [
  // record level and the tag table
  c('a clean record', bib(df('245', '10', 'a', 'Title /', 'c', 'by Me.'))),
  c('no 245', bib(df('500', '  ', 'a', 'Note.')), 'MISSING_FIELD'),
  c('two 1XX', bib(df('100', '1 ', 'a', 'A.'), df('110', '2 ', 'a', 'B.'), T245), 'MULTIPLE_1XX'),
  c(
    'non-repeatable field',
    bib(df('040', '  ', 'a', 'DLC'), df('040', '  ', 'a', 'DLC'), T245),
    'FIELD_NOT_REPEATABLE',
  ),
  c('indicator not allowed', bib(df('100', '14', 'a', 'A.'), T245), 'INDICATOR_NOT_ALLOWED'),
  c('subfield not allowed', bib(T245, df('260', '  ', 'a', 'P :', 'r', 'x')), 'SUBFIELD_NOT_ALLOWED'),
  c('subfield not repeatable', bib(T245, df('250', '  ', 'a', 'Ed.', 'a', 'Ed.')), 'SUBFIELD_NOT_REPEATABLE'),
  c('tab in data', bib(T245, df('500', '  ', 'a', 'x\ty.')), 'CONTROL_CHARACTER'),
  c('unreadable indicator is read as blank', bib(T245, df('500', '- ', 'a', 'Note.')), 'INVALID_INDICATOR'),
  c(
    '880 takes its $6 tag rules',
    bib(T245, df('880', '10', '6', '245-01', 'a', 'Titre')),
    'FINAL_PUNCTUATION',
  ),
  c('880 linked 245 repeats only among 880s', bib(T245, df('880', '10', '6', '245-01', 'a', 'T.'))),
  c(
    'two 880s linked to 245',
    bib(T245, df('880', '10', '6', '245-01', 'a', 'T.'), df('880', '10', '6', '245-02', 'a', 'U.')),
    'FIELD_NOT_REPEATABLE',
  ),
  c('880 without $6', bib(T245, df('880', '  ', 'a', 'x')), 'MISSING_SUBFIELD'),
  c('880 with $6 "0"', bib(T245, df('880', '  ', '6', '0')), 'MISSING_SUBFIELD'),
  c('880 linked to 880', bib(T245, df('880', '  ', '6', '880-01', 'a', 'x')), 'SUBFIELD_NOT_ALLOWED'),
  c('880 linked to 008', bib(T245, df('880', '  ', '6', '008-01', 'a', 'x'))),
  c('delimiter in a control field', bib(T245, { tag: '001', value: 'ab\u001fc' }), 'RESERVED_CHARACTER'),
  // 245
  t245('245 without $a', '10', ['b', 'sub.'], 'MISSING_SUBFIELD', 'SUBFIELD_ORDER'),
  t245('245 without final period', '10', ['a', 'Title'], 'FINAL_PUNCTUATION'),
  t245('245 ending with ?', '10', ['a', 'Title?'], 'FINAL_PUNCTUATION_NOT_PERIOD'),
  t245('245 final period after a newline', '10', ['a', 'Title.\n'], 'CONTROL_CHARACTER'),
  t245('245 $b first', '10', ['b', 'sub :', 'a', 'T.'], 'SUBFIELD_ORDER'),
  t245('245 $6 then $a', '10', ['6', '880-01', 'a', 'T.']),
  t245(
    '245 $6 not first',
    '10',
    ['a', 'T.', '6', '880-01'],
    'FINAL_PUNCTUATION',
    'SUBFIELD_ORDER',
    'SUBFIELD_ORDER',
  ),
  t245('245 with only $6', '10', ['6', '880-01.'], 'MISSING_SUBFIELD', 'TOO_FEW_SUBFIELDS'),
  t245('245 $c without slash', '10', ['a', 'Title', 'c', 'by Me.'], 'PRECEDING_PUNCTUATION'),
  t245('245 $c spaced initials', '10', ['a', 'Title /', 'c', 'by J. R. Tolkien.'], 'SPACED_INITIALS'),
  t245('245 $c initials in [i.e.]', '10', ['a', 'Title /', 'c', 'by [i.e. J. Smith].']),
  t245('245 $c first is not checked', '10', ['c', 'by Me', 'a', 'T.'], 'SUBFIELD_ORDER'),
  t245('245 $b without colon', '10', ['a', 'Title', 'b', 'sub.'], 'PRECEDING_PUNCTUATION'),
  t245('245 $b after space-equals', '10', ['a', 'Title =', 'b', 'Titre.']),
  t245(
    '245 $h after a space, no brackets',
    '10',
    ['a', 'Title ', 'h', 'videorecording.'],
    'SPACE_BEFORE_SUBFIELD',
    'UNBRACKETED_MEDIUM',
  ),
  t245('245 $h in brackets', '10', ['a', 'Title', 'h', '[videorecording].']),
  t245('245 $h after "-- "', '10', ['a', 'Title -- ', 'h', '[map].']),
  t245('245 $n without period', '10', ['a', 'Title', 'n', 'Part 1.'], 'PRECEDING_PUNCTUATION'),
  t245('245 $n $p', '10', ['a', 'Title.', 'n', 'Part 1,', 'p', 'Name.']),
  t245(
    '245 $p after $n without comma',
    '10',
    ['a', 'Title.', 'n', 'Part 1.', 'p', 'Name.'],
    'PRECEDING_PUNCTUATION',
  ),
  t245('245 $p after $a without period', '10', ['a', 'Title', 'p', 'Name.'], 'PRECEDING_PUNCTUATION'),
  t245(
    '245 $b "0" turns the $b check off',
    '10',
    ['a', 'Title', 'b', '0', 'b', 'x.'],
    'SUBFIELD_NOT_REPEATABLE',
  ),
  t245('article with nonfiling 0', '10', ['a', 'The title.'], 'NONFILING_ARTICLE'),
  t245('article with nonfiling 4', '14', ['a', 'The title.']),
  t245('no article with nonfiling 4', '14', ['a', 'Title.'], 'NONFILING_NOT_ARTICLE'),
  t245('"Los Angeles" is no article', '10', ['a', 'Los Angeles.']),
  t245('"en" with 3', '13', ['a', 'En route.']),
  t245('"en" with 2', '12', ['a', 'En route.'], 'NONFILING_ARTICLE'),
  t245("elided article L'", '12', ['a', "L'enfant."]),
  t245('quoted article', '16', ['a', '"The" end.']),
  t245('quoted article, wrong count', '15', ['a', '"The" end.'], 'NONFILING_ARTICLE'),
  t245(
    'blank nonfiling indicator',
    '1 ',
    ['a', 'Title.'],
    'INDICATOR_NOT_ALLOWED',
    'NONFILING_NOT_NUMERIC',
    'NONFILING_NOT_ARTICLE',
  ),
  t245('$a "0" is present to us', '10', ['a', '0'], 'FINAL_PUNCTUATION'),
  // 020
  c(
    'valid ISBN-10 and ISBN-13',
    bib(df('020', '  ', 'a', '0306406152'), df('020', '  ', 'a', '9780306406157 (pbk.)'), T245),
  ),
  c('hyphenated ISBN', bib(df('020', '  ', 'a', '0-306-40615-2'), T245), 'ISBN_INVALID_CHARACTERS'),
  c('"ISBN" prefix', bib(df('020', '  ', 'a', 'ISBN 0306406152'), T245), 'ISBN_INVALID_CHARACTERS'),
  c('unspaced qualifier', bib(df('020', '  ', 'a', '0306406152(pbk.)'), T245), 'ISBN_QUALIFIER_SPACING'),
  c('bad ISBN-10 check digit', bib(df('020', '  ', 'a', '0306406153'), T245), 'INVALID_ISBN'),
  c('bad ISBN-13 check digit', bib(df('020', '  ', 'a', '9780306406158'), T245), 'INVALID_ISBN'),
  c('too few ISBN digits', bib(df('020', '  ', 'a', '12345'), T245), 'INVALID_ISBN'),
  c(
    'ISBN in Arabic-Indic digits',
    bib(
      df('020', '  ', 'a', '\u0669\u0667\u0668\u0660\u0663\u0660\u0666\u0664\u0660\u0666\u0661\u0665\u0667'),
      T245,
    ),
    'INVALID_ISBN',
  ),
  c('ISBN with a final newline', bib(df('020', '  ', 'a', '0306406153\n'), T245), 'CONTROL_CHARACTER'),
  c('$z ISBN without hyphen is not tested', bib(df('020', '  ', 'z', '0306406152'), T245)),
  c('$z hyphenated valid ISBN', bib(df('020', '  ', 'z', '0-306-40615-2'), T245), 'CANCELLED_ISBN_VALID'),
  // 041, 043
  c('valid languages', bib(df('041', '0 ', 'a', 'engfre', 'h', 'ger'), T245)),
  c('language code length', bib(df('041', '0 ', 'a', 'en'), T245), 'LANGUAGE_CODE_LENGTH'),
  c('obsolete language', bib(df('041', '0 ', 'a', 'esk'), T245), 'OBSOLETE_LANGUAGE_CODE'),
  c(
    'invalid languages',
    bib(df('041', '1 ', 'a', 'xxxeng', 'b', 'zzz'), T245),
    'INVALID_LANGUAGE_CODE',
    'INVALID_LANGUAGE_CODE',
  ),
  c('ind2 7: another code list', bib(df('041', '07', 'a', 'en', '2', 'iso639-1'), T245)),
  c('041 $6 and $8 are not languages', bib(df('041', '0 ', '6', '880-01', 'a', 'eng', '8', '1\\c'), T245)),
  c('valid area', bib(df('043', '  ', 'a', 'n-us---', 'a', 'e-uk-en'), T245)),
  c('area code length', bib(df('043', '  ', 'a', 'n-us'), T245), 'GEOGRAPHIC_CODE_LENGTH'),
  c('obsolete area', bib(df('043', '  ', 'a', 'e-ur-ru'), T245), 'OBSOLETE_GEOGRAPHIC_CODE'),
  c('invalid area', bib(df('043', '  ', 'a', 'x-xx---'), T245), 'INVALID_GEOGRAPHIC_CODE'),
  // ours only
  c('no 008', { leader: LEADER, fields: [T245] }, 'MISSING_FIELD'),
  c('short 008', { leader: LEADER, fields: [{ tag: '008', value: 'short' }, T245] }, 'FIXED_FIELD_LENGTH'),
  c('bad ISSN', bib(df('022', '  ', 'a', '0378-5954'), T245), 'INVALID_ISSN'),
  c('841 repeated', bib(T245, df('841', '  ', 'a', 'x'), df('841', '  ', 'a', 'x')), 'FIELD_NOT_REPEATABLE'),
];

// Tokens that reach the branches of the 020/041/043/245 checks when strung together.
const TOKENS = [
  'The',
  'the ',
  'A ',
  'An',
  'El',
  'En ',
  'Los Angeles',
  'La Salle',
  "L'",
  '"',
  '(',
  '[',
  ']',
  '*',
  'title',
  'Title',
  ' /',
  ' :',
  ' ;',
  ' =',
  '.',
  ',',
  '?',
  '!',
  '-- ',
  '--',
  ' ',
  '-',
  'i.e. ',
  'J. R. ',
  'by ',
  'é',
  'Ǆ',
  '漢',
  '\t',
  '\n',
  '0',
  'X',
  '0306406152',
  '0-306-40615-2',
  '9780306406157',
  '0306406153',
  '9780306406158',
  '12345',
  'ISBN ',
  ' (pbk.)',
  '(pbk.)',
  'eng',
  'fre',
  'esk',
  'xxx',
  'en',
  'n-us---',
  'e-ur-ru',
  'n-us',
  'x-xx---',
  '[video]',
  '[map]',
  'Part 1',
  'Name',
];
const value = fc.array(fc.constantFrom(...TOKENS), { maxLength: 4 }).map((t) => t.join(''));
const indicator = fc.constantFrom(' ', '0', '1', '2', '3', '4', '7', '9', 'a', 'A', '-');
const LINKS = ['245-01', '020-01', '041-01', '043-01', '100-01', '650-02', '24', 'abc', '0', ''];
const TAGS = [
  '020',
  '041',
  '043',
  '245',
  '245',
  '880',
  '100',
  '110',
  '130',
  '250',
  '260',
  '500',
  '650',
  '841',
];

const dataField: fc.Arbitrary<DataField> = fc
  .record({
    tag: fc.constantFrom(...TAGS),
    ind1: indicator,
    ind2: indicator,
    subfields: fc.array(fc.record({ code: fc.constantFrom(...'aaabcdhnpqz2368'.split('')), value }), {
      minLength: 1,
      maxLength: 5,
    }),
    link: fc.constantFrom(...LINKS),
  })
  .map(({ tag, ind1, ind2, subfields, link }) => ({
    tag,
    ind1,
    ind2,
    subfields: tag === '880' ? [{ code: '6', value: link }, ...subfields] : subfields,
  }));

/** Defective MARC 21 bibliographic records (every field one MARC::Record can hold). */
export const defectiveRecord: fc.Arbitrary<MarcRecord> = fc
  .array(dataField, { minLength: 1, maxLength: 6 })
  .map((fields) => bib(...fields));
