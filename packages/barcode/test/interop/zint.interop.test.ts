// Our modules against zint 2.11.1 `--dump` for every linear symbology zint has, on random data.
import {
  encodeCodabar,
  encodeCode39,
  encodeCode128,
  encodeDataLogic2of5,
  encodeEan2,
  encodeEan5,
  encodeEan8,
  encodeEan13,
  encodeGs1128,
  encodeIata2of5,
  encodeIndustrial2of5,
  encodeIsbn,
  encodeItf,
  encodeItf14,
  encodeMatrix2of5,
  encodeUpca,
  encodeUpce,
  expandUpce,
  isbn10Check,
} from '@bibwire/barcode';
import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../../testing/peers.js';
import { toZintHex } from '../helpers.js';
import { decodeCode128, runs } from '../reference/linear-decoders.js';

const zint = (barcode: number, data: string, ...extra: string[]) =>
  runPeer('zint', [`--barcode=${barcode}`, `--data=${data}`, '--dump', ...extra])
    .toString('utf8')
    .replace(/\s+/g, '');

/** zint's hex dump back to modules (trailing pad bits kept; compare with the same padding). */
const nwOf = (hex: string, length: number) => {
  const bits = Array.from(hex, (h) => Number.parseInt(h, 16).toString(2).padStart(4, '0'))
    .join('')
    .slice(0, length);
  const r = runs(Uint8Array.from(bits, Number));
  const narrow = Math.min(...r);
  return r.map((w) => (w > narrow ? 'W' : 'N')).join('');
};

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const C39 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';
const runs20 = { numRuns: 20 };

describeWithPeers('modules equal zint --dump', [commandPeer('zint')], () => {
  test.prop([digits(12, 12)], runs20)('EAN-13 (13)', (d) => {
    expect(toZintHex(encodeEan13(d).modules)).toBe(zint(13, d));
  });
  test.prop([digits(12, 12), fc.oneof(digits(2, 2), digits(5, 5))], runs20)(
    'EAN-13 with add-on (13)',
    (d, a) => {
      expect(toZintHex(encodeEan13(`${d}+${a}`).modules)).toBe(zint(13, `${d}+${a}`));
    },
  );
  test.prop([digits(9, 9)], runs20)('ISBN-10 (69)', (nine) => {
    const isbn10 = nine + isbn10Check(nine);
    expect(toZintHex(encodeIsbn(isbn10).modules)).toBe(zint(69, isbn10));
  });
  test.prop([digits(7, 7)], runs20)('EAN-8 (13 with 7 digits)', (d) => {
    expect(toZintHex(encodeEan8(d).modules)).toBe(zint(13, d));
  });
  test.prop([digits(2, 2), digits(5, 5)], runs20)('stand-alone EAN-2 / EAN-5 (13)', (two, five) => {
    expect(toZintHex(encodeEan2(two).modules)).toBe(zint(13, two));
    expect(toZintHex(encodeEan5(five).modules)).toBe(zint(13, five));
  });
  test.prop([digits(11, 11), fc.option(fc.oneof(digits(2, 2), digits(5, 5)), { nil: undefined })], runs20)(
    'UPC-A (34)',
    (d, a) => {
      const data = a === undefined ? d : `${d}+${a}`;
      expect(toZintHex(encodeUpca(data).modules)).toBe(zint(34, data));
    },
  );
  test.prop([fc.constantFrom('0', '1'), digits(6, 6)], runs20)('UPC-E, canonical forms (37)', (ns, six) => {
    let ok = true;
    try {
      expandUpce(ns + six);
    } catch {
      ok = false;
    }
    fc.pre(ok);
    expect(toZintHex(encodeUpce(ns + six).modules)).toBe(zint(37, ns + six));
  });
  test.prop(
    [fc.string({ unit: fc.constantFrom(...C39), minLength: 1, maxLength: 20 }), fc.boolean()],
    runs20,
  )('Code 39 at 2:1, with and without mod 43 (8)', (d, check) => {
    const ours = encodeCode39(d, { ratio: 2, check }).modules;
    expect(toZintHex(ours)).toBe(zint(8, d, ...(check ? ['--vers=1'] : [])));
  });
  test.prop(
    [
      fc.string({
        unit: fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 15,
      }),
    ],
    runs20,
  )('Full ASCII Code 39 (9)', (d) => {
    expect(toZintHex(encodeCode39(d, { ratio: 2, fullAscii: true }).modules)).toBe(zint(9, d));
  });
  test.prop(
    [
      fc.constantFrom(...'ABCD'),
      fc.string({ unit: fc.constantFrom(...'0123456789-$:/.+'), minLength: 1, maxLength: 20 }),
      fc.constantFrom(...'ABCD'),
    ],
    runs20,
  )('Codabar at 2:1 (18)', (a, d, b) => {
    // zint counts a trailing intercharacter gap in the width: compare without trailing light padding.
    const trim = (h: string) => h.replace(/0+$/, '');
    expect(trim(toZintHex(encodeCodabar(a + d + b, { ratio: 2 }).modules))).toBe(trim(zint(18, a + d + b)));
  });
  test.prop([digits(1, 30), fc.boolean()], runs20)('ITF, with and without check digit (3)', (d, check) => {
    expect(toZintHex(encodeItf(d, { check }).modules)).toBe(zint(3, d, ...(check ? ['--vers=1'] : [])));
  });
  test.prop([digits(13, 13)], runs20)('ITF-14 (89)', (d) => {
    expect(toZintHex(encodeItf14(d).modules)).toBe(zint(89, d));
  });
  test.prop([digits(1, 20), fc.boolean()], runs20)(
    'IATA, Industrial, Data Logic 2 of 5 (4, 7, 6)',
    (d, check) => {
      const v = check ? ['--vers=1'] : [];
      expect(toZintHex(encodeIata2of5(d, { check }).modules)).toBe(zint(4, d, ...v));
      expect(toZintHex(encodeIndustrial2of5(d, { check }).modules)).toBe(zint(7, d, ...v));
      expect(toZintHex(encodeDataLogic2of5(d, { check }).modules)).toBe(zint(6, d, ...v));
    },
  );
  test.prop([digits(1, 20), fc.boolean()], runs20)(
    'Matrix 2 of 5 narrow/wide sequence (2; zint draws a 4X start bar)',
    (d, check) => {
      const ours = encodeMatrix2of5(d, { check }).modules;
      const theirs = zint(2, d, ...(check ? ['--vers=1'] : []));
      const theirLength = ours.length + 2; // zint's start and stop bars are one module wider than ours at 3:1
      expect(nwOf(theirs, theirLength)).toBe(nwOf(toZintHex(ours), ours.length));
    },
  );
  test.prop(
    [
      fc.string({
        unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 30,
      }),
    ],
    runs20,
  )('Code 128 set B only (60)', (d) => {
    expect(toZintHex(encodeCode128(d, { codeSet: 'B' }).modules)).toBe(zint(60, d));
  });
  test.prop(
    [
      fc.string({
        // Digits, set B letters and space only: here zint's choice is always the shortest. Control and
        // ISO 8859-1 characters, where it is not, are in code128-zint.interop.test.ts.
        unit: fc.constantFrom(...'0123456789012345678901234567890123456789ABCxyz '),
        minLength: 1,
        maxLength: 30,
      }),
    ],
    runs20,
  )('Code 128 auto (20): same width as zint, and zint decodes to the same text', (d) => {
    const ours = encodeCode128(d).modules;
    const theirs = zint(20, d);
    expect(toZintHex(ours).length).toBe(theirs.length);
    const bits = Uint8Array.from(
      Array.from(theirs, (h) => Number.parseInt(h, 16).toString(2).padStart(4, '0'))
        .join('')
        .slice(0, ours.length),
      Number,
    );
    expect(decodeCode128(bits).text).toBe(decodeCode128(ours).text);
  });
  it('Code 128 all-digit data is forced into set C: modules identical', () => {
    for (const d of ['12', '1234', '12345678', '0000000000000000']) {
      expect(toZintHex(encodeCode128(d).modules)).toBe(zint(20, d));
    }
  });
  test.prop(
    [digits(13, 13), fc.string({ unit: fc.constantFrom(...'ABCxyz0123'), minLength: 1, maxLength: 10 })],
    runs20,
  )('GS1-128 (16): same width', (g, lot) => {
    const gtin = encodeEan13(g.slice(1)).text.padStart(14, '0');
    const ours = encodeGs1128(`[01]${gtin}[10]${lot}`).modules;
    expect(toZintHex(ours).length).toBe(zint(16, `[01]${gtin}[10]${lot}`).length);
  });
});
