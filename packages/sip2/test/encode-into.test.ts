// encodeInto: the same bytes as encode, written into the caller's buffer, and the same errors.
import { build, encode, encodeInto, SIP2_CHARSETS, type Sip2Charset, type Sip2Message } from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { anyMessage } from './arbitraries.js';

const charsets = fc.constantFrom<Sip2Charset>(...SIP2_CHARSETS);

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error;
  }
}

describe('encodeInto', () => {
  test.prop([anyMessage(), charsets, fc.nat({ max: 40 }), fc.nat({ max: 40 })])(
    'writes exactly what encode returns at the offset, and nothing else',
    (m, charset, offset, spare) => {
      const expected = encode(m, { charset });
      const target = new Uint8Array(offset + expected.length + spare).fill(0xee);
      const written = encodeInto(m, target, offset, { charset });
      expect(written).toBe(expected.length);
      expect(target.subarray(offset, offset + written)).toEqual(expected);
      expect(target.subarray(0, offset).every((b) => b === 0xee)).toBe(true);
      expect(target.subarray(offset + written).every((b) => b === 0xee)).toBe(true);
    },
  );

  test.prop([anyMessage(), fc.nat({ max: 5 })])(
    'refuses a target one byte short, naming it; an exact fit is fine',
    (m, offset) => {
      const length = encode(m).length;
      expect(encodeInto(m, new Uint8Array(offset + length), offset)).toBe(length);
      expect(() => encodeInto(m, new Uint8Array(offset + length - 1), offset)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'target' }),
      );
    },
  );

  test.prop([anyMessage(), fc.anything()])('throws what encode throws for a bad message', (m, sequence) => {
    const bad = { ...m, sequence } as unknown as Sip2Message;
    const target = new Uint8Array(2048);
    const into = outcome(() => target.slice(0, encodeInto(bad, target)));
    expect(into).toStrictEqual(outcome(() => encode(bad)));
  });

  it('refuses a bad target or offset', () => {
    const m = build.endSessionResponse({ endSession: true, institutionId: 'M', patronIdentifier: 'P' });
    for (const offset of [-1, 1.5, 5, Number.NaN]) {
      expect(() => encodeInto(m, new Uint8Array(4), offset)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'offset' }),
      );
    }
    expect(() => encodeInto(m, [] as unknown as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'target' }),
    );
  });

  it('cleans values as encode does (the general path) and honours the delimiter', () => {
    const m = build.checkinResponse({
      ok: true,
      transactionDate: '20261123    101112',
      institutionId: 'M',
      itemIdentifier: 'I',
      titleIdentifier: 'a^b|c\r',
      sequence: 2,
    });
    const target = new Uint8Array(256);
    const n = encodeInto(m, target, 3, { fieldDelimiter: '^' });
    expect(target.subarray(3, 3 + n)).toEqual(encode(m, { fieldDelimiter: '^' }));
    expect(new TextDecoder().decode(target.subarray(3, 3 + n))).toContain('AJa b|c ^');
  });
});

describe('encode', () => {
  it('survives a re-entrant call from a getter (the scratch buffer is not shared)', () => {
    const inner = build.checkinResponse({
      ok: false,
      transactionDate: '20261123    101112',
      institutionId: 'INNER',
      itemIdentifier: 'X',
    });
    const innerBytes = encode(inner);
    const outer = build.checkinResponse({
      ok: true,
      transactionDate: '20261123    101112',
      institutionId: 'OUTER',
      itemIdentifier: 'Y',
      sequence: 1,
    });
    let seen: Uint8Array | undefined;
    const tricky = {
      ...outer,
      get fields() {
        seen = encode(inner);
        return outer.fields;
      },
    } as Sip2Message;
    expect(encode(tricky)).toEqual(encode(outer));
    expect(seen).toEqual(innerBytes);
  });

  it('encodes messages far over the scratch size', () => {
    const huge = build.patronInformationResponse({
      institutionId: 'M',
      patronIdentifier: 'P',
      chargedItems: Array.from({ length: 400 }, (_, i) => `item ${i} `.repeat(25)),
      sequence: 5,
    });
    const bytes = encode(huge);
    expect(bytes.length).toBeGreaterThan(70_000);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
    const target = new Uint8Array(bytes.length + 2);
    expect(encodeInto(huge, target, 2)).toBe(bytes.length);
    expect(target.subarray(2)).toEqual(bytes);
  });
});
