import { BARCODE_TYPES, BarcodeError, encodeBarcode, normalizeBarcodeType } from '@bibwire/barcode';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

describe('encodeBarcode dispatcher', () => {
  it('maps Koha and label-creator spellings', () => {
    const koha: Record<string, string> = {
      Code39: 'code39',
      UPCE: 'upce',
      UPCA: 'upca',
      QRcode: 'qrcode',
      NW7: 'codabar',
      Matrix2of5: 'matrix2of5',
      ITF: 'itf',
      Industrial2of5: 'industrial2of5',
      IATA2of5: 'iata2of5',
      EAN8: 'ean8',
      EAN13: 'ean13',
      COOP2of5: 'coop2of5',
      CODE39MOD: 'code39mod43',
      CODE39MOD10: 'code39mod10',
      'GS1-128': 'gs1-128',
    };
    for (const [k, v] of Object.entries(koha)) expect(normalizeBarcodeType(k)).toBe(v);
    expect(normalizeBarcodeType('constructor')).toBeUndefined();
  });
  it('encodes every type', () => {
    const data: Record<string, string> = {
      code39: 'ABC',
      code39ext: 'abc',
      code39mod43: 'ABC',
      code39mod10: '3023400051786',
      codabar: 'A123B',
      code128: 'Hello',
      'gs1-128': '(01)09501101530003',
      ean13: '590123412345',
      isbn: '0-201-37962-7',
      ean8: '5512345',
      upca: '03600029145',
      upce: '0123456',
      ean2: '12',
      ean5: '52495',
      itf: '1234',
      itf14: '1540014128876',
      matrix2of5: '12',
      industrial2of5: '12',
      iata2of5: '12',
      coop2of5: '12',
      datalogic2of5: '12',
      qrcode: 'HELLO WORLD',
      datamatrix: '123456',
    };
    for (const t of BARCODE_TYPES) {
      const s = encodeBarcode(t, data[t] as string);
      expect(s.modules.length, t).toBeGreaterThan(0);
    }
    expect(encodeBarcode('CODE39MOD', 'ABC').text).toBe('*ABCX*');
    expect(encodeBarcode('CODE39MOD10', '3023400051786').text).toBe('*30234000517861*');
  });
  it('koha mode: Code 39 asterisks stripped, Codabar gets A…A', () => {
    expect(encodeBarcode('Code39', '*AB*', { koha: true }).text).toBe('*AB*');
    expect(encodeBarcode('NW7', '123', { koha: true }).modules.length).toBeGreaterThan(0);
    expect(() => encodeBarcode('NW7', '123')).toThrow(BarcodeError);
  });
  it('unknown types are UNSUPPORTED_TYPE', () => {
    expect(() => encodeBarcode('pdf417', 'x')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_TYPE' }));
  });
});

describe('encodeBarcode on arbitrary input', () => {
  test.prop([fc.constantFrom(...BARCODE_TYPES), fc.string({ maxLength: 40 }), fc.boolean(), fc.boolean()], {
    numRuns: 200,
  })('returns a symbol or throws BarcodeError, for every type', (type, data, koha, check) => {
    try {
      const s = encodeBarcode(type, data, { koha, check });
      expect(s.modules.length).toBeGreaterThan(0);
    } catch (e) {
      expect(BarcodeError.is(e), String(e)).toBe(true);
    }
  });
});
