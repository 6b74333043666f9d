import {
  build,
  computeChecksum,
  decode,
  encode,
  encodeToString,
  messageText,
  type Sip2Message,
  stampErrorDetection,
  verifyErrorDetection,
} from '@bibwire/sip2';
import { describe, expect, it } from 'vitest';

const checkin = (title: string) =>
  build.checkinResponse({
    ok: true,
    transactionDate: '20261123    101112',
    institutionId: 'M',
    itemIdentifier: 'I',
    titleIdentifier: title,
  });

describe('encode', () => {
  it('replaces |, CR, LF and NUL in values by default, and throws on request', () => {
    expect(encodeToString(checkin('a|b\rc\nd\0e'))).toContain('AJa b c d e|');
    expect(() => encode(checkin('a|b'), { illegalCharacters: 'error' })).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_CHARACTER', field: 'AJ' }),
    );
  });

  it('rejects bad field ids, fixed widths and sequence numbers', () => {
    const base = checkin('t');
    const withField = (id: string) => ({ ...base, fields: [[id, 'v']] }) as unknown as Sip2Message;
    for (const id of ['AY', 'AZ', 'A', 'ABC', 'A|', 'A ']) {
      expect(() => encode(withField(id))).toThrow(expect.objectContaining({ code: 'INVALID_FIELD_ID' }));
    }
    const narrow = { ...base, fixed: { ...base.fixed, transactionDate: '2026' } } as Sip2Message;
    expect(() => encode(narrow)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'transactionDate' }),
    );
    expect(() => encode({ ...base, sequence: 10, checksum: true } as Sip2Message)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'AY' }),
    );
    expect(() => encode({ ...base, code: 'XX' } as unknown as Sip2Message)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('writes the terminator of the message, or the one asked for', () => {
    const m = { ...checkin('t'), terminator: '\r\n' } as Sip2Message;
    expect(encodeToString(m).endsWith('|\r\n')).toBe(true);
    expect(encodeToString(m, { terminator: '\n' }).endsWith('|\n')).toBe(true);
  });

  it('checksum covers the bytes up to AZ, as computeChecksum over them', () => {
    const m = { ...checkin('Ærø'), sequence: 7, checksum: true } as Sip2Message;
    const text = messageText(m);
    expect(text.endsWith('AY7AZ')).toBe(true);
    const bytes = encode(m, { charset: 'iso-8859-1' });
    const upToAz = bytes.subarray(0, bytes.length - 5);
    expect(new TextDecoder('latin1').decode(bytes.subarray(bytes.length - 5, bytes.length - 1))).toBe(
      computeChecksum(upToAz),
    );
  });
});

describe('stamp and verify helpers', () => {
  it('stamps messages without, with, and up to AZ', () => {
    expect(stampErrorDetection('9300CNscclient|COclientpwd|CPUWOLS|')).toBe(
      '9300CNscclient|COclientpwd|CPUWOLS|AY0AZF1EC',
    );
    expect(stampErrorDetection('9300CNscclient|COclientpwd|CPUWOLS|AY0AZ')).toBe(
      '9300CNscclient|COclientpwd|CPUWOLS|AY0AZF1EC',
    );
    expect(stampErrorDetection('9900302.00AY1AZ0000\r')).toBe('9900302.00AY1AZFCA5');
    expect(stampErrorDetection('941', { sequence: 0 })).toBe('941AY0AZFDFD');
    expect(stampErrorDetection('97')).toBe('97AZFEF5');
    expect(stampErrorDetection('96AZ')).toBe('96AZFEF6');
    expect(() => stampErrorDetection('9')).toThrow(expect.objectContaining({ code: 'TRUNCATED_MESSAGE' }));
    expect(() => stampErrorDetection('941', { sequence: 12 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('stamps over the bytes of the charset', () => {
    const utf8 = stampErrorDetection(
      '1803000120261123    101112AB30001|AJLes Misérables / Victor Hugo|AQMain|AY2AZ',
    );
    expect(utf8.endsWith('E95D')).toBe(true);
    const cp850 = stampErrorDetection(
      '1803000120261123    101112AB30001|AJLes Misérables / Victor Hugo|AQMain|AY2AZ',
      {
        charset: 'cp850',
      },
    );
    expect(cp850.endsWith('EA47')).toBe(true);
  });

  it('verifies case-insensitively and never throws', () => {
    expect(verifyErrorDetection('941AY0AZfdfd')).toMatchObject({ present: true, valid: true, sequence: 0 });
    expect(verifyErrorDetection('941AY0AZFDFE')).toMatchObject({ present: true, valid: false });
    expect(verifyErrorDetection('941')).toMatchObject({ present: false, valid: false });
    expect(verifyErrorDetection('garbage')).toMatchObject({ present: false, valid: false });
    expect(decode(stampErrorDetection('2300120261123    101112AOx|AAp|AC|AD|')).checksum.valid).toBe(true);
  });
});
