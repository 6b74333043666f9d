// Field-specific MARC 21 Bibliographic checks, one per MARC::Lint check_xxx (020, 041, 043, 245).
// Each reports under the rules' tag, so an 880 is checked as the field its $6 links to.
import type { DataField } from '../record.js';
import { checkNonfilingIndicator } from './articles.js';
import { geographicAreaCodeStatus, languageCodeStatus } from './codes.js';
import type { FieldAt, Report } from './findings.js';
import { END, NON_SPACE, perlLength, perlTrue, SPACE, WORD } from './perl-regex.js';
import {
  cancelledIsbnIsValid,
  isbnHasInvalidCharacters,
  isbnProblem,
  isbnQualifierUnspaced,
  issnProblem,
} from './standard-numbers.js';

/** What a field check needs beyond the field: its indicators as MARC::Record reads them, options. */
export interface FieldContext {
  readonly indicators: string;
  /** The record's language when the article check is language-aware. */
  readonly language?: string | undefined;
}

export type FieldCheck = (field: DataField, at: FieldAt, report: Report, context: FieldContext) => void;

export const FIELD_CHECKS: ReadonlyMap<string, FieldCheck> = new Map<string, FieldCheck>([
  ['020', check020],
  ['022', check022],
  ['041', check041],
  ['043', check043],
  ['245', check245],
]);

function check020(field: DataField, at: FieldAt, report: Report): void {
  field.subfields.forEach((sf, subfield) => {
    const where = { ...at, subfield };
    if (sf.code === 'a') {
      if (isbnHasInvalidCharacters(sf.value)) {
        report({
          ...where,
          code: 'ISBN_INVALID_CHARACTERS',
          severity: 'warning',
          message: '020: Subfield a may have invalid characters.',
        });
      }
      if (isbnQualifierUnspaced(sf.value)) {
        report({
          ...where,
          code: 'ISBN_QUALIFIER_SPACING',
          severity: 'warning',
          message: `020: Subfield a qualifier must be preceded by space, ${sf.value}.`,
        });
      }
      const problem = isbnProblem(sf.value);
      if (problem) {
        report({
          ...where,
          code: 'INVALID_ISBN',
          severity: 'warning',
          message: `020: Subfield a ${problem}, ${sf.value}.`,
        });
      }
    } else if (sf.code === 'z' && cancelledIsbnIsValid(sf.value)) {
      report({
        ...where,
        code: 'CANCELLED_ISBN_VALID',
        severity: 'warning',
        message: `020: Subfield z is numerically valid, ${sf.value}.`,
      });
    }
  });
}

// Not a MARC::Lint check: ISSN check digits in 022 $a.
function check022(field: DataField, at: FieldAt, report: Report): void {
  field.subfields.forEach((sf, subfield) => {
    const problem = sf.code === 'a' ? issnProblem(sf.value) : undefined;
    if (problem) {
      report({
        ...at,
        subfield,
        code: 'INVALID_ISSN',
        severity: 'warning',
        message: `022: Subfield a ${problem}, ${sf.value}.`,
      });
    }
  });
}

// $2 (source), $6 (linkage) and $8 (field link) are not language codes; MARC::Lint checks them too.
const NOT_LANGUAGE_SUBFIELDS = '268';

/** 041: every subfield a run of 3-letter MARC language codes, unless ind2 = 7 (another code list). */
function check041(field: DataField, at: FieldAt, report: Report, { indicators }: FieldContext): void {
  if (indicators[1] === '7') return;
  field.subfields.forEach((sf, subfield) => {
    if (NOT_LANGUAGE_SUBFIELDS.includes(sf.code)) return;
    const where = { ...at, subfield };
    const chars = [...sf.value];
    if (chars.length % 3 !== 0) {
      report({
        ...where,
        code: 'LANGUAGE_CODE_LENGTH',
        severity: 'error',
        message: `041: Subfield _${sf.code} must be evenly divisible by 3 or exactly three characters if ind2 is not 7, (${sf.value}).`,
      });
      return;
    }
    for (let i = 0; i < chars.length; i += 3) {
      const code = chars.slice(i, i + 3).join('');
      const status = languageCodeStatus(code);
      if (status === 'obsolete') {
        report({
          ...where,
          code: 'OBSOLETE_LANGUAGE_CODE',
          severity: 'warning',
          message: `041: Subfield _${sf.code}, ${sf.value}, may be obsolete.`,
        });
      } else if (status === 'invalid') {
        report({
          ...where,
          code: 'INVALID_LANGUAGE_CODE',
          severity: 'error',
          message: `041: Subfield _${sf.code}, ${sf.value} (${code}), is not valid.`,
        });
      }
    }
  });
}

/** 043: each $a one 7-character MARC geographic area code. */
function check043(field: DataField, at: FieldAt, report: Report): void {
  field.subfields.forEach((sf, subfield) => {
    if (sf.code !== 'a') return;
    const where = { ...at, subfield };
    if (perlLength(sf.value) !== 7) {
      report({
        ...where,
        code: 'GEOGRAPHIC_CODE_LENGTH',
        severity: 'error',
        message: `043: Subfield _a must be exactly 7 characters, ${sf.value}`,
      });
      return;
    }
    const status = geographicAreaCodeStatus(sf.value);
    if (status === 'valid') return;
    report({
      ...where,
      code: status === 'obsolete' ? 'OBSOLETE_GEOGRAPHIC_CODE' : 'INVALID_GEOGRAPHIC_CODE',
      severity: status === 'obsolete' ? 'warning' : 'error',
      message: `043: Subfield _a, ${sf.value}, ${status === 'obsolete' ? 'may be obsolete' : 'is not valid'}.`,
    });
  });
}

const ENDS_WITH_STOP = new RegExp(`[.?!]${END}`, 'u');
const ENDS_WITH_QUERY = new RegExp(`[?!]${END}`, 'u');
const SLASH_BEFORE = new RegExp(`${SPACE}/${END}`, 'u');
const SPACED_INITIALS = new RegExp(`(?<!${WORD})${WORD}\\. ${WORD}\\.`, 'u');
// "[i.e. X." with a "]" later on its line, as Perl's /\[\bi\.e\. \b\w\..*\]/; tested without
// backtracking (see ieCorrection) so that long values cannot make it quadratic.
const IE_START = new RegExp(`\\[i\\.e\\. ${WORD}\\.`, 'u');
const NO_SPACE_BEFORE = new RegExp(`(?:${NON_SPACE}|-- )${END}`, 'u');
// Perl's /^\[\w*\s*\w*\]/ with each run matched atomically ((?=(x*))\1): the same language, as
// "]" is neither a word character nor a space, and linear on long values.
const BRACKETED = new RegExp(`^\\[(?=(${WORD}*))\\1(?=(${SPACE}*))\\2(?=(${WORD}*))\\3\\]`, 'u');
const PERIOD_BEFORE = new RegExp(`(?:${NON_SPACE}\\.|-- \\.)${END}`, 'u');
const COMMA_BEFORE = new RegExp(`(?:${NON_SPACE},|-- ,)${END}`, 'u');

/** What ISBD punctuation must end the subfield before $b, $c, $n and $p (AACR2 / LCRI 1.1). */
const PRECEDING: Readonly<Record<'b' | 'n', { readonly test: RegExp; readonly message: string }>> = {
  b: {
    test: / [:;=]\n?$/,
    message: '245: Subfield _b should be preceded by space-colon, space-semicolon, or space-equals sign.',
  },
  n: { test: PERIOD_BEFORE, message: '245: Subfield _n must be preceded by . (period).' },
};

/**
 * 245: $a first (after $6), a final period, ISBD punctuation before $b/$c/$h/$n/$p, unspaced
 * initials in $c, $h in square brackets, and the nonfiling indicator against the first word.
 */
function check245(
  field: DataField,
  at: FieldAt,
  report: Report,
  { indicators, language }: FieldContext,
): void {
  const sfs = field.subfields;
  const first = (code: string) => sfs.find((s) => s.code === code)?.value;
  const a = first('a');
  if (a === undefined || a === '') {
    report({ ...at, code: 'MISSING_SUBFIELD', severity: 'error', message: '245: Must have a subfield _a.' });
  }
  const last = sfs[sfs.length - 1];
  if (last === undefined) return; // NO_SUBFIELDS, reported by the structure checks
  const end = { ...at, subfield: sfs.length - 1 };
  if (!ENDS_WITH_STOP.test(last.value)) {
    report({
      ...end,
      code: 'FINAL_PUNCTUATION',
      severity: 'warning',
      message: '245: Must end with . (period).',
    });
  } else if (ENDS_WITH_QUERY.test(last.value)) {
    report({
      ...end,
      code: 'FINAL_PUNCTUATION_NOT_PERIOD',
      severity: 'warning',
      message:
        '245: MARC21 allows ? or ! as final punctuation but LCRI 1.0C, Nov. 2003 (LCPS 1.7.1 for RDA records), requires period.',
    });
  }
  checkFirstSubfields(field, at, report);

  const gates = {
    b: perlTrue(first('b')),
    c: perlTrue(first('c')),
    h: perlTrue(first('h')),
    n: perlTrue(first('n')),
    p: perlTrue(first('p')),
  };
  let seenC = false;
  for (let i = 1; i < sfs.length; i++) {
    const sf = sfs[i]!;
    const before = sfs[i - 1]!;
    const where = { ...at, subfield: i };
    const punctuation = (message: string) =>
      report({ ...where, code: 'PRECEDING_PUNCTUATION', severity: 'warning', message });
    switch (sf.code) {
      case 'b':
      case 'n':
        if (gates[sf.code] && !PRECEDING[sf.code].test.test(before.value))
          punctuation(PRECEDING[sf.code].message);
        break;
      case 'c':
        // MARC::Lint looks at the first $c after the first subfield only.
        if (!gates.c || seenC) break;
        seenC = true;
        if (!SLASH_BEFORE.test(before.value)) punctuation('245: Subfield _c must be preceded by /');
        if (SPACED_INITIALS.test(sf.value) && !ieCorrection(sf.value)) {
          report({
            ...where,
            code: 'SPACED_INITIALS',
            severity: 'warning',
            message: '245: Subfield _c initials should not have a space.',
          });
        }
        break;
      case 'h':
        if (!gates.h) break;
        if (!NO_SPACE_BEFORE.test(before.value)) {
          report({
            ...where,
            code: 'SPACE_BEFORE_SUBFIELD',
            severity: 'warning',
            message: '245: Subfield _h should not be preceded by space.',
          });
        }
        if (!BRACKETED.test(sf.value)) {
          report({
            ...where,
            code: 'UNBRACKETED_MEDIUM',
            severity: 'warning',
            message: `245: Subfield _h must have matching square brackets, ${sf.value}.`,
          });
        }
        break;
      case 'p':
        if (!gates.p) break;
        if (before.code === 'n') {
          if (!COMMA_BEFORE.test(before.value)) {
            punctuation('245: Subfield _p must be preceded by , (comma) when it follows subfield _n.');
          }
        } else if (!PERIOD_BEFORE.test(before.value)) {
          punctuation(
            '245: Subfield _p must be preceded by . (period) when it follows a subfield other than _n.',
          );
        }
        break;
    }
  }
  checkNonfilingIndicator(field, at, indicators[1] ?? ' ', report, language);
}

/** $a must come first, or second after $6. */
function checkFirstSubfields(field: DataField, at: FieldAt, report: Report): void {
  const sfs = field.subfields;
  const order = (subfield: number, message: string) =>
    report({ ...at, subfield, code: 'SUBFIELD_ORDER', severity: 'warning', message });
  if (!sfs.some((s) => s.code === '6')) {
    const code = sfs[0]?.code ?? '';
    if (code !== 'a') order(0, `245: First subfield must be _a, but it is _${code}`);
    return;
  }
  if (sfs.length < 2) {
    report({
      ...at,
      code: 'TOO_FEW_SUBFIELDS',
      severity: 'warning',
      message: '245: May have too few subfields.',
    });
    return;
  }
  if (sfs[0]!.code !== '6') order(0, `245: First subfield must be _6, but it is ${sfs[0]!.code}`);
  if (sfs[1]!.code !== 'a')
    order(1, `245: First subfield after subfield _6 must be _a, but it is _${sfs[1]!.code}`);
}

/** An "[i.e. X." correction closed by a "]" on the same line (the initials there are allowed). */
function ieCorrection(value: string): boolean {
  for (const line of value.split('\n')) {
    const start = IE_START.exec(line);
    if (start && line.lastIndexOf(']') >= start.index + start[0].length) return true;
  }
  return false;
}
