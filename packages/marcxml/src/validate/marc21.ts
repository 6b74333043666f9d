// MARC 21 Bibliographic content rules as MARC::Lint 1.53 applies them: one 1XX, a 245, the
// repeatability / indicator / subfield table of every tag it knows (880s by their $6 tag), control
// characters in data, and the field checks of marc21-fields.ts. Beyond MARC::Lint: the 008 is
// present and 40 characters long, tags it lists without rules (841...) are checked for
// repeatability, and (option `nonfiling: 'all'`) the 245 article check runs on the other titles.
import { type DataField, isControlField, type MarcRecord } from '../record.js';
import { checkNonfilingIndicator, recordLanguage } from './articles.js';
import type { FieldAt, Report, ValidateOptions } from './findings.js';
import { FIELD_CHECKS, type FieldContext } from './marc21-fields.js';
import { perlTrue } from './perl-regex.js';
import { describeIndicator, marc21BibRule, type TagRule } from './rules.js';

/** MARC::Record keeps an indicator that is one letter, digit or blank, and reads anything else as blank. */
const READABLE_INDICATOR = /^[0-9A-Za-z ]$/;
const CONTROL_CHARACTERS = /[\t\r\n]/;

export function checkMarc21Bib(record: MarcRecord, report: Report, options: ValidateOptions = {}): void {
  const nonfilingAll = options.nonfiling === 'all';
  const language = options.articleLanguage === 'record' ? recordLanguage(record) : undefined;
  const oneXX = record.fields.filter((f) => /^1[0-9A-Za-z]{2}$/.test(f.tag)).length;
  if (oneXX > 1) {
    report({
      code: 'MULTIPLE_1XX',
      severity: 'error',
      message: `1XX: Only one 1XX tag is allowed, but I found ${oneXX} of them.`,
    });
  }
  if (!record.fields.some((f) => f.tag === '245')) {
    report({ code: 'MISSING_FIELD', severity: 'error', tag: '245', message: '245: No 245 tag.' });
  }
  if (!record.fields.some((f) => f.tag === '008')) {
    report({ code: 'MISSING_FIELD', severity: 'warning', tag: '008', message: '008: No 008 tag.' });
  }
  const seen = new Set<string>();
  record.fields.forEach((field, index) => {
    let tag = field.tag;
    let seenKey = tag;
    if (tag === '880' && !isControlField(field)) {
      // 880 carries another field's script form; the linked tag's rules apply.
      const link = field.subfields.find((s) => s.code === '6')?.value;
      if (!perlTrue(link)) {
        report({
          tag,
          field: index,
          code: 'MISSING_SUBFIELD',
          severity: 'error',
          message: '880: No subfield 6.',
        });
        return;
      }
      tag = link.slice(0, 3);
      seenKey = `880.${tag}`;
    }
    const rule = marc21BibRule(tag);
    if (!rule) return;
    const at: FieldAt = { tag, field: index };
    if (!rule.repeatable && seen.has(seenKey)) {
      report({
        ...at,
        code: 'FIELD_NOT_REPEATABLE',
        severity: 'error',
        message: `${tag}: Field is not repeatable.`,
      });
    }
    seen.add(seenKey);
    if (isControlField(field)) {
      if (tag === '008' && field.value.length !== 40) {
        report({
          ...at,
          code: 'FIXED_FIELD_LENGTH',
          severity: 'error',
          message: `008: Length must be 40 characters but it is ${field.value.length}.`,
        });
      }
      return;
    }
    // Control-field rules on a data field (or an 880 linked to 00X): structure findings cover it.
    // A tag listed without rules (841...) is checked for repeatability only, as MARC::Lint skips it.
    if (/^00/.test(tag) || !rule.subfields) return;
    checkDataField(field, rule, rule.subfields, at, report, language);
    if (nonfilingAll) checkOtherTitle(field, at, report, language);
  });
}

function checkDataField(
  field: DataField,
  rule: TagRule,
  subfieldRules: ReadonlyMap<string, boolean>,
  at: FieldAt,
  report: Report,
  language: string | undefined,
): void {
  const { tag } = at;
  const ind1 = readable(field.ind1);
  const ind2 = readable(field.ind2);
  checkIndicator(at, 1, ind1, rule.ind1, report);
  checkIndicator(at, 2, ind2, rule.ind2, report);
  // The codes seen so far, as a string: fields have few subfields, so this beats a Set.
  let subSeen = '';
  const subfields = field.subfields;
  for (let subfield = 0; subfield < subfields.length; subfield++) {
    const sf = subfields[subfield]!;
    const repeatable = subfieldRules.get(sf.code);
    if (repeatable === undefined) {
      report({
        ...at,
        subfield,
        code: 'SUBFIELD_NOT_ALLOWED',
        severity: 'error',
        message: `${tag}: Subfield _${sf.code} is not allowed.`,
      });
    } else if (!repeatable && subSeen.includes(sf.code)) {
      report({
        ...at,
        subfield,
        code: 'SUBFIELD_NOT_REPEATABLE',
        severity: 'error',
        message: `${tag}: Subfield _${sf.code} is not repeatable.`,
      });
    }
    if (CONTROL_CHARACTERS.test(sf.value)) {
      report({
        ...at,
        subfield,
        code: 'CONTROL_CHARACTER',
        severity: 'error',
        message: `${tag}: Subfield _${sf.code} has an invalid control character`,
      });
    }
    if (repeatable !== undefined) subSeen += sf.code; // one character: a code the table knows
  }
  const context: FieldContext = { indicators: ind1 + ind2, language };
  FIELD_CHECKS.get(tag)?.(field, at, report, context);
}

function readable(indicator: string): string {
  return READABLE_INDICATOR.test(indicator) ? indicator : ' ';
}

function checkIndicator(
  at: FieldAt,
  which: 1 | 2,
  value: string,
  allowed: string | undefined,
  report: Report,
): void {
  if (allowed === undefined || allowed.includes(value)) return;
  report({
    ...at,
    indicator: which,
    code: 'INDICATOR_NOT_ALLOWED',
    severity: 'error',
    message: `${at.tag}: Indicator ${which} must be ${describeIndicator(allowed)} but it's "${value}"`,
  });
}

const FIRST_INDICATOR_TITLES = new Set(['130', '630', '730']);
const SECOND_INDICATOR_TITLES = new Set(['240', '440', '830']);

/** The 245 article check on the other title fields (option `nonfiling: 'all'`). */
function checkOtherTitle(field: DataField, at: FieldAt, report: Report, language: string | undefined): void {
  if (FIRST_INDICATOR_TITLES.has(at.tag)) {
    checkNonfilingIndicator(field, at, readable(field.ind1), report, language);
  } else if (SECOND_INDICATOR_TITLES.has(at.tag)) {
    checkNonfilingIndicator(field, at, readable(field.ind2), report, language);
  }
}
