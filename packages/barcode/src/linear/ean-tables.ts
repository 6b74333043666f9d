// EAN/UPC character sets (ISO/IEC 15420): L (odd parity), G (even parity) and R, 7 modules each.
import { BarcodeError } from '../errors.js';
import { assertDigits, verifyGtinCheck } from './common.js';

const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
/** R is the complement of L; G is R reversed. */
const R = L.map((p) => p.replace(/./g, (b) => (b === '0' ? '1' : '0')));
const G = R.map((p) => [...p].reverse().join(''));

/** 7 bits per digit as numbers for fast writes: SETS[set][digit] with set 0 = L, 1 = G, 2 = R. */
const SETS: readonly (readonly number[])[] = [L, G, R].map((set) => set.map((p) => Number.parseInt(p, 2)));

/** Parity of the six left-half characters by EAN-13 leading digit ('L'/'G'). */
export const EAN13_PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];

/** UPC-E number system 0 parity by check digit; also the EAN-5 add-on parity by its checksum. */
export const UPCE_NS0_PARITY = [
  'GGGLLL',
  'GGLGLL',
  'GGLLGL',
  'GGLLLG',
  'GLGGLL',
  'GLLGGL',
  'GLLLGG',
  'GLGLGL',
  'GLGLLG',
  'GLLGLG',
];

/** Write `pattern` bits ('1'/'0') at `pos`; returns the next position. */
export function putBits(out: Uint8Array, pos: number, pattern: string): number {
  for (let i = 0; i < pattern.length; i++) out[pos + i] = pattern.charCodeAt(i) - 48;
  return pos + pattern.length;
}

/** Write one digit in set 'L', 'G' or 'R'; returns the next position. */
export function putDigit(out: Uint8Array, pos: number, digit: number, set: 'L' | 'G' | 'R'): number {
  const bits = SETS[set === 'L' ? 0 : set === 'G' ? 1 : 2]?.[digit] ?? 0;
  for (let k = 0; k < 7; k++) out[pos + k] = (bits >> (6 - k)) & 1;
  return pos + 7;
}

export interface EanInputOptions {
  /** Verify a supplied check digit (default true). false = encode as given (GD::Barcode / Koha behaviour). */
  readonly verify?: boolean;
  /** An EAN-2 or EAN-5 add-on; `main+addon` in the data does the same. */
  readonly addon?: string;
  /** Gap between main symbol and add-on in modules, 7–12 (default 7 for EAN-13/EAN-8, 9 for UPC, as zint). */
  readonly addonGap?: number;
}

/** Split `main+addon` data and check the add-on length. */
export function splitAddon(
  symbology: string,
  data: string,
  addon: string | undefined,
): [string, string | undefined] {
  const plus = data.indexOf('+');
  let main = data;
  let add = addon;
  if (plus >= 0) {
    if (addon !== undefined) {
      throw new BarcodeError('INVALID_ARGUMENT', `${symbology}: add-on given both in data and options`, {
        symbology,
      });
    }
    main = data.slice(0, plus);
    add = data.slice(plus + 1);
    assertDigitsAt(symbology, add, data, plus + 1);
  }
  if (add !== undefined && add.length !== 2 && add.length !== 5) {
    throw new BarcodeError(
      'INVALID_LENGTH',
      `${symbology}: add-on must have 2 or 5 digits, got ${add.length}`,
      {
        symbology,
      },
    );
  }
  return [main, add];
}

/** assertDigits, reporting positions relative to the whole input. */
export function assertDigitsAt(symbology: string, part: string, whole: string, offset: number): void {
  try {
    assertDigits(symbology, part);
  } catch (e) {
    if (BarcodeError.is(e) && e.position !== undefined) {
      const pos = e.position + offset;
      throw new BarcodeError(
        'INVALID_CHARACTER',
        `${symbology}: invalid character at position ${pos} (digits only)`,
        {
          position: pos,
          character: whole.charAt(pos),
          symbology,
        },
      );
    }
    throw e;
  }
}

/** Complete or verify a GTIN-style number: `short` digits get a check appended, `short + 1` are verified. */
export function completeCheck(
  symbology: string,
  digits: string,
  short: number,
  verify: boolean | undefined,
): string {
  if (digits.length === short) {
    let sum = 0;
    let weight = 3;
    for (let i = digits.length - 1; i >= 0; i--) {
      sum += (digits.charCodeAt(i) - 48) * weight;
      weight = 4 - weight;
    }
    return digits + String((10 - (sum % 10)) % 10);
  }
  if (digits.length === short + 1) {
    if (verify !== false) verifyGtinCheck(symbology, digits);
    return digits;
  }
  throw new BarcodeError(
    'INVALID_LENGTH',
    `${symbology}: needs ${short} digits (check digit computed) or ${short + 1} (verified), got ${digits.length}`,
    { symbology },
  );
}
