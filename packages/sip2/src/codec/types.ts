import type { Sip2DefectCode, Sip2Error } from '../errors.js';
import type { Sip2Charset } from './charset.js';
import type { MessageSpecs, Sip2Code } from './specs.js';

/** A variable field as it is on the wire: two-character id and value (without the `|`). */
export type Sip2Field = readonly [id: string, value: string];

export type Sip2Terminator = '\r' | '\r\n' | '\n';

/** Fixed fields of one message type by camelCase name, each the exact wire characters. */
export type Sip2FixedFields<C extends Sip2Code> = {
  readonly [F in MessageSpecs[C]['fixed'][number] as F[0]]: string;
};

/**
 * One SIP2 message. `fields` keeps wire order, repeats, unknown ids and empty values, so
 * `encode(decode(bytes).message)` gives back a valid message byte for byte.
 */
export interface Sip2MessageOf<C extends Sip2Code> {
  readonly code: C;
  readonly fixed: Sip2FixedFields<C>;
  /** Variable fields in wire order, without AY/AZ (encode writes those from `sequence`/`checksum`). */
  readonly fields: readonly Sip2Field[];
  /** AY sequence digit 0–9; absent: no AY. */
  readonly sequence?: number;
  /** true: AZ checksum is present / stamped. */
  readonly checksum?: boolean;
  /** Default `\r`. */
  readonly terminator?: Sip2Terminator;
  /** false when the last field is not followed by `|` (some devices); default true. */
  readonly finalDelimiter?: boolean;
}

/** The message type(s) of one code or a union of codes (distributes over the union). */
export type Sip2MessageFor<C extends Sip2Code> = { [K in C]: Sip2MessageOf<K> }[C];

/** Any SIP2 message: a discriminated union on `code`. */
export type Sip2Message = Sip2MessageFor<Sip2Code>;

/** A defect found while decoding in tolerant mode. */
export interface Sip2Warning {
  readonly code: Sip2DefectCode;
  readonly message: string;
  /** Character offset within the message text (the code starts at 0). */
  readonly offset: number;
  /** Fixed-field name or two-letter field id, when the defect is in one field. */
  readonly field?: string;
}

export interface Sip2ChecksumInfo {
  /** AZ was present. */
  readonly present: boolean;
  /** AZ was present and matches the received bytes (hex compared case-insensitively). */
  readonly valid: boolean;
  /** The four characters after AZ as received. */
  readonly value: string | undefined;
}

export interface Sip2Decoded<M extends Sip2Message = Sip2Message> {
  readonly message: M;
  readonly checksum: Sip2ChecksumInfo;
  readonly warnings: readonly Sip2Warning[];
}

export type Sip2Mode = 'tolerant' | 'strict';

export interface Sip2DecodeOptions {
  /** tolerant (default): defects become `warnings`; strict: the first defect throws a Sip2Error. */
  readonly mode?: Sip2Mode;
  /** Charset of the connection (default `utf-8`). Used to turn bytes into text and to verify AZ. */
  readonly charset?: Sip2Charset;
  /**
   * `required`: a message without AY/AZ is a defect (`MISSING_CHECKSUM`).
   * `optional` (default): AY/AZ are checked when present; only AY without AZ is a defect.
   */
  readonly errorDetection?: 'optional' | 'required';
  /**
   * Field delimiter of the connection (default `|`; Koha's and Evergreen's per-account `delimiter`).
   * One printable ASCII character that is not a letter, digit, space or one of `+ - * .`
   * (those occur in fixed fields); anything else throws `INVALID_CONFIG`.
   */
  readonly fieldDelimiter?: string;
}

/** What to do with characters the charset cannot represent. */
export type Sip2UnmappablePolicy = 'replace' | 'error';
/** What to do with the field delimiter (`|`), CR, LF and NUL inside a value. */
export type Sip2IllegalCharacterPolicy = 'replace' | 'error';

export interface Sip2EncodeOptions {
  /** Default `utf-8`. The checksum is computed over the bytes of this charset. */
  readonly charset?: Sip2Charset;
  /**
   * `replace` (default): a character outside the charset becomes its unaccented base letter when
   * that exists (é → e) and `?` otherwise; `error`: throw UNMAPPABLE_CHARACTER.
   */
  readonly unmappable?: Sip2UnmappablePolicy;
  /**
   * `replace` (default): the delimiter, CR, LF and NUL in a value become a space; `error`: throw
   * ILLEGAL_CHARACTER.
   */
  readonly illegalCharacters?: Sip2IllegalCharacterPolicy;
  /** Overrides the message's terminator. */
  readonly terminator?: Sip2Terminator;
  /**
   * Field delimiter (default `|`), validated as for decoding. A value holding it follows
   * `illegalCharacters`; a `|` is then an ordinary character.
   */
  readonly fieldDelimiter?: string;
}

export interface Sip2FramerOptions extends Sip2DecodeOptions {
  /** Largest message accepted, terminator excluded (default 65536 bytes). Longer ones are discarded. */
  readonly maxMessageBytes?: number;
}

/** What the framer produces for each message found in the stream. */
export type Sip2FramedItem =
  | { readonly kind: 'message'; readonly raw: Uint8Array; readonly decoded: Sip2Decoded }
  | { readonly kind: 'error'; readonly raw: Uint8Array; readonly error: Sip2Error };

export interface Sip2Framer {
  /** Feed bytes as they arrive; returns the messages completed by them, in order. */
  push(chunk: Uint8Array): Sip2FramedItem[];
  /** The stream ended: returns the unterminated last message, if any. */
  end(): Sip2FramedItem[];
  /** Drop buffered bytes. */
  reset(): void;
  /** Bytes held while waiting for a terminator. */
  readonly bufferedBytes: number;
}
