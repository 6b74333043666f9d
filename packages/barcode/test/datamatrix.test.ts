import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { encodeDataMatrix } from '../src/datamatrix/encode.js';
import { DATA_MATRIX_SIZES } from '../src/datamatrix/sizes.js';
import { BarcodeError } from '../src/errors.js';
import { decodeDataMatrix } from './datamatrix-reference-decoder.js';

describe('encodeDataMatrix golden values (spec notes §10)', () => {
  it('encodes 123456 in 10x10 as 142 164 186 with EC 114 25 5 88 102', () => {
    const s = encodeDataMatrix('123456');
    expect([s.size, s.width, s.height, s.quietZone]).toEqual(['10x10', 10, 10, 1]);
    expect(decodeDataMatrix(s).codewords).toEqual([142, 164, 186]);
    // zint -b 71 -d 123456 --dump
    const rows = Array.from({ length: 10 }, (_, r) =>
      Array.from(s.modules.subarray(r * 10, r * 10 + 10)).join(''),
    );
    expect(rows).toEqual([
      '1010101010',
      '1100101101',
      '1100000100',
      '1100011101',
      '1100001000',
      '1000001111',
      '1110110000',
      '1111011001',
      '1001110100',
      '1111111111',
    ]);
  });

  it('pads with 129 then the 253-state sequence', () => {
    // 'A' = 66, then pads at positions 2 and 3.
    expect(decodeDataMatrix(encodeDataMatrix('A')).codewords).toEqual([66, 129, 70]);
  });

  it('fills 144x144 with 3116 digits and rejects one more', () => {
    const max = '7'.repeat(3116);
    const s = encodeDataMatrix(max);
    expect(s.size).toBe('144x144');
    expect(decodeDataMatrix(s).text).toBe(max);
    expect(() => encodeDataMatrix(`${max}7`)).toThrow(/needs 1559 codewords, 144x144 holds 1558/);
  });

  it.each(DATA_MATRIX_SIZES.map((s) => [s.name, s.dataCodewords]))(
    '%s holds %i codewords of digit pairs',
    (size, cw) => {
      const s = encodeDataMatrix('4'.repeat(cw * 2), { size: size as '10x10' });
      expect(s.size).toBe(size);
      expect(decodeDataMatrix(s).text).toBe('4'.repeat(cw * 2));
      expect(
        catchError(() => encodeDataMatrix('4'.repeat(cw * 2 + 2), { size: size as '10x10' })),
      ).toMatchObject({
        code: 'DATA_TOO_LONG',
      });
    },
  );
});

describe('encodeDataMatrix encodations', () => {
  const modes = (text: string | Uint8Array) => decodeDataMatrix(encodeDataMatrix(text)).modes;
  it('uses C40 for long uppercase runs', () => expect(modes('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toContain('c40'));
  it('uses Text for long lowercase runs', () =>
    expect(modes('the quick brown fox jumps over')).toContain('text'));
  it('uses X12 for X12 data with separators', () => expect(modes('AB*CD>EF\rGH*IJ>KL\rMN')).toContain('x12'));
  it('uses EDIFACT for punctuation-heavy uppercase', () =>
    expect(modes('A=B;C:D?E=F;G:H?I=J;K:L?')).toContain('edifact'));
  it('uses Base 256 for binary data', () =>
    expect(modes(Uint8Array.from([200, 201, 202, 203, 204, 205]))).toContain('base256'));
  it('uses digit pairs in ASCII', () =>
    expect(decodeDataMatrix(encodeDataMatrix('0123456789')).dataCodewords).toBe(5));
  it('writes Latin-1 text without ECI', () => {
    const d = decodeDataMatrix(encodeDataMatrix('Grüße'));
    expect(d.eci).toEqual([]);
    expect(d.text).toBe('Grüße');
  });
  it('announces UTF-8 with ECI 26 beyond Latin-1', () => {
    const d = decodeDataMatrix(encodeDataMatrix('図書館 ✓'));
    expect(d.eci).toEqual([26]);
    expect(d.text).toBe('図書館 ✓');
  });
  it('omits the ECI when asked', () => {
    const d = decodeDataMatrix(encodeDataMatrix('✓', { eci: false }));
    expect(d.eci).toEqual([]);
    expect(Array.from(d.bytes)).toEqual([0xe2, 0x9c, 0x93]);
  });
  it('uses only ASCII on request', () => {
    expect(modes(Uint8Array.from([200, 201, 202, 203, 204, 205]))).toContain('base256');
    expect(
      decodeDataMatrix(encodeDataMatrix('ABCDEFGHIJKLMNOPQRSTUVWXYZ', { asciiOnly: true })).modes,
    ).toEqual(['ascii']);
  });
  it('chooses rectangles when asked', () => {
    expect(encodeDataMatrix('12345678', { shape: 'rectangle' }).size).toBe('8x18');
    expect(encodeDataMatrix('1234567890', { shape: 'any' }).size).toBe('12x12');
    expect(encodeDataMatrix('123456789012345678', { shape: 'any' }).size).toBe('8x32');
  });
  it('rejects bad options and lone surrogates', () => {
    expect(catchError(() => encodeDataMatrix('1', { size: '11x11' as '10x10' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(catchError(() => encodeDataMatrix('1', { shape: 'round' as 'any' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(catchError(() => encodeDataMatrix('ab\udc00'))).toMatchObject({
      code: 'INVALID_CHARACTER',
      position: 2,
    });
  });
  it('encodes the empty string as pads in 10x10', () => {
    const d = decodeDataMatrix(encodeDataMatrix(''));
    expect([d.size, d.text, d.dataCodewords]).toEqual(['10x10', '', 0]);
  });
});

/** Strings biased to the encodation sets and to their boundaries. */
const dmBytes = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[0-9]{1,9}$/),
      fc.stringMatching(/^[A-Z0-9 ]{1,12}$/),
      fc.stringMatching(/^[a-z0-9 ]{1,12}$/),
      fc.stringMatching(/^[A-Z0-9 \r*>]{1,12}$/),
      fc.stringMatching(/^[ -^]{1,12}$/),
      fc.string({ unit: 'binary-ascii', maxLength: 6 }),
      fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => String.fromCharCode(...b)),
    ),
    { maxLength: 8 },
  )
  .map((parts) => Uint8Array.from(parts.join(''), (c) => c.charCodeAt(0)));

const shapes = fc.constantFrom('square', 'rectangle', 'any') as fc.Arbitrary<'square' | 'rectangle' | 'any'>;

describe('encodeDataMatrix properties', () => {
  test.prop([dmBytes, shapes])('decodes back to the input bytes', (bytes, shape) => {
    try {
      const s = encodeDataMatrix(bytes, { shape });
      expect(Array.from(decodeDataMatrix(s).bytes)).toEqual(Array.from(bytes));
    } catch (e) {
      // Only rectangles run out of room (16x48 holds 49 codewords).
      expect(shape === 'rectangle' && BarcodeError.is(e) && e.code === 'DATA_TOO_LONG').toBe(true);
    }
  });

  test.prop([dmBytes])('ASCII-only symbols decode too, and the mixed choice is never longer', (bytes) => {
    const ascii = encodeDataMatrix(bytes, { asciiOnly: true });
    expect(Array.from(decodeDataMatrix(ascii).bytes)).toEqual(Array.from(bytes));
    expect(decodeDataMatrix(ascii).modes).toEqual(['ascii']);
    expect(encodeDataMatrix(bytes).dataCodewords).toBeLessThanOrEqual(ascii.dataCodewords);
  });

  test.prop([fc.string({ maxLength: 80 })])(
    'text round-trips, with ECI 26 exactly when beyond Latin-1',
    (text) => {
      try {
        const d = decodeDataMatrix(encodeDataMatrix(text));
        expect(d.text).toBe(text);
        expect(d.eci).toEqual(/[^\x00-\xff]/.test(text) ? [26] : []);
      } catch (e) {
        expect(BarcodeError.is(e) && e.code === 'INVALID_CHARACTER').toBe(true);
      }
    },
  );

  test.prop([dmBytes, fc.constantFrom(...DATA_MATRIX_SIZES.map((s) => s.name))])(
    'a fixed size is used or DATA_TOO_LONG is thrown',
    (bytes, size) => {
      try {
        const s = encodeDataMatrix(bytes, { size });
        expect(s.size).toBe(size);
        expect(Array.from(decodeDataMatrix(s).bytes)).toEqual(Array.from(bytes));
      } catch (e) {
        expect(BarcodeError.is(e) && e.code === 'DATA_TOO_LONG').toBe(true);
      }
    },
  );
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
