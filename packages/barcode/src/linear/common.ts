// Helpers shared by the linear encoders: module building, digit checks, check-digit rules.
import { BarcodeError, invalidCharacter } from '../errors.js';
import type { LinearSymbol, TextSpan } from '../symbol.js';

/** Wide:narrow ratio for two-width symbologies: 2, 2.5 (narrow 2 modules, wide 5) or 3. */
export type WideRatio = 2 | 2.5 | 3;

/** Narrow and wide element widths in modules for a ratio. */
export function elementWidths(
  symbology: string,
  ratio: WideRatio | undefined,
  fallback: WideRatio,
): [number, number] {
  const r = ratio ?? fallback;
  if (r === 2) return [1, 2];
  if (r === 3) return [1, 3];
  if (r === 2.5) return [2, 5];
  throw new BarcodeError('INVALID_ARGUMENT', `${symbology}: ratio must be 2, 2.5 or 3, got ${String(r)}`, {
    symbology,
  });
}

/** Collects element widths (bar, space, bar, ...) and turns them into a module array. */
export class ModuleWriter {
  private readonly out: number[] = [];

  /** Append `width` modules of one colour. */
  run(width: number, dark: boolean): this {
    const v = dark ? 1 : 0;
    for (let i = 0; i < width; i++) this.out.push(v);
    return this;
  }

  get length(): number {
    return this.out.length;
  }

  toModules(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** Throw the typed error at the first non-digit. */
export function assertDigits(symbology: string, data: string): void {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c < 48 || c > 57) throw invalidCharacter(symbology, data, i, 'digits only');
  }
}

export function assertNotEmpty(symbology: string, data: string): void {
  if (data.length === 0)
    throw new BarcodeError('INVALID_LENGTH', `${symbology}: data is empty`, { symbology });
}

/** GTIN / ITF / 2 of 5 mod 10: weights 3,1 starting with 3 at the rightmost data digit. */
export function mod10Weight31(digits: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** Luhn (mod 10, double-add-double), as used by library 14-digit numbers. */
export function luhnCheck(digits: string): number {
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** Verify the last digit of `digits` as a GTIN check digit, throwing the typed error if wrong. */
export function verifyGtinCheck(symbology: string, digits: string, offset = 0): void {
  const body = digits.slice(0, -1);
  const expected = mod10Weight31(body);
  const given = digits.charCodeAt(digits.length - 1) - 48;
  if (expected !== given) {
    throw new BarcodeError(
      'INVALID_CHECK_DIGIT',
      `${symbology}: check digit ${given} at position ${offset + digits.length - 1} should be ${expected}`,
      { position: offset + digits.length - 1, character: String(given), symbology },
    );
  }
}

export function linearSymbol(
  symbology: string,
  modules: Uint8Array,
  text: string,
  quietZone: { left: number; right: number },
  extra: {
    guards?: [number, number][];
    textLayout?: TextSpan[];
    bearer?: { thickness: number; box: boolean };
  } = {},
): LinearSymbol {
  const s: {
    kind: 'linear';
    symbology: string;
    modules: Uint8Array;
    text: string;
    quietZone: { left: number; right: number };
    guards?: [number, number][];
    textLayout?: TextSpan[];
    bearer?: { thickness: number; box: boolean };
  } = { kind: 'linear', symbology, modules, text, quietZone };
  if (extra.guards) s.guards = extra.guards;
  if (extra.textLayout) s.textLayout = extra.textLayout;
  if (extra.bearer) s.bearer = extra.bearer;
  return s;
}
