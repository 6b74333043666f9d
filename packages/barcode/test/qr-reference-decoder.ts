// A reference QR decoder for tests, written from ISO/IEC 18004 independently of the encoder's layout code:
// checks the function patterns, reads and checks format/version information, unmasks, reads the
// codewords along the zigzag, de-interleaves, verifies every block's Reed–Solomon syndromes and parses
// the segments back to text. Only the capacity table and the kanji table are shared with the encoder.

import { kanjiCharacter } from '../src/qr/kanji.js';
import { blockLayout } from '../src/qr/tables.js';
import type { MatrixSymbol } from '../src/symbol.js';

export interface DecodedQr {
  readonly version: number;
  readonly level: 'L' | 'M' | 'Q' | 'H';
  readonly mask: number;
  readonly text: string;
  /** Byte-mode payload bytes concatenated (for binary input). */
  readonly bytes: Uint8Array;
  readonly segments: readonly { readonly mode: string; readonly count: number }[];
  readonly eci: readonly number[];
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export function decodeQr(sym: MatrixSymbol): DecodedQr {
  const size = sym.width;
  if (sym.height !== size || (size - 17) % 4 !== 0 || size < 21 || size > 177)
    throw new Error(`bad size ${size}`);
  const version = (size - 17) / 4;
  const at = (r: number, c: number) => sym.modules[r * size + c]!;
  const fn = functionMap(version, size);
  checkFinders(at, size);
  for (let i = 8; i < size - 8; i++) {
    if (at(6, i) !== (i % 2 === 0 ? 1 : 0) || at(i, 6) !== (i % 2 === 0 ? 1 : 0))
      throw new Error('timing pattern');
  }
  if (at(size - 8, 8) !== 1) throw new Error('dark module');
  const { level, mask } = readFormat(at, size);
  if (version >= 7) checkVersionInfo(at, size, version);

  // Zigzag read of every non-function module, unmasked.
  const bits: number[] = [];
  let upward = true;
  for (let right = size - 1; right >= 1; right -= 2, upward = !upward) {
    if (right === 6) right--;
    for (let k = 0; k < size; k++) {
      const r = upward ? size - 1 - k : k;
      for (const c of [right, right - 1]) {
        if (fn[r * size + c]) continue;
        bits.push(at(r, c) ^ (maskBit(mask, r, c) ? 1 : 0));
      }
    }
  }
  const levelIndex = 'LMQH'.indexOf(level);
  const layout = blockLayout(version, levelIndex);
  const codewords = new Uint8Array(layout.totalCodewords);
  for (let i = 0; i < codewords.length; i++) {
    let v = 0;
    for (let b = 0; b < 8; b++) v = (v << 1) | bits[i * 8 + b]!;
    codewords[i] = v;
  }
  for (let i = codewords.length * 8; i < bits.length; i++)
    if (bits[i] !== 0) throw new Error('remainder bit set');
  const data = deinterleave(codewords, layout);
  return { version, level, mask, ...parseSegments(data, version) };
}

function checkFinders(at: (r: number, c: number) => number, size: number): void {
  for (const [r0, c0] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let dy = -1; dy <= 7; dy++) {
      for (let dx = -1; dx <= 7; dx++) {
        const r = r0 + dy;
        const c = c0 + dx;
        if (r < 0 || c < 0 || r >= size || c >= size) continue;
        const d = Math.max(Math.abs(dy - 3), Math.abs(dx - 3));
        if (at(r, c) !== (d === 2 || d === 4 ? 0 : 1)) throw new Error(`finder at ${r0},${c0}`);
      }
    }
  }
}

function functionMap(version: number, size: number): Uint8Array {
  const f = new Uint8Array(size * size);
  const mark = (r: number, c: number) => {
    if (r >= 0 && c >= 0 && r < size && c < size) f[r * size + c] = 1;
  };
  for (let i = 0; i < size; i++) {
    mark(6, i);
    mark(i, 6);
  }
  for (let r = 0; r < 9; r++) for (let c = 0; c < 9; c++) mark(r, c); // finder + separator + format
  for (let r = 0; r < 9; r++) for (let c = size - 8; c < size; c++) mark(r, c);
  for (let r = size - 8; r < size; r++) for (let c = 0; c < 9; c++) mark(r, c);
  if (version >= 2) {
    const n = Math.floor(version / 7) + 2;
    const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (n * 2 - 2)) * 2;
    const centres = [6];
    for (let i = n - 1; i >= 1; i--) centres[i] = size - 7 - (n - 1 - i) * step;
    for (const r of centres) {
      for (const c of centres) {
        if ((r === 6 && c === 6) || (r === 6 && c === size - 7) || (r === size - 7 && c === 6)) continue;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) mark(r + dy, c + dx);
      }
    }
  }
  if (version >= 7) {
    for (let i = 0; i < 6; i++) {
      for (let j = size - 11; j < size - 8; j++) {
        mark(i, j);
        mark(j, i);
      }
    }
  }
  return f;
}

function bchFormat(data5: number): number {
  let v = data5 << 10;
  for (let bit = 14; bit >= 10; bit--) if ((v >> bit) & 1) v ^= 0b10100110111 << (bit - 10);
  return ((data5 << 10) | v) ^ 0b101010000010010;
}

function readFormat(
  at: (r: number, c: number) => number,
  size: number,
): { level: DecodedQr['level']; mask: number } {
  // Copy 1, most significant bit first.
  const posA: [number, number][] = [];
  for (let c = 0; c <= 5; c++) posA.push([8, c]);
  posA.push([8, 7], [8, 8], [7, 8]);
  for (let r = 5; r >= 0; r--) posA.push([r, 8]);
  const posB: [number, number][] = [];
  for (let r = size - 1; r >= size - 7; r--) posB.push([r, 8]);
  for (let c = size - 8; c < size; c++) posB.push([8, c]);
  const read = (pos: [number, number][]) => pos.reduce((v, [r, c]) => (v << 1) | at(r, c), 0);
  const a = read(posA);
  const b = read(posB);
  if (a !== b) throw new Error('format copies differ');
  for (let d = 0; d < 32; d++) {
    if (bchFormat(d) === a) {
      const level = (['M', 'L', 'H', 'Q'] as const)[d >> 3]!;
      return { level, mask: d & 7 };
    }
  }
  throw new Error('format information is not a BCH codeword');
}

function checkVersionInfo(at: (r: number, c: number) => number, size: number, version: number): void {
  let v = version << 12;
  for (let bit = 17; bit >= 12; bit--) if ((v >> bit) & 1) v ^= 0b1111100100101 << (bit - 12);
  const expected = (version << 12) | v;
  for (let i = 0; i < 18; i++) {
    const bit = (expected >> i) & 1;
    const r = Math.floor(i / 3);
    const c = size - 11 + (i % 3);
    if (at(r, c) !== bit || at(c, r) !== bit) throw new Error(`version information bit ${i}`);
  }
}

function maskBit(mask: number, i: number, j: number): boolean {
  switch (mask) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i + j) % 2) + ((i * j) % 3)) % 2 === 0;
  }
}

// GF(256) with 0x11D for syndrome checks.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  EXP[i + 255] = x;
  LOG[x] = i;
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
  x &= 0xff;
}

function syndromesZero(block: number[], ecCount: number): boolean {
  for (let k = 0; k < ecCount; k++) {
    let s = 0;
    for (const cw of block) s = (s === 0 ? 0 : EXP[LOG[s]! + k]!) ^ cw; // Horner at α^k
    if (s !== 0) return false;
  }
  return true;
}

function deinterleave(cw: Uint8Array, layout: ReturnType<typeof blockLayout>): number[] {
  const { blocks, shortBlocks, shortBlockData, ecPerBlock } = layout;
  const lens = Array.from({ length: blocks }, (_, b) => shortBlockData + (b < shortBlocks ? 0 : 1));
  const blockData: number[][] = lens.map(() => []);
  let k = 0;
  for (let i = 0; i <= shortBlockData; i++) {
    for (let b = 0; b < blocks; b++) if (i < lens[b]!) blockData[b]!.push(cw[k++]!);
  }
  const blockEc: number[][] = lens.map(() => []);
  for (let i = 0; i < ecPerBlock; i++) for (let b = 0; b < blocks; b++) blockEc[b]!.push(cw[k++]!);
  for (let b = 0; b < blocks; b++) {
    if (!syndromesZero([...blockData[b]!, ...blockEc[b]!], ecPerBlock))
      throw new Error(`RS syndromes of block ${b}`);
  }
  return blockData.flat();
}

function parseSegments(data: number[], version: number): Omit<DecodedQr, 'version' | 'level' | 'mask'> {
  let pos = 0;
  const total = data.length * 8;
  const read = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++, pos++) v = (v << 1) | ((data[pos >> 3]! >> (7 - (pos & 7))) & 1);
    return v;
  };
  const g = version <= 9 ? 0 : version <= 26 ? 1 : 2;
  const countBits: Record<number, number> = {
    1: [10, 12, 14][g]!,
    2: [9, 11, 13][g]!,
    4: [8, 16, 16][g]!,
    8: [8, 10, 12][g]!,
  };
  let text = '';
  const allBytes: number[] = [];
  const segments: { mode: string; count: number }[] = [];
  const eci: number[] = [];
  let charset = 'latin1';
  while (total - pos >= 4) {
    const mode = read(4);
    if (mode === 0) break;
    if (mode === 7) {
      const first = read(8);
      const designator =
        first < 0x80
          ? first
          : first < 0xc0
            ? ((first & 0x3f) << 8) | read(8)
            : ((first & 0x1f) << 16) | read(16);
      eci.push(designator);
      if (designator === 26) charset = 'utf8';
      else if (designator === 3 || designator === 1) charset = 'latin1';
      else throw new Error(`unexpected ECI ${designator}`);
      continue;
    }
    const bitsFor = countBits[mode];
    if (bitsFor === undefined) throw new Error(`unknown mode indicator ${mode}`);
    const count = read(bitsFor);
    if (mode === 1) {
      segments.push({ mode: 'numeric', count });
      let left = count;
      for (; left >= 3; left -= 3) text += read(10).toString().padStart(3, '0');
      if (left === 2) text += read(7).toString().padStart(2, '0');
      else if (left === 1) text += read(4).toString();
    } else if (mode === 2) {
      segments.push({ mode: 'alphanumeric', count });
      let left = count;
      for (; left >= 2; left -= 2) {
        const v = read(11);
        text += ALNUM[Math.floor(v / 45)]! + ALNUM[v % 45]!;
      }
      if (left === 1) text += ALNUM[read(6)]!;
    } else if (mode === 4) {
      segments.push({ mode: 'byte', count });
      const bytes: number[] = [];
      for (let i = 0; i < count; i++) bytes.push(read(8));
      allBytes.push(...bytes);
      text +=
        charset === 'utf8'
          ? new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes))
          : String.fromCharCode(...bytes);
    } else {
      segments.push({ mode: 'kanji', count });
      for (let i = 0; i < count; i++) {
        const ch = kanjiCharacter(read(13));
        if (ch === undefined) throw new Error('kanji value outside the table');
        text += ch;
      }
    }
    if (pos > total) throw new Error('segment runs past the data codewords');
  }
  // Padding: zero bits to the byte boundary, then 0xEC 0x11 alternating.
  const byteStart = (pos + 7) >> 3;
  for (let i = byteStart, pad = 0xec; i < data.length; i++, pad ^= 0xec ^ 0x11) {
    if (data[i] !== pad) throw new Error(`pad codeword ${i} is ${data[i]}`);
  }
  return { text, bytes: Uint8Array.from(allBytes), segments, eci };
}
