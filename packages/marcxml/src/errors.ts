// One error class for the package, with a stable string `code`. The brand lets `MarcError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/marcxml/MarcError');

export type MarcErrorCode =
  | 'INVALID_ARGUMENT'
  /** ISO 2709: fewer than 24 bytes, or a fragment between record terminators. */
  | 'RECORD_TOO_SHORT'
  /** ISO 2709: leader length/base address/parameters not digits or not matching the bytes. */
  | 'INVALID_LEADER'
  /** ISO 2709: directory missing, not a multiple of the entry size, or entries that do not land on a field. */
  | 'INVALID_DIRECTORY'
  /** ISO 2709: record or field terminator missing. */
  | 'MISSING_TERMINATOR'
  /** Field-level damage: bad tag, data before the first subfield, control field with delimiters. */
  | 'INVALID_FIELD'
  | 'INVALID_INDICATOR'
  | 'INVALID_SUBFIELD'
  /** Bytes that do not decode in the record's character set. */
  | 'INVALID_ENCODING'
  /** Writer: record over 99 999 bytes or field over 9 999 bytes (set `allowOversize`). */
  | 'RECORD_TOO_LONG'
  /** Writer: a value contains a terminator or delimiter byte (0x1D, 0x1E, 0x1F). */
  | 'INVALID_VALUE'
  | 'XML_SYNTAX'
  /** MARCXML well-formed but not MARCXML (missing tag/code, unknown element, no leader). */
  | 'XML_STRUCTURE'
  | 'JSON_SYNTAX'
  | 'JSON_STRUCTURE'
  | 'MRK_SYNTAX'
  | 'UNKNOWN_FORMAT'
  /** A streamed record exceeded `maxRecordBytes`. */
  | 'LIMIT_EXCEEDED';

export interface MarcErrorDetails {
  /** 1-based record number in the input. */
  record?: number;
  /** Byte offset (binary formats) or character offset (text formats) in the input or record. */
  offset?: number;
  tag?: string;
}

export class MarcError extends Error {
  override readonly name: string = 'MarcError';
  readonly code: MarcErrorCode;
  readonly record: number | undefined;
  readonly offset: number | undefined;
  readonly tag: string | undefined;

  constructor(code: MarcErrorCode, message: string, details: MarcErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.record = details.record;
    this.offset = details.offset;
    this.tag = details.tag;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is MarcError {
    return value instanceof MarcError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}

/** A recoverable defect found by a lenient reader; strict readers throw it as a MarcError instead. */
export interface MarcProblem {
  readonly code: MarcErrorCode;
  readonly message: string;
  /** 1-based record number in the input. */
  readonly record: number;
  readonly offset?: number;
  readonly tag?: string;
}

export type ProblemHandler = (problem: MarcProblem) => void;

export function problemToError(p: MarcProblem): MarcError {
  const details: MarcErrorDetails = { record: p.record };
  if (p.offset !== undefined) details.offset = p.offset;
  if (p.tag !== undefined) details.tag = p.tag;
  return new MarcError(p.code, `record ${p.record}: ${p.message}`, details);
}
