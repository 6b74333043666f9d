// Code 128 (ISO/IEC 15417): code sets A/B/C and FNC4 extended mode chosen by dynamic programming for the
// shortest symbol, with zint's Annex E choice taken instead whenever it is as short and correct (so modules
// match zint's). ISO 8859-1 high characters: single FNC4 per character, or FNC4 FNC4 latching extended mode
// for runs (FNC4 FNC4 again to leave it). FNC1 for GS1-128 (see gs1-128.ts).
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
  /**
   * Force one code set (no switching, no Shift; FNC4 and FNC4 FNC4 still apply); default 'auto' = shortest
   * symbol. 'B' prefers zint's barcode 60 sequence where it is correct and as short.
   */
  readonly codeSet?: 'auto' | Code128Set;
}

const INF = 1 << 28;
const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
const inA = (c: number) => (c & 127) < 96;
const inB = (c: number) => (c & 127) >= 32;
const valueA = (c: number) => ((c & 127) < 32 ? (c & 127) + 64 : (c & 127) - 32);
const valueB = (c: number) => (c & 127) - 32;

/**
 * Symbol values (start first, check excluded) for the items, minimal in count. Automatic mode (and set B,
 * as zint's barcode 60) prefers the sequence zint 2.11 picks (ISO/IEC 15417 Annex E rules and zint's FNC4
 * runs, see code128-annex-e.ts) whenever it encodes the items correctly and is no longer.
 */
export function code128Values(items: readonly number[], forced?: Code128Set): number[] {
  // Data that needs only sets B and C: every digit run costs the same whatever surrounds it, and the Annex E
  // choice per run is the cheapest, so zint's sequence is minimal and the search can be skipped (see the
  // "class boundary" test in code128-annex-e.test.ts).
  if (forced === undefined && items.every((c) => c >= 32 && c <= 127)) {
    const zint = annexEValues(items);
    if (zint !== undefined) return zint;
  }
  const shortest = shortestCode128Values(items, forced);
  if (forced !== undefined && forced !== 'B') return shortest;
  const zint = annexEValues(items, forced === 'B');
  return zint !== undefined && zint.length <= shortest.length ? zint : shortest;
}

// Dynamic-programming state s*2+e: code set s (0 A, 1 B, 2 C) and extended mode e (0 ASCII, 1 latched
// ISO 8859-1 high half by FNC4 FNC4; it persists through set C, which is not affected by it).

/** How the character at a position is taken: as is, or with Shift (one character from the other of A/B). */
const PLAIN = 0;
const SHIFTED = 1;

/** Index (t*2+f) of the cheapest of direct[f], direct[2+f], direct[4+f]; the lowest set on ties. */
function argMin3(direct: Int32Array, f: number): number {
  let k = f;
  if ((direct[2 + f] as number) < (direct[k] as number)) k = 2 + f;
  if ((direct[4 + f] as number) < (direct[k] as number)) k = 4 + f;
  return k;
}

/** direct[t*2+f]: cost of taking items[i] in set t, extended mode f without latches (INF where it cannot). */
function takeCosts(
  items: readonly number[],
  i: number,
  only: number,
  best: Int32Array,
  direct: Int32Array,
  how: Uint8Array,
): void {
  const c = items[i] as number;
  const next = (i + 1) * 6;
  direct.fill(INF);
  how.fill(PLAIN);
  if (c === FNC1_ITEM) {
    for (let k = 0; k < 6; k++) if (only < 0 || only === k >> 1) direct[k] = 1 + (best[next + k] as number);
    return;
  }
  if ((only < 0 || only === 2) && isDigit(c) && isDigit(items[i + 1])) {
    direct[4] = 1 + (best[next + 10] as number);
    direct[5] = 1 + (best[next + 11] as number);
  }
  const high = c > 127 ? 1 : 0;
  for (let t = 0; t < 2; t++) {
    const inSet = t === 0 ? inA(c) : inB(c);
    // Shift takes one character from the other of A/B; not in a forced code set.
    if (only >= 0 && (only !== t || !inSet)) continue;
    for (let f = 0; f < 2; f++) {
      // A single FNC4 flips this one character between the ASCII and the high half.
      const flip = high !== f ? 1 : 0;
      direct[t * 2 + f] = (inSet ? 1 : 2) + flip + (best[next + t * 2 + f] as number);
      how[t * 2 + f] = inSet ? PLAIN : SHIFTED;
    }
  }
}

/**
 * Working memory of the search, reused across calls (small typed arrays cost more to allocate than to fill).
 * best[i*6 + state]: symbol characters needed for items[i..] from that state; move[i*6 + state]: the target
 * state reached by latches first, plus 6 when the character is taken by Shift; direct[t*2+f]: cost of taking
 * items[i] in set t, mode f without latches, how[]: PLAIN or SHIFTED.
 */
const scratch = {
  best: new Int32Array(256 * 6),
  move: new Uint8Array(256 * 6),
  direct: new Int32Array(6),
  how: new Uint8Array(6),
};

/** The minimal symbol values by dynamic programming alone (exported for tests). */
export function shortestCode128Values(items: readonly number[], forced?: Code128Set): number[] {
  const n = items.length;
  const only = forced === undefined ? -1 : 'ABC'.indexOf(forced);
  if (scratch.best.length < (n + 1) * 6) {
    scratch.best = new Int32Array((n + 1) * 6);
    scratch.move = new Uint8Array((n + 1) * 6);
  }
  const { best, move, direct, how } = scratch;
  best.fill(0, n * 6, n * 6 + 6);
  for (let i = n - 1; i >= 0; i--) {
    takeCosts(items, i, only, best, direct, how);
    // Cheapest target per mode f: any set (reached by a code set latch, cost 1), or A/B only (the target of
    // FNC4 FNC4, which is written after any code set latch and costs 2).
    const any0 = argMin3(direct, 0);
    const any1 = argMin3(direct, 1);
    const ab0 = (direct[2] as number) < (direct[0] as number) ? 2 : 0;
    const ab1 = (direct[3] as number) < (direct[1] as number) ? 3 : 1;
    const row = i * 6;
    for (let k = 0; k < 6; k++) {
      const e = k & 1;
      const toggled = k ^ 1;
      // Candidates in order of preference on ties: stay, code set latch, FNC4 FNC4, both.
      let bestCost = direct[k] as number;
      let bestMove = k;
      const latch = e === 0 ? any0 : any1;
      if (1 + (direct[latch] as number) < bestCost) {
        bestCost = 1 + (direct[latch] as number);
        bestMove = latch;
      }
      if (k < 4 && 2 + (direct[toggled] as number) < bestCost) {
        bestCost = 2 + (direct[toggled] as number);
        bestMove = toggled;
      }
      const both = e === 0 ? ab1 : ab0;
      if (3 + (direct[both] as number) < bestCost) {
        bestCost = 3 + (direct[both] as number);
        bestMove = both;
      }
      best[row + k] = Math.min(bestCost, INF);
      move[row + k] = bestMove + 6 * (how[bestMove] as number);
    }
  }
  let set = -1;
  let startCost = INF;
  // Preference on ties: C, then B, then A (the start character is the latch into the first set).
  for (const s of [2, 1, 0]) {
    if (only >= 0 && only !== s) continue;
    const c =
      n === 0 ? 0 : Math.min(direct[s * 2] as number, s === 2 ? INF : 2 + (direct[s * 2 + 1] as number));
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
  let extended = 0;
  let i = 0;
  while (i < n) {
    const step = move[i * 6 + set * 2 + extended] as number;
    const target = (step % 6) >> 1;
    const mode = step % 2;
    const kind = step >= 6 ? SHIFTED : PLAIN;
    if (target !== set) {
      values.push((LATCH[set] as number[])[target] as number);
      set = target;
    }
    if (mode !== extended) {
      values.push(FNC4[set] as number, FNC4[set] as number);
      extended = mode;
    }
    const c = items[i] as number;
    if (c === FNC1_ITEM) {
      values.push(FNC1);
      i++;
    } else if (set === 2) {
      values.push((c - 48) * 10 + ((items[i + 1] as number) - 48));
      i += 2;
    } else {
      // zint's order: FNC4 (in the current set), then Shift, then the character in the other set.
      if (c > 127 !== (extended === 1)) values.push(FNC4[set] as number);
      const useSet = kind === SHIFTED ? 1 - set : set;
      if (kind === SHIFTED) values.push(SHIFT);
      values.push(useSet === 0 ? valueA(c) : valueB(c));
      i++;
    }
  }
  return values;
}

/** Modules (1 bar, 0 space) from element widths starting with a bar. */
const modulesOf = (widths: string) =>
  Array.from(widths).flatMap((w, k) => new Array<number>(Number(w)).fill(k % 2 === 0 ? 1 : 0));
/** Modules of each symbol value 0–105 as 11 bits, first module highest. */
const MODULE_BITS = PATTERNS.map((widths) => modulesOf(widths).reduce((bits, m) => bits * 2 + m, 0));
const STOP_MODULES = Uint8Array.from(modulesOf(STOP));

/** Modules for symbol values (start first): appends the mod-103 check and the stop. */
export function code128Modules(values: readonly number[]): Uint8Array {
  let sum = values[0] as number;
  for (let i = 1; i < values.length; i++) sum += i * (values[i] as number);
  const out = new Uint8Array((values.length + 1) * 11 + 13);
  let pos = 0;
  const put = (value: number) => {
    const bits = MODULE_BITS[value] as number;
    for (let b = 10; b >= 0; b--) out[pos++] = (bits >> b) & 1;
  };
  for (const v of values) put(v);
  put(sum % 103);
  out.set(STOP_MODULES, pos);
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
 * Encode Code 128 with the shortest mix of code sets A, B and C (ISO 8859-1 text; FNC4 for 128–255, with
 * FNC4 FNC4 extended mode for runs).
 * @example encodeCode128('AB').modules.length // 57
 */
export function encodeCode128(data: string, options: Code128Options = {}): LinearSymbol {
  const symbology = 'code128';
  const items = code128Items(symbology, data);
  const forced = options.codeSet === undefined || options.codeSet === 'auto' ? undefined : options.codeSet;
  const values = code128Values(items, forced);
  return linearSymbol(symbology, code128Modules(values), data, { left: 10, right: 10 });
}
