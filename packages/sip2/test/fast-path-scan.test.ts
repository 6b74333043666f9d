// The decoder's fast path on bytes: results must not depend on where the message sits in its
// buffer (the checksum sums four bytes at a time from a 4-byte boundary), on its length, or on how
// many delimiters it has (the offsets buffer grows). Fast and general paths must agree.
import { SIP2_CHARSETS, type Sip2Charset, type Sip2Field, type Sip2Message } from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isValidSip2Date, isValidSip2DateAt } from '../src/codec/dates.js';
import { decode, decodeGeneral } from '../src/codec/decode.js';
import { fixedValid, parseCleanBytes } from '../src/codec/decode-fast.js';
import { allowedDelimiters } from '../src/codec/delimiter.js';
import { encode } from '../src/codec/encode.js';
import { fixedValueValid } from '../src/codec/fixed-check.js';
import { KIND_NUMBER } from '../src/codec/layouts.js';
import type { FixedKind } from '../src/codec/specs.js';
import { anyMessage, fieldId, valueChar } from './arbitraries.js';

const charsets = fc.constantFrom<Sip2Charset>(...SIP2_CHARSETS);
const delimiters = fc.oneof(fc.constant('|'), fc.constantFrom(...allowedDelimiters()));

/** `bytes` copied into a bigger buffer at `offset`, as a view (like a framer's or socket's chunk). */
function placed(bytes: Uint8Array, offset: number): Uint8Array {
  const buffer = new Uint8Array(bytes.length + offset + 5).fill(0x7c);
  buffer.set(bytes, offset);
  return buffer.subarray(offset, offset + bytes.length);
}

/** Messages with many fields and long values: several 64-word chunks, more than 64 delimiters. */
const bigMessage = fc.tuple(anyMessage({ crOnly: true }), charsets).chain(([m, charset]) =>
  fc
    .array(
      fc.tuple(
        fieldId,
        fc.array(valueChar(charset), { maxLength: 255 }).map((cs) => cs.join('').slice(0, 255)),
      ),
      { minLength: 20, maxLength: 90 },
    )
    .map((fields) => ({
      m: { ...m, fields: fields.map(([id, v]): Sip2Field => [id, v]), finalDelimiter: true } as Sip2Message,
      charset,
    })),
);

function sameDecode(bytes: Uint8Array, options: Parameters<typeof decode>[1]): void {
  let fast: unknown;
  let general: unknown;
  try {
    fast = decode(bytes, options);
  } catch (error) {
    fast = error;
  }
  try {
    general = decodeGeneral(bytes, options);
  } catch (error) {
    general = error;
  }
  expect(fast).toStrictEqual(general);
}

describe('the fast path on bytes', () => {
  test.prop([anyMessage(), charsets, fc.integer({ min: 0, max: 7 }), delimiters])(
    'gives the same result wherever the message sits in its buffer',
    (m, charset, offset, fieldDelimiter) => {
      const clean = { ...m, fields: m.fields.filter((f) => !f[0].includes(fieldDelimiter)) } as Sip2Message;
      const bytes = encode(clean, { charset, fieldDelimiter });
      sameDecode(placed(bytes, offset), { charset, fieldDelimiter });
      expect(decode(placed(bytes, offset), { charset, fieldDelimiter })).toStrictEqual(
        decode(bytes, { charset, fieldDelimiter }),
      );
    },
  );

  test.prop([bigMessage, fc.integer({ min: 0, max: 3 })], { numRuns: 60 })(
    'long messages with many fields round-trip on the fast path',
    ({ m, charset }, offset) => {
      const bytes = encode(m, { charset, unmappable: 'error', illegalCharacters: 'error' });
      const body = placed(bytes.subarray(0, bytes.length - 1), offset);
      const fast = parseCleanBytes(body, charset, '\r', false, 0x7c);
      // A U+FFFD in UTF-8 text may stand for invalid bytes: only the general path tells.
      if (!m.fields.some((f) => f[1].includes('\uFFFD'))) {
        expect(fast).toStrictEqual(decodeGeneral(bytes, { charset }));
      }
      const decoded = decode(placed(bytes, offset), { charset });
      expect(decoded.message.fields).toEqual(m.fields);
      expect(decoded.checksum.valid).toBe(m.checksum === true);
    },
  );

  test.prop([bigMessage, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 3 })], {
    numRuns: 60,
  })(
    'long messages with one byte changed agree with the general path',
    ({ m, charset }, at, byte, offset) => {
      const bytes = encode(m, { charset }).slice();
      bytes[at % bytes.length] = byte;
      sameDecode(placed(bytes, offset), { charset });
      sameDecode(placed(bytes, offset), { charset, mode: 'strict', errorDetection: 'required' });
    },
  );

  it('finds CR, LF and NUL in every position of a word', () => {
    const base = encode({
      code: '99',
      fixed: { statusCode: '0', maxPrintWidth: '040', protocolVersion: '2.00' },
      fields: [['XA', 'abcdefghijklmnopqrstuvwxyz0123456789']],
      checksum: true,
      sequence: 1,
    } as Sip2Message);
    for (const control of [0, 10, 13]) {
      for (let at = 2; at < base.length - 1; at++) {
        const bytes = base.slice(0, base.length - 1);
        bytes[at] = control;
        for (let offset = 0; offset < 4; offset++) {
          expect(parseCleanBytes(placed(bytes, offset), 'utf-8', '\r', false, 0x7c)).toBeUndefined();
          sameDecode(placed(bytes, offset), {});
        }
      }
    }
  });
});

describe('fixed-field checks of the fast path', () => {
  const dateLike = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789 AZJYz'.split('')), minLength: 18, maxLength: 18 }),
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .chain(([y, mo, d]) =>
        fc
          .tuple(
            fc.constantFrom('    ', '   Z', '   A', '   J', '   M', '   N', '   Y', '0000', '  Z ', '0001'),
            fc.integer({ min: 0, max: 25 }),
            fc.integer({ min: 0, max: 61 }),
            fc.integer({ min: 0, max: 61 }),
          )
          .map(([zone, h, mi, s]) => {
            const p = (n: number, w: number) => String(n).padStart(w, '0');
            return `${p(y, 4)}${p(mo, 2)}${p(d, 2)}${zone}${p(h, 2)}${p(mi, 2)}${p(s, 2)}`;
          }),
      ),
    fc.constant(' '.repeat(18)),
  );

  test.prop([dateLike, fc.string({ maxLength: 3 })])(
    'dates are read in place as isValidSip2Date reads them',
    (date, prefix) => {
      expect(isValidSip2DateAt(prefix + date, prefix.length)).toBe(isValidSip2Date(date));
    },
  );

  const WIDTH: Readonly<Record<string, number>> = { patronStatus: 14, summary: 10, count: 4, digits: 3 };
  const kinds = fc.constantFrom<FixedKind>(
    'flag',
    'triState',
    'ok',
    'holdMode',
    'digits',
    'count',
    'patronStatus',
    'summary',
    'text',
  );
  const fixedValueOf = (kind: FixedKind) =>
    fc.string({
      unit: fc.constantFrom(...'YNU01+-* 9\t\u00a0|'.split('')),
      minLength: WIDTH[kind] ?? 1,
      maxLength: WIDTH[kind] ?? 1,
    });

  test.prop([
    kinds.chain((kind) => fc.tuple(fc.constant(kind), fixedValueOf(kind))),
    fc.string({ maxLength: 3 }),
  ])('accept only what fixedValueValid accepts, and every plain valid value', ([kind, value], prefix) => {
    const fast = fixedValid(prefix + value, prefix.length, value.length, KIND_NUMBER[kind]);
    if (fast) expect(fixedValueValid(kind, value)).toBe(true);
    // Only the Unicode blanks that trimStart skips in a number are left to the general path.
    if (fixedValueValid(kind, value) && !/[\t\u00a0]/.test(value)) expect(fast).toBe(true);
  });
});
