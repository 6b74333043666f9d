import { Sip2Error } from '../errors.js';
import { checkedCharset, encodeText, encodeTextInto, maxEncodedLength } from './charset.js';
import { checksumHex, checksumValue } from './checksum.js';
import { delimiterCode } from './delimiter.js';
import { maxEncodedSize, writeFast } from './encode-fast.js';
import { FIXED_WIDTH, type FixedSpec, isSip2Code, MESSAGE_SPECS } from './specs.js';
import type { Sip2EncodeOptions, Sip2IllegalCharacterPolicy, Sip2Message } from './types.js';

const ILLEGAL_CONTROL = /[\r\n\0]/;

/** A caller's value in an error message (never throws: BigInt, symbols and cycles included). */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Throws INVALID_ARGUMENT unless `message` has the shape encode reads (values are checked later). */
function checkShape(message: unknown): asserts message is Sip2Message {
  if (typeof message !== 'object' || message === null) {
    throw new Sip2Error('INVALID_ARGUMENT', `a message must be an object, got ${shown(message)}`);
  }
  const { fields } = message as { fields?: unknown };
  if (!Array.isArray(fields)) {
    throw new Sip2Error('INVALID_ARGUMENT', `fields must be an array, got ${shown(fields)}`, {
      field: 'fields',
    });
  }
  for (let i = 0; i < fields.length; i++) {
    if (!Array.isArray(fields[i])) {
      throw new Sip2Error(
        'INVALID_ARGUMENT',
        `fields[${i}] must be an [id, value] pair, got ${shown(fields[i])}`,
        {
          field: 'fields',
        },
      );
    }
  }
}

/** Two printable ASCII characters other than the delimiter, and not AY/AZ (encode writes those). */
function validFieldId(id: unknown, delimiter: number): id is string {
  if (typeof id !== 'string' || id.length !== 2) return false;
  const a = id.charCodeAt(0);
  const b = id.charCodeAt(1);
  if (a < 0x21 || a > 0x7e || a === delimiter || b < 0x21 || b > 0x7e || b === delimiter) return false;
  return !(a === 0x41 && (b === 0x59 || b === 0x5a));
}

function countDelimiters(text: string, from: number, delimiter: number): number {
  let n = 0;
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) === delimiter) n++;
  return n;
}

const isIllegal = (c: number, delimiter: number) => c === delimiter || c === 13 || c === 10 || c === 0;

/** `value` with CR, LF, NUL (and the delimiter unless -1) replaced by spaces, or thrown on. */
function clean(value: string, policy: Sip2IllegalCharacterPolicy, where: string, delimiter: number): string {
  let at = 0;
  while (at < value.length && !isIllegal(value.charCodeAt(at), delimiter)) at++;
  if (at === value.length) return value;
  if (policy === 'error') {
    throw new Sip2Error('ILLEGAL_CHARACTER', `${where} holds ${JSON.stringify(value[at])} at ${at}`, {
      field: where,
    });
  }
  let out = value.slice(0, at);
  for (; at < value.length; at++) {
    const c = value.charCodeAt(at);
    out += isIllegal(c, delimiter) ? ' ' : value[at];
  }
  return out;
}

/**
 * The message text up to and including `AZ` when a checksum is wanted (else the whole message),
 * without terminator. Exposed for `sip2 checksum` and tests; most callers want `encode`.
 */
export function messageText(message: Sip2Message, options: Sip2EncodeOptions = {}): string {
  const delimiter = delimiterCode(options.fieldDelimiter);
  const text = assemble(message, undefined, delimiter);
  // One scan of the whole text: after the fixed part (where a pipe is harmless) the only pipes must
  // be the delimiters we wrote, and there must be no CR, LF or NUL. Otherwise clean value by value.
  const fields = message.fields.length;
  const delimiters = fields > 0 && message.finalDelimiter === false ? fields - 1 : fields;
  const fixedEnd = 2 + FIXED_WIDTH[message.code];
  if (!ILLEGAL_CONTROL.test(text) && countDelimiters(text, fixedEnd, delimiter) === delimiters) return text;
  return assemble(message, options.illegalCharacters ?? 'replace', delimiter);
}

function assemble(
  message: Sip2Message,
  policy: Sip2IllegalCharacterPolicy | undefined,
  delimiter: number,
): string {
  const delimiterText = String.fromCharCode(delimiter);
  checkShape(message);
  const code: unknown = message.code;
  if (typeof code !== 'string' || !isSip2Code(code))
    throw new Sip2Error('INVALID_ARGUMENT', `unknown message code ${shown(code)}`);
  let text: string = code;
  const layout = MESSAGE_SPECS[code].fixed as readonly FixedSpec[];
  const fixed = message.fixed as Readonly<Record<string, unknown>> | null | undefined;
  if (layout.length > 0 && (typeof fixed !== 'object' || fixed === null)) {
    throw new Sip2Error('INVALID_ARGUMENT', `fixed must be an object, got ${shown(fixed)}`, {
      field: 'fixed',
    });
  }
  for (const [name, width] of layout) {
    const value = fixed?.[name];
    if (typeof value !== 'string' || value.length !== width) {
      throw new Sip2Error(
        'INVALID_ARGUMENT',
        `fixed field ${name} must be a string of ${width} characters, got ${shown(value)}`,
        { field: name },
      );
    }
    text += policy === undefined ? value : clean(value, policy, name, -1);
  }
  const fields = message.fields;
  const last = fields.length - 1;
  for (let i = 0; i <= last; i++) {
    const field = fields[i]!;
    const id = field[0];
    if (!validFieldId(id, delimiter)) {
      throw new Sip2Error('INVALID_FIELD_ID', `field id ${shown(id)} is not allowed`, {
        field: typeof id === 'string' ? id : shown(id),
      });
    }
    const value = field[1];
    if (typeof value !== 'string') {
      throw new Sip2Error('INVALID_ARGUMENT', `field ${id} value must be a string`, { field: id });
    }
    text += id;
    text += policy === undefined ? value : clean(value, policy, id, delimiter);
    if (i < last || message.finalDelimiter !== false) text += delimiterText;
  }
  const sequence = message.sequence;
  if (sequence !== undefined) {
    if (!Number.isInteger(sequence) || sequence < 0 || sequence > 9) {
      throw new Sip2Error('INVALID_ARGUMENT', `sequence must be a digit 0–9, got ${shown(sequence)}`, {
        field: 'AY',
      });
    }
    text += `AY${sequence}`;
  }
  if (message.checksum === true) text += 'AZ';
  return text;
}

const TERMINATOR_BYTES: Readonly<Record<string, readonly number[]>> = {
  '\r': [0x0d],
  '\r\n': [0x0d, 0x0a],
  '\n': [0x0a],
};

const NO_OPTIONS: Sip2EncodeOptions = Object.freeze({});

// One reused output buffer: encode copies its result out, so one scratch area serves every call.
// `scratchBusy` guards it against a re-entrant call (a getter on the message that encodes).
const SCRATCH_LIMIT = 1 << 16;
let scratch = new Uint8Array(2048);
let scratchBusy = false;

/** A buffer of at least `need` bytes: the scratch buffer (grown) unless it is in use or `need` is huge. */
function scratchOf(need: number): Uint8Array {
  if (scratchBusy || need > SCRATCH_LIMIT) return new Uint8Array(need);
  if (need > scratch.length)
    scratch = new Uint8Array(Math.min(SCRATCH_LIMIT, Math.max(need, scratch.length * 2)));
  return scratch;
}

/**
 * Encodes a message to bytes in the connection's charset, stamping AY from `message.sequence` and
 * the AZ checksum (computed over those bytes) when `message.checksum` is true, then the terminator.
 * The result owns its buffer.
 */
export function encode(message: Sip2Message, options: Sip2EncodeOptions = NO_OPTIONS): Uint8Array {
  const delimiter = delimiterCode(options.fieldDelimiter);
  checkedCharset(options.charset);
  const size = maxEncodedSize(message);
  if (size >= 0) {
    const out = scratchOf(size);
    const end = writeGuarded(message, options, delimiter, out, 0);
    if (end >= 0) return out.slice(0, end);
  }
  return encodeGeneral(message, options);
}

/**
 * Encodes a message like `encode`, into `target` from `offset` (default 0); returns the number of
 * bytes written. For callers that reuse one output buffer: nothing is allocated when the message
 * takes the fast path. Throws `INVALID_ARGUMENT` (`field: 'target'`) when the message does not fit
 * (bytes of `target` after `offset` may then have been overwritten), and every error `encode` throws.
 */
export function encodeInto(
  message: Sip2Message,
  target: Uint8Array,
  offset = 0,
  options: Sip2EncodeOptions = NO_OPTIONS,
): number {
  if (!(target instanceof Uint8Array)) {
    throw new Sip2Error('INVALID_ARGUMENT', 'target must be a Uint8Array', { field: 'target' });
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > target.length) {
    throw new Sip2Error(
      'INVALID_ARGUMENT',
      `offset ${offset} is outside the target (${target.length} bytes)`,
      {
        field: 'offset',
      },
    );
  }
  const delimiter = delimiterCode(options.fieldDelimiter);
  const room = target.length - offset;
  const size = maxEncodedSize(message);
  if (size >= 0 && size <= room) {
    const end = writeGuarded(message, options, delimiter, target, offset);
    if (end >= 0) return end - offset;
  }
  // Near-full target, or a message for the general path: encode exactly, then copy if it fits.
  const bytes = encode(message, options);
  if (bytes.length > room) {
    throw new Sip2Error(
      'INVALID_ARGUMENT',
      `the message needs ${bytes.length} bytes, the target has ${room} from offset ${offset}`,
      { field: 'target' },
    );
  }
  target.set(bytes, offset);
  return bytes.length;
}

/** writeFast with the scratch buffer marked busy while user code (getters) could run. */
function writeGuarded(
  message: Sip2Message,
  options: Sip2EncodeOptions,
  delimiter: number,
  out: Uint8Array,
  at: number,
): number {
  const owner = out === scratch && !scratchBusy;
  if (owner) scratchBusy = true;
  try {
    return writeFast(message, options, delimiter, out, at);
  } finally {
    if (owner) scratchBusy = false;
  }
}

/** The general path of `encode` (also the reference the fast path is tested against). */
export function encodeGeneral(message: Sip2Message, options: Sip2EncodeOptions = {}): Uint8Array {
  delimiterCode(options.fieldDelimiter);
  checkedCharset(options.charset);
  checkShape(message);
  const name: unknown = options.terminator ?? message.terminator ?? '\r';
  const terminator = typeof name === 'string' ? TERMINATOR_BYTES[name] : undefined;
  if (terminator === undefined) {
    throw new Sip2Error('INVALID_ARGUMENT', `terminator must be CR, CRLF or LF, got ${shown(name)}`, {
      field: 'terminator',
    });
  }
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
 * The encoded message as text (checksum and terminator included); the checksum is still computed
 * over the bytes of `options.charset`.
 */
export function encodeToString(message: Sip2Message, options: Sip2EncodeOptions = {}): string {
  delimiterCode(options.fieldDelimiter);
  checkedCharset(options.charset);
  const text = messageText(message, options);
  const terminator = options.terminator ?? message.terminator ?? '\r';
  if (message.checksum !== true) return text + terminator;
  const bytes = encodeText(text, options.charset ?? 'utf-8', options.unmappable ?? 'replace');
  return text + checksumHex(checksumValue(bytes, 0, bytes.length)) + terminator;
}
