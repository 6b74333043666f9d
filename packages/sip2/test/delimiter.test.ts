// The `fieldDelimiter` option (Koha's and Evergreen's per-account `delimiter`): validation, round
// trips with every allowed delimiter, and values that hold the delimiter.

import { readFileSync } from 'node:fs';
import {
  build,
  createFramer,
  decode,
  encode,
  encodeToString,
  messageText,
  SIP2_CHARSETS,
  type Sip2Charset,
  type Sip2Field,
  type Sip2Message,
  stampErrorDetection,
  verifyErrorDetection,
} from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { allowedDelimiters } from '../src/codec/delimiter.js';
import { anyMessage } from './arbitraries.js';

const ALLOWED = allowedDelimiters();
const delimiters = fc.constantFrom(...ALLOWED);
const charsets = fc.constantFrom<Sip2Charset>(...SIP2_CHARSETS);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** `m` with the delimiter taken out of its ids and values (so it must round-trip exactly). */
function without(m: Sip2Message, delimiter: string): Sip2Message {
  const fields = m.fields
    .filter((f) => !f[0].includes(delimiter))
    .map((f): Sip2Field => [f[0], f[1].split(delimiter).join('.')]);
  const last = fields[fields.length - 1];
  // Without a final delimiter, a last value ending like a trailer would be read as one.
  const finalDelimiter = m.finalDelimiter === false && last !== undefined && !/A[YZ]/.test(last[0] + last[1]);
  const { finalDelimiter: _, ...rest } = m;
  return { ...rest, fields, ...(finalDelimiter ? { finalDelimiter: false } : {}) } as Sip2Message;
}

const checkin = (title: string) =>
  build.checkinResponse({
    ok: true,
    transactionDate: '20261123    101112',
    institutionId: 'M',
    itemIdentifier: 'I',
    titleIdentifier: title,
    sequence: 3,
  });

describe('fieldDelimiter validation', () => {
  it('allows punctuation that cannot occur in a fixed part, id or trailer', () => {
    expect(ALLOWED).toEqual([...'!"#$%&\'(),/:;<=>?@[\\]^_`{|}~']);
  });

  const refused = [
    '',
    '||',
    'A',
    'z',
    '0',
    ' ',
    '\r',
    '\n',
    '\0',
    '\t',
    '+',
    '-',
    '*',
    '.',
    'é',
    '\x7f',
    '¦',
  ];
  it.each(refused)('refuses %j everywhere with INVALID_CONFIG', (fieldDelimiter) => {
    const invalid = expect.objectContaining({ code: 'INVALID_CONFIG', field: 'fieldDelimiter' });
    const m = checkin('t');
    expect(() => decode(encode(m), { fieldDelimiter })).toThrow(invalid);
    expect(() => encode(m, { fieldDelimiter })).toThrow(invalid);
    expect(() => encodeToString(m, { fieldDelimiter })).toThrow(invalid);
    expect(() => messageText(m, { fieldDelimiter })).toThrow(invalid);
    expect(() => createFramer({ fieldDelimiter })).toThrow(invalid);
    expect(() => stampErrorDetection('941', { fieldDelimiter })).toThrow(invalid);
    expect(() => verifyErrorDetection('941AY0AZFDFD', { fieldDelimiter })).toThrow(invalid);
  });

  test.prop([fc.string({ maxLength: 3 })])('accepts exactly the allowed characters', (fieldDelimiter) => {
    let accepted: boolean;
    try {
      messageText(checkin('t'), { fieldDelimiter });
      accepted = true;
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_CONFIG' });
      accepted = false;
    }
    expect(accepted).toBe(ALLOWED.includes(fieldDelimiter));
  });
});

describe('round trip with any allowed delimiter', () => {
  const messageInCharset = charsets.chain((charset) =>
    anyMessage({ charset, crOnly: true }).map((m) => ({ m, charset })),
  );
  test.prop([messageInCharset, delimiters])(
    'decode(encode(m)) gives m back, byte for byte, without warnings',
    ({ m: original, charset }, fieldDelimiter) => {
      const m = without(original, fieldDelimiter);
      const options = { charset, fieldDelimiter } as const;
      const bytes = encode(m, { ...options, illegalCharacters: 'error', unmappable: 'error' });
      const decoded = decode(bytes, { ...options, mode: 'strict' });
      expect(decoded.warnings).toEqual([]);
      expect(decoded.message).toEqual(m);
      expect(decoded.checksum.valid).toBe(m.checksum === true);
      expect(encode(decoded.message, options)).toEqual(bytes);
      // Through the framer too, in two chunks.
      const framer = createFramer(options);
      const cut = bytes.length >> 1;
      const items = [...framer.push(bytes.subarray(0, cut)), ...framer.push(bytes.subarray(cut))];
      expect(items.map((i) => (i.kind === 'message' ? i.decoded.message : i.error))).toEqual([m]);
    },
  );

  test.prop([anyMessage({ crOnly: true }), delimiters])(
    'the delimiter is written exactly where `|` would be',
    (original, fieldDelimiter) => {
      const clean = without(without(original, fieldDelimiter), '|');
      const fixedEnd = Object.values(clean.fixed as Record<string, string>).join('').length + 2;
      const withPipe = text(encode({ ...clean, checksum: false } as Sip2Message)).slice(fixedEnd);
      const withOther = text(encode({ ...clean, checksum: false } as Sip2Message, { fieldDelimiter }));
      expect(withOther.slice(fixedEnd)).toBe(withPipe.split('|').join(fieldDelimiter));
    },
  );

  test.prop([anyMessage({ crOnly: true }), delimiters])(
    'stamp and verify agree with encode',
    (original, fieldDelimiter) => {
      const m = { ...without(original, fieldDelimiter), checksum: true } as Sip2Message;
      const wire = encodeToString(m, { fieldDelimiter });
      const { sequence: _, ...bare } = m;
      const body = messageText({ ...bare, checksum: false } as Sip2Message, { fieldDelimiter });
      const stamped = stampErrorDetection(body, { fieldDelimiter, sequence: m.sequence ?? 0 });
      const check = verifyErrorDetection(`${stamped}\r`, { fieldDelimiter });
      expect(check.valid).toBe(true);
      // stamp writes AY on every message but 96/97, encode where `sequence` is set.
      const sameTrailer =
        m.code === '96' || m.code === '97' ? m.sequence === undefined : m.sequence !== undefined;
      if (sameTrailer) expect(`${stamped}\r`).toBe(wire);
    },
  );
});

describe('values holding the delimiter', () => {
  test.prop([delimiters, fc.string({ maxLength: 20 })])(
    'follow the illegal-character policy; `|` is ordinary unless it is the delimiter',
    (fieldDelimiter, prefix) => {
      const safePrefix = prefix.replace(/[\r\n\0]/g, '');
      const title = `${safePrefix}${fieldDelimiter}x|y`;
      const m = checkin(title);
      expect(() => encode(m, { fieldDelimiter, illegalCharacters: 'error' })).toThrow(
        expect.objectContaining({ code: 'ILLEGAL_CHARACTER', field: 'AJ' }),
      );
      const bytes = encode(m, { fieldDelimiter });
      const decoded = decode(bytes, { fieldDelimiter, mode: 'strict' });
      const expected = title.split(fieldDelimiter).join(' ');
      expect(decoded.message.fields.find((f) => f[0] === 'AJ')?.[1]).toBe(expected);
      expect(decoded.checksum.valid).toBe(true);
    },
  );

  it('refuses a field id holding the delimiter, allows `|` in one when it is not', () => {
    const m = { ...checkin('t'), fields: [['A^', 'v']] } as unknown as Sip2Message;
    expect(() => encode(m, { fieldDelimiter: '^' })).toThrow(
      expect.objectContaining({ code: 'INVALID_FIELD_ID' }),
    );
    const piped = { ...checkin('t'), fields: [['A|', 'v']] } as unknown as Sip2Message;
    expect(decode(encode(piped, { fieldDelimiter: '^' }), { fieldDelimiter: '^' }).message).toEqual(piped);
  });

  it('gives what the README says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const call =
      "decode('101YNY20261123    101112AOMAIN^ABI1^AJA | B^', { fieldDelimiter: '^' }).message.fields;";
    expect(readme).toContain(call);
    expect(readme).toContain("// → [['AO', 'MAIN'], ['AB', 'I1'], ['AJ', 'A | B']]");
    expect(
      decode('101YNY20261123    101112AOMAIN^ABI1^AJA | B^', { fieldDelimiter: '^' }).message.fields,
    ).toEqual([
      ['AO', 'MAIN'],
      ['AB', 'I1'],
      ['AJ', 'A | B'],
    ]);
  });

  it('reads a Koha-style message with another delimiter', () => {
    const wire = '101YNY20261123    101112AOMAIN^ABI1^AQHOME^AJA | B^AY3AZ';
    const stamped = stampErrorDetection(wire, { fieldDelimiter: '^' });
    const { message, checksum, warnings } = decode(stamped, { fieldDelimiter: '^' });
    expect(warnings).toEqual([]);
    expect(checksum.valid).toBe(true);
    expect(message.sequence).toBe(3);
    expect(message.fields).toEqual([
      ['AO', 'MAIN'],
      ['AB', 'I1'],
      ['AQ', 'HOME'],
      ['AJ', 'A | B'],
    ]);
  });
});
