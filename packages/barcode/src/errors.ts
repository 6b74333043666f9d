// One error class for the package, with a stable string `code`. The brand lets `BarcodeError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/barcode/BarcodeError');

export type BarcodeErrorCode =
  /** An option or parameter is out of range (scale, ratio, height ...). */
  | 'INVALID_ARGUMENT'
  /** A character the symbology cannot encode; `position` and `character` say which. */
  | 'INVALID_CHARACTER'
  /** The data has a length the symbology does not allow (empty, odd ITF, 9-digit EAN ...). */
  | 'INVALID_LENGTH'
  /** A supplied check digit does not match the computed one; `position` points at it. */
  | 'INVALID_CHECK_DIGIT'
  /** The data is valid but cannot be written in this symbology (UPC-A that does not compress to UPC-E). */
  | 'NOT_REPRESENTABLE'
  /** GS1 element string syntax error (unknown AI layout, wrong fixed length). */
  | 'INVALID_GS1'
  /** The data does not fit the largest symbol (2D symbologies). */
  | 'DATA_TOO_LONG'
  /** The barcode type name is not known. */
  | 'UNSUPPORTED_TYPE';

export interface BarcodeErrorDetails {
  /** 0-based index into the input string of the offending character or digit. */
  readonly position?: number;
  /** The offending character. */
  readonly character?: string;
  /** Symbology id, e.g. 'code39'. */
  readonly symbology?: string;
}

export class BarcodeError extends Error {
  override readonly name: string = 'BarcodeError';
  readonly code: BarcodeErrorCode;
  readonly position?: number;
  readonly character?: string;
  readonly symbology?: string;

  constructor(code: BarcodeErrorCode, message: string, options?: ErrorOptions & BarcodeErrorDetails) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.position !== undefined) this.position = options.position;
    if (options?.character !== undefined) this.character = options.character;
    if (options?.symbology !== undefined) this.symbology = options.symbology;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is BarcodeError {
    return value instanceof BarcodeError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}

/** Describe a character for messages: printable as is, control characters as U+XXXX. */
export function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || cp === 0x7f ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`;
}

/** The typed error for a character outside the symbology's set. */
export function invalidCharacter(
  symbology: string,
  data: string,
  position: number,
  what?: string,
): BarcodeError {
  const character = String.fromCodePoint(data.codePointAt(position) ?? 0);
  return new BarcodeError(
    'INVALID_CHARACTER',
    `${symbology}: invalid character ${showChar(character)} at position ${position}${what ? ` (${what})` : ''}`,
    { position, character, symbology },
  );
}
