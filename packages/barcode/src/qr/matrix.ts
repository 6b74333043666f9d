// QR symbol layout: per-version templates (function patterns, data-module order, mask patterns) built once
// and cached, codeword placement, masking and the four penalty rules.
import { lineWords, PAD, packLines } from './penalty.js';
import { alignmentCentres, formatBits, rawDataModules, symbolSize, versionBits } from './tables.js';

export interface QrTemplate {
  readonly version: number;
  readonly size: number;
  /** Function patterns drawn (format areas left light). */
  readonly base: Uint8Array;
  readonly isFunction: Uint8Array;
  /** Module indices of the encoding region in placement order (codeword bits MSB first, then remainder). */
  readonly order: Int32Array;
  /** Module indices for format bit i (0 = LSB), first and second copy. */
  readonly formatA: Int32Array;
  readonly formatB: Int32Array;
  /** Per mask, the encoding-region modules the mask inverts (built on first use). */
  readonly maskCache: (Uint8Array | undefined)[];
  /** The same, packed as rows and columns for the penalty scorer. */
  readonly packedMaskCache: ({ rows: Int32Array; cols: Int32Array } | undefined)[];
  /** Packed function patterns and, per data module in placement order, its packed word and bit. */
  packed?: PackedLayout;
  packedFormat?: PackedFormat;
}

export interface PackedLayout {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly rowWord: Int32Array;
  readonly rowBit: Int32Array;
  readonly colWord: Int32Array;
  readonly colBit: Int32Array;
}

export function packedLayout(t: QrTemplate): PackedLayout {
  if (t.packed) return t.packed;
  const { size, order } = t;
  const W = lineWords(size);
  const rows = new Int32Array(W * size);
  const cols = new Int32Array(W * size);
  packLines(t.base, size, rows, cols);
  const n = order.length;
  const layout: PackedLayout = {
    rows,
    cols,
    rowWord: new Int32Array(n),
    rowBit: new Int32Array(n),
    colWord: new Int32Array(n),
    colBit: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = Math.floor(order[i]! / size);
    const c = order[i]! - r * size;
    layout.rowWord[i] = r * W + ((c + PAD) >> 5);
    layout.rowBit[i] = 1 << ((c + PAD) & 31);
    layout.colWord[i] = c * W + ((r + PAD) >> 5);
    layout.colBit[i] = 1 << ((r + PAD) & 31);
  }
  t.packed = layout;
  return layout;
}

const templates: (QrTemplate | undefined)[] = [];

export function template(version: number): QrTemplate {
  const cached = templates[version];
  if (cached) return cached;
  const t = buildTemplate(version);
  templates[version] = t;
  return t;
}

function buildTemplate(version: number): QrTemplate {
  const size = symbolSize(version);
  const base = new Uint8Array(size * size);
  const isFunction = new Uint8Array(size * size);
  const set = (row: number, col: number, dark: boolean) => {
    base[row * size + col] = dark ? 1 : 0;
    isFunction[row * size + col] = 1;
  };
  // Timing patterns first; finders and alignment patterns overwrite where they meet.
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const finder = (row: number, col: number) => {
    for (let dy = -1; dy <= 7; dy++) {
      for (let dx = -1; dx <= 7; dx++) {
        const r = row + dy;
        const c = col + dx;
        if (r < 0 || c < 0 || r >= size || c >= size) continue;
        const ring = Math.max(Math.abs(dy - 3), Math.abs(dx - 3));
        set(r, c, ring !== 2 && ring !== 4);
      }
    }
  };
  finder(0, 0);
  finder(0, size - 7);
  finder(size - 7, 0);
  const centres = alignmentCentres(version);
  const last = centres.length - 1;
  for (let i = 0; i <= last; i++) {
    for (let j = 0; j <= last; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++)
          set(centres[i]! + dy, centres[j]! + dx, Math.max(Math.abs(dy), Math.abs(dx)) !== 1);
      }
    }
  }
  // Format information positions (reserved now, written per mask), bit 0 = least significant.
  const formatA = new Int32Array(15);
  const formatB = new Int32Array(15);
  for (let i = 0; i <= 5; i++) formatA[i] = i * size + 8;
  formatA[6] = 7 * size + 8;
  formatA[7] = 8 * size + 8;
  formatA[8] = 8 * size + 7;
  for (let i = 9; i < 15; i++) formatA[i] = 8 * size + (14 - i);
  for (let i = 0; i < 8; i++) formatB[i] = 8 * size + (size - 1 - i);
  for (let i = 8; i < 15; i++) formatB[i] = (size - 15 + i) * size + 8;
  for (let i = 0; i < 15; i++) {
    isFunction[formatA[i]!] = 1;
    isFunction[formatB[i]!] = 1;
  }
  set(size - 8, 8, true); // the always-dark module
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(b, a, dark);
      set(a, b, dark);
    }
  }
  const order = new Int32Array(rawDataModules(version));
  let k = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // skip the vertical timing column
    const upward = ((right + 1) & 2) === 0;
    for (let v = 0; v < size; v++) {
      const row = upward ? size - 1 - v : v;
      for (let j = 0; j < 2; j++) {
        const idx = row * size + right - j;
        if (!isFunction[idx]) order[k++] = idx;
      }
    }
  }
  if (k !== order.length) throw new Error(`unreachable: ${k} data modules, expected ${order.length}`);
  return { version, size, base, isFunction, order, formatA, formatB, maskCache: [], packedMaskCache: [] };
}

const MASKS: readonly ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

/** 1 where mask `mask` inverts a module of the encoding region. */
export function maskPattern(t: QrTemplate, mask: number): Uint8Array {
  const cached = t.maskCache[mask];
  if (cached) return cached;
  const { size } = t;
  const p = new Uint8Array(size * size);
  const cond = MASKS[mask]!;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      if (!t.isFunction[i] && cond(r, c)) p[i] = 1;
    }
  }
  t.maskCache[mask] = p;
  return p;
}

export function packedMaskPattern(t: QrTemplate, mask: number): { rows: Int32Array; cols: Int32Array } {
  const cached = t.packedMaskCache[mask];
  if (cached) return cached;
  const n = lineWords(t.size) * t.size;
  const packed = { rows: new Int32Array(n), cols: new Int32Array(n) };
  packLines(maskPattern(t, mask), t.size, packed.rows, packed.cols);
  t.packedMaskCache[mask] = packed;
  return packed;
}

/** Write the 15 format bits of (level, mask) into packed rows and columns (their modules are 0 there). */
export function setPackedFormat(
  t: QrTemplate,
  rows: Int32Array,
  cols: Int32Array,
  levelIndex: number,
  mask: number,
): void {
  const bits = formatBits(levelIndex, mask);
  const f = packedFormat(t);
  for (let i = 0; i < 15; i++) {
    if (((bits >> i) & 1) === 0) continue;
    for (let k = 2 * i; k < 2 * i + 2; k++) {
      rows[f.rowWord[k]!]! |= f.rowBit[k]!;
      cols[f.colWord[k]!]! |= f.colBit[k]!;
    }
  }
}

/** Packed word and bit of both copies of each format bit (entries 2i and 2i+1 for bit i). */
function packedFormat(t: QrTemplate): PackedFormat {
  if (t.packedFormat) return t.packedFormat;
  const { size } = t;
  const W = lineWords(size);
  const f: PackedFormat = {
    rowWord: new Int32Array(30),
    rowBit: new Int32Array(30),
    colWord: new Int32Array(30),
    colBit: new Int32Array(30),
  };
  for (let k = 0; k < 30; k++) {
    const idx = k % 2 === 0 ? t.formatA[k >> 1]! : t.formatB[k >> 1]!;
    const r = Math.floor(idx / size);
    const c = idx - r * size;
    f.rowWord[k] = r * W + ((c + PAD) >> 5);
    f.rowBit[k] = 1 << ((c + PAD) & 31);
    f.colWord[k] = c * W + ((r + PAD) >> 5);
    f.colBit[k] = 1 << ((r + PAD) & 31);
  }
  t.packedFormat = f;
  return f;
}

interface PackedFormat {
  readonly rowWord: Int32Array;
  readonly rowBit: Int32Array;
  readonly colWord: Int32Array;
  readonly colBit: Int32Array;
}
