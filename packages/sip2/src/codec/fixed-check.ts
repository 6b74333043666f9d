// Validity of one fixed-field value by kind, without allocating: shared by the general decoder
// (which then builds the defect message) and the fast path (which leaves on the first doubt).
import { isValidSip2Date } from './dates.js';
import type { FixedKind } from './specs.js';

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Every character of `value` from `from` on is a digit. */
export function allDigits(value: string, from = 0): boolean {
  for (let i = from; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

/** Every character of `value` is `Y` or a space. */
function allYOrSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x59 && c !== 0x20) return false;
  }
  return true;
}

export function fixedValueValid(kind: FixedKind, value: string): boolean {
  switch (kind) {
    case 'flag':
      return value === 'Y' || value === 'N';
    case 'triState':
      return value === 'Y' || value === 'N' || value === 'U';
    case 'ok':
      return value === '1' || value === '0';
    case 'holdMode':
      return value === '+' || value === '-' || value === '*';
    case 'digits':
      // Space-padded numbers occur (the 3M guide's own 99 example has maxPrintWidth " 40").
      return allDigits(value, value.length - value.trimStart().length);
    case 'count':
      return allDigits(value) || value === '    ';
    case 'patronStatus':
    case 'summary':
      return allYOrSpace(value);
    case 'date':
      return isValidSip2Date(value);
    case 'text':
      return true;
  }
}
