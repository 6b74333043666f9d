// Helpers to stamp and check SIP2 error detection (AY sequence + AZ checksum) on raw messages,
// for callers that hold message text rather than a decoded message.
import { Sip2Error } from '../errors.js';
import { checkedCharset, encodeText, type Sip2Charset } from './charset.js';
import { checksumHex, checksumValue } from './checksum.js';
import { decode } from './decode.js';
import { delimiterCode } from './delimiter.js';
import type { Sip2ChecksumInfo, Sip2UnmappablePolicy } from './types.js';

const TRAILER = /(?:AY(.))?AZ(?:[0-9A-Fa-f]{4})?$/;

export interface StampOptions {
  /** AY digit. Default: the one already in the message, else 0. 96/97 never get AY. */
  readonly sequence?: number;
  /** Default `utf-8`: the checksum is the sum of the bytes in this charset. */
  readonly charset?: Sip2Charset;
  readonly unmappable?: Sip2UnmappablePolicy;
  /** Field delimiter of the connection (default `|`): AY/AZ follow the last one. */
  readonly fieldDelimiter?: string;
}

export interface VerifyOptions {
  /** Default `utf-8`. */
  readonly charset?: Sip2Charset;
  /** Field delimiter of the connection (default `|`). */
  readonly fieldDelimiter?: string;
}

/**
 * Stamps AY/AZ on a message given as text: `…AY1AZ` (up to AZ), `…AY1AZ12AB` (re-stamped) or a
 * message without error detection. A trailing terminator is removed; the result has none.
 */
export function stampErrorDetection(message: string, options: StampOptions = {}): string {
  const delimiter = delimiterCode(options.fieldDelimiter);
  const charset = checkedCharset(options.charset);
  let text = message.replace(/(?:\r\n|\r|\n)$/, '');
  const found = TRAILER.exec(text);
  let sequence = options.sequence;
  if (
    found &&
    (found[1] !== undefined || found.index === 2 || text.charCodeAt(found.index - 1) === delimiter)
  ) {
    if (sequence === undefined && found[1] !== undefined && /\d/.test(found[1])) sequence = Number(found[1]);
    text = text.slice(0, found.index);
  }
  if (text.length < 2) throw new Sip2Error('TRUNCATED_MESSAGE', 'message has no message code', { offset: 0 });
  if (sequence !== undefined && (!Number.isInteger(sequence) || sequence < 0 || sequence > 9)) {
    throw new Sip2Error('INVALID_ARGUMENT', `sequence must be a digit 0–9, got ${sequence}`, { field: 'AY' });
  }
  const code = text.slice(0, 2);
  if (code !== '96' && code !== '97') text += `AY${sequence ?? 0}`;
  text += 'AZ';
  const bytes = encodeText(text, charset, options.unmappable ?? 'replace');
  return text + checksumHex(checksumValue(bytes, 0, bytes.length));
}

export interface ErrorDetectionCheck extends Sip2ChecksumInfo {
  /** AY digit, when present. */
  readonly sequence: number | undefined;
}

/**
 * Checks AY/AZ of a raw message (bytes as received, or text with `charset`); hex digits are
 * compared case-insensitively. Never throws for malformed input: it is simply not valid (unusable
 * options do throw: a bad `fieldDelimiter` `INVALID_CONFIG`, an unknown charset `INVALID_ARGUMENT`).
 */
export function verifyErrorDetection(
  message: Uint8Array | string,
  charsetOrOptions: Sip2Charset | VerifyOptions = 'utf-8',
): ErrorDetectionCheck {
  const options = typeof charsetOrOptions === 'string' ? { charset: charsetOrOptions } : charsetOrOptions;
  const fieldDelimiter = options.fieldDelimiter ?? '|';
  delimiterCode(fieldDelimiter);
  const charset = checkedCharset(options.charset);
  try {
    const { message: m, checksum } = decode(message, { charset, fieldDelimiter });
    return { ...checksum, sequence: m.sequence };
  } catch (error) {
    if (!Sip2Error.is(error)) throw error;
    return { present: false, valid: false, value: undefined, sequence: undefined };
  }
}
