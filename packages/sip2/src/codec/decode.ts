import { type Sip2DefectCode, Sip2Error } from '../errors.js';
import { checkedCharset, type DecodedText, decodeText, encodeText, type Sip2Charset } from './charset.js';
import { checksumValue } from './checksum.js';
import { fieldId, parseClean, parseCleanBytes, SIP2_MAX_FIELD_LENGTH } from './decode-fast.js';
import { delimiterCode } from './delimiter.js';
import { fixedValueValid } from './fixed-check.js';

export { SIP2_MAX_FIELD_LENGTH };

import {
  FIXED_WIDTH,
  type FieldSpec,
  type FixedKind,
  type FixedSpec,
  isSip2Code,
  MESSAGE_SPECS,
} from './specs.js';
import type {
  Sip2ChecksumInfo,
  Sip2Decoded,
  Sip2DecodeOptions,
  Sip2Field,
  Sip2Message,
  Sip2Terminator,
  Sip2Warning,
} from './types.js';

const CR = 0x0d;
const LF = 0x0a;
const CONTROLS = ['\0', '\r', '\n'] as const;
const HAS_CONTROL = /[\0\r\n]/;

/** Collects defects: a warning in tolerant mode, thrown in strict mode (dates only ever warn). */
class Defects {
  readonly list: Sip2Warning[] = [];
  constructor(private readonly strict: boolean) {}

  add(code: Sip2DefectCode, message: string, offset: number, field?: string): void {
    if (this.strict && code !== 'INVALID_DATE') {
      throw new Sip2Error(
        code,
        `${message} (at ${offset})`,
        field === undefined ? { offset } : { offset, field },
      );
    }
    this.list.push(field === undefined ? { code, message, offset } : { code, message, offset, field });
  }
}

/**
 * Decodes one SIP2 message: bytes as received (checksum verified over exactly these bytes) or text.
 * A trailing CR, CRLF or LF is removed. Throws a Sip2Error when there is no message to speak of
 * (`TRUNCATED_MESSAGE`, `UNKNOWN_MESSAGE`) and, in strict mode, on the first defect.
 */
export function decode(input: Uint8Array | string, options: Sip2DecodeOptions = {}): Sip2Decoded {
  return decodeInput(input, options, true);
}

/** `decode` without the fast path: the reference the fast path is tested against. */
export function decodeGeneral(input: Uint8Array | string, options: Sip2DecodeOptions = {}): Sip2Decoded {
  return decodeInput(input, options, false);
}

function decodeInput(input: Uint8Array | string, options: Sip2DecodeOptions, fast: boolean): Sip2Decoded {
  if (typeof input === 'string') {
    let start = input.charCodeAt(0) === LF ? 1 : 0;
    let end = input.length;
    let terminator: Sip2Terminator | undefined;
    if (end > start && input.charCodeAt(end - 1) === LF) {
      terminator = end - 1 > start && input.charCodeAt(end - 2) === CR ? '\r\n' : '\n';
    } else if (end > start && input.charCodeAt(end - 1) === CR) terminator = '\r';
    end -= terminator?.length ?? 0;
    if (start > end) start = end;
    return decodeLine(input.slice(start, end), undefined, terminator, options, fast);
  }
  let start = input[0] === LF ? 1 : 0;
  let end = input.length;
  let terminator: Sip2Terminator | undefined;
  if (end > start && input[end - 1] === LF) {
    terminator = end - 1 > start && input[end - 2] === CR ? '\r\n' : '\n';
  } else if (end > start && input[end - 1] === CR) terminator = '\r';
  end -= terminator?.length ?? 0;
  if (start > end) start = end;
  return decodeLine(undefined, input.subarray(start, end), terminator, options, fast);
}

/** Decodes bytes the framer already split off (terminator removed). */
export function decodeFrame(
  bytes: Uint8Array,
  terminator: Sip2Terminator | undefined,
  options: Sip2DecodeOptions,
): Sip2Decoded {
  return decodeLine(undefined, bytes, terminator, options, true);
}

function decodeLine(
  source: string | undefined,
  bytes: Uint8Array | undefined,
  terminator: Sip2Terminator | undefined,
  options: Sip2DecodeOptions,
  fast: boolean,
): Sip2Decoded {
  const delimiter = delimiterCode(options.fieldDelimiter);
  const charset = checkedCharset(options.charset);
  const requireErrorDetection = options.errorDetection === 'required';
  if (bytes !== undefined) {
    if (fast) {
      const clean = parseCleanBytes(bytes, charset, terminator, requireErrorDetection, delimiter);
      if (clean !== undefined) return clean;
    }
    const decoded = decodeText(bytes, charset);
    return decodeLineGeneral(decoded.text, bytes, decoded, charset, terminator, options, delimiter);
  }
  const text = source ?? '';
  if (fast) {
    const clean = parseClean(text, undefined, charset, terminator, requireErrorDetection, delimiter);
    if (clean !== undefined) return clean;
  }
  return decodeLineGeneral(text, undefined, undefined, charset, terminator, options, delimiter);
}

function decodeLineGeneral(
  text: string,
  bytes: Uint8Array | undefined,
  decoded: DecodedText | undefined,
  charset: Sip2Charset,
  terminator: Sip2Terminator | undefined,
  options: Sip2DecodeOptions,
  delimiter: number,
): Sip2Decoded {
  const defects = new Defects(options.mode === 'strict');
  if (bytes !== undefined && decoded !== undefined) {
    // Character offsets of the invalid bytes, in one pass (UTF-8: decode the runs between them).
    let from = 0;
    let offset = 0;
    for (const at of decoded.invalid) {
      offset += charset === 'utf-8' ? decodeText(bytes.subarray(from, at), charset).text.length : at - from;
      from = at;
      defects.add('INVALID_ENCODING', `byte 0x${bytes[at]!.toString(16)} is not valid ${charset}`, offset);
    }
  }
  if (HAS_CONTROL.test(text)) {
    for (const control of CONTROLS) {
      for (let at = text.indexOf(control); at >= 0; at = text.indexOf(control, at + 1)) {
        defects.add('CONTROL_CHARACTER', `${JSON.stringify(control)} inside the message`, at);
      }
    }
  }
  if (terminator !== undefined && terminator !== '\r') {
    const name = terminator === '\n' ? 'LF' : 'CRLF';
    defects.add('NONSTANDARD_TERMINATOR', `message ends with ${name}, not CR`, text.length);
  }
  return parse(text, bytes, charset, terminator, defects, options.errorDetection === 'required', delimiter);
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex4 = (t: string, at: number) =>
  isHex(t.charCodeAt(at)) &&
  isHex(t.charCodeAt(at + 1)) &&
  isHex(t.charCodeAt(at + 2)) &&
  isHex(t.charCodeAt(at + 3));

const KNOWN_IDS = new Map<string, ReadonlySet<string>>();

/** The ids of a message type's own fields (from the message table). */
function knownIds(code: keyof typeof MESSAGE_SPECS): ReadonlySet<string> {
  let ids = KNOWN_IDS.get(code);
  if (ids === undefined) {
    ids = new Set((MESSAGE_SPECS[code].fields as readonly FieldSpec[]).map((f) => f[1]));
    KNOWN_IDS.set(code, ids);
  }
  return ids;
}

function fixedPartValid(text: string, layout: readonly FixedSpec[]): boolean {
  let pos = 2;
  for (const spec of layout) {
    if (checkFixed(spec[2], text.slice(pos, pos + spec[1])) !== undefined) return false;
    pos += spec[1];
  }
  return true;
}

/** `AY` + one character right before position `p`, not before `from`. */
function ayBefore(text: string, p: number, from: number): boolean {
  return p - 3 >= from && text.charCodeAt(p - 3) === 65 && text.charCodeAt(p - 2) === 89;
}

function parse(
  text: string,
  bytes: Uint8Array | undefined,
  charset: Sip2Charset,
  terminator: Sip2Terminator | undefined,
  defects: Defects,
  requireErrorDetection: boolean,
  delimiterChar: number,
): Sip2Decoded {
  const delimiter = String.fromCharCode(delimiterChar);
  if (text.length < 2) {
    throw new Sip2Error('TRUNCATED_MESSAGE', `message of ${text.length} characters has no message code`, {
      offset: 0,
    });
  }
  const code = text.slice(0, 2);
  if (!isSip2Code(code)) {
    throw new Sip2Error('UNKNOWN_MESSAGE', `unknown message code ${JSON.stringify(code)}`, { offset: 0 });
  }
  const spec = MESSAGE_SPECS[code];
  const fixedEnd = 2 + FIXED_WIDTH[code];

  // Error-detection trailer: [AY<d>]AZ<hhhh> at the very end.
  let end = text.length;
  const lastPipe = text.lastIndexOf(delimiter);
  const tailStart = lastPipe >= 2 ? lastPipe + 1 : 2;
  let checksumAt = -1;
  let checksumText: string | undefined;
  if (end - 6 >= tailStart && text.charCodeAt(end - 6) === 65 && text.charCodeAt(end - 5) === 90) {
    const hex = isHex4(text, end - 4);
    if (hex || end - 6 === tailStart || ayBefore(text, end - 6, tailStart)) checksumAt = end - 6;
  }
  if (checksumAt < 0) {
    const p = text.lastIndexOf('AZ');
    if (p >= tailStart && (p === tailStart || ayBefore(text, p, tailStart))) checksumAt = p;
  }
  let sequence: number | undefined;
  if (checksumAt >= 0) {
    checksumText = text.slice(checksumAt + 2);
    end = checksumAt;
    if (ayBefore(text, checksumAt, tailStart)) {
      const d = text.charCodeAt(checksumAt - 1);
      if (isDigit(d)) sequence = d - 48;
      else defects.add('INVALID_SEQUENCE', 'AY is not followed by one digit', checksumAt - 1, 'AY');
      end = checksumAt - 3;
    }
  } else if (
    end - 3 >= 2 &&
    (end - 3 === tailStart || end - 3 === fixedEnd) &&
    text.startsWith('AY', end - 3)
  ) {
    const d = text.charCodeAt(end - 1);
    if (isDigit(d)) {
      sequence = d - 48;
      end -= 3;
    }
  }

  const checksum = verifyChecksum(text, bytes, charset, checksumAt, checksumText, defects);
  if (checksumAt < 0 && (requireErrorDetection || sequence !== undefined)) {
    defects.add(
      'MISSING_CHECKSUM',
      sequence === undefined ? 'no AY/AZ error detection' : 'AY without AZ',
      end,
      'AZ',
    );
  } else if (
    checksumAt >= 0 &&
    sequence === undefined &&
    requireErrorDetection &&
    code !== '96' &&
    code !== '97'
  ) {
    defects.add('MISSING_SEQUENCE', 'AZ without AY sequence number', checksumAt, 'AY');
  }

  // A short fixed part followed by fields (some devices send one): when the fixed part holds a
  // delimiter, or is invalid and not followed by an id this message uses, the fields start at the
  // first such id inside it.
  let fieldsStart = fixedEnd;
  if (end > fixedEnd) {
    const ids = knownIds(code);
    const firstPipe = text.indexOf(delimiter, 2);
    const broken = firstPipe >= 0 && firstPipe < fixedEnd;
    if (broken || (!ids.has(text.slice(fixedEnd, fixedEnd + 2)) && !fixedPartValid(text, spec.fixed))) {
      const limit = Math.min(broken ? firstPipe : end, fixedEnd + 1);
      for (let p = 2; p + 2 <= limit; p++) {
        if (ids.has(text.slice(p, p + 2))) {
          fieldsStart = p;
          break;
        }
      }
    }
  }
  const fixed = readFixed(text, spec.fixed, Math.min(end, fieldsStart), defects);
  const fields: Sip2Field[] = [];
  let finalDelimiter = true;
  let pos = fieldsStart;
  while (pos < end) {
    let next = text.indexOf(delimiter, pos);
    if (next < 0 || next > end) {
      next = end;
      finalDelimiter = false;
    }
    const len = next - pos;
    if (len === 0) defects.add('STRAY_DELIMITER', 'empty field between delimiters', pos);
    else if (len === 1) defects.add('MALFORMED_FIELD', 'field shorter than its two-character id', pos);
    else {
      const id = fieldId(text, pos);
      const value = text.slice(pos + 2, next);
      if (id === 'AY' || id === 'AZ') {
        defects.add('MISPLACED_ERROR_DETECTION', `${id}${value} among the fields, dropped`, pos, id);
      } else {
        if (len - 2 > SIP2_MAX_FIELD_LENGTH) {
          defects.add('FIELD_TOO_LONG', `${len - 2} characters (limit ${SIP2_MAX_FIELD_LENGTH})`, pos, id);
        }
        fields.push([id, value]);
      }
    }
    pos = next + 1;
  }

  const message: Record<string, unknown> = { code, fixed, fields, checksum: checksumAt >= 0 };
  if (sequence !== undefined) message.sequence = sequence;
  if (terminator !== undefined) message.terminator = terminator;
  if (!finalDelimiter) message.finalDelimiter = false;
  return { message: message as unknown as Sip2Message, checksum, warnings: defects.list };
}

function verifyChecksum(
  text: string,
  bytes: Uint8Array | undefined,
  charset: Sip2Charset,
  at: number,
  received: string | undefined,
  defects: Defects,
): Sip2ChecksumInfo {
  if (at < 0 || received === undefined) return { present: false, valid: false, value: undefined };
  if (received.length !== 4 || !isHex4(received, 0)) {
    defects.add(
      'INVALID_CHECKSUM',
      `AZ is followed by ${JSON.stringify(received)}, not four hex digits`,
      at,
      'AZ',
    );
    return { present: true, valid: false, value: received };
  }
  let expected: number;
  if (bytes !== undefined) {
    // The trailer is ASCII (checked above), so it is the last 4 bytes.
    expected = checksumValue(bytes, 0, bytes.length - 4);
  } else {
    const covered = encodeText(text.slice(0, at + 2), charset);
    expected = checksumValue(covered, 0, covered.length);
  }
  const value = Number.parseInt(received, 16);
  const valid = value === expected;
  if (!valid) {
    defects.add(
      'CHECKSUM_MISMATCH',
      `checksum ${received} does not match the message (expected ${expected.toString(16).toUpperCase().padStart(4, '0')})`,
      at + 2,
      'AZ',
    );
  } else if (received !== received.toUpperCase()) {
    defects.add('LOWERCASE_CHECKSUM', `checksum ${received} is in lowercase hex`, at + 2, 'AZ');
  }
  return { present: true, valid, value: received };
}

function readFixed(
  text: string,
  layout: readonly FixedSpec[],
  end: number,
  defects: Defects,
): Record<string, string> {
  const fixed: Record<string, string> = {};
  let pos = 2;
  for (let i = 0; i < layout.length; i++) {
    const spec = layout[i]!;
    const name = spec[0];
    const width = spec[1];
    const value = text.slice(pos, Math.min(pos + width, end));
    fixed[name] = value;
    if (value.length < width) {
      defects.add(
        'TRUNCATED_FIXED',
        `fixed field ${name} has ${value.length} of ${width} characters`,
        pos,
        name,
      );
    } else {
      const problem = checkFixed(spec[2], value);
      if (problem !== undefined) defects.add(problem[0], `${name}: ${problem[1]}`, pos, name);
    }
    pos += width;
  }
  return fixed;
}

function checkFixed(kind: FixedKind, value: string): [Sip2DefectCode, string] | undefined {
  if (fixedValueValid(kind, value)) return undefined;
  if (kind === 'date') return ['INVALID_DATE', `${JSON.stringify(value)} is not a SIP2 date`];
  return ['INVALID_FIXED_FIELD', `${JSON.stringify(value)} is not ${EXPECTED[kind]}`];
}

const EXPECTED: Readonly<Record<FixedKind, string>> = {
  flag: 'Y or N',
  triState: 'Y, N or U',
  ok: '1 or 0',
  holdMode: '+, - or *',
  digits: 'digits',
  count: 'four digits or four spaces',
  patronStatus: 'Y or space in each position',
  summary: 'Y or space in each position',
  date: 'a SIP2 date',
  text: 'text',
};
