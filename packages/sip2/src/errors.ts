// One error class for the package, with a stable string `code`. The brand lets `Sip2Error.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/sip2/Sip2Error');

/**
 * Defects a decoder can meet. In tolerant mode they are reported as warnings with the same code;
 * in strict mode they are thrown as a Sip2Error.
 */
export type Sip2DefectCode =
  /** Fewer than two characters: no message code. */
  | 'TRUNCATED_MESSAGE'
  /** The two-character code is not a SIP2 message this codec knows. */
  | 'UNKNOWN_MESSAGE'
  /** The message ends inside its fixed-length part. */
  | 'TRUNCATED_FIXED'
  /** A fixed field holds a value outside its allowed set (e.g. `X` in a Y/N flag). */
  | 'INVALID_FIXED_FIELD'
  /** An 18-character date that is not a valid date (always a warning, never thrown). */
  | 'INVALID_DATE'
  /** A variable field shorter than its two-character id. */
  | 'MALFORMED_FIELD'
  /** An empty segment between two delimiters (`||`). */
  | 'STRAY_DELIMITER'
  /** AY or AZ found among the ordinary fields instead of at the end. */
  | 'MISPLACED_ERROR_DETECTION'
  /** A variable field longer than the 255 characters SIP2 allows. */
  | 'FIELD_TOO_LONG'
  /** Error detection required but AZ absent (or AY present without AZ). */
  | 'MISSING_CHECKSUM'
  /** AZ present without the AY sequence number (96 and 97 never carry AY). */
  | 'MISSING_SEQUENCE'
  /** AZ is not followed by four hex digits. */
  | 'INVALID_CHECKSUM'
  /** The checksum does not match the bytes received. */
  | 'CHECKSUM_MISMATCH'
  /** The checksum is valid but written in lowercase hex. */
  | 'LOWERCASE_CHECKSUM'
  /** AY is not followed by one digit. */
  | 'INVALID_SEQUENCE'
  /** The message ends with LF or CRLF instead of CR. */
  | 'NONSTANDARD_TERMINATOR'
  /** Bytes that are not valid in the connection's charset (replaced by U+FFFD). */
  | 'INVALID_ENCODING'
  /** NUL, CR or LF inside a message (kept in the value; a framer would have split at CR/LF). */
  | 'CONTROL_CHARACTER'
  /** The framer saw a message end without a terminator. */
  | 'MISSING_TERMINATOR'
  /** A message longer than the framer's maximum; it was discarded. */
  | 'MESSAGE_TOO_LARGE';

export type Sip2ErrorCode =
  | Sip2DefectCode
  /** A caller-supplied value is out of range or of the wrong shape. */
  | 'INVALID_ARGUMENT'
  /** A character the connection's charset cannot encode (unmappable policy `error`). */
  | 'UNMAPPABLE_CHARACTER'
  /** A value holds the delimiter, CR, LF or NUL (illegal-character policy `error`). */
  | 'ILLEGAL_CHARACTER'
  /** A field id that is not two printable characters, or is AY/AZ (which encode writes itself). */
  | 'INVALID_FIELD_ID'
  // Client and transport (./client): the connection, not the bytes, went wrong.
  /** No response within the timeout, after every retry allowed. */
  | 'TIMEOUT'
  /** The caller's AbortSignal fired. */
  | 'ABORTED'
  /** The connection closed or could not be opened. */
  | 'CONNECTION_FAILED'
  /** The ACS answered with a message that does not answer the request (or 96 after every resend). */
  | 'UNEXPECTED_RESPONSE'
  /** The ACS refused the login (94 with ok 0). */
  | 'LOGIN_FAILED'
  /** A configuration file or object the server cannot use. */
  | 'INVALID_CONFIG';

export interface Sip2ErrorDetails {
  /** Character offset within the message text (the code starts at 0). */
  readonly offset?: number;
  /** Fixed-field name (`transactionDate`) or two-letter field id (`AO`). */
  readonly field?: string;
  readonly cause?: unknown;
}

export class Sip2Error extends Error {
  override readonly name: string = 'Sip2Error';
  readonly code: Sip2ErrorCode;
  readonly offset: number | undefined;
  readonly field: string | undefined;

  constructor(code: Sip2ErrorCode, message: string, details: Sip2ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.offset = details.offset;
    this.field = details.field;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is Sip2Error {
    return value instanceof Sip2Error || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
