// Shared by the 2 of 5 family: digit patterns (weights 1-2-4-7-parity), options and check digits.
import { BarcodeError } from '../errors.js';
import { assertDigits, assertNotEmpty, mod10Weight31, type WideRatio } from './common.js';

/** Five elements per digit, N = narrow, W = wide (Industrial/IATA/Matrix/Data Logic/ITF). */
export const DIGIT_PATTERNS: readonly string[] = [
  'NNWWN',
  'WNNNW',
  'NWNNW',
  'WWNNN',
  'NNWNW',
  'WNWNN',
  'NWWNN',
  'NNNWW',
  'WNNWN',
  'NWNWN',
];

export interface TwoOfFiveOptions {
  /** Append a mod-10 check digit (weights 3,1 from the right), shown in the text (default false). */
  readonly check?: boolean;
  /** Wide:narrow ratio (default 3). */
  readonly ratio?: WideRatio;
}

/** Validate digits and append the optional check digit. */
export function twoOfFiveDigits(symbology: string, data: string, check: boolean | undefined): string {
  assertNotEmpty(symbology, data);
  assertDigits(symbology, data);
  if (data.length > 256) {
    throw new BarcodeError('INVALID_LENGTH', `${symbology}: at most 256 digits, got ${data.length}`, {
      symbology,
    });
  }
  return check ? data + String(mod10Weight31(data)) : data;
}
