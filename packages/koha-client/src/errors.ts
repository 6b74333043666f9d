// One error class for the package, with a stable string `code`. The brand lets `KohaError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/koha-client/KohaError');

export type KohaErrorCode =
  /** The caller passed something the client cannot send (missing path parameter, bad id, bad option). */
  | 'INVALID_ARGUMENT'
  /** A `q` query is not valid JSON or uses an unknown operator. */
  | 'INVALID_QUERY'
  /** Koha answered with a non-2xx status; see `status`, `kohaError`, `kohaErrorCode`, `body`. */
  | 'HTTP_STATUS'
  /** The OAuth2 token endpoint refused the credentials or answered something unusable. */
  | 'TOKEN_REQUEST_FAILED'
  /** fetch itself failed (DNS, refused connection, reset) after all retries. */
  | 'NETWORK'
  /** An attempt took longer than `timeoutMs` (after all retries). */
  | 'TIMEOUT'
  /** The caller's AbortSignal fired. */
  | 'ABORTED'
  /** A 2xx answer whose body is not what the operation promises (bad JSON, wrong shape). */
  | 'INVALID_RESPONSE'
  /** A MARC body could not be parsed into a record. */
  | 'MARC_PARSE'
  /** The reports service answered with an error list or a non-JSON page. */
  | 'REPORT_FAILED';

export interface KohaErrorDetails {
  /** HTTP status of Koha's answer, when there was one. */
  status?: number;
  method?: string;
  /** Path relative to the server (never includes credentials). */
  path?: string;
  /** Koha's `error` message. */
  kohaError?: string;
  /** Koha's `error_code` (e.g. `invalid_query`, `not_found`). */
  kohaErrorCode?: string;
  /** The parsed error body (JSON) or its text, as Koha sent it. */
  body?: unknown;
  /** `x-koha-request-id` sent or echoed. */
  requestId?: number;
  /** The parameter or field at fault, for INVALID_ARGUMENT / INVALID_QUERY. */
  field?: string;
  /** Number of attempts made (retries + 1). */
  attempts?: number;
}

export class KohaError extends Error {
  override readonly name: string = 'KohaError';
  readonly code: KohaErrorCode;
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly kohaError: string | undefined;
  readonly kohaErrorCode: string | undefined;
  readonly body: unknown;
  readonly requestId: number | undefined;
  readonly field: string | undefined;
  readonly attempts: number | undefined;

  constructor(code: KohaErrorCode, message: string, details: KohaErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.kohaError = details.kohaError;
    this.kohaErrorCode = details.kohaErrorCode;
    this.body = details.body;
    this.requestId = details.requestId;
    this.field = details.field;
    this.attempts = details.attempts;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is KohaError {
    return value instanceof KohaError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
