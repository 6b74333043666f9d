// EAN-13 (ISO/IEC 15420): 12 digits + check, the first digit implied by the left-half parity.
import type { LinearSymbol } from '../symbol.js';
import { assertNotEmpty } from './common.js';
import { withAddon } from './ean-addon.js';
import {
  assertDigitsAt,
  completeCheck,
  EAN13_PARITY,
  type EanInputOptions,
  putBits,
  putDigit,
  splitAddon,
} from './ean-tables.js';

export type Ean13Options = EanInputOptions;

/** The 95 modules of an EAN-13 (13 digits, check included). */
export function ean13Modules(digits: string): Uint8Array {
  const out = new Uint8Array(95);
  const parity = EAN13_PARITY[digits.charCodeAt(0) - 48] ?? 'LLLLLL';
  let pos = putBits(out, 0, '101');
  for (let i = 1; i <= 6; i++)
    pos = putDigit(out, pos, digits.charCodeAt(i) - 48, parity.charAt(i - 1) === 'G' ? 'G' : 'L');
  pos = putBits(out, pos, '01010');
  for (let i = 7; i <= 12; i++) pos = putDigit(out, pos, digits.charCodeAt(i) - 48, 'R');
  putBits(out, pos, '101');
  return out;
}

/**
 * Encode EAN-13: 12 digits get the check digit, 13 are verified. `main+12` / `main+12345` adds an add-on.
 * @example encodeEan13('590123412345').text // '5901234123457'
 */
export function encodeEan13(data: string, options: Ean13Options = {}): LinearSymbol {
  const symbology = 'ean13';
  assertNotEmpty(symbology, data);
  const [main, addon] = splitAddon(symbology, data, options.addon);
  assertDigitsAt(symbology, main, data, 0);
  const digits = completeCheck(symbology, main, 12, options.verify);
  return withAddon(
    symbology,
    ean13Modules(digits),
    [
      [0, 3],
      [45, 50],
      [92, 95],
    ],
    [
      { text: digits.charAt(0), start: -7, end: -1 },
      { text: digits.slice(1, 7), start: 3, end: 45 },
      { text: digits.slice(7), start: 50, end: 92 },
    ],
    digits,
    { left: 11, right: 7 },
    addon,
    options.addonGap ?? 7,
  );
}
