// The codec's fast paths (decode of defect-free messages, encode of clean ones) must agree with the
// general paths on every input: the same result, or the same error.
import { SIP2_CHARSETS, type Sip2Charset, type Sip2DecodeOptions, type Sip2Message } from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decode, decodeGeneral } from '../src/codec/decode.js';
import { parseClean, parseCleanBytes } from '../src/codec/decode-fast.js';
import { allowedDelimiters } from '../src/codec/delimiter.js';
import { encode, encodeGeneral } from '../src/codec/encode.js';
import { anyMessage, valueText } from './arbitraries.js';

type Outcome = { ok: true; json: string; value: unknown } | { ok: false; error: unknown };

function outcome(run: () => unknown): Outcome {
  try {
    const value = run();
    // JSON keeps key order, which toEqual ignores; byte arrays become plain arrays.
    const json = JSON.stringify(value, (_, v) => (v instanceof Uint8Array ? Array.from(v) : v));
    return { ok: true, json, value };
  } catch (error) {
    return { ok: false, error };
  }
}

function expectSame(fast: Outcome, general: Outcome): void {
  expect(fast.ok).toBe(general.ok);
  if (fast.ok && general.ok) {
    expect(fast.json).toBe(general.json);
    expect(fast.value).toStrictEqual(general.value);
  } else if (!fast.ok && !general.ok) {
    expect(fast.error).toStrictEqual(general.error);
    expect(String(fast.error)).toBe(String(general.error));
  }
}

const charsets = fc.constantFrom<Sip2Charset>(...SIP2_CHARSETS);
const delimiters = fc.oneof(fc.constant('|'), fc.constantFrom(...allowedDelimiters()));
const decodeOptions = fc.record(
  {
    mode: fc.constantFrom('tolerant' as const, 'strict' as const),
    charset: charsets,
    errorDetection: fc.constantFrom('optional' as const, 'required' as const),
    fieldDelimiter: delimiters,
  },
  { requiredKeys: [] },
);

function expectSameDecode(input: Uint8Array | string, options: Sip2DecodeOptions): void {
  expectSame(
    outcome(() => decode(input, options)),
    outcome(() => decodeGeneral(input, options)),
  );
}

/** `m` without the fields whose id holds the delimiter (encode refuses those). */
const idsWithout = (m: Sip2Message, fieldDelimiter: string | undefined): Sip2Message =>
  fieldDelimiter === undefined
    ? m
    : ({ ...m, fields: m.fields.filter((f) => !f[0].includes(fieldDelimiter)) } as Sip2Message);

/** Encoded messages with a few bytes changed, inserted or removed: near misses of the fast path. */
const mutatedMessage = fc
  .tuple(
    anyMessage(),
    charsets,
    delimiters,
    fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('set', 'insert', 'delete'), fc.integer({ min: 0, max: 255 })),
      {
        maxLength: 3,
      },
    ),
  )
  .map(([m, charset, fieldDelimiter, edits]) => {
    const bytes = Array.from(encode(idsWithout(m, fieldDelimiter), { charset, fieldDelimiter }));
    for (const [at, op, byte] of edits) {
      const i = at % (bytes.length + 1);
      if (op === 'set' && i < bytes.length) bytes[i] = byte;
      else if (op === 'insert') bytes.splice(i, 0, byte);
      else bytes.splice(i, 1);
    }
    return { bytes: Uint8Array.from(bytes), charset, fieldDelimiter };
  });

describe('decode fast path equals the general decoder', () => {
  test.prop([anyMessage(), charsets, decodeOptions])('on encoded messages', (m, charset, options) => {
    const bytes = encode(idsWithout(m, options.fieldDelimiter), {
      charset,
      ...(options.fieldDelimiter ? { fieldDelimiter: options.fieldDelimiter } : {}),
    });
    expectSameDecode(bytes, { ...options, charset });
    expectSameDecode(new TextDecoder().decode(bytes), options);
  });

  test.prop([mutatedMessage, decodeOptions])(
    'on encoded messages with edits',
    ({ bytes, charset, fieldDelimiter }, options) => {
      expectSameDecode(bytes, { ...options, charset, fieldDelimiter });
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 }), decodeOptions])('on arbitrary bytes', (bytes, options) => {
    expectSameDecode(bytes, options);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 200 }), decodeOptions])(
    'on arbitrary strings',
    (text, options) => {
      expectSameDecode(text, options);
    },
  );

  test.prop([
    fc.stringMatching(
      /^(?:[0-9]{2}[0-9YN ]{0,40}(?:[A-Z]{2}[ -~]{0,8}\|){0,4}(?:AY\d)?(?:AZ[0-9A-Fa-f]{0,5})?\r?)$/,
    ),
  ])('on message-shaped strings', (text) => {
    expectSameDecode(text, {});
    expectSameDecode(text, { errorDetection: 'required' });
    expectSameDecode(text.replaceAll('|', '^'), { fieldDelimiter: '^' });
    expectSameDecode(text, { fieldDelimiter: '^' });
  });
});

const encodeOptions = fc.record(
  {
    charset: charsets,
    unmappable: fc.constantFrom('replace' as const, 'error' as const),
    illegalCharacters: fc.constantFrom('replace' as const, 'error' as const),
    terminator: fc.constantFrom('\r' as const, '\r\n' as const, '\n' as const),
    fieldDelimiter: delimiters,
  },
  { requiredKeys: [] },
);

/** Values the fast path must hand over: illegal characters, lone surrogates, non-ASCII. */
const awkwardValue = fc.oneof(
  valueText('utf-8', 20),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('a|b', '\r', '\n', '\0', '\uD800', 'x\uDC00y', 'é', '🙂', '|', '', '^', 'a^b~'),
);

const awkwardMessage = fc
  .tuple(anyMessage(), fc.array(fc.tuple(fc.nat(), awkwardValue), { maxLength: 3 }), fc.nat())
  .map(([m, edits, fixedAt]) => {
    const fields = m.fields.map((f) => [f[0], f[1]] as [string, string]);
    for (const [at, value] of edits) {
      if (fields.length > 0) fields[at % fields.length]![1] = value;
    }
    const fixed: Record<string, string> = { ...m.fixed };
    const names = Object.keys(fixed);
    const name = names[fixedAt % Math.max(1, names.length)];
    // Sometimes a fixed value of the right width with a pipe, a control or a non-ASCII character.
    if (name !== undefined && fixedAt % 3 === 0) {
      const width = fixed[name]!.length;
      fixed[name] = '|\ré'.repeat(width).slice(0, width);
    }
    return { ...m, fixed, fields } as unknown as Sip2Message;
  });

describe('encode fast path equals the general encoder', () => {
  test.prop([anyMessage(), encodeOptions])('on valid messages', (m, options) => {
    expectSame(
      outcome(() => encode(m, options)),
      outcome(() => encodeGeneral(m, options)),
    );
  });

  test.prop([awkwardMessage, encodeOptions])('on messages with awkward values', (m, options) => {
    expectSame(
      outcome(() => encode(m, options)),
      outcome(() => encodeGeneral(m, options)),
    );
  });

  test.prop([anyMessage(), fc.anything()])('on a bad sequence number', (m, sequence) => {
    const bad = { ...m, sequence } as unknown as Sip2Message;
    expectSame(
      outcome(() => encode(bad)),
      outcome(() => encodeGeneral(bad)),
    );
  });

  test.prop([anyMessage()])('results are fresh arrays, each its own buffer', (m) => {
    const a = encode(m);
    const b = encode(m);
    expect(a).toEqual(b);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(a.length);
  });
});

describe('the fast paths are taken', () => {
  const plain = (s: string) => /^[A-Za-z0-9 .]*$/.test(s) && !/A[YZ]/.test(s);
  test.prop([
    anyMessage({ crOnly: true }).filter(
      (m) =>
        m.fields.every((f) => plain(f[1])) &&
        Object.values(m.fixed as Record<string, string>).every((v) => !v.includes('|')),
    ),
    charsets,
  ])('a clean message decodes without the general decoder', (m, charset) => {
    const bytes = encode(m, { charset });
    const body = bytes.subarray(0, bytes.length - 1);
    const text = new TextDecoder().decode(body);
    const general = decodeGeneral(bytes, { charset });
    const fromBytes = parseCleanBytes(body, charset, '\r', false, 0x7c);
    expect(fromBytes).toBeDefined();
    expect(fromBytes).toStrictEqual(general);
    const fromText = parseClean(text, body, charset, '\r', false);
    expect(fromText).toBeDefined();
    expect(fromText).toStrictEqual(general);
  });
});
