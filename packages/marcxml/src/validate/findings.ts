// The typed result of validation: one finding per defect, with a stable code and its position.
import type { MarcFlavour } from '../flavour.js';

export type FindingCode =
  // structure (any flavour)
  | 'LEADER_LENGTH'
  | 'LEADER_VALUE'
  | 'INVALID_TAG'
  | 'CONTROL_FIELD_EXPECTED'
  | 'DATA_FIELD_EXPECTED'
  | 'INVALID_INDICATOR'
  | 'INVALID_SUBFIELD_CODE'
  | 'NO_SUBFIELDS'
  | 'EMPTY_SUBFIELD'
  | 'RESERVED_CHARACTER'
  | 'FIELD_TOO_LONG'
  | 'RECORD_TOO_LONG'
  // content: MARC 21 bibliographic as MARC::Lint checks it, UNIMARC mandatory fields
  | 'MISSING_FIELD'
  | 'MULTIPLE_1XX'
  | 'FIELD_NOT_REPEATABLE'
  | 'INDICATOR_NOT_ALLOWED'
  | 'SUBFIELD_NOT_ALLOWED'
  | 'SUBFIELD_NOT_REPEATABLE'
  | 'MISSING_SUBFIELD'
  | 'CONTROL_CHARACTER'
  | 'FIXED_FIELD_LENGTH'
  // 020 / 022 standard numbers
  | 'INVALID_ISBN'
  | 'ISBN_INVALID_CHARACTERS'
  | 'ISBN_QUALIFIER_SPACING'
  | 'CANCELLED_ISBN_VALID'
  | 'INVALID_ISSN'
  // 041 / 043 code lists
  | 'LANGUAGE_CODE_LENGTH'
  | 'INVALID_LANGUAGE_CODE'
  | 'OBSOLETE_LANGUAGE_CODE'
  | 'GEOGRAPHIC_CODE_LENGTH'
  | 'INVALID_GEOGRAPHIC_CODE'
  | 'OBSOLETE_GEOGRAPHIC_CODE'
  // 245 title statement: subfield order, ISBD punctuation, nonfiling characters
  | 'SUBFIELD_ORDER'
  | 'TOO_FEW_SUBFIELDS'
  | 'FINAL_PUNCTUATION'
  | 'FINAL_PUNCTUATION_NOT_PERIOD'
  | 'PRECEDING_PUNCTUATION'
  | 'SPACE_BEFORE_SUBFIELD'
  | 'SPACED_INITIALS'
  | 'UNBRACKETED_MEDIUM'
  | 'NONFILING_NOT_NUMERIC'
  | 'NONFILING_ARTICLE'
  | 'NONFILING_NOT_ARTICLE';

export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** MARC::Lint style: `245: Indicator 1 must be 0 or 1 but it's "9"`. */
  readonly message: string;
  /** The tag whose rules were applied (an 880's linked tag, from its $6). */
  readonly tag?: string;
  /** 0-based index in `record.fields`. */
  readonly field?: number;
  /** 0-based index in the field's subfields. */
  readonly subfield?: number;
  readonly indicator?: 1 | 2;
  /** Leader position. */
  readonly position?: number;
}

export interface ValidateOptions {
  /** Default: detected (`detectFlavour`). */
  flavour?: MarcFlavour;
  /** `'all'` (default): structure and content rules; `'structure'`: flavour-independent checks only. */
  level?: 'structure' | 'all';
  /**
   * MARC 21: which title fields get the nonfiling-indicator check against an initial article.
   * `'245'` (default) as MARC::Lint; `'all'` also 130, 630, 730 (1st indicator) and 240, 440, 830
   * (2nd indicator), the fields MARC::Lint's article check was written for but never applies to.
   */
  nonfiling?: '245' | 'all';
  /**
   * MARC 21: in which languages a title's first word counts as an article. `'any'` (default) as
   * MARC::Lint: any language it lists the word for ("a" is English, Galician, Hungarian or
   * Portuguese). `'record'`: only the record's language, from 008/35-37 or else the first 041 $a;
   * `'any'` again when neither gives a language (blank, `und`, `mul`, `zxx`).
   */
  articleLanguage?: 'any' | 'record';
}

/** Where a field-level check reports: the rules' tag and the field's index. */
export interface FieldAt {
  readonly tag: string;
  readonly field: number;
}

export type Report = (finding: Finding) => void;
