// One error class for the package, with a stable string `code`. The brand lets `SruError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/sru-cql/SruError');

export type SruErrorCode = 'INVALID_ARGUMENT';

export class SruError extends Error {
  override readonly name: string = 'SruError';
  readonly code: SruErrorCode;

  constructor(code: SruErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is SruError {
    return value instanceof SruError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
