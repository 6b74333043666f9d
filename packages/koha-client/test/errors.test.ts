import { KohaError } from '@bibwire/koha-client';
import { describe, expect, it } from 'vitest';

describe('KohaError', () => {
  it('carries a stable code and is recognised by brand', () => {
    const e = new KohaError('INVALID_ARGUMENT', 'bad');
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(KohaError.is(e)).toBe(true);
    expect(KohaError.is(new Error('x'))).toBe(false);
    const foreign = Object.assign(new Error('y'), { [Symbol.for('@bibwire/koha-client/KohaError')]: true });
    expect(KohaError.is(foreign)).toBe(true);
  });
});
