import { OaiError } from '@bibwire/oai-pmh';
import { describe, expect, it } from 'vitest';

describe('OaiError', () => {
  it('carries a stable code and is recognised by brand', () => {
    const e = new OaiError('INVALID_ARGUMENT', 'bad');
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(OaiError.is(e)).toBe(true);
    expect(OaiError.is(new Error('x'))).toBe(false);
    const foreign = Object.assign(new Error('y'), { [Symbol.for('@bibwire/oai-pmh/OaiError')]: true });
    expect(OaiError.is(foreign)).toBe(true);
  });
});
