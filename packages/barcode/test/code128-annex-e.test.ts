// Automatic Code 128 / GS1-128 code-set choice: zint 2.11's Annex E sequence when no longer, else the minimum.
// Expected values below were read from `zint --dump` (see test/interop/code128-zint.interop.test.ts).
import { encodeCode128, encodeGs1128 } from '@bibwire/barcode';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { code128Items, code128Modules, code128Values, FNC1_ITEM } from '../src/linear/code128.js';
import { annexEValues } from '../src/linear/code128-annex-e.js';
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

  it('leaves ISO 8859-1 high characters to the shortest-path encoder', () => {
    expect(annexEValues(code128Items('code128', 'aé'))).toBeUndefined();
    expect(valuesOf('aé')).toEqual([104, 65, 100, 73]);
  });
});
