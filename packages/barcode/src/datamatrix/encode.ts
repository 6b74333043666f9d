// encodeDataMatrix: bytes → encodation → padding → Reed–Solomon (interleaved) → Annex F placement →
// data regions with their finder and clock borders.
import { BarcodeError } from '../errors.js';
import { makeField, rsEncode } from '../qr/reed-solomon.js';
import type { MatrixSymbol } from '../symbol.js';
import { encodeData, pad } from './encodation.js';
import { mappingOrder } from './placement.js';
import {
  DATA_MATRIX_SIZES,
  type DataMatrixShape,
  type DataMatrixSize,
  type DataMatrixSizeInfo,
  sizesFor,
} from './sizes.js';

export type { DataMatrixShape, DataMatrixSize } from './sizes.js';

export interface DataMatrixOptions {
  /** Which sizes may be chosen when `size` is omitted (default 'square'). */
  readonly shape?: DataMatrixShape;
  /** A fixed size, e.g. '16x16' or '8x32'; the data must fit. */
  readonly size?: DataMatrixSize;
  /**
   * Announce UTF-8 with ECI 26 when the text is not all Latin-1 (default true). With false, such text is
   * written as UTF-8 bytes without ECI.
   */
  readonly eci?: boolean;
  /** Only ASCII encodation (digit pairs, upper shift) instead of the look-ahead choice of encodations. */
  readonly asciiOnly?: boolean;
}

export interface DataMatrixSymbol extends MatrixSymbol {
  readonly symbology: 'datamatrix';
  readonly size: DataMatrixSize;
  /** Data codewords before padding (ECI included). */
  readonly dataCodewords: number;
}

const DM_FIELD = makeField(0x12d, 1);
const ECI_CODEWORD = 241;

export function encodeDataMatrix(
  data: string | Uint8Array,
  options: DataMatrixOptions = {},
): DataMatrixSymbol {
  const shape = options.shape ?? 'square';
  if (shape !== 'square' && shape !== 'rectangle' && shape !== 'any') {
    throw argument(`shape must be square, rectangle or any, got ${String(shape)}`);
  }
  let fixed: DataMatrixSizeInfo | undefined;
  if (options.size !== undefined) {
    fixed = DATA_MATRIX_SIZES.find((s) => s.name === options.size);
    if (!fixed) throw argument(`unknown size ${String(options.size)}`);
  }
  let bytes: Uint8Array;
  let prefix: number[] = [];
  let text: string;
  if (typeof data === 'string') {
    text = data;
    const latin1 = !/[^\x00-\xff]/.test(data);
    bytes = toBytes(data, latin1);
    if (!latin1 && (options.eci ?? true)) prefix = [ECI_CODEWORD, 27]; // ECI 26 (value + 1)
  } else if (data instanceof Uint8Array) {
    bytes = data;
    text = '';
    for (let i = 0; i < data.length; i++) text += String.fromCharCode(data[i]!);
  } else {
    throw argument('data must be a string or Uint8Array');
  }
  const candidates = fixed ? [fixed] : sizesFor(shape);
  const capacityFor = (n: number) => {
    for (const s of candidates) if (s.dataCodewords >= n) return s.dataCodewords;
    return Infinity;
  };
  const asciiOnly = encodeData(bytes, capacityFor, { prefix, asciiOnly: true });
  // The look-ahead is a heuristic: keep plain ASCII when it is shorter (e.g. one byte above 127 among
  // control characters, where the test picks Base 256).
  const mixed = options.asciiOnly ? asciiOnly : encodeData(bytes, capacityFor, { prefix });
  const codewords = mixed.length <= asciiOnly.length ? mixed : asciiOnly;
  const info = candidates.find((s) => s.dataCodewords >= codewords.length);
  if (!info) {
    const max = fixed ?? candidates[candidates.length - 1]!;
    throw new BarcodeError(
      'DATA_TOO_LONG',
      `datamatrix: data needs ${codewords.length} codewords, ${max.name} holds ${max.dataCodewords}`,
      { symbology: 'datamatrix' },
    );
  }
  const dataCount = codewords.length;
  pad(codewords, info.dataCodewords);
  const modules = render(info, withErrorCorrection(info, Uint8Array.from(codewords)));
  return {
    kind: 'matrix',
    symbology: 'datamatrix',
    width: info.columns,
    height: info.rows,
    modules,
    quietZone: 1,
    text,
    size: info.name,
    dataCodewords: dataCount,
  };
}

/** Latin-1 bytes, or UTF-8 (lone surrogates are rejected: they have no UTF-8 form). */
function toBytes(text: string, latin1: boolean): Uint8Array {
  if (latin1) {
    const b = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i);
    return b;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    }
    throw new BarcodeError('INVALID_CHARACTER', `datamatrix: lone surrogate at position ${i}`, {
      position: i,
      character: text[i]!,
      symbology: 'datamatrix',
    });
  }
  return new TextEncoder().encode(text);
}

/**
 * Data codewords followed by the interleaved EC codewords. Codeword k belongs to block k mod blocks.
 * For 144×144 the EC codewords of the two shorter blocks come first in each round: the convention of
 * zint, BWIPP and ZXing, which readers expect (the standard's text differs; see zxing-cpp issue 259).
 */
function withErrorCorrection(info: DataMatrixSizeInfo, data: Uint8Array): Uint8Array {
  const { blocks, dataCodewords, ecCodewords } = info;
  const ecPerBlock = ecCodewords / blocks;
  const out = new Uint8Array(dataCodewords + ecCodewords);
  out.set(data);
  const block = new Uint8Array(Math.ceil(dataCodewords / blocks));
  const ec = new Uint8Array(ecPerBlock);
  const skew = info.rows === 144;
  for (let b = 0; b < blocks; b++) {
    let len = 0;
    for (let k = b; k < dataCodewords; k += blocks) block[len++] = data[k]!;
    rsEncode(DM_FIELD, ecPerBlock, block, 0, len, ec, 0);
    const slot = skew ? (b < 8 ? b + 2 : b - 8) : b;
    for (let j = 0; j < ecPerBlock; j++) out[dataCodewords + j * blocks + slot] = ec[j]!;
  }
  return out;
}

/** Place codewords in the mapping matrix and draw each data region with its L finder and clock track. */
function render(info: DataMatrixSizeInfo, codewords: Uint8Array): Uint8Array {
  const { rows, columns, regionRows, regionColumns } = info;
  const regionH = rows / regionRows - 2;
  const regionW = columns / regionColumns - 2;
  const mapRows = regionH * regionRows;
  const mapCols = regionW * regionColumns;
  const order = mappingOrder(mapRows, mapCols);
  const modules = new Uint8Array(rows * columns);
  for (let mr = 0; mr < mapRows; mr++) {
    const row = Math.floor(mr / regionH) * (regionH + 2) + 1 + (mr % regionH);
    for (let mc = 0; mc < mapCols; mc++) {
      const col = Math.floor(mc / regionW) * (regionW + 2) + 1 + (mc % regionW);
      const o = order[mr * mapCols + mc]!;
      // The fixed 2×2 corner: dark top-left and bottom-right.
      const dark = o < 0 ? (mr + mc) % 2 === 0 : (codewords[o >> 3]! >> (o & 7)) & 1;
      modules[row * columns + col] = dark ? 1 : 0;
    }
  }
  for (let rr = 0; rr < regionRows; rr++) {
    const top = rr * (regionH + 2);
    const bottom = top + regionH + 1;
    for (let col = 0; col < columns; col++) {
      modules[bottom * columns + col] = 1; // solid bottom edge
      modules[top * columns + col] = col % 2 === 0 ? 1 : 0; // clock track, dark first
    }
  }
  for (let rc = 0; rc < regionColumns; rc++) {
    const left = rc * (regionW + 2);
    const right = left + regionW + 1;
    for (let row = 0; row < rows; row++) {
      modules[row * columns + left] = 1; // solid left edge
      modules[row * columns + right] = row % 2 === 1 ? 1 : 0; // clock track, dark at the bottom
    }
  }
  return modules;
}

function argument(message: string): BarcodeError {
  return new BarcodeError('INVALID_ARGUMENT', `datamatrix: ${message}`, { symbology: 'datamatrix' });
}
