import {
  createFramer,
  decode,
  encode,
  SIP2_CHARSETS,
  SIP2_CODES,
  type Sip2Charset,
  Sip2Error,
  type Sip2FramedItem,
} from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { anyMessage, messageOf } from './arbitraries.js';

describe('round trip', () => {
  for (const code of SIP2_CODES) {
    test.prop([messageOf(code)], { numRuns: 60 })(`decode(encode(m)) equals m for ${code}`, (m) => {
      const decoded = decode(encode(m));
      expect(decoded.message).toEqual(m);
      expect(decoded.checksum.valid).toBe(m.checksum === true);
    });
  }

  for (const charset of SIP2_CHARSETS) {
    test.prop([anyMessage({ charset, crOnly: true })])(
      `${charset}: valid messages decode without warnings and re-encode byte for byte`,
      (m) => {
        const bytes = encode(m, { charset, unmappable: 'error', illegalCharacters: 'error' });
        const decoded = decode(bytes, { charset, mode: 'strict' });
        expect(decoded.warnings).toEqual([]);
        expect(decoded.message).toEqual(m);
        expect(encode(decoded.message, { charset })).toEqual(bytes);
      },
    );
  }
});

const modes = fc.constantFrom('tolerant' as const, 'strict' as const);
const charsets = fc.constantFrom<Sip2Charset>(...SIP2_CHARSETS);

function decodesOrTypedError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(Sip2Error.is(error), String(error)).toBe(true);
  }
}

describe('arbitrary input', () => {
  test.prop([fc.uint8Array({ maxLength: 400 }), modes, charsets])(
    'arbitrary bytes give a message or a Sip2Error',
    (bytes, mode, charset) => {
      decodesOrTypedError(() => decode(bytes, { mode, charset, errorDetection: 'required' }));
    },
  );

  test.prop([fc.string({ unit: 'binary', maxLength: 300 }), modes, charsets])(
    'arbitrary strings give a message or a Sip2Error',
    (text, mode, charset) => {
      decodesOrTypedError(() => decode(text, { mode, charset }));
    },
  );

  // Messages with a valid code and random bodies reach far deeper into the parser than noise.
  test.prop([
    fc.constantFrom(...SIP2_CODES),
    fc.string({ unit: fc.constantFrom(...'AYZ|09 \r\nXf'.split('')), maxLength: 80 }),
    modes,
  ])('plausible messages give a message or a Sip2Error', (code, body, mode) => {
    decodesOrTypedError(() => {
      const { message, warnings } = decode(code + body, { mode });
      expect(message.code).toBe(code);
      for (const w of warnings) expect(w.offset).toBeGreaterThanOrEqual(0);
    });
  });

  test.prop([
    fc.constantFrom(...SIP2_CODES),
    fc.string({ unit: fc.constantFrom(...'AYZ|09 YN\r\nXf\0'.split('')), maxLength: 80 }),
    fc.constantFrom('optional' as const, 'required' as const),
  ])('strict mode throws exactly the first defect tolerant mode reports', (code, body, errorDetection) => {
    let tolerant: ReturnType<typeof decode>;
    try {
      tolerant = decode(code + body, { errorDetection });
    } catch (error) {
      expect(() => decode(code + body, { mode: 'strict', errorDetection })).toThrow((error as Error).message);
      return;
    }
    const defects = tolerant.warnings.filter((w) => w.code !== 'INVALID_DATE');
    try {
      const strict = decode(code + body, { mode: 'strict', errorDetection });
      expect(defects).toEqual([]);
      expect(strict.message).toEqual(tolerant.message);
    } catch (error) {
      if (!Sip2Error.is(error)) throw error;
      expect({ code: error.code, offset: error.offset, field: error.field }).toEqual({
        code: defects[0]?.code,
        offset: defects[0]?.offset,
        field: defects[0]?.field,
      });
    }
  });

  test.prop([fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 })])(
    'the framer accepts any bytes and never buffers more than its maximum',
    (bytes, max) => {
      const framer = createFramer({ maxMessageBytes: max });
      for (let i = 0; i < bytes.length; i += 7) {
        framer.push(bytes.subarray(i, i + 7));
        expect(framer.bufferedBytes).toBeLessThanOrEqual(max);
      }
      framer.end();
      expect(framer.bufferedBytes).toBe(0);
    },
  );
});

const summary = (items: Sip2FramedItem[]) =>
  items.map((item) =>
    item.kind === 'message'
      ? { raw: [...item.raw], message: item.decoded.message, warnings: item.decoded.warnings }
      : { raw: [...item.raw], error: item.error.code },
  );

describe('framer', () => {
  const stream = fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: anyMessage().map((m) => encode(m)) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 30 }) },
      ),
      { maxLength: 8 },
    )
    .map((parts) => {
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      return all;
    });

  test.prop([
    stream,
    fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 12 }),
    fc.integer({ min: 20, max: 400 }),
  ])('split and pipelined reads give the same messages', (bytes, cuts, max) => {
    const whole = createFramer({ maxMessageBytes: max });
    const expected = summary([...whole.push(bytes), ...whole.end()]);
    const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const split = createFramer({ maxMessageBytes: max });
    const got: Sip2FramedItem[] = [];
    let from = 0;
    for (const p of [...points, bytes.length]) {
      got.push(...split.push(bytes.subarray(from, p)));
      from = p;
    }
    got.push(...split.end());
    expect(summary(got)).toEqual(expected);
  });

  test.prop([fc.array(anyMessage({ crOnly: true }), { minLength: 1, maxLength: 6 })])(
    'a pipelined stream gives back every message',
    (messages) => {
      const framer = createFramer();
      const bytes = messages.map((m) => encode(m));
      const items = bytes.flatMap((b) => framer.push(b));
      expect(items.map((i) => (i.kind === 'message' ? i.decoded.message : i.error.code))).toEqual(messages);
    },
  );
});

describe('checksum detects changes', () => {
  test.prop([
    anyMessage({ crOnly: true }).filter((m) => m.checksum === true),
    fc.nat(),
    fc.integer({ min: 1, max: 255 }),
  ])('a message verifies iff no byte was changed', (m, position, delta) => {
    const bytes = encode(m);
    expect(decode(bytes).checksum.valid).toBe(true);
    const at = position % (bytes.length - 1); // not the terminator, which the checksum does not cover
    const changed = bytes.slice();
    changed[at] = (changed[at]! + delta) & 0xff;
    const before = String.fromCharCode(bytes[at]!);
    const after = String.fromCharCode(changed[at]!);
    // Hex digits of AZ are compared case-insensitively: f and F are the same checksum.
    fc.pre(!(at >= bytes.length - 5 && before.toLowerCase() === after.toLowerCase()));
    try {
      const { checksum } = decode(changed);
      expect(checksum.present && checksum.valid).toBe(false);
    } catch (error) {
      expect(Sip2Error.is(error)).toBe(true);
    }
  });
});
