import { Sip2Error } from '../errors.js';
import { encodeText, encodeTextInto, maxEncodedLength } from './charset.js';
import { checksumHex, checksumValue } from './checksum.js';
import { FIXED_WIDTH, type FixedSpec, isSip2Code, MESSAGE_SPECS } from './specs.js';
import type { Sip2EncodeOptions, Sip2IllegalCharacterPolicy, Sip2Message } from './types.js';

const ILLEGAL_CONTROL = /[\r\n\0]/;
const ILLEGAL_CONTROL_ALL = /[\r\n\0]/g;
const ILLEGAL_ALL = /[|\r\n\0]/g;

/** Two printable ASCII characters other than `|`, and not AY/AZ (encode writes those itself). */
function validFieldId(id: unknown): id is string {
  if (typeof id !== 'string' || id.length !== 2) return false;
  const a = id.charCodeAt(0);
  const b = id.charCodeAt(1);
  if (a < 0x21 || a > 0x7e || a === 0x7c || b < 0x21 || b > 0x7e || b === 0x7c) return false;
  return !(a === 0x41 && (b === 0x59 || b === 0x5a));
}

function countPipes(text: string, from: number): number {
  let n = 0;
  for (let i = text.indexOf('|', from); i >= 0; i = text.indexOf('|', i + 1)) n++;
  return n;
}

function clean(
  value: string,
  policy: Sip2IllegalCharacterPolicy,
  where: string,
  pipeAllowed: boolean,
): string {
  const re = pipeAllowed ? ILLEGAL_CONTROL_ALL : ILLEGAL_ALL;
  re.lastIndex = 0;
  const found = re.exec(value);
  if (found === null) return value;
  if (policy === 'error') {
    throw new Sip2Error('ILLEGAL_CHARACTER', `${where} holds ${JSON.stringify(found[0])} at ${found.index}`, {
      field: where,
    });
  }
  return value.replace(re, ' ');
}

/**
 * The message text up to and including `AZ` when a checksum is wanted (else the whole message),
 * without terminator. Exposed for `sip2 checksum` and tests; most callers want `encode`.
 */
export function messageText(message: Sip2Message, options: Sip2EncodeOptions = {}): string {
  const text = assemble(message, undefined);
  // One scan of the whole text: after the fixed part (where a pipe is harmless) the only pipes must
  // be the delimiters we wrote, and there must be no CR, LF or NUL. Otherwise clean value by value.
  const fields = message.fields.length;
  const delimiters = fields > 0 && message.finalDelimiter === false ? fields - 1 : fields;
  const fixedEnd = 2 + FIXED_WIDTH[message.code];
  if (!ILLEGAL_CONTROL.test(text) && countPipes(text, fixedEnd) === delimiters) return text;
  return assemble(message, options.illegalCharacters ?? 'replace');
}

function assemble(message: Sip2Message, policy: Sip2IllegalCharacterPolicy | undefined): string {
  const code: string = message.code;
  if (!isSip2Code(code))
    throw new Sip2Error('INVALID_ARGUMENT', `unknown message code ${JSON.stringify(code)}`);
  let text = code;
  const fixed = message.fixed as Readonly<Record<string, unknown>>;
  for (const [name, width] of MESSAGE_SPECS[code].fixed as readonly FixedSpec[]) {
    const value = fixed[name];
    if (typeof value !== 'string' || value.length !== width) {
      throw new Sip2Error(
        'INVALID_ARGUMENT',
        `fixed field ${name} must be a string of ${width} characters, got ${JSON.stringify(value)}`,
        { field: name },
      );
    }
    text += policy === undefined ? value : clean(value, policy, name, true);
  }
  const fields = message.fields;
  const last = fields.length - 1;
  for (let i = 0; i <= last; i++) {
    const field = fields[i]!;
    const id = field[0];
    if (!validFieldId(id)) {
      throw new Sip2Error('INVALID_FIELD_ID', `field id ${JSON.stringify(id)} is not allowed`, {
        field: String(id),
      });
    }
    const value = field[1];
    if (typeof value !== 'string') {
      throw new Sip2Error('INVALID_ARGUMENT', `field ${id} value must be a string`, { field: id });
    }
    text += id;
    text += policy === undefined ? value : clean(value, policy, id, false);
    if (i < last || message.finalDelimiter !== false) text += '|';
  }
  const sequence = message.sequence;
  if (sequence !== undefined) {
    if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9) {
      throw new Sip2Error('INVALID_ARGUMENT', `sequence must be a digit 0–9, got ${sequence}`, {
        field: 'AY',
      });
    }
    text += `AY${sequence}`;
  }
  if (message.checksum === true) text += 'AZ';
  return text;
}

const TERMINATOR_BYTES = { '\r': [0x0d], '\r\n': [0x0d, 0x0a], '\n': [0x0a] } as const;
// Reused output buffer: encode copies its result out, so one scratch area serves every call.
const SCRATCH_LIMIT = 1 << 16;
let scratch = new Uint8Array(1024);

/**
 * Encodes a message to bytes in the connection's charset, stamping AY from `message.sequence` and
 * the AZ checksum (computed over those bytes) when `message.checksum` is true, then the terminator.
 */
export function encode(message: Sip2Message, options: Sip2EncodeOptions = {}): Uint8Array {
  const terminator = TERMINATOR_BYTES[options.terminator ?? message.terminator ?? '\r'];
  let n = encodeAsciiInto(message, scratch);
  let out = scratch;
  if (n < 0) {
    const text = messageText(message, options);
    const need = maxEncodedLength(text, options.charset ?? 'utf-8') + 6;
    if (need > out.length) {
      out = new Uint8Array(need);
      if (need <= SCRATCH_LIMIT) scratch = out;
    }
    n = encodeTextInto(text, options.charset ?? 'utf-8', options.unmappable ?? 'replace', out);
  }
  if (message.checksum === true) {
    const hex = checksumHex(checksumValue(out, 0, n));
    for (let k = 0; k < 4; k++) out[n++] = hex.charCodeAt(k);
  }
  out[n++] = terminator[0];
  if (terminator.length === 2) out[n++] = terminator[1]!;
  return out.slice(0, n);
}

/**
 * Fast path for the common case: every character ASCII (the same bytes in every charset), nothing
 * to clean or reject. Writes the message up to AZ into `out` and returns its length, or -1 to let
 * the general path (which also produces the errors) handle the message.
 */
function encodeAsciiInto(message: Sip2Message, out: Uint8Array): number {
  const code: string = message.code;
  if (!isSip2Code(code)) return -1;
  const room = out.length - 6; // checksum and terminator
  let n = putAscii(code, out, 0, room, true);
  const fixed = message.fixed as Readonly<Record<string, unknown>>;
  for (const [name, width] of MESSAGE_SPECS[code].fixed as readonly FixedSpec[]) {
    const value = fixed[name];
    if (typeof value !== 'string' || value.length !== width) return -1;
    n = putAscii(value, out, n, room, false);
  }
  const fields = message.fields;
  const last = fields.length - 1;
  for (let i = 0; i <= last && n >= 0; i++) {
    const field = fields[i]!;
    const id = field[0];
    const value = field[1];
    if (!validFieldId(id) || typeof value !== 'string') return -1;
    n = putAscii(value, out, putAscii(id, out, n, room, true), room, true);
    if (n >= 0 && (i < last || message.finalDelimiter !== false)) n = n < room ? putByte(out, n, 124) : -1;
  }
  if (n < 0 || n + 5 > room) return -1;
  const sequence = message.sequence;
  if (sequence !== undefined) {
    if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9) return -1;
    out[n++] = 0x41;
    out[n++] = 0x59;
    out[n++] = 0x30 + sequence;
  }
  if (message.checksum === true) {
    out[n++] = 0x41;
    out[n++] = 0x5a;
  }
  return n;
}

function putByte(out: Uint8Array, n: number, byte: number): number {
  out[n] = byte;
  return n + 1;
}

/** Writes ASCII text at `n`; -1 (also when `n` is -1) for non-ASCII, CR, LF, NUL, `|` or no room. */
function putAscii(text: string, out: Uint8Array, n: number, room: number, forbidPipe: boolean): number {
  if (n < 0 || n + text.length > room) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === 0 || c === 13 || c === 10 || (forbidPipe && c === 124)) return -1;
    out[n++] = c;
  }
  return n;
}

/**
 * The encoded message as text (checksum and terminator included); the checksum is still computed
 * over the bytes of `options.charset`.
 */
export function encodeToString(message: Sip2Message, options: Sip2EncodeOptions = {}): string {
  const text = messageText(message, options);
  const terminator = options.terminator ?? message.terminator ?? '\r';
  if (message.checksum !== true) return text + terminator;
  const bytes = encodeText(text, options.charset ?? 'utf-8', options.unmappable ?? 'replace');
  return text + checksumHex(checksumValue(bytes, 0, bytes.length)) + terminator;
}
