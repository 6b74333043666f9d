// The encoder's fast path: one pass over the message writes its bytes straight into a buffer and
// sums them for the checksum. On the first doubt (a character to clean, map or refuse, a bad id,
// width or sequence) it gives up and the general encoder, which produces the errors, takes over;
// both give the same bytes wherever the fast path answers (pinned by property tests).
import { CP850_BYTE_OF } from './charset.js';
import { layoutOf } from './layouts.js';
import type { Sip2EncodeOptions, Sip2Message } from './types.js';

/** `writeFast` could not encode the message: use the general path. */
export const GIVE_UP = -1;

const UTF8 = 0;
const LATIN1 = 1;
const CP850 = 2;
const ASCII = 3;

function charsetNumber(charset: string | undefined): number {
  if (charset === undefined || charset === 'utf-8') return UTF8;
  if (charset === 'iso-8859-1') return LATIN1;
  if (charset === 'cp850') return CP850;
  return charset === 'ascii' ? ASCII : GIVE_UP;
}

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 65, 66, 67, 68, 69, 70] as const;

/**
 * An upper bound of the encoded size (3 bytes per UTF-16 unit covers UTF-8), or GIVE_UP when the
 * message is not of the shape the fast path writes.
 */
export function maxEncodedSize(message: Sip2Message): number {
  if (typeof message !== 'object' || message === null) return GIVE_UP;
  const code = message.code as unknown;
  if (typeof code !== 'string' || code.length !== 2) return GIVE_UP;
  const layout = layoutOf(code.charCodeAt(0), code.charCodeAt(1));
  const fields = message.fields as unknown;
  if (layout === undefined || !Array.isArray(fields)) return GIVE_UP;
  const fixed = message.fixed as unknown;
  if (layout.names.length > 0 && (typeof fixed !== 'object' || fixed === null)) return GIVE_UP;
  let size = 2 + 3 * (layout.fixedEnd - 2) + 3 + 6 + 2; // code, fixed part, AY, AZ, terminator
  for (let i = 0; i < fields.length; i++) {
    const field: unknown = fields[i];
    if (!Array.isArray(field)) return GIVE_UP;
    const value: unknown = field[1];
    if (typeof value !== 'string') return GIVE_UP;
    size += 3 + 3 * value.length;
  }
  return size;
}

/**
 * Writes the message at `out[at]` (which must have `maxEncodedSize` bytes free) with AY, the AZ
 * checksum and the terminator; returns the end offset, or GIVE_UP (bytes written are then garbage).
 */
export function writeFast(
  message: Sip2Message,
  options: Sip2EncodeOptions,
  delimiter: number,
  out: Uint8Array,
  at: number,
): number {
  const charset = charsetNumber(options.charset);
  if (charset === GIVE_UP) return GIVE_UP;
  const terminator = options.terminator ?? message.terminator ?? '\r';
  if (terminator !== '\r' && terminator !== '\r\n' && terminator !== '\n') return GIVE_UP;
  const code: string = message.code;
  const layout = layoutOf(code.charCodeAt(0), code.charCodeAt(1));
  if (layout === undefined) return GIVE_UP;
  let p = at;
  let sum = 0;
  let c = code.charCodeAt(0);
  out[p++] = c;
  sum += c;
  c = code.charCodeAt(1);
  out[p++] = c;
  sum += c;

  const fixed = message.fixed as Readonly<Record<string, unknown>>;
  const names = layout.names;
  const widths = layout.widths;
  for (let i = 0; i < names.length; i++) {
    const value = fixed[names[i]!];
    if (typeof value !== 'string' || value.length !== widths[i]) return GIVE_UP;
    // The delimiter is an ordinary character inside the fixed part.
    p = writeText(value, out, p, charset, -1);
    if (p < 0) return GIVE_UP;
    sum += textSum;
  }

  const fields = message.fields;
  const count = fields.length;
  for (let i = 0; i < count; i++) {
    const field = fields[i]!;
    const id = field[0] as unknown;
    if (typeof id !== 'string' || id.length !== 2) return GIVE_UP;
    const a = id.charCodeAt(0);
    const b = id.charCodeAt(1);
    if (a < 0x21 || a > 0x7e || a === delimiter || b < 0x21 || b > 0x7e || b === delimiter) return GIVE_UP;
    if (a === 0x41 && (b === 0x59 || b === 0x5a)) return GIVE_UP; // AY / AZ
    out[p++] = a;
    out[p++] = b;
    sum += a + b;
    const value = field[1];
    p = writeText(value, out, p, charset, delimiter);
    if (p < 0) return GIVE_UP;
    sum += textSum;
    if (i < count - 1 || message.finalDelimiter !== false) {
      out[p++] = delimiter;
      sum += delimiter;
    }
  }

  const sequence = message.sequence;
  if (sequence !== undefined) {
    if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9) return GIVE_UP;
    out[p++] = 0x41;
    out[p++] = 0x59;
    out[p++] = 48 + sequence;
    sum += 0x41 + 0x59 + 48 + sequence;
  }
  if (message.checksum === true) {
    out[p++] = 0x41;
    out[p++] = 0x5a;
    const value = -(sum + 0x41 + 0x5a) & 0xffff;
    out[p++] = HEX[value >> 12]!;
    out[p++] = HEX[(value >> 8) & 15]!;
    out[p++] = HEX[(value >> 4) & 15]!;
    out[p++] = HEX[value & 15]!;
  }
  if (terminator === '\n') out[p++] = 0x0a;
  else {
    out[p++] = 0x0d;
    if (terminator === '\r\n') out[p++] = 0x0a;
  }
  return p;
}

/** Sum of the bytes the last `writeText` wrote (a second result without an allocation). */
let textSum = 0;

/**
 * Writes `text` at `out[p]` in the charset and returns the end offset; GIVE_UP on CR, LF, NUL, the
 * delimiter (unless -1), a lone surrogate or a character the charset lacks: the general path
 * cleans, maps or refuses those. ASCII, the usual case, is written and summed in the first branch.
 */
function writeText(text: string, out: Uint8Array, p: number, charset: number, delimiter: number): number {
  const length = text.length;
  const start = p;
  let sum = 0;
  let nonAscii = false;
  for (let j = 0; j < length; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x80) {
      if (c <= 13 && (c === 13 || c === 10 || c === 0)) return GIVE_UP;
      if (c === delimiter) return GIVE_UP;
      out[p++] = c;
      sum += c;
      continue;
    }
    nonAscii = true;
    if (charset === UTF8) {
      if (c < 0x800) {
        out[p++] = 0xc0 | (c >> 6);
        out[p++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        out[p++] = 0xe0 | (c >> 12);
        out[p++] = 0x80 | ((c >> 6) & 63);
        out[p++] = 0x80 | (c & 63);
      } else {
        const d = text.charCodeAt(j + 1); // NaN past the end
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return GIVE_UP;
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out[p++] = 0xf0 | (cp >> 18);
        out[p++] = 0x80 | ((cp >> 12) & 63);
        out[p++] = 0x80 | ((cp >> 6) & 63);
        out[p++] = 0x80 | (cp & 63);
        j++;
      }
    } else if (charset === LATIN1) {
      if (c > 0xff) return GIVE_UP;
      out[p++] = c;
    } else if (charset === CP850) {
      const byte = c < 0x2600 ? CP850_BYTE_OF[c]! : 0;
      if (byte === 0) return GIVE_UP;
      out[p++] = byte;
    } else return GIVE_UP;
  }
  // Non-ASCII bytes were not summed above: add them now (rare, and still in cache).
  if (nonAscii) {
    sum = 0;
    for (let k = start; k < p; k++) sum += out[k]!;
  }
  textSum = sum;
  return p;
}
