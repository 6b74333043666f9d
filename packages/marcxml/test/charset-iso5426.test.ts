import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeIso5426 } from '../src/charset/iso5426.js';
import type { CharsetWarning } from '../src/charset/marc8.js';

const decode = (...b: number[]): { text: string; warnings: CharsetWarning[] } => {
  const warnings: CharsetWarning[] = [];
  return { text: decodeIso5426(Uint8Array.from(b), (w) => warnings.push(w)), warnings };
};

describe('decodeIso5426', () => {
  it('moves diacritics after their letter', () => {
    // 0xC2 acute, 0xC1 grave (ISO 5426 column C)
    expect(decode(0x61, 0xc2, 0x65, 0xc1, 0x6f).text).toBe('ae\u0301o\u0300');
    expect(decodeIso5426(Uint8Array.from([0xc2, 0x65]), undefined, { normalize: 'NFC' })).toBe('é');
  });

  it('maps the special letters', () => {
    expect(decode(0xe8, 0xf8, 0xe9, 0xf9, 0xfb, 0xea, 0xfa).text).toBe('ŁłØøßŒœ');
  });

  it('reports unassigned bytes and dangling marks with their offsets', () => {
    const { text, warnings } = decode(0x41, 0x80, 0x42, 0xc2);
    expect(text).toBe('A\ufffdB\u0301');
    expect(warnings.map((w) => w.offset)).toEqual([1, 4]);
  });
});

test.prop([fc.uint8Array({ maxLength: 200 })])(
  'arbitrary bytes decode without throwing; U+FFFD only with a warning',
  (bytes) => {
    const warnings: CharsetWarning[] = [];
    const text = decodeIso5426(bytes, (w) => warnings.push(w));
    if (text.includes('\ufffd')) expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.offset).toBeLessThanOrEqual(bytes.length);
  },
);
