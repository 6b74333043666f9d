// UPC-A: an EAN-13 with leading 0; number-system and check digits printed small outside the bars.
import type { LinearSymbol } from '../symbol.js';
import { assertNotEmpty } from './common.js';
import { withAddon } from './ean-addon.js';
import { assertDigitsAt, completeCheck, type EanInputOptions, splitAddon } from './ean-tables.js';
import { ean13Modules } from './ean13.js';

export type UpcaOptions = EanInputOptions;

/**
 * Encode UPC-A: 11 digits get the check digit, 12 are verified.
 * @example encodeUpca('03600029145').text // '036000291452'
 */
export function encodeUpca(data: string, options: UpcaOptions = {}): LinearSymbol {
  const symbology = 'upca';
  assertNotEmpty(symbology, data);
  const [main, addon] = splitAddon(symbology, data, options.addon);
  assertDigitsAt(symbology, main, data, 0);
  const digits = completeCheck(symbology, main, 11, options.verify);
  return withAddon(
    symbology,
    ean13Modules(`0${digits}`),
    [
      [0, 10],
      [45, 50],
      [85, 95],
    ],
    [
      { text: digits.charAt(0), start: -7, end: -1, small: true },
      { text: digits.slice(1, 6), start: 10, end: 45 },
      { text: digits.slice(6, 11), start: 50, end: 85 },
      { text: digits.charAt(11), start: 96, end: 102, small: true },
    ],
    digits,
    { left: 9, right: 9 },
    addon,
    options.addonGap,
  );
}
