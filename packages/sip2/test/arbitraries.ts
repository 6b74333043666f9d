// fast-check arbitraries for valid SIP2 messages of every type, per charset.
import {
  MESSAGE_SPECS,
  type MessageSpec,
  SIP2_CODES,
  type Sip2Charset,
  type Sip2Code,
  type Sip2Field,
  type Sip2Message,
  type Sip2Terminator,
} from '@bibwire/sip2';
import { fc } from '@fast-check/vitest';

const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

/** Characters allowed in a value (no `|`, CR, LF, NUL) that the charset can write. */
export function valueChar(charset: Sip2Charset): fc.Arbitrary<string> {
  const ascii = fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c));
  const printable = fc.constantFrom(...'ABCXYZaz09 -./:&#?'.split(''));
  const safe = (a: fc.Arbitrary<string>) => a.filter((c) => c !== '|' && c !== '\r' && c !== '\n');
  switch (charset) {
    case 'ascii':
      return safe(fc.oneof(printable, ascii));
    case 'iso-8859-1':
      return safe(
        fc.oneof(
          printable,
          ascii,
          fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
        ),
      );
    case 'cp850':
      return safe(fc.oneof(printable, ascii, fc.constantFrom(...CP850_HIGH.split(''))));
    case 'utf-8':
      return safe(
        fc.oneof(
          printable,
          ascii,
          fc.constantFrom('é', 'ß', 'Ø', '\u0301', '書', '한', '🙂', '\uFFFD', 'ŉ'),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        ),
      );
  }
}

export const valueText = (charset: Sip2Charset, maxLength = 40) =>
  fc.array(valueChar(charset), { maxLength }).map((cs) => cs.join(''));

const KNOWN_IDS = [
  'AO',
  'AA',
  'AB',
  'AC',
  'AD',
  'AE',
  'AF',
  'AG',
  'AU',
  'AS',
  'AT',
  'AV',
  'BL',
  'CB',
  'CV',
  'PB',
  'XI',
  'U1',
];
const idChar = fc
  .integer({ min: 0x21, max: 0x7e })
  .map((c) => String.fromCharCode(c))
  .filter((c) => c !== '|');
export const fieldId: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...KNOWN_IDS),
    fc.tuple(idChar, idChar).map(([a, b]) => a + b),
  )
  .filter((id) => id !== 'AY' && id !== 'AZ');

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad2 = (n: number) => String(n).padStart(2, '0');

export const sipDate: fc.Arbitrary<string> = fc.oneof(
  fc.constant(' '.repeat(18)),
  fc
    .record({
      y: fc.integer({ min: 1990, max: 2099 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      zone: fc.constantFrom('    ', '   Z', '   A', '   Y', '0000'),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
    })
    .map(({ y, m, d, zone, h, mi, s }) => `${y}${pad2(m)}${pad2(d)}${zone}${pad2(h)}${pad2(mi)}${pad2(s)}`),
);

function fixedValue(kind: string, width: number): fc.Arbitrary<string> {
  const chars = (set: string) =>
    fc
      .array(fc.constantFrom(...set.split('')), { minLength: width, maxLength: width })
      .map((c) => c.join(''));
  switch (kind) {
    case 'flag':
      return fc.constantFrom('Y', 'N');
    case 'triState':
      return fc.constantFrom('Y', 'N', 'U');
    case 'ok':
      return fc.constantFrom('0', '1');
    case 'holdMode':
      return fc.constantFrom('+', '-', '*');
    case 'date':
      return sipDate;
    case 'count':
      return fc.oneof(digits(4), fc.constant('    '));
    case 'digits':
      return digits(width);
    case 'patronStatus':
    case 'summary':
      return chars('Y ');
    default:
      return chars('0123456789.ABCDEUSZ ');
  }
}

export interface MessageArbOptions {
  readonly charset?: Sip2Charset;
  /** Only CR terminators (messages that decode without any warning). */
  readonly crOnly?: boolean;
}

/** A valid message of the given type: decoding its encoding must give it back exactly. */
export function messageOf(code: Sip2Code, options: MessageArbOptions = {}): fc.Arbitrary<Sip2Message> {
  const charset = options.charset ?? 'utf-8';
  const spec: MessageSpec = MESSAGE_SPECS[code];
  const fixed = fc.record(
    Object.fromEntries(spec.fixed.map(([name, width, kind]) => [name, fixedValue(kind, width)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const field: fc.Arbitrary<Sip2Field> = fc.tuple(fieldId, valueText(charset));
  const terminators: Sip2Terminator[] = options.crOnly ? ['\r'] : ['\r', '\r\n', '\n'];
  return fc
    .record({
      fixed,
      fields: fc.array(field, { maxLength: 12 }),
      errorDetection: fc.constantFrom('none', 'AY+AZ', 'AZ'),
      sequence: fc.integer({ min: 0, max: 9 }),
      terminator: fc.constantFrom(...terminators),
      finalDelimiter: fc.boolean(),
    })
    .map(({ fixed, fields, errorDetection, sequence, terminator, finalDelimiter }) => {
      const m: Record<string, unknown> = {
        code,
        fixed,
        fields,
        checksum: errorDetection !== 'none',
        terminator,
      };
      if (errorDetection === 'AY+AZ') m.sequence = sequence;
      // Without a final `|`, a last value that looks like AY/AZ would be read as the trailer.
      const last = fields[fields.length - 1];
      if (!finalDelimiter && last && !/A[YZ]/.test(last[0] + last[1])) m.finalDelimiter = false;
      return m as unknown as Sip2Message;
    });
}

export const anyCode = fc.constantFrom(...SIP2_CODES);

export function anyMessage(options: MessageArbOptions = {}): fc.Arbitrary<Sip2Message> {
  return anyCode.chain((code) => messageOf(code, options));
}
