import { SruError } from '@bibwire/sru-cql';
import { describe, expect, it } from 'vitest';

describe('SruError', () => {
  it('carries a stable code and is recognised by brand', () => {
    const e = new SruError('INVALID_ARGUMENT', 'bad');
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(SruError.is(e)).toBe(true);
    expect(SruError.is(new Error('x'))).toBe(false);
    const foreign = Object.assign(new Error('y'), { [Symbol.for('@bibwire/sru-cql/SruError')]: true });
    expect(SruError.is(foreign)).toBe(true);
  });
});
