// Record validation as typed findings: structural checks for any flavour, the MARC 21
// Bibliographic content rules MARC::Lint applies, and UNIMARC's mandatory fields.
import { detectFlavour, type MarcFlavour } from '../flavour.js';
import { type DataField, type Field, isControlField, isDataField, type MarcRecord } from '../record.js';
import type { Finding, ValidateOptions } from './findings.js';
import { checkMarc21Bib } from './marc21.js';
import { isbnProblem } from './standard-numbers.js';

export type { Finding, FindingCode, FindingSeverity, ValidateOptions } from './findings.js';

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
    else checkMarc21Bib(record, (f) => out.push(f), options);
  }
  return out;
}

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
  // Sizes are bounded by 3 bytes per UTF-16 unit; exact UTF-8 counts only when a bound is over.
  let recordBound = 24 + 1 + 1;
  record.fields.forEach((field, i) => {
    recordBound += 12 + checkField(field, i, out);
  });
  const recordBytes =
    recordBound > RECORD_MAX_BYTES
      ? record.fields.reduce((sum, field) => sum + 12 + fieldBytes(field), 24 + 1 + 1)
      : recordBound;
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

/** Structural checks of one field; returns a bound on its ISO 2709 size (exact if over the limit). */
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
    const bound = 3 * field.value.length + 1;
    if (bound <= FIELD_MAX_BYTES) return bound;
    const size = fieldBytes(field);
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
  let bound = 3 * (field.ind1.length + field.ind2.length) + 1;
  const subfields = field.subfields;
  for (let s = 0; s < subfields.length; s++) {
    const sf = subfields[s]!;
    if (!SUBFIELD_CODE.test(sf.code)) {
      out.push({
        tag,
        field: index,
        subfield: s,
        code: 'INVALID_SUBFIELD_CODE',
        severity: sf.code.length === 1 && !RESERVED.test(sf.code) ? 'warning' : 'error',
        message: `${tag}: Subfield code "${sf.code}" is not a lowercase letter or digit`,
      });
    }
    if (sf.value === '') {
      out.push({
        tag,
        field: index,
        subfield: s,
        code: 'EMPTY_SUBFIELD',
        severity: 'warning',
        message: `${tag}: Subfield _${sf.code} is empty`,
      });
    }
    if (RESERVED.test(sf.value)) {
      out.push({
        tag,
        field: index,
        subfield: s,
        code: 'RESERVED_CHARACTER',
        severity: 'error',
        message: `${tag}: Subfield _${sf.code} contains a delimiter or terminator byte (0x1D-0x1F)`,
      });
    }
    bound += 1 + 3 * (sf.code.length + sf.value.length);
  }
  if (bound <= FIELD_MAX_BYTES) return bound;
  const size = fieldBytes(field);
  if (size > FIELD_MAX_BYTES) tooLong(tag, index, size, out);
  return size;
}

/** A field's exact size in ISO 2709: UTF-8 bytes of its content plus the field terminator. */
function fieldBytes(field: Field): number {
  if (isControlField(field)) return utf8Length(field.value) + 1;
  let size = utf8Length(field.ind1) + utf8Length(field.ind2) + 1;
  for (const sf of field.subfields) size += 1 + utf8Length(sf.code) + utf8Length(sf.value);
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

/** UTF-8 byte length, as TextEncoder would encode it (a lone surrogate becomes U+FFFD). */
export function utf8Length(value: string): number {
  let bytes = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      bytes += 2; // a pair: 4 bytes for 2 units; a lone high surrogate: U+FFFD, 3 bytes
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    } else bytes += 2;
  }
  return bytes;
}
