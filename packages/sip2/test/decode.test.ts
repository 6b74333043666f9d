import { decode, encode, encodeToString, getField, getFields, readCount, Sip2Error } from '@bibwire/sip2';
import { describe, expect, it } from 'vitest';

const bytes = (s: string) => new TextEncoder().encode(s);
const LOGIN = '9300CNscclient|COclientpwd|CPUWOLS|AY0AZF1EC\r';

function strictError(input: string, options = {}): Sip2Error {
  try {
    decode(input, { mode: 'strict', ...options });
  } catch (error) {
    if (Sip2Error.is(error)) return error;
    throw error;
  }
  throw new Error('expected a Sip2Error');
}

describe('decode: worked examples of the spec notes', () => {
  it('decodes the login example and verifies its checksum F1EC', () => {
    const { message, checksum, warnings } = decode(bytes(LOGIN), { mode: 'strict' });
    expect(message).toEqual({
      code: '93',
      fixed: { uidAlgorithm: '0', pwdAlgorithm: '0' },
      fields: [
        ['CN', 'scclient'],
        ['CO', 'clientpwd'],
        ['CP', 'UWOLS'],
      ],
      sequence: 0,
      checksum: true,
      terminator: '\r',
    });
    expect(checksum).toEqual({ present: true, valid: true, value: 'F1EC' });
    expect(warnings).toEqual([]);
    expect(encodeToString(message)).toBe(LOGIN);
  });

  it.each([
    ['941AY0AZFDFD', '94'],
    ['97AZFEF5', '97'],
    ['96AZFEF6', '96'],
    ['9900302.00AY1AZFCA5', '99'],
    ['990 402.00AY1AZFCB4', '99'],
    ['9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B', '93'],
  ])('%s verifies', (wire, code) => {
    const { message, checksum } = decode(wire, { mode: 'strict', errorDetection: 'required' });
    expect(message.code).toBe(code);
    expect(checksum.valid).toBe(true);
    expect(encodeToString(message, { terminator: '\r' })).toBe(`${wire}\r`);
  });

  it('reports the EC78 erratum as a checksum mismatch (expected EC7B)', () => {
    const wire = '9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC78';
    const { checksum, warnings } = decode(wire);
    expect(checksum).toEqual({ present: true, valid: false, value: 'EC78' });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'CHECKSUM_MISMATCH', offset: wire.length - 4, field: 'AZ' }),
    ]);
    expect(warnings[0]?.message).toContain('EC7B');
    const error = strictError(wire);
    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(error.offset).toBe(wire.length - 4);
  });

  it('reads the fixed part of a 64 (61 characters) and keeps repeated list fields in order', () => {
    const wire =
      '64YYYY          00120261123    101112000200010003000000000000AOMAIN|AA2352|AEJohn Doe|BZ5|AUI1|AUI2|AUI3|AFfirst|AFsecond|';
    const { message, warnings } = decode(wire);
    expect(warnings).toEqual([]);
    if (message.code !== '64') throw new Error('expected 64');
    expect(message.fixed.patronStatus).toBe('YYYY          ');
    expect(message.fixed.language).toBe('001');
    expect(message.fixed.holdItemsCount).toBe('0002');
    expect(message.fixed.chargedItemsCount).toBe('0003');
    expect(message.fields[0]).toEqual(['AO', 'MAIN']);
    expect(getFields(message, 'AU')).toEqual(['I1', 'I2', 'I3']);
    expect(getFields(message, 'AF')).toEqual(['first', 'second']);
    expect(readCount(getField(message, 'BZ'))).toBe(5);
    expect(message.checksum).toBe(false);
    expect(encodeToString(message, { terminator: '\r' })).toBe(`${wire}\r`);
  });

  it('keeps unknown ids, empty fields, duplicates and server field order byte for byte', () => {
    const wire = '101YNN20261123    101112AOkcls|ABit1|AQmain|AVfine|BLY|ZZvendor|AQsecond|AC|AC|AY3AZ';
    const stamped = `${wire}${checksumOf(wire)}\r`;
    const { message, checksum } = decode(stamped, { mode: 'strict' });
    expect(checksum.valid).toBe(true);
    expect(message.fields).toEqual([
      ['AO', 'kcls'],
      ['AB', 'it1'],
      ['AQ', 'main'],
      ['AV', 'fine'],
      ['BL', 'Y'],
      ['ZZ', 'vendor'],
      ['AQ', 'second'],
      ['AC', ''],
      ['AC', ''],
    ]);
    expect(getField(message, 'AQ')).toBe('main');
    expect(encodeToString(message)).toBe(stamped);
  });

  it('accepts a 0000 zone (Sierra) and blank dates without warnings', () => {
    const { warnings } = decode(`11NN201610210000142637${' '.repeat(18)}AOx|AAp|ABi|AC|`);
    expect(warnings).toEqual([]);
  });

  it('drops one leading LF (the tail of a CRLF) and records the terminator', () => {
    const { message } = decode('\n9900302.00AY1AZFCA5\r');
    expect(message.code).toBe('99');
    expect(message.terminator).toBe('\r');
  });

  it('decodes a message whose last field has no final delimiter and re-encodes it', () => {
    const wire = '9300CNscclient|COclientpwd|CPUWOLSAY0AZ';
    const stamped = `${wire}${checksumOf(wire)}`;
    const { message, checksum } = decode(stamped, { mode: 'strict' });
    expect(message.finalDelimiter).toBe(false);
    expect(message.fields[2]).toEqual(['CP', 'UWOLS']);
    expect(checksum.valid).toBe(true);
    expect(encodeToString(message, { terminator: '\r' })).toBe(`${stamped}\r`);
  });
});

/** Independent oracle: two's complement of the byte sum, as the spec notes describe it. */
function checksumOf(text: string): string {
  const sum = [...bytes(text)].reduce((a, b) => a + b, 0);
  return ((0x10000 - (sum & 0xffff)) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

describe('decode: tolerant warnings and strict errors', () => {
  const cases: [string, string, string, number, string | undefined][] = [
    ['lowercase checksum', '9300CNscclient|COclientpwd|CPUWOLS|AY0AZf1ec', 'LOWERCASE_CHECKSUM', 40, 'AZ'],
    ['CRLF terminator', '9900302.00AY1AZFCA5\r\n', 'NONSTANDARD_TERMINATOR', 19, undefined],
    ['LF terminator', '9900302.00AY1AZFCA5\n', 'NONSTANDARD_TERMINATOR', 19, undefined],
    ['truncated fixed part', '2300120200101', 'TRUNCATED_FIXED', 5, 'transactionDate'],
    [
      'stray delimiter before AY',
      `9300CNa|COb||AY0AZ${checksumOf('9300CNa|COb||AY0AZ')}`,
      'STRAY_DELIMITER',
      12,
      undefined,
    ],
    ['one-character field', '9300CNa|X|COb|', 'MALFORMED_FIELD', 8, undefined],
    [
      'bad Y/N flag',
      '11XN20261123    101112                  AOx|AAp|ABi|AC|',
      'INVALID_FIXED_FIELD',
      2,
      'scRenewalPolicy',
    ],
    [
      'bad count',
      '64              00120261123    1011120002000x0003000000000000AOx|AAp|AE|',
      'INVALID_FIXED_FIELD',
      41,
      'overdueItemsCount',
    ],
    ['malformed checksum', '9300CNa|COb|AY1AZ12', 'INVALID_CHECKSUM', 15, 'AZ'],
    [
      'non-digit sequence',
      `9300CNa|COb|AYxAZ${checksumOf('9300CNa|COb|AYxAZ')}`,
      'INVALID_SEQUENCE',
      14,
      'AY',
    ],
    ['AY among the fields', '9300CNa|AY1|COb|', 'MISPLACED_ERROR_DETECTION', 8, 'AY'],
    ['AY without AZ', '9300CNa|COb|AY1', 'MISSING_CHECKSUM', 12, 'AZ'],
    ['NUL inside a value', '9300CNa\0b|COb|', 'CONTROL_CHARACTER', 7, undefined],
    ['CR inside a message', '9300CNa\rb|COb|', 'CONTROL_CHARACTER', 7, undefined],
    ['field over 255 characters', `9300CN${'x'.repeat(256)}|COb|`, 'FIELD_TOO_LONG', 4, 'CN'],
  ];

  it.each(cases)('%s: warning in tolerant mode, error in strict mode', (_, wire, code, offset, field) => {
    const { warnings } = decode(wire);
    const expected: Record<string, unknown> = { code, offset };
    if (field !== undefined) expected.field = field;
    expect(warnings).toContainEqual(expect.objectContaining(expected));
    const error = strictError(wire);
    expect(error.code).toBe(code);
    expect(error.offset).toBe(offset);
    expect(error.field).toBe(field);
  });

  it('a short fixed part followed by fields: the fields are found, the truncation reported', () => {
    const { message, warnings } = decode('2300120200101    12000AOinst|AApat|AC|AD|');
    if (message.code !== '23') throw new Error('23 expected');
    expect(message.fixed).toEqual({ language: '001', transactionDate: '20200101    12000' });
    expect(message.fields).toEqual([
      ['AO', 'inst'],
      ['AA', 'pat'],
      ['AC', ''],
      ['AD', ''],
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'TRUNCATED_FIXED', field: 'transactionDate', offset: 5 }),
    ]);
    expect(strictError('2300120200101    12000AOinst|AApat|AC|AD|').code).toBe('TRUNCATED_FIXED');
    const veryShort = decode('2300120200101AOinst|AApat|');
    expect(veryShort.message.fields).toEqual([
      ['AO', 'inst'],
      ['AA', 'pat'],
    ]);
    expect(veryShort.warnings.map((w) => w.code)).toEqual(['TRUNCATED_FIXED']);
    // A valid fixed part followed by a vendor field first is left alone.
    const vendorFirst = decode('2300120200101    120000ZZAO|AOinst|');
    expect(vendorFirst.warnings).toEqual([]);
    expect(vendorFirst.message.fields[0]).toEqual(['ZZ', 'AO']);
  });

  it('requires AY/AZ only when asked', () => {
    expect(decode('9900302.00').warnings).toEqual([]);
    expect(decode('9900302.00', { errorDetection: 'required' }).warnings).toEqual([
      expect.objectContaining({ code: 'MISSING_CHECKSUM', field: 'AZ' }),
    ]);
    expect(strictError('9900302.00', { errorDetection: 'required' }).code).toBe('MISSING_CHECKSUM');
    const azOnly = `9900302.00AZ${checksumOf('9900302.00AZ')}`;
    expect(decode(azOnly).warnings).toEqual([]);
    expect(strictError(azOnly, { errorDetection: 'required' }).code).toBe('MISSING_SEQUENCE');
    expect(decode('97AZFEF5', { mode: 'strict', errorDetection: 'required' }).message.code).toBe('97');
  });

  it('invalid dates are warnings even in strict mode', () => {
    const wire = '2300120261399    101112AOx|AAp|AC|AD|';
    const { warnings } = decode(wire, { mode: 'strict' });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'INVALID_DATE', field: 'transactionDate', offset: 5 }),
    ]);
  });

  it('reports bytes that are not valid in the charset with their offset', () => {
    const utf8 = Uint8Array.from([...bytes('9300CNa'), 0xff, ...bytes('|COb|')]);
    const decoded = decode(utf8);
    expect(decoded.warnings).toEqual([expect.objectContaining({ code: 'INVALID_ENCODING', offset: 7 })]);
    expect(decoded.message.fields[0]).toEqual(['CN', 'a\uFFFD']);
    const ascii = Uint8Array.from([...bytes('9300CNé'), 0xe9, ...bytes('|COb|')]);
    expect(decode(ascii, { charset: 'ascii' }).warnings.map((w) => w.code)).toContain('INVALID_ENCODING');
    expect(() => decode(utf8, { mode: 'strict' })).toThrow(Sip2Error);
  });

  it('throws for input that is not a message in either mode', () => {
    expect(() => decode('9')).toThrow(expect.objectContaining({ code: 'TRUNCATED_MESSAGE', offset: 0 }));
    expect(() => decode('\r')).toThrow(expect.objectContaining({ code: 'TRUNCATED_MESSAGE' }));
    expect(() => decode('XSfoo')).toThrow(expect.objectContaining({ code: 'UNKNOWN_MESSAGE', offset: 0 }));
  });

  it('a tolerant decode of a defective message still encodes to a valid message', () => {
    const { message } = decode('9300CNa||X|COb|AY1AZ1234\n');
    const again = decode(encode(message, { terminator: '\r' }), { mode: 'strict' });
    expect(again.message.fields).toEqual([
      ['CN', 'a'],
      ['CO', 'b'],
    ]);
    expect(again.checksum.valid).toBe(true);
  });
});

describe('decode: bounded work on hostile input', () => {
  it('a long message made of invalid UTF-8 decodes in linear time', () => {
    const bytes = new Uint8Array(200_000).fill(0xff);
    bytes.set(new TextEncoder().encode('9300CN'));
    const started = performance.now();
    const { warnings } = decode(bytes);
    expect(performance.now() - started).toBeLessThan(5_000);
    const invalid = warnings.filter((w) => w.code === 'INVALID_ENCODING');
    expect(invalid).toHaveLength(200_000 - 6);
    expect(invalid[0]?.offset).toBe(6);
    expect(invalid[invalid.length - 1]?.offset).toBe(200_000 - 1);
  });
});
