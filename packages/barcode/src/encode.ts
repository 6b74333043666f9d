// One entry point over every symbology, by name (Koha's spellings included). Importing this module
// pulls in every encoder; import the per-symbology functions instead when bundle size matters.

import { encodeDataMatrix } from './datamatrix/encode.js';
import { BarcodeError } from './errors.js';
import { encodeCodabar } from './linear/codabar.js';
import { encodeCode39 } from './linear/code39.js';
import { encodeCode128 } from './linear/code128.js';
import { luhnCheck, type WideRatio } from './linear/common.js';
import { encodeCoop2of5 } from './linear/coop2of5.js';
import { encodeDataLogic2of5 } from './linear/datalogic2of5.js';
import { encodeEan2, encodeEan5 } from './linear/ean-addon.js';
import { encodeEan8 } from './linear/ean8.js';
import { encodeEan13 } from './linear/ean13.js';
import { encodeGs1128 } from './linear/gs1-128.js';
import { encodeIata2of5 } from './linear/iata2of5.js';
import { encodeIndustrial2of5 } from './linear/industrial2of5.js';
import { encodeIsbn } from './linear/isbn.js';
import { type BearerStyle, encodeItf, encodeItf14 } from './linear/itf.js';
import { encodeMatrix2of5 } from './linear/matrix2of5.js';
import { encodeUpca } from './linear/upca.js';
import { encodeUpce } from './linear/upce.js';
import { encodeQr, type QrLevel } from './qr/encode.js';
import type { BarcodeSymbol } from './symbol.js';

/** Canonical type ids accepted by `encodeBarcode` (aliases and Koha spellings map onto these). */
export const BARCODE_TYPES = [
  'code39',
  'code39ext',
  'code39mod43',
  'code39mod10',
  'codabar',
  'code128',
  'gs1-128',
  'ean13',
  'isbn',
  'ean8',
  'upca',
  'upce',
  'ean2',
  'ean5',
  'itf',
  'itf14',
  'matrix2of5',
  'industrial2of5',
  'iata2of5',
  'coop2of5',
  'datalogic2of5',
  'qrcode',
  'datamatrix',
] as const;

export type BarcodeType = (typeof BARCODE_TYPES)[number];

const ALIASES: Record<string, BarcodeType> = {
  code39: 'code39',
  code3of9: 'code39',
  code39ext: 'code39ext',
  code39extended: 'code39ext',
  code39fullascii: 'code39ext',
  code39mod: 'code39mod43',
  code39mod43: 'code39mod43',
  code39mod10: 'code39mod10',
  codabar: 'codabar',
  nw7: 'codabar',
  code128: 'code128',
  gs1128: 'gs1-128',
  ean128: 'gs1-128',
  ean13: 'ean13',
  isbn: 'isbn',
  bookland: 'isbn',
  ean8: 'ean8',
  upca: 'upca',
  upce: 'upce',
  ean2: 'ean2',
  ean5: 'ean5',
  itf: 'itf',
  interleaved2of5: 'itf',
  i2of5: 'itf',
  itf14: 'itf14',
  matrix2of5: 'matrix2of5',
  industrial2of5: 'industrial2of5',
  iata2of5: 'iata2of5',
  coop2of5: 'coop2of5',
  datalogic2of5: 'datalogic2of5',
  qrcode: 'qrcode',
  qr: 'qrcode',
  datamatrix: 'datamatrix',
  datamatrixecc200: 'datamatrix',
  dm: 'datamatrix',
};

/**
 * The canonical id for a type name: Koha's (`Code39`, `NW7`, `Matrix2of5` ...), label-creator names
 * (`CODE39MOD`, `CODE39MOD10`) and ours, case-insensitive, ignoring '-', '_' and spaces.
 * Returns undefined for unknown names.
 */
export function normalizeBarcodeType(name: string): BarcodeType | undefined {
  const key = name.toLowerCase().replace(/[-_\s]/g, '');
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

export interface EncodeOptions {
  /** Add the optional check character (Code 39 mod 43, 2 of 5 / ITF mod 10, Codabar mod 16). */
  readonly check?: boolean;
  /** Wide:narrow ratio of two-width symbologies. */
  readonly ratio?: WideRatio;
  /** EAN/UPC add-on digits. */
  readonly addon?: string;
  /** Bearer bars for ITF/ITF-14. */
  readonly bearer?: BearerStyle;
  /** Code 128 code set ('auto' default). */
  readonly codeSet?: 'auto' | 'A' | 'B' | 'C';
  /** QR error correction level (default M). */
  readonly level?: QrLevel;
  /** QR version 1–40. */
  readonly version?: number;
  /** QR mask 0–7. */
  readonly mask?: number;
  /** Data Matrix shapes to choose from (default 'square'). */
  readonly shape?: 'square' | 'rectangle' | 'any';
  /**
   * Reproduce Koha / GD::Barcode input rules: supplied EAN/UPC check digits not verified, odd ITF gets a
   * check digit, Code 39 data may carry its own `*` start/stop, Codabar without start/stop gets A…A.
   */
  readonly koha?: boolean;
}

/**
 * Encode `data` as the named type.
 * @example encodeBarcode('EAN13', '590123412345').text // '5901234123457'
 */
export function encodeBarcode(type: string, data: string, options: EncodeOptions = {}): BarcodeSymbol {
  const id = normalizeBarcodeType(type);
  if (id === undefined) {
    throw new BarcodeError('UNSUPPORTED_TYPE', `unknown barcode type ${JSON.stringify(type.slice(0, 40))}`);
  }
  const koha = options.koha === true;
  const ratio = options.ratio === undefined ? {} : { ratio: options.ratio };
  const twoOfFive = { ...ratio, ...(options.check ? { check: true } : {}) };
  const ean = {
    ...(koha ? { verify: false } : {}),
    ...(options.addon === undefined ? {} : { addon: options.addon }),
  };
  switch (id) {
    case 'code39':
    case 'code39ext':
    case 'code39mod43':
    case 'code39mod10': {
      let d = data;
      if (koha && d.length >= 2 && d.startsWith('*') && d.endsWith('*')) d = d.slice(1, -1);
      if (id === 'code39mod10') {
        if (/^\d+$/.test(d)) d += String(luhnCheck(d));
        else {
          const bad = d.search(/\D/);
          throw new BarcodeError('INVALID_CHARACTER', `code39mod10: digits only, position ${bad}`, {
            position: bad,
            character: d.charAt(bad),
            symbology: 'code39',
          });
        }
      }
      return encodeCode39(d, {
        ...ratio,
        ...(id === 'code39ext' ? { fullAscii: true } : {}),
        ...(id === 'code39mod43' || options.check ? { check: true } : {}),
      });
    }
    case 'codabar':
      return encodeCodabar(data, {
        ...ratio,
        ...(options.check ? { check: 'mod16' as const } : {}),
        ...(koha ? { start: 'A' as const, stop: 'A' as const } : {}),
      });
    case 'code128':
      return encodeCode128(data, options.codeSet === undefined ? {} : { codeSet: options.codeSet });
    case 'gs1-128':
      return encodeGs1128(data);
    case 'ean13':
      return encodeEan13(data, ean);
    case 'isbn':
      return encodeIsbn(data, ean);
    case 'ean8':
      return encodeEan8(data, ean);
    case 'upca':
      return encodeUpca(data, ean);
    case 'upce':
      return encodeUpce(data, ean);
    case 'ean2':
      return encodeEan2(data);
    case 'ean5':
      return encodeEan5(data);
    case 'itf':
      return encodeItf(data, {
        ...ratio,
        ...(options.check ? { check: true } : {}),
        ...(koha ? { odd: 'check' as const } : {}),
        ...(options.bearer ? { bearer: options.bearer } : {}),
      });
    case 'itf14':
      return encodeItf14(data, { ...ratio, ...(options.bearer ? { bearer: options.bearer } : {}) });
    case 'matrix2of5':
      return encodeMatrix2of5(data, twoOfFive);
    case 'industrial2of5':
      return encodeIndustrial2of5(data, twoOfFive);
    case 'iata2of5':
      return encodeIata2of5(data, twoOfFive);
    case 'coop2of5':
      return encodeCoop2of5(data, twoOfFive);
    case 'datalogic2of5':
      return encodeDataLogic2of5(data, twoOfFive);
    case 'qrcode':
      return encodeQr(data, {
        ...(options.level ? { level: options.level } : {}),
        ...(options.version === undefined ? {} : { version: options.version }),
        ...(options.mask === undefined ? {} : { mask: options.mask }),
      });
    case 'datamatrix':
      return encodeDataMatrix(data, options.shape ? { shape: options.shape } : {});
  }
}
