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
const utf8Encoder = new TextEncoder();

/** A scratch buffer of at least `need` bytes (kept for reuse when not huge). */
function scratchOf(need: number): Uint8Array {
  if (need <= scratch.length) return scratch;
  const out = new Uint8Array(need);
  if (need <= SCRATCH_LIMIT) scratch = out;
  return out;
}

/**
 * Encodes a message to bytes in the connection's charset, stamping AY from `message.sequence` and
 * the AZ checksum (computed over those bytes) when `message.checksum` is true, then the terminator.
 */
export function encode(message: Sip2Message, options: Sip2EncodeOptions = {}): Uint8Array {
  const terminator = TERMINATOR_BYTES[options.terminator ?? message.terminator ?? '\r'];
  const out = encodeFastInto(message, options);
  return out === undefined ? finish(message, terminator, encodeBody(message, options)) : out;
}

/** The general path of `encode` (also the reference the fast path is tested against). */
export function encodeGeneral(message: Sip2Message, options: Sip2EncodeOptions = {}): Uint8Array {
  const terminator = TERMINATOR_BYTES[options.terminator ?? message.terminator ?? '\r'];
  return finish(message, terminator, encodeBody(message, options));
}

interface Body {
  readonly out: Uint8Array;
  readonly length: number;
}

function encodeBody(message: Sip2Message, options: Sip2EncodeOptions): Body {
  const text = messageText(message, options);
  const charset = options.charset ?? 'utf-8';
  const out = scratchOf(maxEncodedLength(text, charset) + 6);
  return { out, length: encodeTextInto(text, charset, options.unmappable ?? 'replace', out) };
}

function finish(message: Sip2Message, terminator: readonly number[], body: Body): Uint8Array {
  const out = body.out;
  let n = body.length;
  if (message.checksum === true) {
    const value = checksumValue(out, 0, n);
    out[n++] = HEX_DIGITS[(value >> 12) & 15]!;
    out[n++] = HEX_DIGITS[(value >> 8) & 15]!;
    out[n++] = HEX_DIGITS[(value >> 4) & 15]!;
    out[n++] = HEX_DIGITS[value & 15]!;
  }
  out[n++] = terminator[0]!;
  if (terminator.length === 2) out[n++] = terminator[1]!;
  return out.slice(0, n);
}

const HEX_DIGITS = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 65, 66, 67, 68, 69, 70] as const;

/**
 * Fast path for the common case: nothing to clean, reject or map (every character ASCII, or
 * UTF-8 with the default policy). Concatenates the text up to AZ, writes it with one native
 * encodeInto, then one pass over the bytes checks for CR, LF, NUL and stray `|` while summing the
 * checksum. Returns undefined to let the general path (which also produces the errors) handle it.
 */
function encodeFastInto(message: Sip2Message, options: Sip2EncodeOptions): Uint8Array | undefined {
  const code: string = message.code;
  const spec = SPEC_BY_CODE.get(code);
  if (spec === undefined) return undefined;
  let text = code;
  const fixed = message.fixed as Readonly<Record<string, unknown>>;
  const names = spec.names;
  const widths = spec.widths;
  for (let i = 0; i < names.length; i++) {
    const value = fixed[names[i]!];
    if (typeof value !== 'string' || value.length !== widths[i]) return undefined;
    text += value;
  }
  // A pipe in the fixed part is written as is; count those so only the delimiters remain.
  let pipes = text.length > 2 ? countPipes(text, 2) : 0;
  const fields = message.fields;
  const count = fields.length;
  for (let i = 0; i < count; i++) {
    const field = fields[i]!;
    const id = field[0];
    const value = field[1];
    if (!validFieldId(id) || typeof value !== 'string') return undefined;
    text += id;
    text += value;
    text += '|';
  }
  pipes += count;
  if (count > 0 && message.finalDelimiter === false) {
    text = text.slice(0, -1);
    pipes--;
  }
  const sequence = message.sequence;
  if (sequence !== undefined) {
    if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9) return undefined;
    text += AY_DIGIT[sequence]!;
  }
  const checksum = message.checksum === true;
  if (checksum) text += 'AZ';

  const length = text.length;
  const terminator = options.terminator ?? message.terminator ?? '\r';
  const extra = (checksum ? 4 : 0) + (terminator === '\r\n' ? 2 : 1);
  // ASCII (the usual case) is written by the native encoder straight into the result; other text
  // into the scratch buffer, then copied out. Non-ASCII UTF-8 bytes are right only for UTF-8
  // without the `error` policy (which must reject lone surrogates that encodeInto replaces).
  let out: Uint8Array = new Uint8Array(length + extra);
  const first = utf8Encoder.encodeInto(text, out);
  const ascii = first.read === length && first.written === length;
  let written = length;
  if (!ascii) {
    if (options.charset !== undefined && options.charset !== 'utf-8') return undefined;
    if (options.unmappable === 'error') return undefined;
    out = scratchOf(length * 3 + 6);
    written = utf8Encoder.encodeInto(text, out).written;
  }
  // One pass over the bytes: CR, LF, NUL or a `|` that is no delimiter send the message to the
  // general path (which cleans or rejects it); the sum is the checksum's.
  let sum = 0;
  for (let i = 0; i < written; i++) {
    const b = out[i]!;
    if (b <= 13 && (b === 13 || b === 10 || b === 0)) return undefined;
    if (b === 124) pipes--;
    sum += b;
  }
  if (pipes !== 0) return undefined;
  let n = written;
  if (checksum) {
    const value = -sum & 0xffff;
    out[n++] = HEX_DIGITS[(value >> 12) & 15]!;
    out[n++] = HEX_DIGITS[(value >> 8) & 15]!;
    out[n++] = HEX_DIGITS[(value >> 4) & 15]!;
    out[n++] = HEX_DIGITS[value & 15]!;
  }
  if (terminator === '\n') out[n++] = 0x0a;
  else {
    out[n++] = 0x0d;
    if (terminator === '\r\n') out[n++] = 0x0a;
  }
  return ascii ? out : out.slice(0, n);
}

const AY_DIGIT = ['AY0', 'AY1', 'AY2', 'AY3', 'AY4', 'AY5', 'AY6', 'AY7', 'AY8', 'AY9'] as const;

/** Fixed-field names and widths of each message type, as flat arrays for the fast path. */
interface FixedLayout {
  readonly names: readonly string[];
  readonly widths: readonly number[];
}

const SPEC_BY_CODE = new Map<string, FixedLayout>(
  (Object.keys(MESSAGE_SPECS) as (keyof typeof MESSAGE_SPECS)[]).map((code) => {
    const layout = MESSAGE_SPECS[code].fixed as readonly FixedSpec[];
    return [code, { names: layout.map((f) => f[0]), widths: layout.map((f) => f[1]) }];
  }),
);

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
