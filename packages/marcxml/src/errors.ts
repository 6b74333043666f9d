// One error class for the package, with a stable string `code`. The brand lets `MarcError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/marcxml/MarcError');

export type MarcErrorCode = 'INVALID_ARGUMENT';

export class MarcError extends Error {
  override readonly name: string = 'MarcError';
  readonly code: MarcErrorCode;

  constructor(code: MarcErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is MarcError {
    return value instanceof MarcError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
