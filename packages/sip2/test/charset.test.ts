import {
  build,
  charsetOf,
  decode,
  decodeText,
  encode,
  encodeText,
  type Sip2Charset,
  Sip2Error,
} from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

// An 18 item-information response with a non-ASCII title. Expected checksums and bytes were
// computed with Python's own codecs (utf-8, latin-1, cp850) over the message up to AZ.
const response = (title: string) =>
  build.itemInformationResponse({
    circulationStatus: '03',
    securityMarker: '00',
    feeType: '01',
    transactionDate: '20261123    101112',
    itemIdentifier: '30001',
    titleIdentifier: title,
    permanentLocation: 'Main',
    sequence: 2,
  });
const wire = (title: string, checksum: string) =>
  `1803000120261123    101112AB30001|AJ${title}|AQMain|AY2AZ${checksum}\r`;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const MISERABLES = 'Les Misérables / Victor Hugo';

describe('non-ASCII titles in each charset (golden)', () => {
  const cases: [Sip2Charset, string, string, string][] = [
    ['utf-8', MISERABLES, 'E95D', 'c3a9'],
    ['iso-8859-1', MISERABLES, 'E9E0', 'e9'],
    ['cp850', MISERABLES, 'EA47', '82'],
    ['utf-8', MISERABLES.normalize('NFD'), 'E917', '65cc81'],
    ['utf-8', 'Война и мир · 三体 🙂', 'DDB9', 'd092d0bed0b9d0bdd0b0'],
    ['cp850', 'Smørrebrød på Ærø ½', 'EC31', '729b642070862092729b20ab'],
    ['iso-8859-1', 'Smørrebrød på Ærø ½', 'EA75', '72f8642070e520c672f820bd'],
  ];

  it.each(cases)('%s: %s → AZ%s', (charset, title, checksum, titleBytes) => {
    const bytes = encode(response(title), { charset, unmappable: 'error' });
    expect(hex(bytes)).toContain(titleBytes);
    expect(new TextDecoder('latin1').decode(bytes.subarray(bytes.length - 5))).toBe(`${checksum}\r`);
    const decoded = decode(bytes, { charset, mode: 'strict' });
    expect(decoded.checksum).toEqual({ present: true, valid: true, value: checksum });
    expect(decoded.message.fields[1]).toEqual(['AJ', title]);
  });

  it('ascii: accents are replaced by their base letter before the checksum is computed', () => {
    const bytes = encode(response(MISERABLES), { charset: 'ascii' });
    expect(new TextDecoder().decode(bytes)).toBe(wire('Les Miserables / Victor Hugo', 'EA64'));
    expect(encode(response(MISERABLES.normalize('NFD')), { charset: 'ascii' })).toEqual(bytes);
    expect(decode(bytes, { charset: 'ascii', mode: 'strict' }).checksum.valid).toBe(true);
  });

  it('the checksum depends on the charset: a UTF-8 message read as Latin-1 verifies over the same bytes', () => {
    const bytes = encode(response(MISERABLES), { charset: 'utf-8' });
    const asLatin1 = decode(bytes, { charset: 'iso-8859-1' });
    expect(asLatin1.checksum.valid).toBe(true);
    expect(asLatin1.message.fields[1]?.[1]).toBe('Les MisÃ©rables / Victor Hugo');
  });

  it('a checksum computed over characters instead of bytes (the php-sip2 bug) is rejected', () => {
    const text = `1803000120261123    101112AB30001|AJ${MISERABLES}|AQMain|AY2AZ`;
    const sum = [...text].reduce((a, c) => a + c.charCodeAt(0), 0);
    const wrong = ((0x10000 - (sum & 0xffff)) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
    const { checksum } = decode(new TextEncoder().encode(`${text}${wrong}\r`));
    expect(checksum.valid).toBe(false);
  });
});

describe('unmappable characters', () => {
  it('error policy throws UNMAPPABLE_CHARACTER with the offset', () => {
    const message = response('Война');
    expect(() => encode(message, { charset: 'cp850', unmappable: 'error' })).toThrow(
      expect.objectContaining({ code: 'UNMAPPABLE_CHARACTER', offset: 36 }),
    );
  });

  it('replace policy writes ? for characters without a base letter', () => {
    expect(new TextDecoder().decode(encodeText('Война ß €', 'ascii'))).toBe('????? ? ?');
    expect(decodeText(encodeText('Ærø €', 'cp850'), 'cp850').text).toBe('Ærø ?');
    expect(decodeText(encodeText('Œuvre', 'iso-8859-1'), 'iso-8859-1').text).toBe('?uvre');
    expect(decodeText(encodeText('\uD800x', 'utf-8'), 'utf-8').text).toBe('\uFFFDx');
    expect(() => encodeText('\uD800', 'utf-8', 'error')).toThrow(Sip2Error);
  });

  test.prop([
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom<Sip2Charset>('ascii', 'cp850', 'iso-8859-1', 'utf-8'),
  ])('replace never throws and gives text of the charset', (text, charset) => {
    const bytes = encodeText(text, charset);
    const back = decodeText(bytes, charset);
    expect(back.invalid).toEqual([]);
    expect(encodeText(back.text, charset, 'error')).toEqual(bytes);
  });
});

describe('single-byte tables', () => {
  it('cp850 and latin-1 map all 256 bytes one to one', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const charset of ['cp850', 'iso-8859-1'] as const) {
      const { text, invalid } = decodeText(all, charset);
      expect(invalid).toEqual([]);
      expect(new Set(text).size).toBe(256);
      expect(encodeText(text, charset, 'error')).toEqual(all);
    }
    expect(decodeText(Uint8Array.of(0x80, 0x9b, 0xd5, 0xff), 'cp850').text).toBe('Çøı\u00A0');
  });

  it('knows the usual charset spellings', () => {
    expect(charsetOf('UTF8')).toBe('utf-8');
    expect(charsetOf('latin1')).toBe('iso-8859-1');
    expect(charsetOf('IBM850')).toBe('cp850');
    expect(charsetOf('US-ASCII')).toBe('ascii');
    expect(charsetOf('koi8-r')).toBeUndefined();
  });

  it('finds every invalid UTF-8 sequence', () => {
    const bytes = Uint8Array.of(0x41, 0xc3, 0x41, 0xe2, 0x82, 0xf0, 0x9f, 0x99, 0x82, 0xed, 0xa0, 0x80, 0xff);
    const { text, invalid } = decodeText(bytes, 'utf-8');
    expect(text).toBe(new TextDecoder().decode(bytes));
    expect(invalid).toEqual([1, 3, 9, 10, 11, 12]);
  });
});
