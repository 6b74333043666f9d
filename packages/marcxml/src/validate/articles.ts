// The nonfiling-characters indicator against the title's first word, as MARC::Lint's
// _check_article does it: English, Spanish, French, Italian, German and a few other articles
// (MARC 21 Bibliographic, Appendix E), minus words that are common non-articles in English.
import { type DataField, isControlField, type MarcRecord } from '../record.js';
import type { FieldAt, Report } from './findings.js';
import { perlLength, perlTrue } from './perl-regex.js';

/** Article → the MARC language codes it is an article in. */
const ARTICLES: ReadonlyMap<string, string> = new Map([
  ['a', 'eng glg hun por'],
  ['an', 'eng'],
  ['das', 'ger'],
  ['dem', 'ger'],
  ['der', 'ger'],
  ['ein', 'ger'],
  ['eine', 'ger'],
  ['einem', 'ger'],
  ['einen', 'ger'],
  ['einer', 'ger'],
  ['eines', 'ger'],
  ['el', 'spa'],
  ['en', 'cat dan nor swe'],
  ['gl', 'ita'],
  ['gli', 'ita'],
  ['il', 'ita mlt'],
  ['l', 'cat fre ita mlt'],
  ['la', 'cat fre ita spa'],
  ['las', 'spa'],
  ['le', 'fre ita'],
  ['les', 'cat fre'],
  ['lo', 'ita spa'],
  ['los', 'spa'],
  ['os', 'por'],
  ['the', 'eng'],
  ['um', 'por'],
  ['uma', 'por'],
  ['un', 'cat spa fre ita'],
  ['una', 'cat spa ita'],
  ['une', 'fre'],
  ['uno', 'ita'],
]);

/** Title openings where the first word is not an article ("A priori", "Los Angeles"). */
const NOT_ARTICLES = new RegExp(
  `^(?:${[
    'A & E',
    'A & ',
    'A-',
    'A+',
    'A is ',
    "A isn't ",
    "A l'",
    'A la ',
    'A posteriori',
    'A priori',
    'A to ',
    'El Nino',
    'El Salvador',
    'L is ',
    'L-',
    'La Salle',
    'Las Vegas',
    'Lo cual',
    'Lo mein',
    'Lo que',
    'Los Alamos',
    'Los Angeles',
  ]
    .map((s) => s.replace(/[+]/g, '\\+'))
    .join('|')})`,
  'iu',
);

const LEADING_MARKS = /^["'[(*]/;
const FIRST_WORD = /^([^ ()[\]'"-]+)([ ()[\]'"-])?([^\n]*)/;

/**
 * Checks the nonfiling indicator (2nd for 245/240/440/830, 1st for 130/630/730) against the first
 * word of $a: an article needs its length plus the space and marks before the next word.
 */
export function checkNonfilingIndicator(
  field: DataField,
  at: FieldAt,
  indicator: string,
  report: Report,
  language?: string,
): void {
  const which = at.tag === '130' || at.tag === '630' || at.tag === '730' ? 1 : 2;
  const ordinal = which === 1 ? '1st' : '2nd';
  const where = { ...at, indicator: which } as const;
  if (!/^[0-9]$/.test(indicator)) {
    report({
      ...where,
      code: 'NONFILING_NOT_NUMERIC',
      severity: 'error',
      message: `${at.tag}: Non-filing indicator is non-numeric`,
    });
  }
  const a = field.subfields.find((s) => s.code === 'a')?.value;
  let title = perlTrue(a) ? a : '';
  let nonfiling = 1; // the space after the first word
  while (LEADING_MARKS.test(title)) {
    nonfiling++;
    title = title.slice(1);
  }
  const match = FIRST_WORD.exec(title);
  const word = match?.[1] ?? '';
  const separator = match?.[2] ?? '';
  let rest = match?.[3] ?? '';
  nonfiling += perlLength(word);
  const lower = word.toLowerCase();
  const languages = ARTICLES.get(lower);
  const article =
    languages !== undefined &&
    (language === undefined || languages.split(' ').includes(language)) &&
    !NOT_ARTICLES.test(title);
  if (article) {
    if (separator !== '' && /^[ ()[\]'"-]/.test(rest)) {
      while (/^[ "'[\]()*]/.test(rest)) {
        nonfiling++;
        rest = rest.slice(1);
      }
    }
    // "en" is also a preposition in Catalan and Spanish; MARC::Lint accepts 0 or 3 for it.
    const fine = lower === 'en' ? indicator === '0' || indicator === '3' : String(nonfiling) === indicator;
    if (!fine) {
      report({
        ...where,
        code: 'NONFILING_ARTICLE',
        severity: 'warning',
        message: `${at.tag}: First word, ${lower}, may be an article, check ${ordinal} indicator (${indicator}).`,
      });
    }
  } else if (indicator !== '0') {
    report({
      ...where,
      code: 'NONFILING_NOT_ARTICLE',
      severity: 'warning',
      message: `${at.tag}: First word, ${lower}, does not appear to be an article, check ${ordinal} indicator (${indicator}).`,
    });
  }
}

const NO_LANGUAGE = new Set(['   ', '|||', 'und', 'mul', 'zxx']);

/** The record's language for the article check: 008/35-37, else the first 041 $a; undefined if none. */
export function recordLanguage(record: MarcRecord): string | undefined {
  const f008 = record.fields.find((f) => f.tag === '008');
  const fromFixed = f008 && isControlField(f008) ? f008.value.slice(35, 38) : '';
  if (/^[a-z]{3}$/.test(fromFixed) && !NO_LANGUAGE.has(fromFixed)) return fromFixed;
  for (const f of record.fields) {
    if (f.tag !== '041' || isControlField(f)) continue;
    const a = f.subfields.find((s) => s.code === 'a')?.value.slice(0, 3) ?? '';
    return /^[a-z]{3}$/.test(a) && !NO_LANGUAGE.has(a) ? a : undefined;
  }
  return undefined;
}
