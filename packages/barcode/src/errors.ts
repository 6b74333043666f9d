// One error class for the package, with a stable string `code`. The brand lets `BarcodeError.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/barcode/BarcodeError');

export type BarcodeErrorCode = 'INVALID_ARGUMENT';

export class BarcodeError extends Error {
  override readonly name: string = 'BarcodeError';
  readonly code: BarcodeErrorCode;

  constructor(code: BarcodeErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is BarcodeError {
    return value instanceof BarcodeError || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
