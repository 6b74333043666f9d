// EAN-8: 7 digits + check, 4 left (L) and 4 right (R) characters.
import type { LinearSymbol } from '../symbol.js';
import { assertNotEmpty } from './common.js';
import { withAddon } from './ean-addon.js';
import {
  assertDigitsAt,
  completeCheck,
  type EanInputOptions,
  putBits,
  putDigit,
  splitAddon,
} from './ean-tables.js';

export type Ean8Options = EanInputOptions;

/**
 * Encode EAN-8: 7 digits get the check digit, 8 are verified.
 * @example encodeEan8('5512345').text // '55123457'
 */
export function encodeEan8(data: string, options: Ean8Options = {}): LinearSymbol {
  const symbology = 'ean8';
  assertNotEmpty(symbology, data);
  const [main, addon] = splitAddon(symbology, data, options.addon);
  assertDigitsAt(symbology, main, data, 0);
  const digits = completeCheck(symbology, main, 7, options.verify);
  const out = new Uint8Array(67);
  let pos = putBits(out, 0, '101');
  for (let i = 0; i < 4; i++) pos = putDigit(out, pos, digits.charCodeAt(i) - 48, 'L');
  pos = putBits(out, pos, '01010');
  for (let i = 4; i < 8; i++) pos = putDigit(out, pos, digits.charCodeAt(i) - 48, 'R');
  putBits(out, pos, '101');
  return withAddon(
    symbology,
    out,
    [
      [0, 3],
      [31, 36],
      [64, 67],
    ],
    [
      { text: digits.slice(0, 4), start: 3, end: 31 },
      { text: digits.slice(4), start: 36, end: 64 },
    ],
    digits,
    { left: 7, right: 7 },
    addon,
    options.addonGap ?? 7,
  );
}
