// One error class for the package, with a stable string `code`. The brand lets `KohaError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/koha-client/KohaError');

export type KohaErrorCode = 'INVALID_ARGUMENT';

export class KohaError extends Error {
  override readonly name: string = 'KohaError';
  readonly code: KohaErrorCode;

  constructor(code: KohaErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is KohaError {
    return value instanceof KohaError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
