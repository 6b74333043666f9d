// One error class for the package, with a stable string `code`. The brand lets `SruError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/sru-cql/SruError');

export type SruErrorCode =
  /** A caller passed a value the API does not accept. */
  | 'INVALID_ARGUMENT'
  /** CQL does not follow the grammar (SRU diagnostic 10). */
  | 'CQL_SYNTAX'
  /** Unbalanced or too deeply nested parentheses (SRU diagnostic 13). */
  | 'CQL_PARENTHESES'
  /** A quoted string is not closed (SRU diagnostic 14). */
  | 'CQL_QUOTES'
  /** The query is longer than the parser's limit (SRU diagnostic 12). */
  | 'CQL_TOO_LONG'
  /** The query tree is deeper than the parser's limit (SRU diagnostic 38). */
  | 'CQL_TOO_COMPLEX'
  /** XCQL or JSON input that does not describe a CQL query. */
  | 'XCQL_INVALID'
  /** A query uses an index, relation, modifier ... the translator or back end does not support. */
  | 'UNSUPPORTED'
  /** An SRU server answered with a fatal diagnostic. */
  | 'SRU_DIAGNOSTIC'
  /** The HTTP exchange failed (status not 2xx). */
  | 'HTTP_ERROR'
  /** The server's answer is not a well-formed SRU response. */
  | 'BAD_RESPONSE';

export interface SruErrorDetails {
  /** SRU diagnostic number (info:srw/diagnostic/1/N) that describes this error. */
  readonly diagnostic?: number;
  /** Offset in the query (UTF-16 code units) where the problem was found. */
  readonly offset?: number;
  /** The diagnostic's `details`: offending parameter, index, relation ... */
  readonly details?: string;
  /** HTTP status for HTTP_ERROR. */
  readonly status?: number;
}

export class SruError extends Error {
  override readonly name: string = 'SruError';
  readonly code: SruErrorCode;
  readonly diagnostic: number | undefined;
  readonly offset: number | undefined;
  readonly details: string | undefined;
  readonly status: number | undefined;

  constructor(code: SruErrorCode, message: string, details: SruErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.diagnostic = details.diagnostic;
    this.offset = details.offset;
    this.details = details.details;
    this.status = details.status;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is SruError {
    return value instanceof SruError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
