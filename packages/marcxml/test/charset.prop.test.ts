import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeLatin1, encodeLatin1 } from '../src/charset/latin1.js';
import { type CharsetWarning, decodeMarc8, encodeMarc8 } from '../src/charset/marc8.js';
import { marc8Target } from '../src/charset/marc8-tables.js';
import { SINGLE_BYTE_SETS } from '../src/charset/tables/marc8-sets.generated.js';
import { MarcError } from '../src/errors.js';

// Characters MARC-8 maps directly: bases and combining marks of the single-byte sets, plus some CJK.
const singleByte = SINGLE_BYTE_SETS.flatMap(([, entries]) =>
  entries.filter(([code]) => code >= 0x21 && code < 0x80),
);
const bases = [...new Set(singleByte.filter(([, , flags]) => flags === 0).map(([, cp]) => cp))];
const marks = [
  ...new Set(
    singleByte.filter(([, cp, flags]) => flags === 1 && cp !== 0x0361 && cp !== 0x0360).map(([, cp]) => cp),
  ),
];
const cjk = [0x4e00, 0x4e2d, 0x56fd, 0x6587, 0x5b57, 0x3000, 0xac00, 0x30ab, 0x20021].filter((cp) =>
  marc8Target(cp),
);

const cluster = fc
  .tuple(fc.constantFrom(...bases, ...cjk, 0x20), fc.array(fc.constantFrom(...marks), { maxLength: 2 }))
  .map(([base, ms]) => String.fromCodePoint(base, ...ms));
const marc8Text = fc.array(cluster, { maxLength: 12 }).map((cs) => cs.join(''));

describe('MARC-8 properties', () => {
  test.prop([marc8Text])('decode(encode(text)) === text for text MARC-8 can hold', (text) => {
    const warnings: CharsetWarning[] = [];
    expect(decodeMarc8(encodeMarc8(text, { unmappable: 'error' }), (w) => warnings.push(w))).toBe(text);
    expect(warnings).toEqual([]);
  });

  test.prop([marc8Text])('precomposed and decomposed input round-trip to canonically equal text', (text) => {
    // Not always the same bytes: NFC ё is Extended Cyrillic 0xC4, NFD е + U+0308 is Cyrillic е + ANSEL umlaut.
    const fromNfc = decodeMarc8(encodeMarc8(text.normalize('NFC'), { unmappable: 'error' }));
    const fromNfd = decodeMarc8(encodeMarc8(text.normalize('NFD'), { unmappable: 'error' }));
    expect(fromNfc.normalize('NFC')).toBe(text.normalize('NFC'));
    expect(fromNfd.normalize('NFC')).toBe(text.normalize('NFC'));
  });

  test.prop([fc.uint8Array({ maxLength: 200 })])(
    'arbitrary bytes decode to a string with in-range warnings',
    (bytes) => {
      const warnings: CharsetWarning[] = [];
      const text = decodeMarc8(bytes, (w) => warnings.push(w));
      expect(typeof text).toBe('string');
      for (const w of warnings) {
        expect(w.offset).toBeGreaterThanOrEqual(0);
        expect(w.offset).toBeLessThanOrEqual(bytes.length);
      }
      // Every U+FFFD in the output comes with a warning.
      if (text.includes('\ufffd')) expect(warnings.length).toBeGreaterThan(0);
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 60 })])(
    'any string encodes under every policy, or throws MarcError',
    (text) => {
      const ncr = encodeMarc8(text);
      expect(ncr.every((b) => b !== 0x1b) || text.length > 0).toBe(true);
      expect(() => decodeMarc8(ncr)).not.toThrow();
      encodeMarc8(text, { unmappable: 'replace' });
      try {
        encodeMarc8(text, { unmappable: 'error' });
      } catch (e) {
        expect(MarcError.is(e) && e.code === 'INVALID_ENCODING').toBe(true);
      }
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 60 })])(
    'encoded text never leaves a set designated',
    (text) => {
      const bytes = encodeMarc8(text);
      // Decoding the bytes followed by plain ASCII must give that ASCII back unchanged.
      const tail = decodeMarc8(Uint8Array.from([...bytes, 0x41, 0xe2, 0x65]));
      expect(tail.endsWith('Ae\u0301')).toBe(true);
    },
  );
});

describe('Latin-1', () => {
  test.prop([fc.uint8Array({ maxLength: 300 })])('decode then encode gives the bytes back', (bytes) => {
    expect(Array.from(encodeLatin1(decodeLatin1(bytes)))).toEqual(Array.from(bytes));
  });

  it('composes before encoding and replaces what Latin-1 lacks with ? and a warning', () => {
    const warnings: CharsetWarning[] = [];
    expect(Array.from(encodeLatin1('e\u0301 €', { onWarning: (w) => warnings.push(w) }))).toEqual([
      0xe9, 0x20, 0x3f,
    ]);
    expect(warnings).toEqual([{ offset: 2, message: 'U+20AC at index 2 is not in Latin-1' }]);
  });

  it('decodes large inputs', () => {
    const bytes = new Uint8Array(100_000).fill(0xe9);
    expect(decodeLatin1(bytes)).toBe('é'.repeat(100_000));
  });
});
