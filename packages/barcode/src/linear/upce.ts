// UPC-E: zero-suppressed UPC-A (number system 0 or 1); NS and check digit are carried by the parity.
import { BarcodeError } from '../errors.js';
import type { LinearSymbol } from '../symbol.js';
import { assertNotEmpty, mod10Weight31 } from './common.js';
import { withAddon } from './ean-addon.js';
import {
  assertDigitsAt,
  type EanInputOptions,
  putBits,
  putDigit,
  splitAddon,
  UPCE_NS0_PARITY,
} from './ean-tables.js';

export type UpceOptions = EanInputOptions;

const symbology = 'upce';

/** Expand the six UPC-E data digits to the 10-digit UPC-A body, or throw if not canonical. */
function expandBody(six: string, offset: number): string {
  const d = (i: number) => six.charAt(i - 1);
  const d6 = six.charCodeAt(5) - 48;
  const bad = (pos: number, why: string) =>
    new BarcodeError('NOT_REPRESENTABLE', `${symbology}: non-canonical UPC-E: ${why}`, {
      position: offset + pos - 1,
      character: d(pos),
      symbology,
    });
  if (d6 <= 2) return `${d(1)}${d(2)}${d(6)}0000${d(3)}${d(4)}${d(5)}`;
  if (d6 === 3) {
    if (six.charCodeAt(2) - 48 < 3) throw bad(3, 'with last digit 3 the third digit must be 3-9');
    return `${d(1)}${d(2)}${d(3)}00000${d(4)}${d(5)}`;
  }
  if (d6 === 4) {
    if (d(4) === '0') throw bad(4, 'with last digit 4 the fourth digit must not be 0');
    return `${d(1)}${d(2)}${d(3)}${d(4)}00000${d(5)}`;
  }
  if (d(5) === '0') throw bad(5, 'with last digit 5-9 the fifth digit must not be 0');
  return `${d(1)}${d(2)}${d(3)}${d(4)}${d(5)}0000${d(6)}`;
}

/**
 * The UPC-A (12 digits) a UPC-E stands for. Accepts 6 digits (NS 0), 7 (NS + 6) or 8 (NS + 6 + check,
 * verified).
 * @example expandUpce('01234565') // '012345000065'
 */
export function expandUpce(data: string): string {
  assertDigitsAt(symbology, data, data, 0);
  const withNs = data.length === 6 ? `0${data}` : data;
  if (withNs.length !== 7 && withNs.length !== 8) {
    throw new BarcodeError('INVALID_LENGTH', `${symbology}: needs 6, 7 or 8 digits, got ${data.length}`, {
      symbology,
    });
  }
  const ns = withNs.charAt(0);
  if (ns !== '0' && ns !== '1') {
    throw new BarcodeError('NOT_REPRESENTABLE', `${symbology}: number system must be 0 or 1, got ${ns}`, {
      position: 0,
      character: ns,
      symbology,
    });
  }
  const body = ns + expandBody(withNs.slice(1, 7), data.length === 6 ? 0 : 1);
  const check = String(mod10Weight31(body));
  if (withNs.length === 8 && withNs.charAt(7) !== check) {
    throw new BarcodeError(
      'INVALID_CHECK_DIGIT',
      `${symbology}: check digit at position 7 should be ${check}`,
      {
        position: 7,
        character: withNs.charAt(7),
        symbology,
      },
    );
  }
  return body + check;
}

/**
 * Compress a UPC-A (11 digits, or 12 with a check digit that is verified) to the 8-digit UPC-E
 * (NS + 6 + check), or return undefined when it has no UPC-E form.
 * @example compressUpca('042100005264') // '04252614'
 */
export function compressUpca(upca: string): string | undefined {
  assertDigitsAt(symbology, upca, upca, 0);
  if (upca.length !== 11 && upca.length !== 12) {
    throw new BarcodeError(
      'INVALID_LENGTH',
      `${symbology}: a UPC-A has 11 or 12 digits, got ${upca.length}`,
      {
        symbology,
      },
    );
  }
  const check = String(mod10Weight31(upca.slice(0, 11)));
  if (upca.length === 12 && upca.charAt(11) !== check) {
    throw new BarcodeError(
      'INVALID_CHECK_DIGIT',
      `${symbology}: check digit at position 11 should be ${check}`,
      {
        position: 11,
        character: upca.charAt(11),
        symbology,
      },
    );
  }
  const ns = upca.charAt(0);
  if (ns !== '0' && ns !== '1') return undefined;
  const m = upca.slice(1, 6);
  const p = upca.slice(6, 11);
  let six: string | undefined;
  if (['000', '100', '200'].includes(m.slice(2)) && p.startsWith('00'))
    six = m.slice(0, 2) + p.slice(2) + m.charAt(2);
  else if (m.endsWith('00') && p.startsWith('000')) six = `${m.slice(0, 3)}${p.slice(3)}3`;
  else if (m.endsWith('0') && p.startsWith('0000')) six = `${m.slice(0, 4)}${p.charAt(4)}4`;
  else if (!m.endsWith('0') && p.startsWith('0000') && p.charCodeAt(4) >= 53) six = m + p.charAt(4);
  return six === undefined ? undefined : ns + six + check;
}

/**
 * Encode UPC-E from 6, 7 or 8 digits (UPC-E form) or 11/12 digits (a UPC-A that compresses).
 * Number systems other than 0/1 and non-canonical forms are rejected: they would decode to another number.
 * @example encodeUpce('0123456').text // '01234565'
 */
export function encodeUpce(data: string, options: UpceOptions = {}): LinearSymbol {
  assertNotEmpty(symbology, data);
  const [main, addon] = splitAddon(symbology, data, options.addon);
  assertDigitsAt(symbology, main, data, 0);
  let upce: string;
  if (main.length === 11 || main.length === 12) {
    const c = compressUpca(main);
    if (c === undefined) {
      throw new BarcodeError('NOT_REPRESENTABLE', `${symbology}: UPC-A ${main} has no UPC-E form; use upca`, {
        symbology,
      });
    }
    upce = c;
  } else if (options.verify === false && main.length === 8) {
    upce = main;
    expandUpce(main.slice(0, 7));
  } else {
    const upca = expandUpce(main);
    upce = upca.charAt(0) + (main.length === 6 ? main : main.slice(1, 7)) + upca.charAt(11);
  }
  const ns = upce.charAt(0);
  const check = upce.charCodeAt(7) - 48;
  const parity = UPCE_NS0_PARITY[check] ?? 'GGGLLL';
  const out = new Uint8Array(51);
  let pos = putBits(out, 0, '101');
  for (let i = 0; i < 6; i++) {
    const even = parity.charAt(i) === 'G';
    // Number system 1 uses the complementary parity pattern.
    pos = putDigit(out, pos, upce.charCodeAt(i + 1) - 48, even === (ns === '0') ? 'G' : 'L');
  }
  putBits(out, pos, '010101');
  return withAddon(
    symbology,
    out,
    [
      [0, 3],
      [45, 51],
    ],
    [
      { text: ns, start: -7, end: -1, small: true },
      { text: upce.slice(1, 7), start: 3, end: 45 },
      { text: upce.charAt(7), start: 52, end: 58, small: true },
    ],
    upce,
    { left: 9, right: 7 },
    addon,
    options.addonGap,
  );
}
