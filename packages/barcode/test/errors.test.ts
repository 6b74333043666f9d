import { BarcodeError } from '@bibwire/barcode';
import { describe, expect, it } from 'vitest';

describe('BarcodeError', () => {
  it('carries a stable code and is recognised by brand', () => {
    const e = new BarcodeError('INVALID_ARGUMENT', 'bad');
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(BarcodeError.is(e)).toBe(true);
    expect(BarcodeError.is(new Error('x'))).toBe(false);
    const foreign = Object.assign(new Error('y'), { [Symbol.for('@bibwire/barcode/BarcodeError')]: true });
    expect(BarcodeError.is(foreign)).toBe(true);
  });
});
