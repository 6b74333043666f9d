// Lookup structures over the generated LC tables, built on first use so that importing the package
// costs nothing until MARC-8 is actually met (the EACC table alone has ~16,000 entries).
import { EACC_COUNT, EACC_ENCODER_OVERRIDES, EACC_PACKED } from './tables/eacc.generated.js';
import { SINGLE_BYTE_ENCODER_OVERRIDES, SINGLE_BYTE_SETS } from './tables/marc8-sets.generated.js';

/** MARC-8 character set final bytes (the F in `ESC ( F`). */
export const SET = {
  basicLatin: 0x42,
  ansel: 0x45,
  greekSymbols: 0x67,
  subscripts: 0x62,
  superscripts: 0x70,
  hebrew: 0x32,
  basicCyrillic: 0x4e,
  extendedCyrillic: 0x51,
  basicArabic: 0x33,
  extendedArabic: 0x34,
  basicGreek: 0x53,
  eacc: 0x31,
} as const;

export const FLAG_COMBINING = 1;
/** Right half of a double diacritic: its left half already produced the Unicode mark. */
export const FLAG_RIGHT_HALF = 2;

/** One set's decoding table: for a 7-bit code, code point + 1 (0 = unmapped) and flags. */
export interface SingleByteTable {
  readonly codePoints: Int32Array;
  readonly flags: Uint8Array;
}

/** What the encoder writes for a code point. */
export interface Marc8Target {
  readonly set: number;
  /** 7-bit code (single-byte sets, or raw C1 byte 0x88-0x8E) or EACC index. */
  readonly code: number;
  readonly combining: boolean;
  /** For the left half of a double diacritic: the 7-bit code of its right half. */
  readonly rightHalf?: number;
}

let singleTables: Map<number, SingleByteTable> | undefined;
let ansel1: Map<number, number> | undefined;
let eaccForward: Map<number, number> | undefined;
let reverse: Map<number, Marc8Target> | undefined;

export function singleByteTable(set: number): SingleByteTable | undefined {
  if (!singleTables) buildSingle();
  return singleTables!.get(set);
}

/** ANSEL's C1 controls (0x88 NSB, 0x89 NSE, 0x8D ZWJ, 0x8E ZWNJ), valid whatever G1 holds. */
export function anselC1(byte: number): number | undefined {
  if (!ansel1) buildSingle();
  return ansel1!.get(byte);
}

function buildSingle(): void {
  singleTables = new Map();
  ansel1 = new Map();
  for (const [set, entries] of SINGLE_BYTE_SETS) {
    const codePoints = new Int32Array(128);
    const flags = new Uint8Array(128);
    for (const [code, cp, flag] of entries) {
      if (code >= 0x80) {
        ansel1.set(code, cp);
        continue;
      }
      codePoints[code] = cp + 1;
      flags[code] = flag;
    }
    singleTables.set(set, { codePoints, flags });
  }
}

/** EACC index of three 7-bit bytes (already stripped of the G1 high bit). */
export function eaccIndex(b1: number, b2: number, b3: number): number {
  return (b1 << 14) | (b2 << 7) | b3;
}

export function eaccCodePoint(index: number): number | undefined {
  if (!eaccForward) eaccForward = unpackEacc();
  return eaccForward.get(index);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function unpackEacc(): Map<number, number> {
  const digit = new Int8Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) digit[B64.charCodeAt(i)] = i;
  const map = new Map<number, number>();
  let pos = 0;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const d = digit[EACC_PACKED.charCodeAt(pos++)]!;
      value += (d & 31) * scale;
      if ((d & 32) === 0) return value;
      scale *= 32;
    }
  };
  let index = -1;
  let cp = 0;
  while (pos < EACC_PACKED.length) {
    index += next() + 1;
    const z = next();
    cp += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    map.set(index, cp);
  }
  if (map.size !== EACC_COUNT) throw new Error(`EACC table corrupt: ${map.size} of ${EACC_COUNT} entries`);
  return map;
}

/** Code point → MARC-8 target, following MARC::Charset's choice where several sets hold a character. */
export function marc8Target(cp: number): Marc8Target | undefined {
  if (!reverse) reverse = buildReverse();
  return reverse.get(cp);
}

function buildReverse(): Map<number, Marc8Target> {
  const map = new Map<number, Marc8Target>();
  const anselRightHalves = new Map<number, number>();
  for (const [set, entries] of SINGLE_BYTE_SETS) {
    for (const [code, cp, flag] of entries) {
      if (set === SET.basicLatin && code < 0x20) continue; // C0 controls are passed through, not mapped
      if ((flag & FLAG_RIGHT_HALF) !== 0) anselRightHalves.set(cp, code);
      if (!map.has(cp)) map.set(cp, { set, code, combining: (flag & FLAG_COMBINING) !== 0 });
    }
  }
  // Double diacritics: U+0361 (ligature) and U+0360 (double tilde) are written as a left half before
  // the first letter and a right half before the second.
  for (const [left, right] of [
    [0x0361, 0xfe21],
    [0x0360, 0xfe23],
  ] as const) {
    const target = map.get(left);
    const rightCode = anselRightHalves.get(right);
    if (target && rightCode !== undefined) map.set(left, { ...target, rightHalf: rightCode });
  }
  for (const [cp, set, code] of SINGLE_BYTE_ENCODER_OVERRIDES) {
    const old = map.get(cp);
    map.set(cp, { set, code, combining: old?.combining ?? false });
  }
  if (!eaccForward) eaccForward = unpackEacc();
  for (const [index, cp] of eaccForward) {
    if (!map.has(cp)) map.set(cp, { set: SET.eacc, code: index, combining: false });
  }
  for (const [cp, index] of EACC_ENCODER_OVERRIDES)
    map.set(cp, { set: SET.eacc, code: index, combining: false });
  return map;
}
