// Automatic Code 128 / GS1-128 code-set choice: zint 2.11's Annex E sequence when no longer, else the minimum.
// Expected values below were read from `zint --dump` (see test/interop/code128-zint.interop.test.ts).
import { encodeCode128, encodeGs1128 } from '@bibwire/barcode';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  code128Items,
  code128Modules,
  code128Values,
  FNC1_ITEM,
  shortestCode128Values,
} from '../src/linear/code128.js';
import { annexEValues, zintCode128Values } from '../src/linear/code128-annex-e.js';
import { decodeCode128 } from './reference/linear-decoders.js';

const valuesOf = (data: string) => decodeCode128(encodeCode128(data).modules).values;
const ascii = fc.string({
  unit: fc.constantFrom(
    ...'0123456789012345678901234567890123456789ABCxyz `_\\',
    '\x00',
    '\x01',
    '\x1f',
    '\x7f',
  ),
  minLength: 1,
  maxLength: 40,
});

/** Which items a value sequence encodes in set C (ASCII, no FNC1). */
function setCPositions(values: readonly number[]): boolean[] {
  const inC: boolean[] = [];
  let set = (values[0] as number) - 103;
  let shift = false;
  for (const v of values.slice(1)) {
    const cur = shift ? 1 - set : set;
    shift = false;
    if (cur === 2 && v < 100) inC.push(true, true);
    else if (cur === 2) set = v === 100 ? 1 : 0;
    else if (v === 98) shift = true;
    else if (v >= 99 && v <= 101) set = v === 99 ? 2 : v === 100 ? 1 : 0;
    else inC.push(false);
  }
  return inC;
}

/** Fewest symbol characters (start included) with set C exactly at `inC`, and A/B/Shift chosen freely. */
function fewestWithSetCFixed(items: readonly number[], inC: readonly boolean[]): number {
  const INF = Number.POSITIVE_INFINITY;
  let cost = [1, 1, 1]; // after the start character, in A, B, C
  let i = 0;
  while (i < items.length) {
    const into = (t: number) => Math.min(...cost.map((c, s) => c + (s === t ? 0 : 1)));
    if (inC[i]) {
      cost = [INF, INF, into(2) + 1];
      i += 2;
    } else {
      const c = items[i] as number;
      cost = [into(0) + (c < 96 ? 1 : 2), into(1) + (c >= 32 ? 1 : 2), INF];
      i++;
    }
  }
  return Math.min(...cost);
}

describe('Code 128 automatic code sets follow zint where equally short', () => {
  it.each([
    ['AB12345CD', [104, 33, 34, 17, 99, 23, 45, 100, 35, 36]],
    ['12a', [104, 17, 18, 65]],
    ['123', [104, 17, 18, 19]],
    ['12345', [105, 12, 34, 100, 21]],
    ['ab1234cd', [104, 65, 66, 99, 12, 34, 100, 67, 68]],
    ['\x01a', [103, 65, 98, 65]],
    ['\x01ab', [103, 65, 100, 65, 66]],
    ['a\x01\x02b', [104, 65, 101, 65, 66, 98, 66]],
    ['12345\x01', [105, 12, 34, 101, 21, 65]],
  ])('%j', (data, values) => {
    expect(valuesOf(data)).toEqual(values);
  });

  it('keeps the shorter sequence where zint is longer', () => {
    // zint: 104 18 35 18 98 65 (Shift for the last control character); ours latches A once instead.
    expect(valuesOf('2C2\x01')).toEqual([103, 18, 35, 18, 65]);
    expect(annexEValues(code128Items('code128', '2C2\x01'))).toEqual([104, 18, 35, 18, 98, 65]);
  });

  it.each([
    ['[10]ABC', [104, 102, 17, 16, 33, 34, 35]],
    ['[400]?', [104, 102, 20, 16, 16, 31]],
    ['[10]1234567', [105, 102, 10, 12, 34, 56, 100, 23]],
    ['[10]1[21]1', [105, 102, 10, 100, 17, 102, 18, 99, 11]],
    ['[10]A12345[21]B', [104, 102, 17, 16, 33, 17, 99, 23, 45, 102, 21, 100, 34]],
    ['[10]A[21]123456A', [104, 102, 17, 16, 33, 99, 102, 21, 12, 34, 56, 100, 33]],
  ])('GS1-128 %s', (data, values) => {
    expect(decodeCode128(encodeGs1128(data).modules).values).toEqual(values);
  });

  test.prop([ascii])('the Annex E sequence encodes the same text, and the choice is never longer', (data) => {
    const items = code128Items('code128', data);
    const annexE = annexEValues(items);
    expect(annexE).toBeDefined();
    expect(decodeCode128(code128Modules(annexE ?? [])).text).toBe(data);
    const chosen = code128Values(items);
    expect(chosen.length).toBeLessThanOrEqual((annexE ?? []).length);
    expect(decodeCode128(code128Modules(chosen)).text).toBe(data);
  });

  const noControls = fc.string({
    // Digits often, so digit runs of every length meet letters, lowercase and DEL.
    unit: fc.oneof(
      fc.constantFrom(...'0123456789'),
      fc.integer({ min: 32, max: 127 }).map((c) => String.fromCharCode(c)),
    ),
    minLength: 1,
    maxLength: 40,
  });
  test.prop([noControls])(
    'ASCII without control characters: zint is always minimal, so ours is exactly zint (the class boundary)',
    (data) => {
      const items = code128Items('code128', data);
      expect(code128Values(items)).toEqual(annexEValues(items));
      // The encoder skips the search here: the search must agree that zint's sequence is minimal.
      expect(shortestCode128Values(items).length).toBe(annexEValues(items)?.length);
    },
  );

  test.prop([ascii])(
    'ASCII with control characters: zint places set C optimally; all it loses is in choosing A, B or Shift',
    (data) => {
      const items = code128Items('code128', data);
      const zint = annexEValues(items) ?? [];
      expect(fewestWithSetCFixed(items, setCPositions(zint))).toBe(code128Values(items).length);
    },
  );

  test.prop([
    fc.array(fc.oneof(fc.constant(FNC1_ITEM), fc.integer({ min: 32, max: 126 })), { maxLength: 30 }),
  ])('GS1 items (FNC1 first): the Annex E sequence keeps every FNC1 and character', (rest) => {
    const items = [FNC1_ITEM, ...rest.filter((c, k) => c !== FNC1_ITEM || rest[k - 1] !== FNC1_ITEM)];
    const annexE = annexEValues(items) ?? [];
    const decoded = decodeCode128(code128Modules(annexE));
    expect(decoded.gs1).toBe(true);
    const chosen = decodeCode128(code128Modules(code128Values(items)));
    expect(decoded.text).toBe(chosen.text);
    expect(code128Values(items).length).toBeLessThanOrEqual(annexE.length);
  });
});

/** Data from `\xNN` escapes (high characters spelled out so the bytes are visible). */
const fromEscapes = (data: string) =>
  data.replace(/\\x([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
const E5 = '\\xe9'.repeat(5);
const e9x5 = [73, 73, 73, 73, 73];

describe('Code 128 ISO 8859-1 high characters (FNC4) follow zint 2.11 where correct and equally short', () => {
  // Each expected sequence is zint's (`zint -b 20 --esc --binary --dump`), and ours equals it.
  it.each([
    ['\\xe9', [104, 100, 73]],
    ['\\xe9\\xe9\\xe9', [104, 100, 100, 73, 73, 73]], // 3+ ending the data: FNC4 FNC4 latch
    ['\\xe9\\xe9\\xe9a', [104, 100, 73, 100, 73, 100, 73, 65]], // 3 inside: single FNC4 each
    [E5, [104, 100, 100, ...e9x5]], // 5+ anywhere: latch
    [`ab${E5}cd`, [104, 65, 66, 100, 100, ...e9x5, 100, 67, 100, 68]], // short ASCII tail: FNC4 back each
    [`ab${E5}cdefg`, [104, 65, 66, 100, 100, ...e9x5, 100, 100, 67, 68, 69, 70, 71]], // FNC4 FNC4 unlatch
    [`${E5}1234${E5}`, [104, 100, 100, ...e9x5, 99, 12, 34, 100, ...e9x5]], // extended mode survives set C
    [`\\x01${E5}`, [103, 65, 100, 100, 100, ...e9x5]], // Code B, then FNC4 FNC4 in set B
    [`${E5}\\x01`, [104, 100, 100, ...e9x5, 100, 98, 65]], // FNC4 then Shift
    ['\\x01\\x01\\xe9\\x01', [103, 65, 65, 101, 98, 73, 65]], // FNC4 (set A) then Shift to B
    ['ab\\x81cd', [104, 65, 66, 100, 98, 65, 67, 68]], // 0x81 is SOH + 128: FNC4, Shift to A
    ['\\x81\\xe9\\x81\\xe9\\x81\\xe9', [103, 101, 101, 65, 98, 73, 65, 98, 73, 65, 98, 73]],
    ['\\xb1\\xb2\\xb3\\xb4\\xb5', [104, 100, 100, 17, 18, 19, 20, 21]], // 0xb0–0xb9 are not digits
    ['Gr\\xfc\\xdfe', [104, 39, 82, 100, 92, 100, 63, 69]],
  ])('%s', (escapedData, values) => {
    const items = code128Items('code128', fromEscapes(escapedData));
    expect(zintCode128Values(items)).toEqual({ values, faithful: true });
    expect(valuesOf(fromEscapes(escapedData))).toEqual(values);
  });

  // Where zint 2.11 is longer, ours is the shortest (zint's sequence checked against zint in the interop test).
  it.each([
    // A run of exactly 4 ending the data: zint shifts the first, then latches for the last 3.
    ['\\xe9\\xe9\\xe9\\xe9', [104, 100, 73, 100, 100, 73, 73, 73], [104, 100, 100, 73, 73, 73, 73]],
    // Runs shorter than 5 are never latched, even when a short ASCII gap joins them.
    [
      '\\xe9\\xe9a\\xe9\\xe9',
      [104, 100, 73, 100, 73, 65, 100, 73, 100, 73],
      [104, 100, 100, 73, 73, 100, 65, 73, 73],
    ],
    // zint unlatches for 5+ ASCII characters even if most of them are digit pairs in set C.
    [
      `${E5}12345`,
      [104, 100, 100, ...e9x5, 100, 100, 17, 99, 23, 45],
      [104, 100, 100, ...e9x5, 100, 17, 99, 23, 45],
    ],
    // ASCII: Annex E starts in A only when the very next block is control characters, and shifts single ones.
    ['0A\\x01', [104, 16, 33, 98, 65], [103, 16, 33, 65]],
    ['a\\x011\\x01', [104, 65, 98, 65, 17, 98, 65], [104, 65, 101, 65, 17, 65]],
  ])('%s: zint is longer, ours is the minimum', (escapedData, zint, ours) => {
    const items = code128Items('code128', fromEscapes(escapedData));
    expect(zintCode128Values(items)).toEqual({ values: zint, faithful: true });
    expect(valuesOf(fromEscapes(escapedData))).toEqual(ours);
    expect(ours.length).toBeLessThan(zint.length);
  });

  // zint 2.11 misencodes these (ZXing reads them as "ééééé1234áâãäå" and "ééééé12i"): not used.
  it.each([
    [`${E5}1234abcde`, 'unlatch falls in set C, where zint writes nothing'],
    [`${E5}12\\xe9`, 'a single FNC4 while latched turns é back into i'],
  ])('%s: zint is wrong (%s), ours decodes back', (escapedData) => {
    const data = fromEscapes(escapedData);
    const zint = zintCode128Values(code128Items('code128', data));
    expect(zint?.faithful).toBe(false);
    expect(decodeCode128(code128Modules(zint?.values ?? [])).text).not.toBe(data);
    expect(decodeCode128(encodeCode128(data).modules).text).toBe(data);
  });

  const latin1 = fc.string({
    unit: fc.constantFrom(...'0123456789aA `\x01\x7f\xe9\xe9\xe9\xe9\xb1\x81\xff\xc0\xe0\x90'),
    minLength: 1,
    maxLength: 30,
  });
  test.prop([latin1])('the faithful flag is exact, and the choice is never longer than zint', (data) => {
    const items = code128Items('code128', data);
    const zint = zintCode128Values(items);
    expect(zint).toBeDefined();
    const { values = [], faithful = false } = zint ?? {};
    let decoded: string | undefined;
    try {
      decoded = decodeCode128(code128Modules(values)).text;
    } catch {
      decoded = undefined;
    }
    expect(decoded === data).toBe(faithful);
    const chosen = code128Values(items);
    expect(decodeCode128(code128Modules(chosen)).text).toBe(data);
    if (faithful) {
      expect(chosen.length).toBeLessThanOrEqual(values.length);
      if (chosen.length === values.length) expect(chosen).toEqual(values);
    }
  });
});
