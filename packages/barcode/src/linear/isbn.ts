// ISBN as EAN-13 ("Bookland"): ISBN-10 becomes 978 + 9 digits + GTIN check; "ISBN …" printed above.
import { BarcodeError } from '../errors.js';
import type { LinearSymbol } from '../symbol.js';
import { assertNotEmpty, linearSymbol } from './common.js';
import type { EanInputOptions } from './ean-tables.js';
import { encodeEan13 } from './ean13.js';

export type IsbnOptions = EanInputOptions;

/** The ISBN-10 check character (mod 11, weights 10…2; 10 is written X). */
export function isbn10Check(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nine.charCodeAt(i) - 48) * (10 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/**
 * The 13-digit ISBN for an ISBN-10 or ISBN-13 (hyphens, spaces and an `ISBN` prefix allowed; ISBN-10
 * check characters verified, ISBN-13 check digits verified by the EAN-13 encoder).
 * @example toIsbn13('0-201-37962-7') // '9780201379624'
 */
export function toIsbn13(isbn: string, verify = true): string {
  const symbology = 'isbn';
  const compact = isbn.replace(/^\s*ISBN(?:-1[03])?:?\s*/i, '').replace(/[-\s]/g, '');
  assertNotEmpty(symbology, compact);
  const body = compact.length === 10 ? compact.slice(0, 9) : compact;
  let pos = body.search(/\D/);
  if (pos < 0 && compact.length === 10 && !/[0-9Xx]$/.test(compact)) pos = 9;
  if (pos >= 0) {
    throw new BarcodeError(
      'INVALID_CHARACTER',
      `${symbology}: invalid character at position ${pos} of ${compact}`,
      {
        position: pos,
        character: compact.charAt(pos),
        symbology,
      },
    );
  }
  if (compact.length === 10) {
    const expected = isbn10Check(compact.slice(0, 9));
    if (verify && compact.charAt(9).toUpperCase() !== expected) {
      throw new BarcodeError(
        'INVALID_CHECK_DIGIT',
        `${symbology}: ISBN-10 check character should be ${expected}`,
        {
          position: 9,
          character: compact.charAt(9),
          symbology,
        },
      );
    }
    return encodeEan13(`978${compact.slice(0, 9)}`).text;
  }
  if ((compact.length === 12 || compact.length === 13) && /^97[89]/.test(compact)) {
    return encodeEan13(compact, verify ? {} : { verify: false }).text;
  }
  throw new BarcodeError(
    'INVALID_LENGTH',
    `${symbology}: needs an ISBN-10 or a 978/979 ISBN-13, got ${compact}`,
    {
      symbology,
    },
  );
}

/**
 * Encode an ISBN as an EAN-13 with "ISBN 978…" above it; `+52495` (or `addon`) adds the price add-on.
 * @example encodeIsbn('0-201-37962-7').text // '9780201379624'
 */
export function encodeIsbn(data: string, options: IsbnOptions = {}): LinearSymbol {
  const plus = data.indexOf('+');
  const isbn = plus >= 0 ? data.slice(0, plus) : data;
  const isbn13 = toIsbn13(isbn, options.verify !== false);
  const ean = encodeEan13(isbn13 + (plus >= 0 ? data.slice(plus) : ''), {
    ...(options.addon === undefined ? {} : { addon: options.addon }),
    ...(options.addonGap === undefined ? {} : { addonGap: options.addonGap }),
  });
  const given = isbn.replace(/^\s*ISBN(?:-1[03])?:?\s*/i, '').trim();
  const shown = given.replace(/[-\s]/g, '') === isbn13 ? given : isbn13;
  return linearSymbol('isbn', ean.modules, ean.text, ean.quietZone, {
    guards: (ean.guards ?? []).map(([a, b]) => [a, b] as [number, number]),
    textLayout: [{ text: `ISBN ${shown}`, start: 0, end: 95, placement: 'above' }, ...(ean.textLayout ?? [])],
  });
}
