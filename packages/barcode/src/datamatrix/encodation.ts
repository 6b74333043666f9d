// Data Matrix ECC 200 data encodation: ASCII (digit pairs, upper shift), C40, Text, X12, EDIFACT and
// Base 256, switching by the look-ahead test of ISO/IEC 16022 Annex P, with the end-of-data rules of
// 5.2.5–5.2.9 (implied unlatch when the symbol is full, C40 shift padding, EDIFACT ASCII tail).

export const ASCII = 0;
export const C40 = 1;
export const TEXT = 2;
export const X12 = 3;
export const EDIFACT = 4;
export const BASE256 = 5;
export type Encodation = 0 | 1 | 2 | 3 | 4 | 5;

const LATCH = [0, 230, 239, 238, 240, 231];
const UNLATCH = 254;
const UPPER_SHIFT = 235;
export const PAD = 129;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isC40Basic = (c: number) => c === 32 || isDigit(c) || (c >= 0x41 && c <= 0x5a);
const isTextBasic = (c: number) => c === 32 || isDigit(c) || (c >= 0x61 && c <= 0x7a);
const isX12Terminator = (c: number) => c === 13 || c === 0x2a || c === 0x3e;
export const isX12 = (c: number) => isX12Terminator(c) || isC40Basic(c);
export const isEdifact = (c: number) => c >= 32 && c <= 94;

/**
 * Capacity of the smallest allowed symbol holding `codewords` data codewords, or Infinity when none does.
 * End-of-data rules depend on it (an unlatch may be left out when the data exactly fills the symbol).
 */
export type CapacityFor = (codewords: number) => number;

// Look-ahead counts are kept in twelfths so that 1/2, 2/3 and 3/4 stay integral.
const U = 12;
const ceilU = (n: number) => Math.ceil(n / U) * U;

/**
 * ISO/IEC 16022 Annex P look-ahead test: the encodation for the data from `start`, given the current one.
 * With zint's refinements of the standard's constants, which avoid needless Base 256 runs: Base 256 starts
 * at 2 (not 1.25), a Base 256 run is scored like ASCII, ASCII must beat Base 256 strictly in (r)(1), and
 * EDIFACT/X12 ties at the end of data go to the one listed first. `b256Length` is the current field length.
 */
export function lookAhead(data: Uint8Array, start: number, current: Encodation, b256Length = 0): Encodation {
  const fromAscii = current === ASCII || current === BASE256;
  const counts = fromAscii ? [0, U, U, U, U, 2 * U] : [U, 2 * U, 2 * U, 2 * U, 2 * U, 3 * U];
  counts[current] = current === BASE256 && b256Length === 249 ? U : 0;
  for (let p = start; p < data.length; p++) {
    const c = data[p]!;
    const ext = c > 127;
    // (l) ASCII
    counts[ASCII] = isDigit(c) ? counts[ASCII]! + U / 2 : ceilU(counts[ASCII]!) + (ext ? 2 * U : U);
    // (m) C40, (n) Text, (o) X12, (p) EDIFACT, (q) Base 256
    counts[C40]! += isC40Basic(c) ? 8 : ext ? 32 : 16;
    counts[TEXT]! += isTextBasic(c) ? 8 : ext ? 32 : 16;
    counts[X12]! += isX12(c) ? 8 : ext ? 52 : 40;
    counts[EDIFACT]! += isEdifact(c) ? 9 : ext ? 51 : 39;
    counts[BASE256]! += U;
    if (p - start < 3) continue;
    // (r) after at least four characters
    const [a, c40, text, x12, edf, b256] = counts as [number, number, number, number, number, number];
    if (a + U < b256 && a + U <= Math.min(c40, text, x12, edf)) return ASCII;
    if (b256 + U <= a || b256 + U < Math.min(c40, text, x12, edf)) return BASE256;
    if (edf + U < Math.min(a, c40, text, x12, b256)) return EDIFACT;
    if (text + U < Math.min(a, c40, x12, edf, b256)) return TEXT;
    if (x12 + U < Math.min(a, c40, text, edf, b256)) return X12;
    if (c40 + U < Math.min(a, text, edf, b256)) {
      if (c40 < x12) return C40;
      if (c40 === x12) return x12TerminatorFirst(data, p + 1) ? X12 : C40;
    }
  }
  // (k) end of data: whole codewords
  const [a, c40, text, x12, edf, b256] = counts.map(ceilU) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (a <= Math.min(c40, text, x12, edf, b256)) return ASCII;
  if (b256 < Math.min(a, c40, text, x12, edf)) return BASE256;
  if (edf < Math.min(a, c40, text, b256) && edf <= x12) return EDIFACT;
  if (text < Math.min(a, c40, x12, edf, b256)) return TEXT;
  if (x12 < Math.min(a, c40, text, b256) && x12 <= edf) return X12;
  return C40;
}

/** (r)(6)(ii): does an X12 terminator/separator come before the first non-X12 character? */
function x12TerminatorFirst(data: Uint8Array, from: number): boolean {
  for (let i = from; i < data.length && isX12(data[i]!); i++) if (isX12Terminator(data[i]!)) return true;
  return false;
}

/** C40 / Text values of one byte: basic set, Shift 1/2/3, and Upper Shift for bytes above 127. */
export function triValues(mode: typeof C40 | typeof TEXT, byte: number, out: number[]): number {
  let n = 0;
  let c = byte;
  if (c > 127) {
    out.push(1, 30); // Shift 2, Upper Shift
    n += 2;
    c -= 128;
  }
  const basic = mode === C40 ? isC40Basic(c) : isTextBasic(c);
  if (basic) {
    out.push(c === 32 ? 3 : isDigit(c) ? c - 44 : mode === C40 ? c - 51 : c - 83);
    return n + 1;
  }
  if (c < 32) out.push(0, c);
  else if (c <= 47) out.push(1, c - 33);
  else if (c <= 64) out.push(1, c - 43);
  else if (c <= 95 && (mode === C40 || c >= 91)) out.push(1, c - 69);
  else if (mode === TEXT && c >= 65 && c <= 90) out.push(2, c - 64);
  else out.push(2, c - 96); // C40: ` a-z { | } ~ DEL; Text: ` { | } ~ DEL
  return n + 2;
}

function x12Value(c: number): number {
  return c === 13 ? 0 : c === 0x2a ? 1 : c === 0x3e ? 2 : c === 32 ? 3 : isDigit(c) ? c - 44 : c - 51;
}

/** Number of ASCII codewords for data[from, to). */
function asciiLength(data: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (i + 1 < to && isDigit(data[i]!) && isDigit(data[i + 1]!)) i++;
    else if (data[i]! > 127) n++;
    n++;
  }
  return n;
}

export interface EncodeOptions {
  /** Codewords written first in ASCII mode (ECI, FNC1). */
  readonly prefix?: readonly number[];
  /** Use only ASCII encodation. */
  readonly asciiOnly?: boolean;
}

/** Encode bytes to data codewords (without padding) for symbols chosen by `capacityFor`. */
export function encodeData(
  data: Uint8Array,
  capacityFor: CapacityFor,
  options: EncodeOptions = {},
): number[] {
  const out: number[] = [...(options.prefix ?? [])];
  const n = data.length;
  let pos = 0;
  let mode: Encodation = ASCII;
  // ASCII without look-ahead up to here: after leaving a mode that could not take a character, and at the
  // end of data after C40/Text/X12 backtracking (guarantees progress, never re-latches in a loop).
  let asciiUntil = options.asciiOnly ? n : 0;

  const writeAscii = (): void => {
    const c = data[pos]!;
    if (pos + 1 < n && isDigit(c) && isDigit(data[pos + 1]!)) {
      out.push(130 + (c - 48) * 10 + data[pos + 1]! - 48);
      pos += 2;
    } else if (c > 127) {
      out.push(UPPER_SHIFT, c - 127);
      pos++;
    } else {
      out.push(c + 1);
      pos++;
    }
  };

  while (pos < n) {
    if (mode === ASCII) {
      const c = data[pos]!;
      if (pos < asciiUntil || (pos + 1 < n && isDigit(c) && isDigit(data[pos + 1]!))) {
        writeAscii();
        continue;
      }
      const next = lookAhead(data, pos, ASCII);
      if (next === ASCII) writeAscii();
      else {
        out.push(LATCH[next]!);
        mode = next;
      }
    } else if (mode === C40 || mode === TEXT || mode === X12) {
      const r = triplets(data, pos, mode, out, capacityFor);
      pos = r.pos;
      mode = ASCII;
      asciiUntil = Math.max(asciiUntil, r.asciiUntil);
    } else if (mode === EDIFACT) {
      const r = edifact(data, pos, out, capacityFor);
      pos = r.pos;
      mode = ASCII;
      asciiUntil = Math.max(asciiUntil, r.asciiUntil);
    } else {
      pos = base256(data, pos, out);
      mode = ASCII;
    }
  }
  return out;
}

interface RunResult {
  readonly pos: number;
  readonly asciiUntil: number;
}

/** A C40, Text or X12 run from `pos` (the latch already written); returns in ASCII mode. */
function triplets(
  data: Uint8Array,
  start: number,
  mode: 1 | 2 | 3,
  out: number[],
  capacityFor: CapacityFor,
): RunResult {
  const n = data.length;
  const values: number[] = [];
  const sizes: number[] = [];
  let pos = start;
  let asciiUntil = 0;
  let exitedEarly = false;
  while (pos < n) {
    if (values.length > 0 && values.length % 3 === 0 && lookAhead(data, pos, mode) !== mode) {
      exitedEarly = true;
      break;
    }
    const c = data[pos]!;
    if (mode === X12) {
      if (!isX12(c)) {
        // Only whole triplets can be written: hand the partial one and this character back to ASCII.
        asciiUntil = pos + 1;
        while (values.length % 3 !== 0) {
          values.pop();
          sizes.pop();
          pos--;
        }
        exitedEarly = true;
        break;
      }
      values.push(x12Value(c));
      sizes.push(1);
    } else {
      sizes.push(triValues(mode, c, values));
    }
    pos++;
  }
  let asciiTail = false;
  let filled = false;
  if (!exitedEarly) {
    // End of data (5.2.5.2, 5.2.7): the last partial triplet is padded, implied, or handed back to ASCII.
    for (;;) {
      const rest = values.length % 3;
      const after = out.length + ((values.length - rest) / 3) * 2;
      if (rest === 0) break;
      // Padding or an implied unlatch only when nothing was handed back: the symbol must end here.
      if (pos === n && rest === 2 && mode !== X12 && capacityFor(after + 2) === after + 2) {
        values.push(0); // Shift 1 as padding
        filled = true;
        break;
      }
      if (pos === n && rest === 1 && sizes[sizes.length - 1] === 1 && capacityFor(after + 1) === after + 1) {
        values.pop();
        sizes.pop();
        pos--;
        asciiTail = true; // one ASCII codeword in the last symbol character, unlatch implied
        break;
      }
      values.length -= sizes.pop()!;
      pos--;
    }
    asciiUntil = n;
  }
  for (let i = 0; i + 2 < values.length; i += 3) {
    const v = 1600 * values[i]! + 40 * values[i + 1]! + values[i + 2]! + 1;
    out.push(v >> 8, v & 0xff);
  }
  if (asciiTail) {
    out.push(data[pos]! + 1);
    return { pos: pos + 1, asciiUntil };
  }
  // At the end of data the unlatch is left out only when the symbol is exactly full (as zint does, it is
  // written even when it is the last codeword, which readers then take as ASCII mode already).
  const done = pos >= n;
  if (!filled && (!done || capacityFor(out.length) > out.length)) out.push(UNLATCH);
  return { pos, asciiUntil };
}

/** An EDIFACT run from `pos` (latch written); returns in ASCII mode. */
function edifact(data: Uint8Array, start: number, out: number[], capacityFor: CapacityFor): RunResult {
  const n = data.length;
  const values: number[] = [];
  let pos = start;
  let asciiUntil = 0;
  const flush = (): void => {
    for (let i = 0; i + 3 < values.length; i += 4) pack(values.slice(i, i + 4), out);
    values.splice(0, values.length - (values.length % 4));
  };
  while (pos < n) {
    const c = data[pos]!;
    const atBoundary = values.length % 4 === 0;
    if (!isEdifact(c) || (atBoundary && values.length > 0 && lookAhead(data, pos, EDIFACT) !== EDIFACT)) {
      if (!isEdifact(c)) asciiUntil = pos + 1;
      if (atBoundary) {
        // Readers fall back to ASCII when at most two codewords remain after a triple, so an unlatch
        // there would be read as data: with a short ASCII rest that ends the symbol, leave it out.
        const full = out.length + (values.length / 4) * 3;
        const rest = asciiLength(data, pos, n);
        if (rest <= 2 && capacityFor(full + rest) - full <= 2) {
          flush();
          return { pos, asciiUntil: n };
        }
      }
      values.push(31); // unlatch; the rest of its codeword is zero bits
      flush();
      if (values.length > 0) pack(values, out);
      return { pos, asciiUntil };
    }
    values.push(c & 0x3f);
    pos++;
  }
  // End of data (5.2.8.2): with at most two codewords left the decoder returns to ASCII by itself.
  const rest = values.length % 4;
  const full = out.length + ((values.length - rest) / 4) * 3;
  const tail = asciiLength(data, n - rest, n);
  if (tail <= 2 && capacityFor(full + tail) - full <= 2) {
    values.length -= rest;
    flush();
    for (let i = n - rest; i < n; ) {
      const c = data[i]!;
      if (i + 1 < n && isDigit(c) && isDigit(data[i + 1]!)) {
        out.push(130 + (c - 48) * 10 + data[i + 1]! - 48);
        i += 2;
      } else {
        out.push(c + 1);
        i++;
      }
    }
    return { pos: n, asciiUntil: n };
  }
  values.push(31);
  flush();
  if (values.length > 0) pack(values, out);
  return { pos: n, asciiUntil: n };
}

/** Up to four 6-bit values into three codewords (fewer when fewer values), zero-padded. */
function pack(v: number[], out: number[]): void {
  const bits = ((v[0] ?? 0) << 18) | ((v[1] ?? 0) << 12) | ((v[2] ?? 0) << 6) | (v[3] ?? 0);
  const count = Math.ceil((v.length * 6) / 8);
  out.push(bits >> 16);
  if (count > 1) out.push((bits >> 8) & 0xff);
  if (count > 2) out.push(bits & 0xff);
}

/** A Base 256 run from `pos` (latch written): length field, then bytes, all 255-state randomised. */
function base256(data: Uint8Array, start: number, out: number[]): number {
  const n = data.length;
  let pos = start;
  const bytes: number[] = [];
  while (pos < n) {
    if (bytes.length > 0 && lookAhead(data, pos, BASE256, bytes.length) !== BASE256) break;
    bytes.push(data[pos]!);
    pos++;
  }
  const len = bytes.length;
  const field = len <= 249 ? [len] : [249 + Math.floor(len / 250), len % 250];
  for (const b of [...field, ...bytes]) {
    const position = out.length + 1;
    const r = b + ((149 * position) % 255) + 1;
    out.push(r <= 255 ? r : r - 256);
  }
  return pos;
}

/** Pad codewords to `capacity`: 129 first, then 253-state randomised 129s. */
export function pad(codewords: number[], capacity: number): void {
  if (codewords.length < capacity) codewords.push(PAD);
  while (codewords.length < capacity) {
    const position = codewords.length + 1;
    const r = PAD + ((149 * position) % 253) + 1;
    codewords.push(r <= 254 ? r : r - 254);
  }
}
