// EAN-2 and EAN-5 add-ons, alone or appended to an EAN-13/EAN-8/UPC-A/UPC-E main symbol.
import { BarcodeError } from '../errors.js';
import type { LinearSymbol, TextSpan } from '../symbol.js';
import { assertDigits, linearSymbol } from './common.js';
import { putBits, putDigit, UPCE_NS0_PARITY } from './ean-tables.js';

const EAN2_PARITY = ['LL', 'LG', 'GL', 'GG'];

/** The add-on modules: guard 1011, digits separated by 01. */
export function addonModules(digits: string): Uint8Array {
  const ds = Array.from(digits, (c) => c.charCodeAt(0) - 48);
  let parity: string;
  if (ds.length === 2) parity = EAN2_PARITY[((ds[0] ?? 0) * 10 + (ds[1] ?? 0)) % 4] ?? 'LL';
  else {
    const sum = 3 * ((ds[0] ?? 0) + (ds[2] ?? 0) + (ds[4] ?? 0)) + 9 * ((ds[1] ?? 0) + (ds[3] ?? 0));
    parity = (UPCE_NS0_PARITY[sum % 10] ?? '').slice(1);
  }
  const out = new Uint8Array(4 + 7 * ds.length + 2 * (ds.length - 1));
  let pos = putBits(out, 0, '1011');
  ds.forEach((d, i) => {
    if (i > 0) pos = putBits(out, pos, '01');
    pos = putDigit(out, pos, d, parity.charAt(i) === 'G' ? 'G' : 'L');
  });
  return out;
}

function standalone(symbology: 'ean2' | 'ean5', data: string, len: number): LinearSymbol {
  assertDigits(symbology, data);
  if (data.length !== len) {
    throw new BarcodeError('INVALID_LENGTH', `${symbology}: needs ${len} digits, got ${data.length}`, {
      symbology,
    });
  }
  const modules = addonModules(data);
  return linearSymbol(
    symbology,
    modules,
    data,
    { left: 7, right: 5 },
    {
      textLayout: [{ text: data, start: 0, end: modules.length, placement: 'above' }],
    },
  );
}

/** A stand-alone EAN-2 add-on. @example encodeEan2('12').modules.length // 20 */
export function encodeEan2(data: string): LinearSymbol {
  return standalone('ean2', data, 2);
}

/** A stand-alone EAN-5 add-on. @example encodeEan5('52495').modules.length // 47 */
export function encodeEan5(data: string): LinearSymbol {
  return standalone('ean5', data, 5);
}

/** Append an add-on to a main EAN/UPC symbol's modules and layout. */
export function withAddon(
  symbology: string,
  main: Uint8Array,
  guards: [number, number][],
  layout: TextSpan[],
  text: string,
  quietZone: { left: number; right: number },
  addon: string | undefined,
  gap: number | undefined,
): LinearSymbol {
  if (addon === undefined)
    return linearSymbol(symbology, main, text, quietZone, { guards, textLayout: layout });
  const g = gap ?? 9;
  if (!Number.isInteger(g) || g < 7 || g > 12) {
    throw new BarcodeError('INVALID_ARGUMENT', `${symbology}: addonGap must be an integer 7-12, got ${g}`, {
      symbology,
    });
  }
  const add = addonModules(addon);
  const modules = new Uint8Array(main.length + g + add.length);
  modules.set(main, 0);
  modules.set(add, main.length + g);
  const addStart = main.length + g;
  // Text right of the main symbol (UPC check digit) would collide with the add-on: keep it inside the gap.
  const fixed = layout.map((s) =>
    s.start >= main.length ? { ...s, start: main.length + 1, end: Math.min(s.end, addStart - 1) } : s,
  );
  fixed.push({ text: addon, start: addStart, end: modules.length, placement: 'above' });
  return linearSymbol(
    symbology,
    modules,
    `${text} ${addon}`,
    { left: quietZone.left, right: 5 },
    {
      guards,
      textLayout: fixed,
    },
  );
}
