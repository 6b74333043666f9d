// QR data analysis: which modes each character can use, the optimal segmentation (shortest bit stream,
// a shortest path over characters × modes), and writing the segments as a bit stream.
import { BarcodeError } from '../errors.js';
import { kanjiValue } from './kanji.js';
import { COUNT_BITS } from './tables.js';

export const NUMERIC = 0;
export const ALPHANUMERIC = 1;
export const BYTE = 2;
export const KANJI = 3;
export const MODE_NAMES = ['numeric', 'alphanumeric', 'byte', 'kanji'] as const;
export type QrMode = (typeof MODE_NAMES)[number];
const MODE_INDICATORS = [0b0001, 0b0010, 0b0100, 0b1000];

const ALNUM_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Alphanumeric value per ASCII code, -1 outside the 45-character set. */
export const ALNUM_VALUE: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALNUM_CHARS.length; i++) t[ALNUM_CHARS.charCodeAt(i)] = i;
  return t;
})();
export { ALNUM_CHARS };

/** How byte-mode characters become bytes ('ascii': only ASCII in byte mode, the rest must be kanji). */
export type ByteCharset = 'latin1' | 'ascii' | 'utf8' | 'raw';

/** The input as units (code points, or bytes for binary input) with what each mode needs. */
export interface PreparedInput {
  readonly units: Int32Array;
  /** UTF-16 index of each unit in the caller's string (byte index for binary input). */
  readonly positions: Int32Array;
  readonly charset: ByteCharset;
  /** Byte-mode length of each unit under the charset (0 = not representable). */
  readonly byteLength: Uint8Array;
  /** Kanji-mode value of each unit, -1 when not available. */
  readonly kanji: Int16Array;
  /** ECI designator to announce first, or 0 for none. */
  readonly eci: number;
}

export function prepareString(
  text: string,
  charset: 'latin1' | 'ascii' | 'utf8',
  eci: number,
  allowKanji: boolean,
): PreparedInput {
  let units = new Int32Array(text.length);
  let positions = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    units[n] = cp;
    positions[n++] = i;
    i += cp > 0xffff ? 2 : 1;
  }
  if (n < text.length) {
    units = units.slice(0, n);
    positions = positions.slice(0, n);
  }
  const byteLength = new Uint8Array(n);
  const kanji = new Int16Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const cp = units[i]!;
    if (charset === 'latin1') byteLength[i] = cp <= 0xff ? 1 : 0;
    else if (charset === 'ascii') byteLength[i] = cp < 0x80 ? 1 : 0;
    // Lone surrogates cannot be UTF-8; they stay unrepresentable in byte mode.
    else
      byteLength[i] =
        cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp >= 0xd800 && cp <= 0xdfff ? 0 : cp < 0x10000 ? 3 : 4;
    if (allowKanji) kanji[i] = kanjiValue(cp);
  }
  return { units, positions, charset, byteLength, kanji, eci };
}

export function prepareBytes(bytes: Uint8Array): PreparedInput {
  const n = bytes.length;
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[i] = i;
  return {
    units: Int32Array.from(bytes),
    positions,
    charset: 'raw',
    byteLength: new Uint8Array(n).fill(1),
    kanji: new Int16Array(n).fill(-1),
    eci: 0,
  };
}

/** Bit m set when mode m can carry unit i. */
function usableModes(input: PreparedInput, i: number): number {
  const u = input.units[i]!;
  return (
    (u >= 0x30 && u <= 0x39 ? 1 : 0) |
    (u < 128 && ALNUM_VALUE[u]! >= 0 ? 2 : 0) |
    (input.byteLength[i]! > 0 ? 4 : 0) |
    (input.kanji[i]! >= 0 ? 8 : 0)
  );
}

/** Index of the first unit no mode in `modes` can carry, or -1. */
export function firstUnencodable(input: PreparedInput, modes: readonly number[]): number {
  let allowed = 0;
  for (const m of modes) allowed |= 1 << m;
  for (let i = 0; i < input.units.length; i++) if ((usableModes(input, i) & allowed) === 0) return i;
  return -1;
}

/** A run of units [start, end) in one mode. */
export interface Segment {
  readonly mode: number;
  readonly start: number;
  readonly end: number;
}

const INF = 0x3fffffff;

/**
 * Optimal mode per unit for one version group: dynamic programming over (unit, mode) with costs in
 * sixths of a bit (numeric 10/3, alphanumeric 11/2 per character), rounding up when a segment ends.
 */
export function optimalSegments(input: PreparedInput, group: number, modes: readonly number[]): Segment[] {
  const n = input.units.length;
  if (n === 0) return [];
  const counts = COUNT_BITS[group]!;
  let allowed = 0;
  for (const m of modes) allowed |= 1 << m;
  const header = new Int32Array(4);
  for (let m = 0; m < 4; m++) header[m] = (4 + counts[m]!) * 6;
  // from[i*4 + m]: mode of unit i on the best path that is in mode m after unit i.
  const from = new Int8Array(n * 4);
  let prev = new Int32Array(4);
  const cur = new Int32Array(4);
  for (let m = 0; m < 4; m++) prev[m] = allowed & (1 << m) ? header[m]! : INF;
  const { byteLength } = input;
  let usable = allowed & usableModes(input, 0);
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < 4; m++) {
      if (!(usable & (1 << m)) || prev[m]! >= INF) {
        cur[m] = INF;
        continue;
      }
      cur[m] =
        prev[m]! + (m === NUMERIC ? 20 : m === ALPHANUMERIC ? 33 : m === BYTE ? 48 * byteLength[i]! : 78);
      from[i * 4 + m] = m;
    }
    const next = prev; // reuse the old row
    next.set(cur);
    // Switching after unit i: finish the segment (round up to whole bits) and pay the new header. Only
    // modes the next unit can use are worth entering; after the last unit there is nothing to switch to.
    const nextUsable = i + 1 < n ? allowed & usableModes(input, i + 1) : 0;
    for (let to = 0; to < 4; to++) {
      if (!(nextUsable & (1 << to))) continue;
      let best = cur[to]!;
      for (let m = 0; m < 4; m++) {
        if (m === to || cur[m]! >= INF) continue;
        const c = (((cur[m]! + 5) / 6) | 0) * 6 + header[to]!;
        if (c < best) {
          best = c;
          from[i * 4 + to] = m;
        }
      }
      next[to] = best;
    }
    prev = next;
    usable = nextUsable;
  }
  let best = -1;
  for (let m = 0; m < 4; m++) {
    if (prev[m]! < INF && (best < 0 || Math.ceil(prev[m]! / 6) < Math.ceil(prev[best]! / 6))) best = m;
  }
  if (best < 0) throw new Error('unreachable: unit without a mode');
  const unitModes = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    best = from[i * 4 + best]!;
    unitModes[i] = best;
  }
  return splitLongSegments(input, runs(unitModes), group);
}

/** All units in one mode (forced mode), checked by the caller. */
export function singleSegment(input: PreparedInput, mode: number, group: number): Segment[] {
  const n = input.units.length;
  return n === 0 ? [] : splitLongSegments(input, [{ mode, start: 0, end: n }], group);
}

function runs(unitModes: Uint8Array): Segment[] {
  const segs: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= unitModes.length; i++) {
    if (i === unitModes.length || unitModes[i] !== unitModes[start]) {
      segs.push({ mode: unitModes[start]!, start, end: i });
      start = i;
    }
  }
  return segs;
}

/** Character count of a segment as the count field holds it (bytes for byte mode). */
function countOf(input: PreparedInput, seg: Segment): number {
  if (seg.mode !== BYTE) return seg.end - seg.start;
  let c = 0;
  for (let i = seg.start; i < seg.end; i++) c += input.byteLength[i]!;
  return c;
}

/** Keep every count within its field (only reachable for data beyond one segment's capacity). */
function splitLongSegments(input: PreparedInput, segs: Segment[], group: number): Segment[] {
  const out: Segment[] = [];
  for (const seg of segs) {
    const max = (1 << COUNT_BITS[group]![seg.mode]!) - 1;
    if (countOf(input, seg) <= max) {
      out.push(seg);
      continue;
    }
    let start = seg.start;
    let count = 0;
    for (let i = seg.start; i < seg.end; i++) {
      const len = seg.mode === BYTE ? input.byteLength[i]! : 1;
      if (count + len > max) {
        out.push({ mode: seg.mode, start, end: i });
        start = i;
        count = 0;
      }
      count += len;
    }
    out.push({ mode: seg.mode, start, end: seg.end });
  }
  return out;
}

/** Length in bits of the whole stream before the terminator. */
export function streamBits(input: PreparedInput, segs: readonly Segment[], group: number): number {
  let bits = input.eci > 0 ? 4 + eciLength(input.eci) * 8 : 0;
  for (const seg of segs) {
    const n = seg.end - seg.start;
    bits += 4 + COUNT_BITS[group]![seg.mode]!;
    if (seg.mode === NUMERIC) bits += Math.floor(n / 3) * 10 + [0, 4, 7][n % 3]!;
    else if (seg.mode === ALPHANUMERIC) bits += (n >> 1) * 11 + (n & 1) * 6;
    else if (seg.mode === BYTE) bits += countOf(input, seg) * 8;
    else bits += n * 13;
  }
  return bits;
}

function eciLength(designator: number): number {
  return designator < 128 ? 1 : designator < 16384 ? 2 : 3;
}

/** Big-endian bit writer into a fixed codeword buffer. */
export class BitWriter {
  readonly bytes: Uint8Array;
  bitLength = 0;
  constructor(capacityBytes: number) {
    this.bytes = new Uint8Array(capacityBytes);
  }
  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      if ((value >>> i) & 1) this.bytes[this.bitLength >> 3]! |= 0x80 >> (this.bitLength & 7);
      this.bitLength++;
    }
  }
}

export function writeSegments(
  w: BitWriter,
  input: PreparedInput,
  segs: readonly Segment[],
  group: number,
): void {
  if (input.eci > 0) {
    w.write(0b0111, 4);
    const e = input.eci;
    if (e < 128) w.write(e, 8);
    else if (e < 16384) w.write(0x8000 | e, 16);
    else w.write(0xc00000 | e, 24);
  }
  const { units } = input;
  for (const seg of segs) {
    w.write(MODE_INDICATORS[seg.mode]!, 4);
    w.write(countOf(input, seg), COUNT_BITS[group]![seg.mode]!);
    const { start, end } = seg;
    if (seg.mode === NUMERIC) {
      let i = start;
      for (; i + 3 <= end; i += 3)
        w.write((units[i]! - 48) * 100 + (units[i + 1]! - 48) * 10 + units[i + 2]! - 48, 10);
      if (end - i === 2) w.write((units[i]! - 48) * 10 + units[i + 1]! - 48, 7);
      else if (end - i === 1) w.write(units[i]! - 48, 4);
    } else if (seg.mode === ALPHANUMERIC) {
      let i = start;
      for (; i + 2 <= end; i += 2) w.write(ALNUM_VALUE[units[i]!]! * 45 + ALNUM_VALUE[units[i + 1]!]!, 11);
      if (i < end) w.write(ALNUM_VALUE[units[i]!]!, 6);
    } else if (seg.mode === BYTE) {
      for (let i = start; i < end; i++) writeUnitBytes(w, units[i]!, input.charset);
    } else {
      for (let i = start; i < end; i++) w.write(input.kanji[i]!, 13);
    }
  }
}

function writeUnitBytes(w: BitWriter, cp: number, charset: ByteCharset): void {
  if (charset !== 'utf8' || cp < 0x80) w.write(cp, 8);
  else if (cp < 0x800) w.write(((0xc0 | (cp >> 6)) << 8) | (0x80 | (cp & 0x3f)), 16);
  else if (cp < 0x10000) {
    w.write(0xe0 | (cp >> 12), 8);
    w.write(((0x80 | ((cp >> 6) & 0x3f)) << 8) | (0x80 | (cp & 0x3f)), 16);
  } else {
    w.write(((0xf0 | (cp >> 18)) << 8) | (0x80 | ((cp >> 12) & 0x3f)), 16);
    w.write(((0x80 | ((cp >> 6) & 0x3f)) << 8) | (0x80 | (cp & 0x3f)), 16);
  }
}

export function modeError(input: PreparedInput, index: number, what: string): BarcodeError {
  const position = input.positions[index]!;
  const cp = input.units[index]!;
  const character = input.charset === 'raw' ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  const shown =
    cp < 0x20 || cp === 0x7f ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${character}'`;
  return new BarcodeError(
    'INVALID_CHARACTER',
    `qr: invalid character ${shown} at position ${position} (${what})`,
    {
      position,
      character,
      symbology: 'qr',
    },
  );
}
