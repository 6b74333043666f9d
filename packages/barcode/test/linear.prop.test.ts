import {
  BarcodeError,
  compressUpca,
  encodeCodabar,
  encodeCode39,
  encodeCode128,
  encodeCoop2of5,
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
  toIsbn13,
} from '@bibwire/barcode';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  code39CheckOk,
  decodeAddon,
  decodeBarsOnly,
  decodeCodabar,
  decodeCode39,
  decodeCode128,
  decodeDiscrete,
  decodeEan8,
  decodeEan13,
  decodeItf,
  decodeUpce,
  expandFullAscii,
  gtinCheckOk,
} from './reference/linear-decoders.js';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const ratio = fc.constantFrom(2 as const, 2.5 as const, 3 as const);
const C39 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/**
 * Fewest Code 128 symbol characters (start included, check excluded) by Dijkstra over (position, set,
 * extended mode) with unit-cost characters. `extended`: allow FNC4 FNC4 latches and FNC4 with Shift.
 */
function exhaustiveCode128Length(data: string, extended: boolean): number {
  const codes = Array.from(data, (c) => c.charCodeAt(0));
  const inA = (c: number) => (c & 127) < 96;
  const inB = (c: number) => (c & 127) >= 32;
  const digit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
  const dist = new Map<string, number>();
  // [cost, position, set 0–2, extended 0/1]; the start character (cost 1) chooses the set.
  const queue: [number, number, number, number][] = [0, 1, 2].map((s) => [1, 0, s, 0]);
  while (queue.length > 0) {
    queue.sort((a, b) => a[0] - b[0]);
    const [d, i, s, e] = queue.shift() as [number, number, number, number];
    const key = `${i},${s},${e}`;
    if ((dist.get(key) ?? Number.POSITIVE_INFINITY) <= d) continue;
    dist.set(key, d);
    if (i === codes.length) return d;
    const c = codes[i] as number;
    for (const t of [0, 1, 2]) if (t !== s) queue.push([d + 1, i, t, e]);
    if (extended && s < 2) queue.push([d + 2, i, s, 1 - e]);
    if (s === 2 && digit(c) && digit(codes[i + 1])) queue.push([d + 1, i + 2, 2, e]);
    if (s < 2) {
      const flip = c > 127 !== (e === 1) ? 1 : 0;
      if (s === 0 ? inA(c) : inB(c)) queue.push([d + 1 + flip, i + 1, s, e]);
      else if (extended || flip === 0) queue.push([d + 2 + flip, i + 1, s, e]);
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** Typed error or success: anything else fails the property. */
function totalOrTyped(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    expect(BarcodeError.is(e), String(e)).toBe(true);
  }
}

describe('Code 39', () => {
  test.prop([fc.string({ unit: fc.constantFrom(...C39), minLength: 1, maxLength: 40 }), fc.boolean(), ratio])(
    'decodes back to the data (with optional mod 43)',
    (data, check, r) => {
      const s = encodeCode39(data, { check, ratio: r });
      const body = decodeCode39(s.modules);
      expect(check ? body.slice(0, -1) : body).toBe(data);
      if (check) expect(code39CheckOk(body)).toBe(true);
      expect(s.text).toBe(`*${body}*`);
    },
  );
  test.prop([
    fc.string({
      unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 30,
    }),
  ])('Full ASCII decodes back to any ASCII', (data) => {
    expect(expandFullAscii(decodeCode39(encodeCode39(data, { fullAscii: true }).modules))).toBe(data);
  });
  test.prop([fc.string({ maxLength: 20 })])(
    'arbitrary input: symbol or INVALID_CHARACTER/LENGTH naming the position',
    (data) => {
      try {
        encodeCode39(data);
      } catch (e) {
        expect(BarcodeError.is(e)).toBe(true);
        const err = e as BarcodeError;
        expect(['INVALID_CHARACTER', 'INVALID_LENGTH']).toContain(err.code);
        if (err.code === 'INVALID_CHARACTER') {
          expect(C39.includes(data.charAt(err.position ?? -1))).toBe(false);
          expect(
            data
              .slice(0, err.position)
              .split('')
              .every((c) => C39.includes(c)),
          ).toBe(true);
        }
      }
    },
  );
});

describe('Codabar', () => {
  const data16 = fc.string({ unit: fc.constantFrom(...'0123456789-$:/.+'), minLength: 0, maxLength: 30 });
  const guard = fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const);
  test.prop([data16, guard, guard, ratio])('decodes back with start/stop', (data, a, b, r) => {
    const s = encodeCodabar(`${a}${data}${b}`, { ratio: r });
    expect(decodeCodabar(s.modules)).toBe(`${a}${data}${b}`);
    expect(s.text).toBe(data);
  });
  test.prop([data16.filter((d) => d.length > 0), guard, guard])(
    'mod 16 check makes the value sum a multiple of 16',
    (data, a, b) => {
      const full = decodeCodabar(encodeCodabar(data, { start: a, stop: b, check: 'mod16' }).modules);
      const values = '0123456789-$:/.+ABCD';
      const sum = [...full].reduce((acc, c) => acc + values.indexOf(c), 0);
      expect(sum % 16).toBe(0);
    },
  );
  test.prop([fc.string({ maxLength: 20 })])('arbitrary input: symbol or typed error', (data) => {
    totalOrTyped(() => encodeCodabar(data));
  });
});

describe('2 of 5 family and ITF', () => {
  test.prop([digits(1, 30), fc.boolean(), ratio])(
    'Industrial, IATA, Matrix, Data Logic, COOP decode back',
    (d, check, r) => {
      const opts = { check, ratio: r };
      const text = encodeIndustrial2of5(d, opts).text;
      expect(text.slice(0, d.length)).toBe(d);
      if (check) expect(gtinCheckOk(text)).toBe(true);
      expect(decodeBarsOnly(encodeIndustrial2of5(d, opts).modules, 'WWN', 'WNW')).toBe(text);
      expect(decodeBarsOnly(encodeIata2of5(d, opts).modules, 'NN', 'WN')).toBe(text);
      expect(decodeDiscrete(encodeMatrix2of5(d, opts).modules, false, 'WNNNNN', 'WNNNN')).toBe(text);
      expect(decodeDiscrete(encodeDataLogic2of5(d, opts).modules, false, 'NNNN', 'WNN')).toBe(text);
      expect(decodeDiscrete(encodeCoop2of5(d, opts).modules, true, 'WNWN', 'NWW')).toBe(text);
    },
  );
  test.prop([digits(1, 40), fc.boolean(), ratio, fc.constantFrom('pad' as const, 'check' as const)])(
    'ITF decodes back; odd lengths padded or checked',
    (d, check, r, odd) => {
      const s = encodeItf(d, { check, ratio: r, odd });
      expect(decodeItf(s.modules)).toBe(s.text);
      expect(s.text.length % 2).toBe(0);
      const withCheck = (x: string) =>
        x +
        String((10 - ([...x].reverse().reduce((a, c, i) => a + Number(c) * (i % 2 ? 1 : 3), 0) % 10)) % 10);
      let expected = check ? withCheck(d) : d;
      if (expected.length % 2 === 1) expected = odd === 'pad' || check ? `0${expected}` : withCheck(expected);
      expect(s.text).toBe(expected);
    },
  );
  test.prop([digits(13, 13)])('ITF-14 adds a verifiable check digit and a bearer frame', (d) => {
    const s = encodeItf14(d);
    expect(decodeItf(s.modules)).toBe(s.text);
    expect(gtinCheckOk(s.text)).toBe(true);
    expect(s.bearer).toEqual({ thickness: 5, box: true });
  });
  test.prop([fc.string({ maxLength: 20 })])('arbitrary input: symbol or typed error', (data) => {
    totalOrTyped(() => encodeItf(data, { odd: 'error' }));
    totalOrTyped(() => encodeItf14(data));
    totalOrTyped(() => encodeMatrix2of5(data));
  });
});

describe('EAN / UPC', () => {
  test.prop([digits(12, 12)])('EAN-13 decodes back with the check digit', (d) => {
    const s = encodeEan13(d);
    expect(decodeEan13(s.modules)).toBe(s.text);
    expect(s.text.slice(0, 12)).toBe(d);
    expect(gtinCheckOk(s.text)).toBe(true);
    expect(encodeEan13(s.text).modules).toEqual(s.modules);
  });
  test.prop([digits(12, 12), fc.integer({ min: 1, max: 9 })])(
    'a wrong EAN-13 check digit is INVALID_CHECK_DIGIT at 12',
    (d, delta) => {
      const good = encodeEan13(d).text;
      const bad = good.slice(0, 12) + String((Number(good[12]) + delta) % 10);
      expect(() => encodeEan13(bad)).toThrow(
        expect.objectContaining({ code: 'INVALID_CHECK_DIGIT', position: 12 }),
      );
      expect(encodeEan13(bad, { verify: false }).text).toBe(bad);
    },
  );
  test.prop([digits(9, 9)])('ISBN-10 → the EAN-13 978 + 9 digits, decoding back', (nine) => {
    const isbn10 = nine + isbn10Check(nine);
    const s = encodeIsbn(isbn10);
    expect(decodeEan13(s.modules)).toBe(s.text);
    expect(s.text.slice(0, 12)).toBe(`978${nine}`);
    expect(toIsbn13(s.text)).toBe(s.text);
  });
  test.prop([digits(7, 7)])('EAN-8 decodes back', (d) => {
    const s = encodeEan8(d);
    expect(decodeEan8(s.modules)).toBe(s.text);
    expect(gtinCheckOk(s.text)).toBe(true);
  });
  test.prop([digits(11, 11)])('UPC-A is an EAN-13 with leading 0', (d) => {
    const s = encodeUpca(d);
    expect(decodeEan13(s.modules)).toBe(`0${s.text}`);
  });
  test.prop([fc.constantFrom('0', '1'), digits(6, 6)])(
    'UPC-E: canonical inputs decode back and expand/compress round-trip',
    (ns, six) => {
      let upca: string;
      try {
        upca = expandUpce(ns + six);
      } catch (e) {
        expect((e as BarcodeError).code).toBe('NOT_REPRESENTABLE');
        return;
      }
      const s = encodeUpce(ns + six);
      expect(decodeUpce(s.modules)).toBe(s.text);
      expect(s.text).toBe(ns + six + upca.at(-1));
      expect(compressUpca(upca)).toBe(s.text);
      expect(encodeUpce(upca).modules).toEqual(s.modules);
    },
  );
  test.prop([digits(11, 11)])('UPC-A compresses only when it expands back to itself', (d) => {
    const c = compressUpca(d);
    if (c !== undefined) expect(expandUpce(c).slice(0, 11)).toBe(d);
  });
  test.prop([digits(12, 12), fc.oneof(digits(2, 2), digits(5, 5))])(
    'add-ons decode back after the gap',
    (d, add) => {
      const s = encodeEan13(`${d}+${add}`);
      expect(decodeEan13(s.modules.slice(0, 95))).toBe(s.text.slice(0, 13));
      expect(Array.from(s.modules.slice(95, 102))).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(decodeAddon(s.modules.slice(102))).toBe(add);
      expect(decodeAddon((add.length === 2 ? encodeEan2(add) : encodeEan5(add)).modules)).toBe(add);
    },
  );
  test.prop([fc.string({ maxLength: 20 })])('arbitrary input: symbol or typed error', (data) => {
    for (const f of [encodeEan13, encodeEan8, encodeUpca, encodeUpce, encodeEan2, encodeEan5, encodeIsbn])
      totalOrTyped(() => f(data));
  });
});

describe('Code 128', () => {
  const latin1 = fc.string({
    unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 40,
  });
  const mixed = fc.string({
    unit: fc.constantFrom(...'0123456789012345678901234567890123456789aZ\t\x00é~ '),
    minLength: 1,
    maxLength: 40,
  });
  test.prop([fc.oneof(latin1, mixed)])('decodes back to any ISO 8859-1 text', (data) => {
    const s = encodeCode128(data);
    expect(decodeCode128(s.modules).text).toBe(data);
    expect(s.text).toBe(data);
  });
  test.prop([mixed])('is never longer than a single code set B/C encoding (when one exists)', (data) => {
    const auto = encodeCode128(data).modules.length;
    for (const set of ['A', 'B', 'C'] as const) {
      try {
        expect(auto).toBeLessThanOrEqual(encodeCode128(data, { codeSet: set }).modules.length);
      } catch (e) {
        expect((e as BarcodeError).code).toBe('INVALID_CHARACTER');
      }
    }
  });
  test.prop([fc.string({ unit: fc.constantFrom(...'0123a\x01éé\x81'), minLength: 1, maxLength: 14 })])(
    'is as short as an exhaustive search over code sets, Shift, FNC4 and FNC4 FNC4; never longer than before',
    (data) => {
      const { values } = decodeCode128(encodeCode128(data).modules);
      expect(values.length).toBe(exhaustiveCode128Length(data, true));
      // Before extended mode: single FNC4 per high character, never combined with Shift.
      expect(values.length).toBeLessThanOrEqual(exhaustiveCode128Length(data, false));
    },
  );
  it('the longest input (4,096 ISO 8859-1 characters) encodes quickly and decodes back; one more is refused', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    // Runs of high characters, digits and controls, so every state of the search is used.
    const data = Array.from({ length: 4096 }, () =>
      String.fromCharCode(next() % 3 === 0 ? next() % 128 : 128 + (next() % 128)),
    ).join('');
    const started = performance.now();
    const symbol = encodeCode128(data);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(decodeCode128(symbol.modules).text).toBe(data);
    expect(() => encodeCode128(`${data}a`)).toThrow(expect.objectContaining({ code: 'INVALID_LENGTH' }));
  });
  test.prop([digits(1, 30)])('digits: ceil(n/2) set C symbols plus at most one extra character', (d) => {
    const { values } = decodeCode128(encodeCode128(d).modules);
    expect(values.length - 1).toBeLessThanOrEqual(Math.floor(d.length / 2) + (d.length % 2 ? 2 : 0));
  });
  test.prop([fc.string({ maxLength: 20 })])(
    'arbitrary input: symbol or INVALID_CHARACTER at a non-Latin-1 character',
    (data) => {
      try {
        encodeCode128(data);
      } catch (e) {
        const err = e as BarcodeError;
        expect(BarcodeError.is(e)).toBe(true);
        if (err.code === 'INVALID_CHARACTER') expect(data.charCodeAt(err.position ?? 0)).toBeGreaterThan(255);
        else expect(err.code).toBe('INVALID_LENGTH');
      }
    },
  );
  test.prop([
    fc.array(
      fc.tuple(
        fc.constantFrom('10', '21', '240', '400', '91'),
        fc.string({ unit: fc.constantFrom(...'ABCxyz0123-/'), minLength: 1, maxLength: 12 }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    digits(13, 13),
  ])(
    'GS1-128: FNC1 first, separators after variable fields, text with AIs in parentheses',
    (vars, gtin13) => {
      const gtin = encodeEan13(gtin13.slice(1)).text.padStart(14, '0');
      const input = `(01)${gtin}${vars.map(([ai, d]) => `(${ai})${d}`).join('')}`;
      const s = encodeGs1128(input);
      const dec = decodeCode128(s.modules);
      expect(dec.gs1).toBe(true);
      expect(dec.text).toBe(`01${gtin}${vars.map(([ai, d]) => `${ai}${d}`).join('\x1d')}`);
      expect(s.text).toBe(input);
    },
  );
  test.prop([fc.string({ maxLength: 30 })])('GS1-128 arbitrary input: symbol or typed error', (data) => {
    totalOrTyped(() => encodeGs1128(data));
  });
});
