// One error class for the package, with a stable string `code`. The brand lets `OaiError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/oai-pmh/OaiError');

export type OaiErrorCode =
  /** A caller passed an unusable option or argument (bad date, bad setSpec, bad config). */
  | 'INVALID_ARGUMENT'
  /** A resumption token that is malformed, tampered with, expired or made with another key. */
  | 'BAD_RESUMPTION_TOKEN'
  /** A Koha OAI configuration file that cannot be read. */
  | 'BAD_CONFIG'
  /** The remote provider answered with an OAI-PMH error; see `oaiCode`. */
  | 'OAI_PROTOCOL_ERROR'
  /** The remote provider answered with an HTTP status that is not 200 (after retries). */
  | 'HTTP_STATUS'
  /** The remote provider's response is not well-formed OAI-PMH XML. */
  | 'BAD_RESPONSE'
  /** The network failed (after retries). */
  | 'NETWORK'
  /** The caller's AbortSignal fired. */
  | 'ABORTED';

/** The eight error codes of the OAI-PMH 2.0 schema. */
export type OaiProtocolErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiErrorDetails {
  /** For OAI_PROTOCOL_ERROR: the provider's error code(s), first one here. */
  readonly oaiCode?: OaiProtocolErrorCode;
  /** For HTTP_STATUS: the HTTP status. */
  readonly status?: number;
  /** The argument, field or line the error is about. */
  readonly field?: string;
  /** 1-based line (config files) or 0-based offset, when it applies. */
  readonly line?: number;
}

export class OaiError extends Error {
  override readonly name: string = 'OaiError';
  readonly code: OaiErrorCode;
  readonly oaiCode: OaiProtocolErrorCode | undefined;
  readonly status: number | undefined;
  readonly field: string | undefined;
  readonly line: number | undefined;

  constructor(code: OaiErrorCode, message: string, details: OaiErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.oaiCode = details.oaiCode;
    this.status = details.status;
    this.field = details.field;
    this.line = details.line;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is OaiError {
    return value instanceof OaiError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
