// The decoder's fast path: a message without a single defect becomes one string (the native UTF-8
// decoder, which reads ASCII in every charset), native scans find controls and delimiters, and each
// value is a `slice` of that string. On the first doubt (anything that could be a defect or an
// error) it returns undefined and the general decoder, which reports defects, takes over; both
// paths give equal results wherever the fast path answers (pinned by property tests). Measured:
// the native scans beat a JavaScript pass over the bytes, even one reading four bytes at a time.
import { encodeText, type Sip2Charset, singleByteText } from './charset.js';
import { checksumValue } from './checksum.js';
import { isValidSip2DateAt } from './dates.js';
import {
  KIND_COUNT,
  KIND_DATE,
  KIND_DIGITS,
  KIND_FLAG,
  KIND_HOLD_MODE,
  KIND_OK,
  KIND_TEXT,
  KIND_TRI_STATE,
  KIND_Y_OR_SPACE,
  type Layout,
  layoutOf,
} from './layouts.js';
import type { Sip2ChecksumInfo, Sip2Decoded, Sip2Field, Sip2Message, Sip2Terminator } from './types.js';

/** SIP2's limit on a variable field's length (characters). */
export const SIP2_MAX_FIELD_LENGTH = 255;

// Two-character ids of printable ASCII are interned: decoding allocates no string per id.
const ID_CACHE: (string | undefined)[] = new Array(128 * 128);

export function fieldId(text: string, at: number): string {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  if (a >= 128 || b >= 128) return text.slice(at, at + 2);
  const key = (a << 7) | b;
  let id = ID_CACHE[key];
  if (id === undefined) {
    id = text.slice(at, at + 2);
    ID_CACHE[key] = id;
  }
  return id;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Delimiter offsets of the message being decoded, reused between calls (grown when needed). */
let delimiterAt: Int32Array = new Int32Array(64);

/**
 * Decodes the bytes of one message (terminator removed) when they hold no defect at all;
 * undefined otherwise.
 */
export function parseCleanBytes(
  bytes: Uint8Array,
  charset: Sip2Charset,
  terminator: Sip2Terminator | undefined,
  requireErrorDetection: boolean,
  delimiter: number,
): Sip2Decoded | undefined {
  if (terminator !== undefined && terminator !== '\r') return undefined;
  const length = bytes.length;
  if (length < 2) return undefined;
  const layout = layoutOf(bytes[0]!, bytes[1]!);
  if (layout === undefined) return undefined;

  // ASCII reads the same in every charset here, and the native UTF-8 decoder is fastest. Every
  // byte over 0x7F either joins others into fewer characters or becomes U+FFFD: the same length
  // and no U+FFFD mean ASCII.
  let text = utf8Decoder.decode(bytes);
  if (text.length !== length || text.includes('\uFFFD')) {
    if (charset === 'iso-8859-1' || charset === 'cp850') text = singleByteText(bytes, charset);
    else if (charset !== 'utf-8' || text.includes('\uFFFD')) return undefined; // the general path tells
  }
  if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) return undefined;
  // Only a message with a trailer needs the sum (of the bytes before its four ASCII hex digits).
  const z = text.length - 6;
  const expected =
    z >= 2 && text.charCodeAt(z) === 65 && text.charCodeAt(z + 1) === 90
      ? checksumValue(bytes, 0, length - 4)
      : -1;
  return parseCleanText(text, layout, expected, requireErrorDetection, delimiter, terminator);
}

/** Notes the offsets of the delimiters in `delimiterAt`; returns their number. */
function findDelimiters(text: string, delimiter: string): number {
  let at = delimiterAt;
  let count = 0;
  for (let p = text.indexOf(delimiter); p >= 0; p = text.indexOf(delimiter, p + 1)) {
    if (count === at.length) {
      at = new Int32Array(count * 2);
      at.set(delimiterAt);
      delimiterAt = at;
    }
    at[count++] = p;
  }
  return count;
}

/**
 * Decodes `text` (already turned from `bytes` when those are given, with no invalid bytes) when it
 * holds no defect at all; undefined otherwise. The string path of `decode`.
 */
export function parseClean(
  text: string,
  bytes: Uint8Array | undefined,
  charset: Sip2Charset,
  terminator: Sip2Terminator | undefined,
  requireErrorDetection: boolean,
  delimiter = 0x7c,
): Sip2Decoded | undefined {
  if (terminator !== undefined && terminator !== '\r') return undefined;
  const length = text.length;
  if (length < 2) return undefined;
  const layout = layoutOf(text.charCodeAt(0), text.charCodeAt(1));
  if (layout === undefined) return undefined;
  if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) return undefined;
  // Only a message with a trailer needs its bytes: the checksum is over those of the charset.
  let expected = -1;
  const z = length - 6;
  if (z >= 2 && text.charCodeAt(z) === 65 && text.charCodeAt(z + 1) === 90) {
    if (bytes !== undefined) expected = checksumValue(bytes, 0, bytes.length - 4);
    else {
      const covered = encodeText(text.slice(0, z + 2), charset);
      expected = checksumValue(covered, 0, covered.length);
    }
  }
  return parseCleanText(text, layout, expected, requireErrorDetection, delimiter, terminator);
}

const hexValue = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : -1);

/** Upper-case hex digits at `at`…`at + 3` as a number, or -1. */
function upperHex4(text: string, at: number): number {
  const a = hexValue(text.charCodeAt(at));
  const b = hexValue(text.charCodeAt(at + 1));
  const c = hexValue(text.charCodeAt(at + 2));
  const d = hexValue(text.charCodeAt(at + 3));
  return (a | b | c | d) < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
}

/**
 * The common part: trailer, fixed part, fields. `expected` is the checksum the bytes give (if
 * the message has a trailer).
 */
function parseCleanText(
  text: string,
  layout: Layout,
  expected: number,
  requireErrorDetection: boolean,
  delimiter: number,
  terminator: Sip2Terminator | undefined,
): Sip2Decoded | undefined {
  const length = text.length;
  const fixedEnd = layout.fixedEnd;
  const count = findDelimiters(text, String.fromCharCode(delimiter));
  const positions = delimiterAt;
  // Error-detection trailer, as the general decoder reads it: [AY<d>]AZ<HHHH> after the last delimiter.
  const lastDelimiter = count === 0 ? -1 : positions[count - 1]!;
  const tailStart = lastDelimiter >= 2 ? lastDelimiter + 1 : 2;
  let end = length;
  let sequence = -1;
  let checksumAt = -1;
  const z = length - 6;
  if (z >= tailStart && text.charCodeAt(z) === 65 && text.charCodeAt(z + 1) === 90) {
    const received = upperHex4(text, z + 2);
    if (received < 0 || received !== expected) return undefined;
    checksumAt = z;
    end = z;
    if (z - 3 >= tailStart && text.charCodeAt(z - 3) === 65 && text.charCodeAt(z - 2) === 89) {
      const d = text.charCodeAt(z - 1);
      if (d < 48 || d > 57) return undefined;
      sequence = d - 48;
      end = z - 3;
    } else if (requireErrorDetection && layout.code !== '96' && layout.code !== '97') return undefined;
  } else {
    if (requireErrorDetection || text.lastIndexOf('AZ') >= tailStart) return undefined;
    const y = length - 3;
    if (y >= 2 && (y === tailStart || y === fixedEnd) && text.startsWith('AY', y)) return undefined;
  }
  if (end < fixedEnd) return undefined;

  // A delimiter inside the fixed part would make the general decoder look for the fields there.
  const firstDelimiter = count === 0 ? -1 : positions[0]!;
  if (firstDelimiter >= 0 && firstDelimiter < fixedEnd) return undefined;
  const fixed = readFixedClean(text, layout);
  if (fixed === undefined) return undefined;

  // Every delimiter lies before the trailer; a last field without one ends at the trailer.
  const unterminated = end > (lastDelimiter >= fixedEnd ? lastDelimiter + 1 : fixedEnd);
  const fieldCount = count + (unterminated ? 1 : 0);
  const fields: Sip2Field[] = new Array(fieldCount);
  let pos = fixedEnd;
  for (let f = 0; f < fieldCount; f++) {
    const next = f === count ? end : positions[f]!;
    const len = next - pos;
    if (len < 2 || len - 2 > SIP2_MAX_FIELD_LENGTH) return undefined;
    const a = text.charCodeAt(pos);
    const b = text.charCodeAt(pos + 1);
    if (a === 65 && (b === 89 || b === 90)) return undefined; // AY / AZ among the fields
    const id = a < 128 && b < 128 ? (ID_CACHE[(a << 7) | b] ?? fieldId(text, pos)) : text.slice(pos, pos + 2);
    fields[f] = [id, text.slice(pos + 2, next)];
    pos = next + 1;
  }

  const message: Record<string, unknown> = {
    code: layout.code,
    fixed,
    fields,
    checksum: checksumAt >= 0,
  };
  if (sequence >= 0) message.sequence = sequence;
  if (terminator !== undefined) message.terminator = terminator;
  if (unterminated) message.finalDelimiter = false;
  const checksum: Sip2ChecksumInfo =
    checksumAt >= 0
      ? { present: true, valid: true, value: text.slice(checksumAt + 2) }
      : { present: false, valid: false, value: undefined };
  return { message: message as unknown as Sip2Message, checksum, warnings: [] };
}

/** The fixed fields by name when every one is valid; undefined otherwise. */
function readFixedClean(text: string, layout: Layout): Record<string, string> | undefined {
  const fixed: Record<string, string> = { ...layout.template };
  const names = layout.names;
  const widths = layout.widths;
  const kinds = layout.kinds;
  let pos = 2;
  for (let i = 0; i < names.length; i++) {
    const width = widths[i]!;
    if (!fixedValid(text, pos, width, kinds[i]!)) return undefined;
    fixed[names[i]!] = text.slice(pos, pos + width);
    pos += width;
  }
  return fixed;
}

/** `fixedValueValid` on the characters at `pos` (no slice); may say false where it says true. */
export function fixedValid(text: string, pos: number, width: number, kind: number): boolean {
  const c = text.charCodeAt(pos);
  switch (kind) {
    case KIND_FLAG:
      return width === 1 && (c === 0x59 || c === 0x4e);
    case KIND_TRI_STATE:
      return width === 1 && (c === 0x59 || c === 0x4e || c === 0x55);
    case KIND_OK:
      return width === 1 && (c === 0x31 || c === 0x30);
    case KIND_HOLD_MODE:
      return width === 1 && (c === 0x2b || c === 0x2d || c === 0x2a);
    case KIND_DIGITS: {
      let i = pos;
      const stop = pos + width;
      while (i < stop && text.charCodeAt(i) === 0x20) i++; // space-padded numbers occur
      return digitsFrom(text, i, stop);
    }
    case KIND_COUNT:
      return digitsFrom(text, pos, pos + width) || (width === 4 && text.startsWith('    ', pos));
    case KIND_Y_OR_SPACE:
      for (let i = pos; i < pos + width; i++) {
        const y = text.charCodeAt(i);
        if (y !== 0x59 && y !== 0x20) return false;
      }
      return true;
    case KIND_DATE:
      return width === 18 && isValidSip2DateAt(text, pos);
    case KIND_TEXT:
      return true;
    default:
      return false;
  }
}

function digitsFrom(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
