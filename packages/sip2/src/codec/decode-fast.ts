// The decoder's fast path: a message without a single defect is parsed in one pass over its text
// with no regexes and no intermediate arrays. On the first doubt (anything that could be a defect
// or an error) it returns undefined and the general decoder, which reports defects, takes over;
// both paths give equal results wherever the fast path answers (pinned by property tests).
import { encodeText, type Sip2Charset } from './charset.js';
import { checksumValue } from './checksum.js';
import { fixedValueValid } from './fixed-check.js';
import { type FixedKind, type FixedSpec, MESSAGE_SPECS, type Sip2Code } from './specs.js';
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

interface Layout {
  readonly code: Sip2Code;
  readonly names: readonly string[];
  readonly widths: readonly number[];
  readonly kinds: readonly FixedKind[];
  readonly fixedEnd: number;
}

// Message layouts by the two code characters ((a << 7) | b), so the code needs no slice to look up.
const LAYOUTS: (Layout | undefined)[] = new Array(128 * 128);
for (const code of Object.keys(MESSAGE_SPECS) as Sip2Code[]) {
  const fixed = MESSAGE_SPECS[code].fixed as readonly FixedSpec[];
  LAYOUTS[(code.charCodeAt(0) << 7) | code.charCodeAt(1)] = {
    code,
    names: fixed.map((f) => f[0]),
    widths: fixed.map((f) => f[1]),
    kinds: fixed.map((f) => f[2]),
    fixedEnd: 2 + fixed.reduce((n, f) => n + f[1], 0),
  };
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

const isControl = (c: number) => c === 13 || c === 10 || c === 0;

/**
 * Decodes `text` (already turned from `bytes` when those are given, with no invalid bytes) when it
 * holds no defect at all; undefined otherwise.
 */
export function parseClean(
  text: string,
  bytes: Uint8Array | undefined,
  charset: Sip2Charset,
  terminator: Sip2Terminator | undefined,
  requireErrorDetection: boolean,
): Sip2Decoded | undefined {
  if (terminator !== undefined && terminator !== '\r') return undefined;
  const length = text.length;
  if (length < 2) return undefined;
  const c0 = text.charCodeAt(0);
  const c1 = text.charCodeAt(1);
  if (c0 >= 128 || c1 >= 128) return undefined;
  const layout = LAYOUTS[(c0 << 7) | c1];
  if (layout === undefined) return undefined;
  const fixedEnd = layout.fixedEnd;

  // One pass for CR, LF and NUL anywhere (each a defect). When each byte is one character (ASCII,
  // or any byte in the single-byte charsets, all ASCII-compatible) the pass reads the bytes and
  // also sums them for the checksum.
  const bytePerChar = bytes !== undefined && bytes.length === length;
  let sum = 0;
  if (bytePerChar) {
    for (let i = 0; i < length; i++) {
      const b = bytes[i]!;
      if (b <= 13 && isControl(b)) return undefined;
      sum += b;
    }
  } else {
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c <= 13 && isControl(c)) return undefined;
    }
  }

  // Error-detection trailer, as the general decoder reads it: [AY<d>]AZ<HHHH> after the last `|`.
  const lastPipe = text.lastIndexOf('|');
  const tailStart = lastPipe >= 2 ? lastPipe + 1 : 2;
  let end = length;
  let sequence = -1;
  let checksumAt = -1;
  const z = length - 6;
  if (z >= tailStart && text.charCodeAt(z) === 65 && text.charCodeAt(z + 1) === 90) {
    const received = upperHex4(text, z + 2);
    if (received < 0) return undefined;
    checksumAt = z;
    end = z;
    if (z - 3 >= tailStart && text.charCodeAt(z - 3) === 65 && text.charCodeAt(z - 2) === 89) {
      const d = text.charCodeAt(z - 1);
      if (d < 48 || d > 57) return undefined;
      sequence = d - 48;
      end = z - 3;
    } else if (requireErrorDetection && layout.code !== '96' && layout.code !== '97') return undefined;
    let expected: number;
    if (bytes !== undefined) {
      if (bytePerChar)
        expected = -(sum - bytes[z + 2]! - bytes[z + 3]! - bytes[z + 4]! - bytes[z + 5]!) & 0xffff;
      else expected = checksumValue(bytes, 0, bytes.length - 4);
    } else {
      const covered = encodeText(text.slice(0, z + 2), charset);
      expected = checksumValue(covered, 0, covered.length);
    }
    if (expected !== received) return undefined;
  } else {
    if (requireErrorDetection || text.lastIndexOf('AZ') >= tailStart) return undefined;
    const y = length - 3;
    if (y >= 2 && (y === tailStart || y === fixedEnd) && text.startsWith('AY', y)) return undefined;
  }

  if (end < fixedEnd) return undefined;
  const fixed: Record<string, string> = {};
  const names = layout.names;
  const widths = layout.widths;
  const kinds = layout.kinds;
  let pos = 2;
  for (let i = 0; i < names.length; i++) {
    const stop = pos + widths[i]!;
    const value = text.slice(pos, stop);
    if (!fixedValueValid(kinds[i]!, value)) return undefined;
    fixed[names[i]!] = value;
    pos = stop;
  }

  // A pipe inside the fixed part would make the general decoder look for the fields inside it.
  const firstPipe = text.indexOf('|', 2);
  if (firstPipe >= 0 && firstPipe < fixedEnd) return undefined;
  const fields: Sip2Field[] = [];
  let finalDelimiter = true;
  while (pos < end) {
    let next = text.indexOf('|', pos);
    if (next < 0 || next > end) {
      next = end;
      finalDelimiter = false;
    }
    const len = next - pos;
    if (len < 2 || len - 2 > SIP2_MAX_FIELD_LENGTH) return undefined;
    if (text.charCodeAt(pos) === 65) {
      const b = text.charCodeAt(pos + 1);
      if (b === 89 || b === 90) return undefined; // AY / AZ among the fields
    }
    fields.push([fieldId(text, pos), text.slice(pos + 2, next)]);
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
  if (!finalDelimiter) message.finalDelimiter = false;
  const checksum: Sip2ChecksumInfo =
    checksumAt >= 0
      ? { present: true, valid: true, value: text.slice(checksumAt + 2) }
      : { present: false, valid: false, value: undefined };
  return { message: message as unknown as Sip2Message, checksum, warnings: [] };
}
