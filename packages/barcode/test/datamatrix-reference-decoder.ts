// A reference Data Matrix ECC 200 reader for tests: checks finder and clock patterns, lifts the mapping
// matrix out of the data regions, reads codewords (Annex F placement, shared with the encoder and
// checked against zint separately), verifies every block's Reed–Solomon syndromes, and decodes all six
// encodations independently of the encoder, including pads, ECI, upper shift and Base 256 randomising.
import { mappingOrder } from '../src/datamatrix/placement.js';
import { DATA_MATRIX_SIZES } from '../src/datamatrix/sizes.js';
import type { MatrixSymbol } from '../src/symbol.js';

export interface DecodedDataMatrix {
  readonly size: string;
  readonly bytes: Uint8Array;
  /** Bytes read as text: UTF-8 after ECI 26, else Latin-1. */
  readonly text: string;
  readonly eci: readonly number[];
  /** Encodations in the order they were used. */
  readonly modes: readonly string[];
  /** Data codewords before the first pad. */
  readonly dataCodewords: number;
  /** All data codewords, pads included. */
  readonly codewords: readonly number[];
}

export function decodeDataMatrix(sym: MatrixSymbol): DecodedDataMatrix {
  const info = DATA_MATRIX_SIZES.find((s) => s.rows === sym.height && s.columns === sym.width);
  if (!info) throw new Error(`no Data Matrix size ${sym.height}x${sym.width}`);
  const { rows, columns, regionRows, regionColumns } = info;
  const at = (r: number, c: number) => sym.modules[r * columns + c]!;
  const regionH = rows / regionRows - 2;
  const regionW = columns / regionColumns - 2;
  for (let rr = 0; rr < regionRows; rr++) {
    const top = rr * (regionH + 2);
    for (let c = 0; c < columns; c++) {
      if (at(top + regionH + 1, c) !== 1) throw new Error(`finder bottom edge at ${c}`);
      if (at(top, c) !== (c % 2 === 0 ? 1 : 0)) throw new Error(`clock top edge at ${c}`);
    }
  }
  for (let rc = 0; rc < regionColumns; rc++) {
    const left = rc * (regionW + 2);
    for (let r = 0; r < rows; r++) {
      if (at(r, left) !== 1) throw new Error(`finder left edge at ${r}`);
      if (at(r, left + regionW + 1) !== (r % 2 === 1 ? 1 : 0)) throw new Error(`clock right edge at ${r}`);
    }
  }
  const mapRows = regionH * regionRows;
  const mapCols = regionW * regionColumns;
  const order = mappingOrder(mapRows, mapCols);
  const total = info.dataCodewords + info.ecCodewords;
  const cw = new Uint8Array(total);
  for (let mr = 0; mr < mapRows; mr++) {
    for (let mc = 0; mc < mapCols; mc++) {
      const r = Math.floor(mr / regionH) * (regionH + 2) + 1 + (mr % regionH);
      const c = Math.floor(mc / regionW) * (regionW + 2) + 1 + (mc % regionW);
      const o = order[mr * mapCols + mc]!;
      if (o < 0) {
        if (at(r, c) !== ((mr + mc) % 2 === 0 ? 1 : 0)) throw new Error('fixed corner pattern');
        continue;
      }
      if (at(r, c)) cw[o >> 3]! |= 1 << (o & 7);
    }
  }
  checkBlocks(info.dataCodewords, info.ecCodewords, info.blocks, info.rows === 144, cw);
  return {
    size: info.name,
    codewords: Array.from(cw.subarray(0, info.dataCodewords)),
    ...decodeCodewords(cw.subarray(0, info.dataCodewords)),
  };
}

// GF(256) with 0x12D.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  EXP[i + 255] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x12d;
}

function checkBlocks(data: number, ec: number, blocks: number, skew: boolean, cw: Uint8Array): void {
  const ecPer = ec / blocks;
  for (let b = 0; b < blocks; b++) {
    const block: number[] = [];
    for (let k = b; k < data; k += blocks) block.push(cw[k]!);
    const slot = skew ? (b < 8 ? b + 2 : b - 8) : b;
    for (let j = 0; j < ecPer; j++) block.push(cw[data + j * blocks + slot]!);
    for (let i = 1; i <= ecPer; i++) {
      let s = 0;
      for (const v of block) s = (s === 0 ? 0 : EXP[LOG[s]! + i]!) ^ v;
      if (s !== 0) throw new Error(`RS syndrome ${i} of block ${b}`);
    }
  }
}

const C40_SHIFT2 = '!"#$%&\'()*+,-./:;<=>?@[\\]^_';

function decodeCodewords(cw: Uint8Array): Omit<DecodedDataMatrix, 'size' | 'codewords'> {
  const bytes: number[] = [];
  const modes: string[] = ['ascii'];
  const eci: number[] = [];
  let i = 0;
  let upper = false;
  let dataCodewords = cw.length;
  const emit = (b: number) => {
    bytes.push(upper ? b + 128 : b);
    upper = false;
  };
  const n = cw.length;
  outer: while (i < n) {
    const c = cw[i++]!;
    if (c === 129) {
      dataCodewords = i - 1;
      // Every following pad must be the 253-state value for its position.
      for (let p = i; p < n; p++) {
        const r = 129 + ((149 * (p + 1)) % 253) + 1;
        if (cw[p] !== (r <= 254 ? r : r - 254)) throw new Error(`pad at ${p}`);
      }
      break;
    }
    if (c >= 1 && c <= 128) emit(c - 1);
    else if (c >= 130 && c <= 229) {
      const v = c - 130;
      emit(48 + Math.floor(v / 10));
      emit(48 + (v % 10));
    } else if (c === 235) upper = true;
    else if (c === 254 && (i === n || cw[i] === 129)) {
      // An unlatch as the last data codeword after C40/Text/X12 (zint and we write it) reads as nothing.
    } else if (c === 241) {
      const e = cw[i++]!;
      if (e > 127) throw new Error('only 1-codeword ECIs expected');
      eci.push(e - 1);
    } else if (c === 230 || c === 239) {
      const text = c === 239;
      modes.push(text ? 'text' : 'c40');
      let shift = 0;
      while (n - i >= 2) {
        if (cw[i] === 254) {
          i++;
          modes.push('ascii');
          continue outer;
        }
        const v = cw[i]! * 256 + cw[i + 1]! - 1;
        i += 2;
        for (const x of [Math.floor(v / 1600), Math.floor(v / 40) % 40, v % 40]) {
          if (shift === 0) {
            if (x <= 2) shift = x + 1;
            else if (x === 3) emit(32);
            else if (x <= 13) emit(44 + x);
            else emit(text ? 83 + x : 51 + x);
          } else if (shift === 1) {
            emit(x);
            shift = 0;
          } else if (shift === 2) {
            if (x < 27) emit(C40_SHIFT2.charCodeAt(x));
            else if (x === 30) upper = true;
            else throw new Error(`C40 shift 2 value ${x}`);
            shift = 0;
          } else {
            if (text) emit(x === 0 ? 96 : x <= 26 ? 64 + x : 96 + x);
            else emit(96 + x);
            shift = 0;
          }
        }
      }
      modes.push('ascii'); // fewer than 2 codewords left: implied ASCII
    } else if (c === 238) {
      modes.push('x12');
      while (n - i >= 2) {
        if (cw[i] === 254) {
          i++;
          modes.push('ascii');
          continue outer;
        }
        const v = cw[i]! * 256 + cw[i + 1]! - 1;
        i += 2;
        for (const x of [Math.floor(v / 1600), Math.floor(v / 40) % 40, v % 40]) {
          emit(x === 0 ? 13 : x === 1 ? 42 : x === 2 ? 62 : x === 3 ? 32 : x <= 13 ? 44 + x : 51 + x);
        }
      }
      modes.push('ascii');
    } else if (c === 240) {
      modes.push('edifact');
      while (n - i >= 3) {
        const bits = (cw[i]! << 16) | (cw[i + 1]! << 8) | cw[i + 2]!;
        for (let k = 0; k < 4; k++) {
          const v = (bits >> (18 - 6 * k)) & 0x3f;
          if (v === 31) {
            i += Math.ceil((6 * (k + 1)) / 8);
            modes.push('ascii');
            continue outer;
          }
          emit(v < 32 ? v + 64 : v);
        }
        i += 3;
      }
      modes.push('ascii');
    } else if (c === 231) {
      modes.push('base256');
      const unrandom = () => {
        const r = cw[i]! - (((149 * (i + 1)) % 255) + 1);
        i++;
        return r >= 0 ? r : r + 256;
      };
      const d1 = unrandom();
      const len = d1 === 0 ? n - i : d1 <= 249 ? d1 : 250 * (d1 - 249) + unrandom();
      for (let k = 0; k < len; k++) emit(unrandom());
      modes.push('ascii');
    } else throw new Error(`unexpected codeword ${c} at ${i - 1}`);
  }
  const u8 = Uint8Array.from(bytes);
  const text = eci.includes(26)
    ? new TextDecoder('utf-8', { fatal: true }).decode(u8)
    : String.fromCharCode(...u8);
  return { bytes: u8, text, eci, modes: collapse(modes), dataCodewords };
}

function collapse(modes: string[]): string[] {
  return modes.filter((m, k) => k === 0 || m !== modes[k - 1]);
}
