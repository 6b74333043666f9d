// One error class for the package, with a stable string `code`. The brand lets `OaiError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/oai-pmh/OaiError');

export type OaiErrorCode = 'INVALID_ARGUMENT';

export class OaiError extends Error {
  override readonly name: string = 'OaiError';
  readonly code: OaiErrorCode;

  constructor(code: OaiErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is OaiError {
    return value instanceof OaiError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
