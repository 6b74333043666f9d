import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BarcodeError } from '../src/errors.js';
import { encodeQr } from '../src/qr/encode.js';
import { penalty } from '../src/qr/penalty.js';
import { decodeQr } from './qr-reference-decoder.js';

describe('encodeQr golden values (spec notes §9)', () => {
  it('HELLO WORLD at 1-M is one alphanumeric segment and the consensus mask 0', () => {
    const s = encodeQr('HELLO WORLD', { level: 'M' });
    expect([s.width, s.version, s.mask]).toEqual([21, 1, 0]);
    const d = decodeQr(s);
    expect(d.text).toBe('HELLO WORLD');
    expect(d.segments).toEqual([{ mode: 'alphanumeric', count: 11 }]);
  });

  it.each([
    ['01234567890123456789', 4],
    ['https://koha-community.org/', 1],
    ['ABCDEFGHIJKLMNOP', 7],
    ['12345', 4],
  ])('chooses the consensus mask for %s at level M', (text, mask) => {
    expect(encodeQr(text).mask).toBe(mask);
  });

  it('writes the 1-M HELLO WORLD codewords of the RS test vector (top-left module rows)', () => {
    // zint --dump -b 58 --secure=2 --mask=0 -d 'HELLO WORLD', first and tenth rows.
    const s = encodeQr('HELLO WORLD', { level: 'M', mask: 0 });
    const row = (r: number) => Array.from(s.modules.subarray(r * 21, r * 21 + 21)).join('');
    expect(row(0)).toBe('111111100010101111111');
    expect(row(9)).toBe('011110001001000010001');
  });

  it('reports the quiet zone, kind and symbology', () => {
    const s = encodeQr('x');
    expect(s).toMatchObject({ kind: 'matrix', symbology: 'qr', quietZone: 4, text: 'x', level: 'M' });
    expect(s.modules.length).toBe(s.width * s.height);
  });

  it('fills version 40-M with 2331 bytes and rejects one more', () => {
    const max = 'a'.repeat(2331);
    const s = encodeQr(max, { level: 'M' });
    expect(s.version).toBe(40);
    expect(decodeQr(s).text).toBe(max);
    expect(() => encodeQr(`${max}a`, { level: 'M' })).toThrow(
      /data needs \d+ bits, version 40-M holds 18672 bits/,
    );
  });

  it.each([
    [1, 'L', 41, 25, 17, 10],
    [10, 'Q', 364, 221, 151, 93],
    [27, 'H', 1501, 910, 625, 385],
    [40, 'L', 7089, 4296, 2953, 1817],
  ] as const)(
    'version %i-%s holds the spec maxima for one segment',
    (version, level, num, alnum, byte, kanji) => {
      const cases: [string, string][] = [
        ['7', 'numeric'],
        ['Z', 'alphanumeric'],
        ['b', 'byte'],
        ['漢', 'kanji'],
      ];
      [num, alnum, byte, kanji].forEach((n, i) => {
        const [ch, mode] = cases[i]!;
        const s = encodeQr(ch.repeat(n), { level, version });
        expect(decodeQr(s).segments).toEqual([{ mode, count: n }]);
        expect(() => encodeQr(ch.repeat(n + 1), { level, version })).toThrow(BarcodeError);
      });
    },
  );
});

describe('encodeQr segmentation', () => {
  it('mixes modes when that is shorter', () => {
    const d = decodeQr(encodeQr('abc0123456789012345678901234567890xyz'));
    expect(d.segments.map((s) => s.mode)).toEqual(['byte', 'numeric', 'byte']);
  });

  it('keeps short digit runs inside byte mode', () => {
    expect(decodeQr(encodeQr('abc12def')).segments).toEqual([{ mode: 'byte', count: 8 }]);
  });

  it('writes Latin-1 text as ISO 8859-1 bytes without ECI', () => {
    const d = decodeQr(encodeQr('Grüße'));
    expect(d.eci).toEqual([]);
    expect(d.bytes).toEqual(Uint8Array.from([0x47, 0x72, 0xfc, 0xdf, 0x65]));
  });

  it('announces UTF-8 with ECI 26 for text beyond Latin-1', () => {
    const d = decodeQr(encodeQr('Grüße → Straße ✓'));
    expect(d.eci).toEqual([26]);
    expect(d.text).toBe('Grüße → Straße ✓');
  });

  it('writes raw UTF-8 without ECI when eci is false', () => {
    const d = decodeQr(encodeQr('✓ok', { eci: false }));
    expect(d.eci).toEqual([]);
    expect(Array.from(d.bytes)).toEqual([0xe2, 0x9c, 0x93, 0x6f, 0x6b]);
  });

  it('uses kanji mode without ECI when every character is ASCII or a Shift JIS kanji', () => {
    const d = decodeQr(encodeQr('図書館の本'));
    expect(d.eci).toEqual([]);
    expect(d.segments).toEqual([{ mode: 'kanji', count: 5 }]);
    expect(d.text).toBe('図書館の本');
  });

  it('never mixes kanji with Latin-1 or UTF-8 bytes (UTF-8 under ECI 26 instead)', () => {
    const d = decodeQr(encodeQr('Grüße 図書館'));
    expect(d.eci).toEqual([26]);
    expect(d.segments.map((s) => s.mode)).toEqual(['byte']);
    expect(decodeQr(encodeQr('Nr. 5 図書館')).segments.map((s) => s.mode)).toEqual(['byte', 'kanji']);
  });

  it('encodes bytes as given', () => {
    const bytes = Uint8Array.from([0, 255, 0x80, 49, 50]);
    const d = decodeQr(encodeQr(bytes));
    expect(d.eci).toEqual([]);
    expect(d.text).toBe('\u0000\u00ff\u008012');
  });

  it('honours a forced mode and names the first character it cannot hold', () => {
    expect(decodeQr(encodeQr('123', { mode: 'byte' })).segments).toEqual([{ mode: 'byte', count: 3 }]);
    expect(decodeQr(encodeQr('ABC', { mode: 'alphanumeric' })).segments).toEqual([
      { mode: 'alphanumeric', count: 3 },
    ]);
    const err = catchError(() => encodeQr('12a4', { mode: 'numeric' }));
    expect(err).toMatchObject({ code: 'INVALID_CHARACTER', position: 2, character: 'a', symbology: 'qr' });
  });

  it('reports positions in UTF-16 units', () => {
    const err = catchError(() => encodeQr('😀漢x', { mode: 'kanji' }));
    expect(err).toMatchObject({ code: 'INVALID_CHARACTER', position: 0 });
    expect(catchError(() => encodeQr('漢😀', { mode: 'kanji' }))).toMatchObject({ position: 1 });
  });

  it('rejects a lone surrogate', () => {
    expect(catchError(() => encodeQr('a\ud800b'))).toMatchObject({ code: 'INVALID_CHARACTER', position: 1 });
  });

  it('rejects bad options with INVALID_ARGUMENT', () => {
    for (const o of [{ version: 0 }, { version: 41 }, { version: 1.5 }, { mask: 8 }, { mask: -1 }]) {
      expect(catchError(() => encodeQr('1', o))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(catchError(() => encodeQr('1', { level: 'X' as 'L' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(catchError(() => encodeQr('1', { mode: 'morse' as 'byte' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('rejects data too long for a fixed version', () => {
    expect(catchError(() => encodeQr('a'.repeat(15), { version: 1 }))).toMatchObject({
      code: 'DATA_TOO_LONG',
    });
  });

  it('encodes the empty string in version 1', () => {
    const d = decodeQr(encodeQr(''));
    expect([d.version, d.text]).toEqual([1, '']);
  });
});

const levels = fc.constantFrom('L', 'M', 'Q', 'H') as fc.Arbitrary<'L' | 'M' | 'Q' | 'H'>;
const qrText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.stringMatching(/^[0-9A-Z $%*+\-./:a-z]{0,150}$/),
  fc.string({ unit: fc.constantFrom(...'0123456789ABC漢字図書館のé✓'), maxLength: 80 }),
);

describe('encodeQr properties', () => {
  test.prop([qrText, levels, fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined })])(
    'decodes back to the input with the requested level and mask',
    (text, level, mask) => {
      const s = encodeQr(text, mask === undefined ? { level } : { level, mask });
      const d = decodeQr(s);
      expect(d.text).toBe(text);
      expect(d.level).toBe(level);
      expect(d.mask).toBe(s.mask);
      if (mask !== undefined) expect(s.mask).toBe(mask);
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 }), levels])(
    'binary input round-trips byte for byte',
    (bytes, level) => {
      const d = decodeQr(encodeQr(bytes, { level }));
      expect(d.text).toBe(String.fromCharCode(...bytes));
    },
  );

  test.prop([fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 40 }), levels])(
    'a fixed version is used or DATA_TOO_LONG is thrown',
    (text, version, level) => {
      try {
        const s = encodeQr(text, { version, level });
        expect(s.version).toBe(version);
        expect(decodeQr(s).text).toBe(text);
      } catch (e) {
        expect(BarcodeError.is(e) && (e.code === 'DATA_TOO_LONG' || e.code === 'INVALID_CHARACTER')).toBe(
          true,
        );
      }
    },
  );

  test.prop([
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom('numeric', 'alphanumeric', 'byte', 'kanji'),
  ])('any input in a forced mode gives a symbol or a typed error', (text, mode) => {
    try {
      expect(decodeQr(encodeQr(text, { mode: mode as 'byte' })).text).toBe(text);
    } catch (e) {
      expect(BarcodeError.is(e)).toBe(true);
    }
  });

  test.prop([fc.string({ maxLength: 60 })], { numRuns: 30 })(
    'the chosen mask has the lowest penalty of all eight',
    (text) => {
      const auto = encodeQr(text);
      const autoScore = penalty(auto.modules, auto.width);
      for (let m = 0; m < 8; m++) {
        const fixed = encodeQr(text, { mask: m });
        expect(fixed.version).toBe(auto.version);
        expect(autoScore).toBeLessThanOrEqual(penalty(fixed.modules, fixed.width));
        if (m === auto.mask) expect(fixed.modules).toEqual(auto.modules);
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
