// Code 128 (ISO/IEC 15417): code sets A/B/C chosen by dynamic programming for the shortest symbol, with zint's
// Annex E choice taken instead whenever it is as short (so modules match zint's),
// FNC4 for ISO 8859-1 high characters, FNC1 for GS1-128 (see gs1-128.ts).
import { BarcodeError, invalidCharacter } from '../errors.js';
import type { LinearSymbol } from '../symbol.js';
import { annexEValues, FNC1_ITEM } from './code128-annex-e.js';
import { assertNotEmpty, linearSymbol } from './common.js';

export { FNC1_ITEM };

/** Element widths (bar, space, ...) of symbol values 0–105; the stop is separate. */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 ' +
  '113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 ' +
  '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 ' +
  '113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 ' +
  '241211 221114 413111 241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 ' +
  '214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 211214 211232'
).split(' ');
const STOP = '2331112';

const SHIFT = 98;
const FNC1 = 102;
const START = [103, 104, 105] as const;
/** Latch values by [current set][target set]; -1 where not applicable. */
const LATCH = [
  [-1, 100, 99],
  [101, -1, 99],
  [101, 100, -1],
];
/** FNC4 value in set A and set B. */
const FNC4 = [101, 100];

export type Code128Set = 'A' | 'B' | 'C';

export interface Code128Options {
  /** Force one code set (no switching); default 'auto' = shortest symbol. */
  readonly codeSet?: 'auto' | Code128Set;
}

const INF = 1 << 28;
const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
const inA = (c: number) => (c & 127) < 96;
const inB = (c: number) => (c & 127) >= 32;
const valueA = (c: number) => ((c & 127) < 32 ? (c & 127) + 64 : (c & 127) - 32);
const valueB = (c: number) => (c & 127) - 32;

/**
 * Symbol values (start first, check excluded) for the items, minimal in count. Automatic mode prefers the
 * sequence zint 2.11 picks (ISO/IEC 15417 Annex E rules, see code128-annex-e.ts) whenever it is no longer.
 */
export function code128Values(items: readonly number[], forced?: Code128Set): number[] {
  const shortest = shortestValues(items, forced);
  if (forced !== undefined) return shortest;
  const annexE = annexEValues(items);
  return annexE !== undefined && annexE.length <= shortest.length ? annexE : shortest;
}

function shortestValues(items: readonly number[], forced?: Code128Set): number[] {
  const n = items.length;
  // best[i*3+s]: characters needed to encode items[i..] when currently in set s (0 A, 1 B, 2 C).
  const best = new Int32Array((n + 1) * 3);
  const step = new Int8Array((n + 1) * 3); // 0 consume, 1 shift, 2..4 latch to set (k-2)
  const allowed = (s: number) => forced === undefined || 'ABC'.indexOf(forced) === s;
  const consume = (i: number, s: number): [number, number] => {
    const c = items[i] as number;
    if (c === FNC1_ITEM) return [1 + (best[(i + 1) * 3 + s] as number), 0];
    if (s === 2) {
      if (isDigit(c) && isDigit(items[i + 1])) return [1 + (best[(i + 2) * 3 + 2] as number), 0];
      return [INF, 0];
    }
    const ext = c > 127 ? 1 : 0;
    const here = s === 0 ? inA(c) : inB(c);
    if (here) return [1 + ext + (best[(i + 1) * 3 + s] as number), 0];
    // Shift: one character from the other of A/B (not combined with FNC4, which readers treat differently).
    if (!ext && forced === undefined) return [2 + (best[(i + 1) * 3 + s] as number), 1];
    return [INF, 0];
  };
  for (let i = n - 1; i >= 0; i--) {
    const direct: [number, number][] = [consume(i, 0), consume(i, 1), consume(i, 2)];
    for (let s = 0; s < 3; s++) {
      let [cost, kind] = direct[s] as [number, number];
      if (!allowed(s)) cost = INF;
      for (let t = 0; t < 3; t++) {
        if (t === s || !allowed(t)) continue;
        const latched = 1 + (direct[t] as [number, number])[0];
        if (latched < cost) {
          cost = latched;
          kind = 2 + t;
        }
      }
      best[i * 3 + s] = Math.min(cost, INF);
      step[i * 3 + s] = kind;
    }
  }
  let set = -1;
  let startCost = INF;
  // Preference on ties: C, then B, then A.
  for (const s of [2, 1, 0]) {
    if (!allowed(s)) continue;
    const c = n === 0 ? 0 : (consume(0, s)[0] as number);
    if (c < startCost) {
      startCost = c;
      set = s;
    }
  }
  if (set < 0 || startCost >= INF) {
    throw new BarcodeError(
      'INVALID_CHARACTER',
      `code128: data cannot be encoded in code set ${forced ?? 'auto'}`,
      {
        symbology: 'code128',
      },
    );
  }
  const values: number[] = [START[set] as number];
  let i = 0;
  let first = true;
  while (i < n) {
    let kind = first ? (consume(0, set)[1] as number) : (step[i * 3 + set] as number);
    first = false;
    if (kind >= 2) {
      const target = kind - 2;
      values.push((LATCH[set] as number[])[target] as number);
      set = target;
      kind = consume(i, set)[1] as number;
    }
    const c = items[i] as number;
    if (c === FNC1_ITEM) {
      values.push(FNC1);
      i++;
    } else if (set === 2) {
      values.push((c - 48) * 10 + ((items[i + 1] as number) - 48));
      i += 2;
    } else {
      const useSet = kind === 1 ? 1 - set : set;
      if (kind === 1) values.push(SHIFT);
      if (c > 127) values.push(FNC4[useSet] as number);
      values.push(useSet === 0 ? valueA(c) : valueB(c));
      i++;
    }
  }
  return values;
}

/** Modules for symbol values (start first): appends the mod-103 check and the stop. */
export function code128Modules(values: readonly number[]): Uint8Array {
  let sum = values[0] as number;
  for (let i = 1; i < values.length; i++) sum += i * (values[i] as number);
  const all = [...values, sum % 103];
  const out = new Uint8Array(all.length * 11 + 13);
  let pos = 0;
  const put = (widths: string) => {
    for (let k = 0; k < widths.length; k++) {
      const w = widths.charCodeAt(k) - 48;
      if (k % 2 === 0) out.fill(1, pos, pos + w);
      pos += w;
    }
  };
  for (const v of all) put(PATTERNS[v] as string);
  put(STOP);
  return out;
}

/** Validate characters (code points 0–255) into items. */
export function code128Items(symbology: string, data: string): number[] {
  assertNotEmpty(symbology, data);
  if (data.length > 4096) {
    throw new BarcodeError('INVALID_LENGTH', `${symbology}: at most 4096 characters, got ${data.length}`, {
      symbology,
    });
  }
  const items: number[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 255) throw invalidCharacter(symbology, data, i, 'Code 128 encodes ISO 8859-1 only');
    items[i] = c;
  }
  return items;
}

/**
 * Encode Code 128 with the shortest mix of code sets A, B and C (ISO 8859-1 text; FNC4 for 128–255).
 * @example encodeCode128('AB').modules.length // 57
 */
export function encodeCode128(data: string, options: Code128Options = {}): LinearSymbol {
  const symbology = 'code128';
  const items = code128Items(symbology, data);
  const forced = options.codeSet === undefined || options.codeSet === 'auto' ? undefined : options.codeSet;
  const values = code128Values(items, forced);
  return linearSymbol(symbology, code128Modules(values), data, { left: 10, right: 10 });
}
