import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { type CharsetWarning, decodeMarc8, encodeMarc8 } from '../src/charset/marc8.js';
import { MarcError } from '../src/errors.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const decode = (b: Uint8Array): { text: string; warnings: CharsetWarning[] } => {
  const warnings: CharsetWarning[] = [];
  const text = decodeMarc8(b, (w) => warnings.push(w));
  return { text, warnings };
};

function splitLines(buf: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      lines.push(buf.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

describe('decodeMarc8 against pymarc test_marc8.txt ⇄ test_utf8.txt (1515 lines, Arabic, CJK, Hebrew, Cyrillic…)', () => {
  const marc8 = splitLines(readFileSync(sharedPath('data', 'marc', 'marc8', 'pymarc-test_marc8.txt')));
  const utf8 = readFileSync(sharedPath('data', 'marc', 'marc8', 'pymarc-test_utf8.txt'), 'utf8').split('\n');

  it('has the same number of lines in both files', () => {
    expect(marc8.length).toBe(utf8.length);
    expect(marc8.length).toBeGreaterThan(1515);
  });

  it('decodes every line to the expected UTF-8, without warnings', () => {
    const mismatches: string[] = [];
    const warnings: CharsetWarning[] = [];
    marc8.forEach((line, n) => {
      const got = decodeMarc8(line, (w) => warnings.push(w));
      if (got !== utf8[n])
        mismatches.push(`line ${n + 1}: ${JSON.stringify(got)} != ${JSON.stringify(utf8[n])}`);
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('encodes every expected line back to MARC-8 that decodes to the same text', () => {
    const failures: number[] = [];
    utf8.forEach((line, n) => {
      if (decodeMarc8(encodeMarc8(line, { unmappable: 'error' })) !== line) failures.push(n + 1);
    });
    expect(failures).toEqual([]);
  });
});

describe('decodeMarc8: ANSEL and combining marks', () => {
  it('moves a combining mark after its base character', () => {
    // 0xE2 acute + e
    expect(decode(bytes(0x43, 0x61, 0x66, 0xe2, 0x65)).text).toBe('Cafe\u0301');
  });

  it('keeps the MARC-8 order of several marks', () => {
    expect(decode(bytes(0x61, 0xe2, 0xe3, 0x65)).text).toBe('ae\u0301\u0302');
  });

  it('treats a space as the base of a preceding mark (spacing diacritic, as yaz does)', () => {
    expect(decode(bytes(0x61, 0xe2, 0x20, 0x78)).text).toBe('a \u0301x');
  });

  it('writes double diacritics as one mark after the first letter and drops the right half', () => {
    expect(decode(bytes(0x61, 0xeb, 0x6f, 0xec, 0x75)).text).toBe('ao\u0361u');
    expect(decode(bytes(0x61, 0xfa, 0x6f, 0xfb, 0x75)).text).toBe('ao\u0360u');
  });

  it('maps ANSEL spacing letters and C1 controls', () => {
    expect(decode(bytes(0xa1, 0xb1, 0xa2, 0xc7, 0xc8, 0x88, 0x89, 0x8d, 0x8e)).text).toBe(
      'ŁłØß€\u0098\u009c\u200d\u200c',
    );
  });

  it('normalises to NFC when asked', () => {
    expect(decodeMarc8(bytes(0xe2, 0x65), undefined, { normalize: 'NFC' })).toBe('é');
  });

  it('keeps a dangling mark at the end and warns', () => {
    const { text, warnings } = decode(bytes(0x61, 0xe2));
    expect(text).toBe('a\u0301');
    expect(warnings).toEqual([{ offset: 2, message: expect.stringContaining('without a base') }]);
  });
});

describe('decodeMarc8: escape sequences', () => {
  it('switches G0 to Basic Cyrillic and back', () => {
    expect(decode(bytes(0x61, 0x1b, 0x28, 0x4e, 0x61, 0x62, 0x1b, 0x28, 0x42, 0x63)).text).toBe('aАБc');
  });

  it('switches G1 to Hebrew', () => {
    expect(decode(bytes(0x41, 0x1b, 0x29, 0x32, 0xe0, 0xe1, 0x1b, 0x29, 0x45, 0xe2, 0x65)).text).toBe(
      'Aאבe\u0301',
    );
  });

  it('handles the short forms for Greek symbols, subscripts and superscripts', () => {
    expect(
      decode(
        bytes(
          0x1b,
          0x67,
          0x61,
          0x62,
          0x63,
          0x1b,
          0x73,
          0x48,
          0x1b,
          0x62,
          0x32,
          0x1b,
          0x73,
          0x4f,
          0x1b,
          0x70,
          0x32,
        ),
      ).text,
    ).toBe('αβγH₂O²');
  });

  it('decodes EACC in G0 (ESC $ 1 and ESC $ , 1) and in G1 (ESC $ ) 1)', () => {
    expect(decode(bytes(0x1b, 0x24, 0x31, 0x21, 0x30, 0x21, 0x1b, 0x28, 0x42, 0x61)).text).toBe('一a');
    expect(decode(bytes(0x1b, 0x24, 0x2c, 0x31, 0x21, 0x30, 0x21, 0x20, 0x21, 0x30, 0x21)).text).toBe(
      '一 一',
    );
    expect(decode(bytes(0x1b, 0x24, 0x29, 0x31, 0xa1, 0xb0, 0xa1, 0x78)).text).toBe('一x');
  });

  it('decodes the EACC codes that use 0x20 and 0x7F bytes', () => {
    expect(decode(bytes(0x1b, 0x24, 0x31, 0x21, 0x23, 0x20, 0x7f, 0x21, 0x22)).text).toBe('\u3000\u2122');
  });

  it('decodes Arabic, Greek and extended Cyrillic', () => {
    expect(decode(bytes(0x1b, 0x28, 0x33, 0x47, 0x1b, 0x28, 0x53, 0x61, 0x1b, 0x29, 0x51, 0xc2)).text).toBe(
      '\u0627\u03b1\u0453',
    );
  });

  it('turns an unknown set into U+FFFD with one warning at the escape', () => {
    const { text, warnings } = decode(
      bytes(0x61, 0x62, 0x1b, 0x28, 0x5a, 0x63, 0x64, 0x1b, 0x28, 0x42, 0x65),
    );
    expect(text).toBe('ab\ufffd\ufffde');
    expect(warnings).toEqual([
      { offset: 2, message: expect.stringContaining('unknown MARC-8 character set') },
    ]);
  });

  it('reports an invalid or truncated escape with its offset', () => {
    expect(decode(bytes(0x61, 0x1b)).warnings[0]?.offset).toBe(1);
    expect(decode(bytes(0x61, 0x1b, 0x71, 0x62)).text).toBe('a\ufffdqb');
  });

  it('reports bytes with no mapping', () => {
    const { text, warnings } = decode(bytes(0x1b, 0x67, 0x64, 0x1b, 0x73, 0x80, 0xff));
    expect(text).toBe('\ufffd\ufffd\ufffd');
    expect(warnings.map((w) => w.offset)).toEqual([2, 5, 6]);
  });

  it('reports unknown and truncated EACC characters', () => {
    expect(decode(bytes(0x1b, 0x24, 0x31, 0x7e, 0x7e, 0x7e)).warnings[0]?.offset).toBe(3);
    expect(decode(bytes(0x1b, 0x24, 0x31, 0x21, 0x30)).text).toBe('\ufffd');
  });
});

describe('encodeMarc8', () => {
  it('writes ASCII unchanged', () => {
    expect(Array.from(encodeMarc8('Hello, world'))).toEqual(ascii('Hello, world'));
  });

  it('puts marks before the base for both precomposed and decomposed input', () => {
    expect(Array.from(encodeMarc8('Café'))).toEqual([...ascii('Caf'), 0xe2, 0x65]);
    expect(Array.from(encodeMarc8('Cafe\u0301'))).toEqual([...ascii('Caf'), 0xe2, 0x65]);
  });

  it('keeps the letters ANSEL has precomposed (ơ, ư) and decomposes the rest', () => {
    expect(Array.from(encodeMarc8('ư'))).toEqual([0xbd]);
    expect(Array.from(encodeMarc8('ứ'))).toEqual([0xe2, 0xbd]);
  });

  it('writes double diacritics with both halves', () => {
    expect(Array.from(encodeMarc8('o\u0361u'))).toEqual([0xeb, 0x6f, 0xec, 0x75]);
    expect(Array.from(encodeMarc8('o\u0361u\ufe21'))).toEqual([0xeb, 0x6f, 0xec, 0x75]);
  });

  it('switches sets with escapes and returns to ASCII/ANSEL at the end', () => {
    expect(Array.from(encodeMarc8('aАБ'))).toEqual([0x61, 0x1b, 0x28, 0x4e, 0x61, 0x62, 0x1b, 0x28, 0x42]);
    expect(Array.from(encodeMarc8('一'))).toEqual([0x1b, 0x24, 0x31, 0x21, 0x30, 0x21, 0x1b, 0x28, 0x42]);
    expect(Array.from(encodeMarc8('ѓ'))).toEqual([0x1b, 0x29, 0x51, 0xc2, 0x1b, 0x29, 0x45]);
  });

  it('writes unmappable characters as NCRs by default, ? or an error on request', () => {
    const warnings: CharsetWarning[] = [];
    expect(new TextDecoder().decode(encodeMarc8('a☃b', { onWarning: (w) => warnings.push(w) }))).toBe(
      'a&#x2603;b',
    );
    expect(warnings).toEqual([{ offset: 1, message: expect.stringContaining('U+2603') }]);
    expect(new TextDecoder().decode(encodeMarc8('a☃b', { unmappable: 'replace' }))).toBe('a?b');
    try {
      encodeMarc8('ab☃', { unmappable: 'error' });
      expect.unreachable();
    } catch (e) {
      expect(MarcError.is(e) && e.code === 'INVALID_ENCODING' && e.offset === 2).toBe(true);
    }
  });

  it('never writes a raw ESC from the text', () => {
    expect(new TextDecoder().decode(encodeMarc8('a\u001bb'))).toBe('a&#x001B;b');
  });
});

describe('encodeMarc8: marks that only exist inside precomposed letters', () => {
  it('folds a horn into the base even after another mark (U + ogonek + horn)', () => {
    const text = 'U\u0328\u031b';
    expect(decodeMarc8(encodeMarc8(text, { unmappable: 'error' })).normalize('NFC')).toBe(
      text.normalize('NFC'),
    );
    expect(Array.from(encodeMarc8(text))).toEqual([0xf1, 0xad]);
  });
});
