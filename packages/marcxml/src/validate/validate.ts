// Record validation as typed findings: structural checks for any flavour, the MARC 21
// Bibliographic content rules MARC::Lint applies, and UNIMARC's mandatory fields.
import { detectFlavour, type MarcFlavour } from '../flavour.js';
import { type DataField, type Field, isControlField, isDataField, type MarcRecord } from '../record.js';
import { describeIndicator, marc21BibRule } from './rules.js';
import { isbnProblem, issnProblem } from './standard-numbers.js';

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
  // content (MARC 21 bibliographic as MARC::Lint, UNIMARC mandatory fields)
  | 'MISSING_FIELD'
  | 'MULTIPLE_1XX'
  | 'FIELD_NOT_REPEATABLE'
  | 'INDICATOR_NOT_ALLOWED'
  | 'SUBFIELD_NOT_ALLOWED'
  | 'SUBFIELD_NOT_REPEATABLE'
  | 'MISSING_SUBFIELD'
  | 'CONTROL_CHARACTER'
  | 'FIXED_FIELD_LENGTH'
  | 'INVALID_ISBN'
  | 'INVALID_ISSN';

export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** MARC::Lint style: `245: Indicator 1 must be 0 or 1 but it's "9"`. */
  readonly message: string;
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
}

const FIELD_MAX_BYTES = 9999;
const RECORD_MAX_BYTES = 99999;
const TAG = /^[0-9A-Za-z]{3}$/;
const INDICATOR = /^[0-9a-z ]$/;
const SUBFIELD_CODE = /^[0-9a-z]$/;
const RESERVED = /[\u001d\u001e\u001f]/;

/** Validates one record; an empty array means no finding. */
export function validateRecord(record: MarcRecord, options: ValidateOptions = {}): Finding[] {
  const out: Finding[] = [];
  const flavour = options.flavour ?? detectFlavour(record);
  checkStructure(record, flavour, out);
  if (options.level !== 'structure') {
    if (flavour === 'unimarc') checkUnimarc(record, out);
    else checkMarc21Bib(record, out);
  }
  return out;
}

const encoder = new TextEncoder();

function checkStructure(record: MarcRecord, flavour: MarcFlavour, out: Finding[]): void {
  const leader = record.leader;
  if (leader.length !== 24) {
    out.push({
      code: 'LEADER_LENGTH',
      severity: 'error',
      message: `LDR: Leader must be 24 characters but it is ${leader.length}`,
    });
  } else {
    checkLeaderPositions(leader, flavour, out);
  }
  let recordBytes = 24 + 1 + 1;
  record.fields.forEach((field, i) => {
    recordBytes += 12 + checkField(field, i, out);
  });
  if (recordBytes > RECORD_MAX_BYTES) {
    out.push({
      code: 'RECORD_TOO_LONG',
      severity: 'error',
      message: `LDR: Record is ${recordBytes} bytes in ISO 2709, over the ${RECORD_MAX_BYTES}-byte limit`,
    });
  }
}

function checkLeaderPositions(leader: string, flavour: MarcFlavour, out: Finding[]): void {
  const bad = (position: number, expected: string): void => {
    out.push({
      code: 'LEADER_VALUE',
      severity: 'warning',
      position,
      message: `LDR: Position ${String(position).padStart(2, '0')} must be ${expected} but it's "${leader.charAt(position)}"`,
    });
  };
  if (/[^\x20-\x7e]/.test(leader)) {
    out.push({
      code: 'LEADER_VALUE',
      severity: 'error',
      message: 'LDR: Leader contains non-ASCII or control characters',
    });
  }
  // Lengths may be blank (MARCXML) or digits; they are recomputed on output.
  for (const [from, to] of [
    [0, 5],
    [12, 17],
  ] as const) {
    const s = leader.slice(from, to);
    if (!/^[0-9]{5}$/.test(s) && !/^ {5}$/.test(s)) bad(from, 'five digits');
  }
  if (leader.charAt(10) !== '2') bad(10, '2');
  if (leader.charAt(11) !== '2') bad(11, '2');
  if (leader.slice(20, 23) !== '450') bad(20, '4, 5 and 0 (positions 20-22)');
  if (flavour === 'marc21') {
    if (leader.charAt(23) !== '0') bad(23, '0');
    if (!'acdnp'.includes(leader.charAt(5))) bad(5, 'a, c, d, n or p');
    if (!'acdefgijkmoprt'.includes(leader.charAt(6))) bad(6, 'a, c, d, e, f, g, i, j, k, m, o, p, r or t');
    if (!'abcdims'.includes(leader.charAt(7))) bad(7, 'a, b, c, d, i, m or s');
    if (!' a'.includes(leader.charAt(8))) bad(8, 'blank or a');
    if (!' a'.includes(leader.charAt(9))) bad(9, 'blank or a');
    if (!' 1234578uz'.includes(leader.charAt(17))) bad(17, 'blank, 1, 2, 3, 4, 5, 7, 8, u or z');
    if (!' acinu'.includes(leader.charAt(18))) bad(18, 'blank, a, c, i, n or u');
    if (!' abc'.includes(leader.charAt(19))) bad(19, 'blank, a, b or c');
  } else if (leader.charAt(23) !== ' ') {
    bad(23, 'blank');
  }
}

/** Structural checks of one field; returns its ISO 2709 size in bytes. */
function checkField(field: Field, index: number, out: Finding[]): number {
  const tag = field.tag;
  const at = { tag, field: index };
  if (!TAG.test(tag))
    out.push({
      ...at,
      code: 'INVALID_TAG',
      severity: 'error',
      message: `${tag}: Tag must be 3 letters or digits`,
    });
  const numericControl = /^00[0-9]$/.test(tag);
  if (isControlField(field)) {
    if (!numericControl && /^[0-9]{3}$/.test(tag)) {
      out.push({
        ...at,
        code: 'DATA_FIELD_EXPECTED',
        severity: 'error',
        message: `${tag}: Tags from 010 up are data fields`,
      });
    }
    if (RESERVED.test(field.value)) {
      out.push({
        ...at,
        code: 'RESERVED_CHARACTER',
        severity: 'error',
        message: `${tag}: Subfields are not allowed in fields lower than 010 (value holds a delimiter or terminator)`,
      });
    }
    const size = encoder.encode(field.value).length + 1;
    if (size > FIELD_MAX_BYTES) tooLong(tag, index, size, out);
    return size;
  }
  if (numericControl) {
    out.push({
      ...at,
      code: 'CONTROL_FIELD_EXPECTED',
      severity: 'error',
      message: `${tag}: Tags 001-009 are control fields`,
    });
  }
  checkIndicator(field, 1, index, out);
  checkIndicator(field, 2, index, out);
  if (field.subfields.length === 0) {
    out.push({
      ...at,
      code: 'NO_SUBFIELDS',
      severity: 'error',
      message: `${tag}: Field must have at least one subfield`,
    });
  }
  let size = field.ind1.length + field.ind2.length + 1;
  field.subfields.forEach((sf, s) => {
    const where = { ...at, subfield: s };
    if (!SUBFIELD_CODE.test(sf.code)) {
      out.push({
        ...where,
        code: 'INVALID_SUBFIELD_CODE',
        severity: sf.code.length === 1 && !RESERVED.test(sf.code) ? 'warning' : 'error',
        message: `${tag}: Subfield code "${sf.code}" is not a lowercase letter or digit`,
      });
    }
    if (sf.value === '') {
      out.push({
        ...where,
        code: 'EMPTY_SUBFIELD',
        severity: 'warning',
        message: `${tag}: Subfield _${sf.code} is empty`,
      });
    }
    if (RESERVED.test(sf.value)) {
      out.push({
        ...where,
        code: 'RESERVED_CHARACTER',
        severity: 'error',
        message: `${tag}: Subfield _${sf.code} contains a delimiter or terminator byte (0x1D-0x1F)`,
      });
    }
    size += 1 + encoder.encode(sf.code).length + encoder.encode(sf.value).length;
  });
  if (size > FIELD_MAX_BYTES) tooLong(tag, index, size, out);
  return size;
}

function tooLong(tag: string, field: number, size: number, out: Finding[]): void {
  out.push({
    tag,
    field,
    code: 'FIELD_TOO_LONG',
    severity: 'error',
    message: `${tag}: Field is ${size} bytes in ISO 2709, over the ${FIELD_MAX_BYTES}-byte limit`,
  });
}

function checkIndicator(field: DataField, which: 1 | 2, index: number, out: Finding[]): void {
  const value = which === 1 ? field.ind1 : field.ind2;
  if (INDICATOR.test(value)) return;
  out.push({
    tag: field.tag,
    field: index,
    indicator: which,
    code: 'INVALID_INDICATOR',
    // '|' is the fill character some UNIMARC producers put in indicators; MARCXML's schema rejects it.
    severity: value === '|' ? 'warning' : 'error',
    message: `${field.tag}: Indicator ${which} must be one lowercase letter, digit or blank but it's "${value}"`,
  });
}

function checkMarc21Bib(record: MarcRecord, out: Finding[]): void {
  const oneXX = record.fields.filter((f) => /^1[0-9]{2}$/.test(f.tag)).length;
  if (oneXX > 1) {
    out.push({
      code: 'MULTIPLE_1XX',
      severity: 'error',
      message: `1XX: Only one 1XX tag is allowed, but I found ${oneXX} of them.`,
    });
  }
  if (!record.fields.some((f) => f.tag === '245')) {
    out.push({ code: 'MISSING_FIELD', severity: 'error', tag: '245', message: '245: No 245 tag.' });
  }
  if (!record.fields.some((f) => f.tag === '008')) {
    out.push({ code: 'MISSING_FIELD', severity: 'warning', tag: '008', message: '008: No 008 tag.' });
  }
  const seen = new Map<string, number>();
  record.fields.forEach((field, index) => {
    let tag = field.tag;
    let seenKey = tag;
    if (tag === '880') {
      // 880 carries another field's script form; the linked tag's rules apply.
      const link = isDataField(field) ? field.subfields.find((s) => s.code === '6')?.value : undefined;
      if (link === undefined) {
        out.push({
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
    const count = seen.get(seenKey) ?? 0;
    seen.set(seenKey, count + 1);
    if (!rule.repeatable && count > 0) {
      out.push({
        tag,
        field: index,
        code: 'FIELD_NOT_REPEATABLE',
        severity: 'error',
        message: `${tag}: Field is not repeatable.`,
      });
    }
    if (isControlField(field)) {
      if (tag === '008' && field.value.length !== 40) {
        out.push({
          tag,
          field: index,
          code: 'FIXED_FIELD_LENGTH',
          severity: 'error',
          message: `008: Length must be 40 characters but it is ${field.value.length}.`,
        });
      }
      return;
    }
    if (rule.ind1 === undefined || rule.ind2 === undefined || rule.subfields === undefined) return;
    for (const [which, allowed] of [
      [1, rule.ind1],
      [2, rule.ind2],
    ] as const) {
      const value = which === 1 ? field.ind1 : field.ind2;
      if (!INDICATOR.test(value)) continue; // already reported as INVALID_INDICATOR
      if (!allowed.includes(value)) {
        out.push({
          tag,
          field: index,
          indicator: which,
          code: 'INDICATOR_NOT_ALLOWED',
          severity: 'error',
          message: `${tag}: Indicator ${which} must be ${describeIndicator(allowed)} but it's "${value}"`,
        });
      }
    }
    const subSeen = new Set<string>();
    field.subfields.forEach((sf, s) => {
      const repeatable = rule.subfields!.get(sf.code);
      const at = { tag, field: index, subfield: s };
      if (repeatable === undefined) {
        out.push({
          ...at,
          code: 'SUBFIELD_NOT_ALLOWED',
          severity: 'error',
          message: `${tag}: Subfield _${sf.code} is not allowed.`,
        });
      } else if (!repeatable && subSeen.has(sf.code)) {
        out.push({
          ...at,
          code: 'SUBFIELD_NOT_REPEATABLE',
          severity: 'error',
          message: `${tag}: Subfield _${sf.code} is not repeatable.`,
        });
      }
      if (/[\t\r\n]/.test(sf.value)) {
        out.push({
          ...at,
          code: 'CONTROL_CHARACTER',
          severity: 'error',
          message: `${tag}: Subfield _${sf.code} has an invalid control character`,
        });
      }
      subSeen.add(sf.code);
    });
    checkFieldContent(tag, field, index, out);
  });
}

function checkFieldContent(tag: string, field: DataField, index: number, out: Finding[]): void {
  if (tag === '245' && !field.subfields.some((s) => s.code === 'a')) {
    out.push({
      tag,
      field: index,
      code: 'MISSING_SUBFIELD',
      severity: 'error',
      message: '245: Must have a subfield _a.',
    });
  }
  if (tag === '020' || tag === '022') {
    field.subfields.forEach((sf, s) => {
      if (sf.code !== 'a') return;
      const problem = tag === '020' ? isbnProblem(sf.value) : issnProblem(sf.value);
      if (problem) {
        out.push({
          tag,
          field: index,
          subfield: s,
          code: tag === '020' ? 'INVALID_ISBN' : 'INVALID_ISSN',
          severity: 'warning',
          message: `${tag}: Subfield a ${problem}, ${sf.value}.`,
        });
      }
    });
  }
}

const UNIMARC_MANDATORY = ['001', '100', '101', '200'] as const;

function checkUnimarc(record: MarcRecord, out: Finding[]): void {
  for (const tag of UNIMARC_MANDATORY) {
    if (!record.fields.some((f) => f.tag === tag)) {
      out.push({
        tag,
        code: 'MISSING_FIELD',
        severity: 'error',
        message: `${tag}: Mandatory UNIMARC field is missing.`,
      });
    }
  }
  record.fields.forEach((field, index) => {
    if (field.tag === '100' && isDataField(field)) {
      const a = field.subfields.find((s) => s.code === 'a');
      if (!a) {
        out.push({
          tag: '100',
          field: index,
          code: 'MISSING_SUBFIELD',
          severity: 'error',
          message: '100: Must have a subfield _a.',
        });
      } else if (a.value.length !== 36) {
        out.push({
          tag: '100',
          field: index,
          code: 'FIXED_FIELD_LENGTH',
          severity: 'error',
          message: `100: Subfield _a must be 36 characters but it is ${a.value.length}.`,
        });
      }
    }
    if (field.tag === '200' && isDataField(field) && !field.subfields.some((s) => s.code === 'a')) {
      out.push({
        tag: '200',
        field: index,
        code: 'MISSING_SUBFIELD',
        severity: 'error',
        message: '200: Must have a subfield _a.',
      });
    }
    if (field.tag === '010' && isDataField(field)) {
      field.subfields.forEach((sf, s) => {
        const problem = sf.code === 'a' ? isbnProblem(sf.value) : undefined;
        if (problem) {
          out.push({
            tag: '010',
            field: index,
            subfield: s,
            code: 'INVALID_ISBN',
            severity: 'warning',
            message: `010: Subfield a ${problem}, ${sf.value}.`,
          });
        }
      });
    }
  });
  const seen = new Set<string>();
  record.fields.forEach((field, index) => {
    if (['001', '100', '101', '200'].includes(field.tag) && seen.has(field.tag)) {
      out.push({
        tag: field.tag,
        field: index,
        code: 'FIELD_NOT_REPEATABLE',
        severity: 'error',
        message: `${field.tag}: Field is not repeatable.`,
      });
    }
    seen.add(field.tag);
  });
}
