import {
  BarcodeError,
  code39Mod43,
  compressUpca,
  encodeCodabar,
  encodeCode39,
  encodeCode128,
  encodeCoop2of5,
  encodeDataLogic2of5,
  encodeEan8,
  encodeEan13,
  encodeGs1128,
  encodeIata2of5,
  encodeIndustrial2of5,
  encodeIsbn,
  encodeItf,
  encodeItf14,
  encodeMatrix2of5,
  encodeUpca,
  encodeUpce,
  expandUpce,
  isbn10Check,
  luhnCheck,
  mod10Weight31,
  toIsbn13,
} from '@bibwire/barcode';
import { describe, expect, it } from 'vitest';
import { toZintHex } from './helpers.js';
import { decodeCode128 } from './reference/linear-decoders.js';

describe('check digits (spec §11 test values)', () => {
  it('GTIN mod 10', () => {
    expect(mod10Weight31('590123412345')).toBe(7);
    expect(mod10Weight31('978020137962')).toBe(4);
    expect(mod10Weight31('03600029145')).toBe(2);
    expect(mod10Weight31('5512345')).toBe(7);
    expect(mod10Weight31('9638507')).toBe(4);
    expect(mod10Weight31('123')).toBe(6);
    expect(mod10Weight31('1234')).toBe(8);
    expect(mod10Weight31('1234567890')).toBe(5);
  });
  it('Luhn (library 14-digit numbers)', () => {
    expect(luhnCheck('3023400051786')).toBe(1);
    expect(luhnCheck('3319100010586')).toBe(4);
  });
  it('mod 43 and mod 16', () => {
    expect(code39Mod43('ABC')).toBe('X');
    expect(encodeCode39('ABC', { check: true }).text).toBe('*ABCX*');
    expect(encodeCodabar('A123B', { check: 'mod16', showStartStop: true }).text).toBe('A1239B');
    expect(encodeCodabar('3023400051786', { check: 'luhn', start: 'A', stop: 'B' }).text).toBe(
      '30234000517861',
    );
  });
  it('Codabar alternative start/stop letters T N * E mean A B C D', () => {
    expect(encodeCodabar('t123*').modules).toEqual(encodeCodabar('A123C').modules);
    expect(encodeCodabar('N1E', { showStartStop: true }).text).toBe('B1D');
  });
  it('Code 128 set B "AB" has check value 102', () => {
    expect(decodeCode128(encodeCode128('AB').modules).values).toEqual([104, 33, 34]);
    expect(toZintHex(encodeCode128('AB').modules)).toBe('D214622C7AEC758');
  });
  it('ITF odd lengths: pad, or a check digit (Koha)', () => {
    expect(encodeItf('123', { odd: 'check' }).text).toBe('1236');
    expect(encodeItf('123').text).toBe('0123');
    expect(encodeItf('1234', { check: true }).text).toBe('012348');
    expect(() => encodeItf('123', { odd: 'error' })).toThrow(
      expect.objectContaining({ code: 'INVALID_LENGTH' }),
    );
  });
});

describe('ISBN (Bookland EAN-13)', () => {
  it('converts ISBN-10 and prints ISBN above', () => {
    expect(toIsbn13('0-201-37962-7')).toBe('9780201379624');
    expect(toIsbn13('ISBN 080442957X')).toBe('9780804429573');
    expect(isbn10Check('020137962')).toBe('7');
    const s = encodeIsbn('978-0-201-37962-4+52495');
    expect(s.symbology).toBe('isbn');
    expect(s.modules.slice(0, 95)).toEqual(encodeEan13('978020137962').modules);
    expect(s.textLayout?.[0]).toEqual({
      text: 'ISBN 978-0-201-37962-4',
      start: 0,
      end: 95,
      placement: 'above',
    });
  });
  it('rejects bad ISBNs with typed errors', () => {
    expect(() => encodeIsbn('0-201-37962-5')).toThrow(
      expect.objectContaining({ code: 'INVALID_CHECK_DIGIT', position: 9 }),
    );
    expect(() => encodeIsbn('02013X9624')).toThrow(
      expect.objectContaining({ code: 'INVALID_CHARACTER', position: 5 }),
    );
    expect(() => encodeIsbn('1234567890123')).toThrow(expect.objectContaining({ code: 'INVALID_LENGTH' }));
    expect(() => encodeIsbn('9780201379625')).toThrow(
      expect.objectContaining({ code: 'INVALID_CHECK_DIGIT' }),
    );
  });
});

describe('UPC-E expansion rules (spec §7.3)', () => {
  it('expands and compresses the worked examples', () => {
    expect(expandUpce('0123456')).toBe('012345000065');
    expect(encodeUpce('0123456').text).toBe('01234565');
    expect(expandUpce('0425261')).toBe('042100005264');
    expect(encodeUpce('0425261').text).toBe('04252614');
    expect(compressUpca('04210000526')).toBe('04252614');
    expect(compressUpca('012345000065')).toBe('01234565');
    expect(compressUpca('01234560000')).toBeUndefined();
  });
  it('rejects number systems 2-9, non-canonical forms and wrong check digits', () => {
    expect(() => encodeUpce('2123456')).toThrow(
      expect.objectContaining({ code: 'NOT_REPRESENTABLE', position: 0 }),
    );
    expect(() => encodeUpce('0122453')).toThrow(
      expect.objectContaining({ code: 'NOT_REPRESENTABLE', position: 3 }),
    );
    expect(() => encodeUpce('0123004')).toThrow(
      expect.objectContaining({ code: 'NOT_REPRESENTABLE', position: 4 }),
    );
    expect(() => encodeUpce('0123405')).toThrow(
      expect.objectContaining({ code: 'NOT_REPRESENTABLE', position: 5 }),
    );
    expect(() => encodeUpce('01234569')).toThrow(
      expect.objectContaining({ code: 'INVALID_CHECK_DIGIT', position: 7 }),
    );
    expect(() => encodeUpce('01234560000')).toThrow(/use upca/);
  });
});

describe('modules equal zint 2.11.1 --dump (captured)', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['EAN-13 590123412345', () => encodeEan13('590123412345').modules, 'A2D3B326F4EAB36C8572744A'],
    ['EAN-8 5512345', () => encodeEan8('5512345').modules, 'AC589926A8572744A'],
    ['UPC-A 03600029145', () => encodeUpca('03600029145').modules, 'A35EAF1A346AB674CD7276CA'],
    ['UPC-E 0123456', () => encodeUpce('0123456').modules, 'ACC9BD3AE57AA'],
    ['UPC-E 0425261', () => encodeUpce('0425261').modules, 'A749B936BCCAA'],
    ['Code 39 ABC 2:1', () => encodeCode39('ABC', { ratio: 2 }).modules, '96D6A5AD2DB4A96D'],
    ['Codabar A123456B 2:1', () => encodeCodabar('A123456B', { ratio: 2 }).modules, 'B255952D955A5A94AD258'],
    ['ITF 1234567890', () => encodeItf('1234567890').modules, 'AE8AE3BA28E8E2A2B8EBA38BA'],
    [
      'ITF-14 1540014128876',
      () => encodeItf14('1540014128876').modules,
      'AE28BAB88E8BBA22EB88EA3BAB888E3ABA',
    ],
    ['IATA 2 of 5 1234', () => encodeIata2of5('1234').modules, 'AEABAEAEEEAABAEE8'],
    ['Industrial 2 of 5 1234', () => encodeIndustrial2of5('1234').modules, 'EEBAAEBABBBAAAEBBAE'],
    ['Data Logic 2 of 5 1234', () => encodeDataLogic2of5('1234').modules, 'AEBA2EE2AEEE8'],
  ];
  for (const [name, make, hex] of cases) it(name, () => expect(toZintHex(make())).toBe(hex));
});

describe('element widths equal bwip-js 4.11 (BWIPP code2of5) at 3:1 (captured)', () => {
  const runs = (m: Uint8Array) => Array.from(m.join('').matchAll(/1+|0+/g), (x) => x[0].length).join(',');
  it('COOP 2 of 5 (not in zint)', () => {
    expect(runs(encodeCoop2of5('1234').modules)).toBe(
      '3,1,3,1,1,1,1,3,3,1,1,1,3,1,3,1,1,1,3,3,1,1,1,3,1,1,3,1,1,3,3',
    );
  });
  it('Matrix 2 of 5', () => {
    expect(runs(encodeMatrix2of5('1234').modules)).toBe(
      '3,1,1,1,1,1,3,1,1,1,3,1,1,3,1,1,3,1,3,3,1,1,1,1,1,1,3,1,3,1,3,1,1,1,1',
    );
  });
});

describe('human-readable text and layout', () => {
  it('EAN-13 prints the first digit left of the bars and 6 + 6 below', () => {
    const s = encodeEan13('590123412345');
    expect(s.text).toBe('5901234123457');
    expect(s.textLayout?.map((t) => t.text)).toEqual(['5', '901234', '123457']);
    expect(s.quietZone).toEqual({ left: 11, right: 7 });
    expect(s.guards).toEqual([
      [0, 3],
      [45, 50],
      [92, 95],
    ]);
  });
  it('UPC-A prints NS and check digits small outside the bars', () => {
    const s = encodeUpca('03600029145');
    expect(s.textLayout?.filter((t) => t.small).map((t) => t.text)).toEqual(['0', '2']);
  });
  it('GS1-128 text shows AIs in parentheses; [AI] syntax accepted', () => {
    expect(encodeGs1128('[01]09501101530003[10]ABC').text).toBe('(01)09501101530003(10)ABC');
  });
});

describe('typed errors name the character and position', () => {
  const cases: [string, () => unknown, string, number | undefined][] = [
    ['Code 39 lowercase', () => encodeCode39('ABc'), 'INVALID_CHARACTER', 2],
    ['Code 39 star inside', () => encodeCode39('A*B'), 'INVALID_CHARACTER', 1],
    ['Codabar without start/stop', () => encodeCodabar('12345'), 'INVALID_CHARACTER', 0],
    ['Codabar bad data', () => encodeCodabar('A12X4B'), 'INVALID_CHARACTER', 3],
    ['EAN-13 letter', () => encodeEan13('59012341234X'), 'INVALID_CHARACTER', 11],
    ['EAN-13 add-on letter', () => encodeEan13('590123412345+1X'), 'INVALID_CHARACTER', 14],
    ['EAN-13 wrong length', () => encodeEan13('12345'), 'INVALID_LENGTH', undefined],
    ['EAN-13 wrong check', () => encodeEan13('5901234123458'), 'INVALID_CHECK_DIGIT', 12],
    ['ITF-14 wrong check', () => encodeItf14('15400141288760'), 'INVALID_CHECK_DIGIT', 13],
    ['Code 128 beyond Latin-1', () => encodeCode128('ab€'), 'INVALID_CHARACTER', 2],
    ['GS1 fixed length', () => encodeGs1128('(01)123'), 'INVALID_GS1', 4],
    ['GS1 GTIN check', () => encodeGs1128('(01)09501101530004'), 'INVALID_CHECK_DIGIT', 17],
    ['empty', () => encodeCode128(''), 'INVALID_LENGTH', undefined],
    ['ratio', () => encodeItf('12', { ratio: 4 as 3 }), 'INVALID_ARGUMENT', undefined],
  ];
  for (const [name, run, code, position] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        run();
      } catch (e) {
        caught = e;
      }
      expect(BarcodeError.is(caught)).toBe(true);
      expect((caught as BarcodeError).code).toBe(code);
      expect((caught as BarcodeError).position).toBe(position);
    });
  }
  it('control characters are shown as U+XXXX in messages', () => {
    expect(() => encodeCode39('A\u0001')).toThrow(/U\+0001 at position 1/);
  });
});
