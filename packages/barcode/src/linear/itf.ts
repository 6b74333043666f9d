// Interleaved 2 of 5 and ITF-14: digit pairs, the first in the bars and the second in the spaces.
import { BarcodeError } from '../errors.js';
import type { LinearSymbol } from '../symbol.js';
import {
  assertDigits,
  assertNotEmpty,
  elementWidths,
  linearSymbol,
  ModuleWriter,
  mod10Weight31,
  verifyGtinCheck,
  type WideRatio,
} from './common.js';
import { DIGIT_PATTERNS } from './two-of-five.js';

export type BearerStyle = 'none' | 'bars' | 'box';

export interface ItfOptions {
  /** Append a mod-10 check digit (weights 3,1) before making the length even (default false). */
  readonly check?: boolean;
  /**
   * What to do with an odd number of digits: 'pad' prefixes 0 (default, as zint), 'check' appends the
   * check digit (GD::Barcode/Koha), 'error' rejects.
   */
  readonly odd?: 'pad' | 'check' | 'error';
  /** Wide:narrow ratio (default 3). */
  readonly ratio?: WideRatio;
  /** Bearer bars above and below ('bars') or a frame ('box'); default 'none' (ITF-14: 'box'). */
  readonly bearer?: BearerStyle;
  /** Bearer thickness in modules (default 5). */
  readonly bearerThickness?: number;
}

function interleave(symbology: string, digits: string, ratio: WideRatio | undefined): Uint8Array {
  const [n, w] = elementWidths(symbology, ratio, 3);
  const out = new ModuleWriter();
  out.run(n, true).run(n, false).run(n, true).run(n, false);
  for (let i = 0; i < digits.length; i += 2) {
    const bars = DIGIT_PATTERNS[digits.charCodeAt(i) - 48] ?? '';
    const spaces = DIGIT_PATTERNS[digits.charCodeAt(i + 1) - 48] ?? '';
    for (let k = 0; k < 5; k++) {
      out.run(bars.charCodeAt(k) === 87 ? w : n, true);
      out.run(spaces.charCodeAt(k) === 87 ? w : n, false);
    }
  }
  out.run(w, true).run(n, false).run(n, true);
  return out.toModules();
}

function bearerOf(style: BearerStyle | undefined, thickness: number | undefined) {
  if (style === undefined || style === 'none') return undefined;
  const t = thickness ?? 5;
  if (!Number.isInteger(t) || t < 1 || t > 50) {
    throw new BarcodeError('INVALID_ARGUMENT', `itf: bearerThickness must be an integer 1-50, got ${t}`);
  }
  return { thickness: t, box: style === 'box' };
}

/**
 * Encode Interleaved 2 of 5.
 * @example encodeItf('123', { odd: 'check' }).text // '1236'
 */
export function encodeItf(data: string, options: ItfOptions = {}): LinearSymbol {
  const symbology = 'itf';
  assertNotEmpty(symbology, data);
  assertDigits(symbology, data);
  if (data.length > 256) {
    throw new BarcodeError('INVALID_LENGTH', `${symbology}: at most 256 digits, got ${data.length}`, {
      symbology,
    });
  }
  let digits = options.check ? data + String(mod10Weight31(data)) : data;
  if (digits.length % 2 === 1) {
    const odd = options.odd ?? 'pad';
    if (odd === 'error') {
      throw new BarcodeError('INVALID_LENGTH', `${symbology}: odd number of digits (${digits.length})`, {
        symbology,
      });
    }
    digits = odd === 'check' && !options.check ? digits + String(mod10Weight31(digits)) : `0${digits}`;
  }
  const [n] = elementWidths(symbology, options.ratio, 3);
  const bearer = bearerOf(options.bearer, options.bearerThickness);
  return linearSymbol(
    symbology,
    interleave(symbology, digits, options.ratio),
    digits,
    { left: 10 * n, right: 10 * n },
    bearer ? { bearer } : {},
  );
}

/** ITF-14 options: the check digit is mandatory; bearer defaults to a frame. */
export type Itf14Options = Omit<ItfOptions, 'check' | 'odd'>;

/**
 * Encode ITF-14 (GTIN-14): 13 digits get the check digit appended, 14 digits are verified.
 * @example encodeItf14('1540014128876').text // '15400141288763'
 */
export function encodeItf14(data: string, options: Itf14Options = {}): LinearSymbol {
  const symbology = 'itf14';
  assertNotEmpty(symbology, data);
  assertDigits(symbology, data);
  let digits: string;
  if (data.length === 13) digits = data + String(mod10Weight31(data));
  else if (data.length === 14) {
    verifyGtinCheck(symbology, data);
    digits = data;
  } else {
    throw new BarcodeError('INVALID_LENGTH', `${symbology}: needs 13 or 14 digits, got ${data.length}`, {
      symbology,
    });
  }
  const [n] = elementWidths(symbology, options.ratio, 3);
  const bearer = bearerOf(options.bearer ?? 'box', options.bearerThickness);
  return linearSymbol(
    symbology,
    interleave(symbology, digits, options.ratio),
    digits,
    { left: 10 * n, right: 10 * n },
    bearer ? { bearer } : {},
  );
}
