// One error class for the package, with a stable string `code`. The brand lets `Sip2Error.is`
// recognise errors thrown by a second copy of the package (ESM and CJS loaded side by side).
const BRAND = Symbol.for('@bibwire/sip2/Sip2Error');

export type Sip2ErrorCode = 'INVALID_ARGUMENT';

export class Sip2Error extends Error {
  override readonly name: string = 'Sip2Error';
  readonly code: Sip2ErrorCode;

  constructor(code: Sip2ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static is(value: unknown): value is Sip2Error {
    return value instanceof Sip2Error || (typeof value === 'object' && value !== null && BRAND in value);
  }
}
