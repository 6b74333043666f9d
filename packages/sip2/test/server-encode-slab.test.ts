import { build, encode, type Sip2Message } from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { encodeToSlab } from '../src/transport/slab.js';
import { anyMessage } from './arbitraries.js';

// Responses are encoded back to back into shared slabs; every one must equal `encode` and stay
// intact while later ones are written (the socket or a 97 may still hold it).
describe('encodeToSlab', () => {
  test.prop([fc.array(anyMessage({ charset: 'utf-8' }), { minLength: 1, maxLength: 60 })], { numRuns: 60 })(
    'gives the bytes encode gives, and earlier results never change',
    (messages) => {
      const handed: { bytes: Buffer; copy: Uint8Array }[] = [];
      for (const m of messages) {
        let expected: Uint8Array;
        try {
          expected = encode(m);
        } catch (error) {
          expect(() => encodeToSlab(m, {})).toThrow((error as Error).message);
          continue;
        }
        const bytes = encodeToSlab(m, {});
        expect(Buffer.isBuffer(bytes)).toBe(true);
        expect(new Uint8Array(bytes)).toEqual(expected);
        handed.push({ bytes, copy: Uint8Array.from(bytes) });
      }
      for (const h of handed) expect(new Uint8Array(h.bytes)).toEqual(h.copy);
    },
  );

  it('handles messages longer than a slab and the options of the connection', () => {
    const long: Sip2Message = build.patronInformationResponse({
      institutionId: 'MAIN',
      patronIdentifier: 'P1',
      personalName: 'X',
      chargedItems: Array.from({ length: 900 }, (_, i) => `ITEM-${i}-${'x'.repeat(10)}`),
    });
    const small = build.itemInformation({ institutionId: 'MAIN', itemIdentifier: 'I1' });
    const options = { charset: 'cp850', terminator: '\r\n', fieldDelimiter: '^' } as const;
    const first = encodeToSlab(small, options);
    const big = encodeToSlab(long, options);
    const after = encodeToSlab(small, options);
    expect(big.length).toBeGreaterThan(8 * 1024);
    expect(new Uint8Array(big)).toEqual(encode(long, options));
    expect(new Uint8Array(first)).toEqual(encode(small, options));
    expect(new Uint8Array(after)).toEqual(encode(small, options));
    expect(after.toString('latin1')).toMatch(/\^AB/);
  });
});
