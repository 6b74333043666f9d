// encodeQr: data → segments (optimal or forced mode) → codewords + Reed–Solomon → matrix with the best mask.
import { BarcodeError } from '../errors.js';
import type { MatrixSymbol } from '../symbol.js';
import { packedLayout, packedMaskPattern, type QrTemplate, setPackedFormat, template } from './matrix.js';
import { lineWords, PAD, packedPenalty } from './penalty.js';
import { makeField, rsEncode } from './reed-solomon.js';
import {
  ALPHANUMERIC,
  BitWriter,
  BYTE,
  firstUnencodable,
  KANJI,
  MODE_NAMES,
  modeError,
  NUMERIC,
  optimalSegments,
  type PreparedInput,
  prepareBytes,
  prepareString,
  type QrMode,
  type Segment,
  singleSegment,
  streamBits,
  writeSegments,
} from './segments.js';
import { blockLayout, DATA_BITS, LEVEL_INDEX, type QrLevel, versionGroup } from './tables.js';

export type { QrMode } from './segments.js';
export type { QrLevel } from './tables.js';

export interface QrOptions {
  /** Error correction level (default 'M', as Koha uses). */
  readonly level?: QrLevel;
  /** Symbol version 1–40; the smallest that fits when omitted. */
  readonly version?: number;
  /** Mask 0–7; chosen by the penalty rules when omitted. */
  readonly mask?: number;
  /**
   * Announce UTF-8 with ECI 26 when the text is not all Latin-1 (default true). With false, such text is
   * written as UTF-8 bytes without ECI (what many generators do; zbar then guesses).
   */
  readonly eci?: boolean;
  /** Force one mode for the whole data instead of the optimal mix. */
  readonly mode?: QrMode;
}

/** A QR symbol with the choices the encoder made. */
export interface QrSymbol extends MatrixSymbol {
  readonly symbology: 'qr';
  readonly version: number;
  readonly level: QrLevel;
  readonly mask: number;
}

const QR_FIELD = makeField(0x11d, 0);
const UTF8_ECI = 26;

export function encodeQr(data: string | Uint8Array, options: QrOptions = {}): QrSymbol {
  const level = options.level ?? 'M';
  const levelIndex = LEVEL_INDEX[level];
  if (levelIndex === undefined) throw argument(`level must be L, M, Q or H, got ${String(level)}`);
  const { version: fixedVersion, mask: fixedMask, mode } = options;
  if (
    fixedVersion !== undefined &&
    !(Number.isInteger(fixedVersion) && fixedVersion >= 1 && fixedVersion <= 40)
  ) {
    throw argument(`version must be an integer 1-40, got ${fixedVersion}`);
  }
  if (fixedMask !== undefined && !(Number.isInteger(fixedMask) && fixedMask >= 0 && fixedMask <= 7)) {
    throw argument(`mask must be an integer 0-7, got ${fixedMask}`);
  }
  const forced = mode === undefined ? -1 : MODE_NAMES.indexOf(mode);
  if (mode !== undefined && forced < 0) throw argument(`unknown mode ${String(mode)}`);
  if (typeof data !== 'string' && !(data instanceof Uint8Array))
    throw argument('data must be a string or Uint8Array');
  const text = typeof data === 'string' ? data : latin1(data);

  const candidates = candidateInputs(data, options.eci ?? true, forced);
  const plan = choosePlan(candidates, forced, levelIndex, fixedVersion);
  const layout = blockLayout(plan.version, levelIndex);
  const codewords = buildCodewords(plan, layout);
  const t = template(plan.version);
  const final = interleave(codewords, layout);
  packCodewords(t, final);
  const mask = fixedMask ?? bestMask(t, levelIndex);
  const modules = maskedModules(t, mask, levelIndex);
  return {
    kind: 'matrix',
    symbology: 'qr',
    width: t.size,
    height: t.size,
    modules,
    quietZone: 4,
    text,
    version: plan.version,
    level,
    mask,
  };
}

// Scratch buffers for mask scoring, grown to the largest symbol seen.
let scratch = {
  base: new Int32Array(0),
  rows: new Int32Array(0),
  cols: new Int32Array(0),
  baseCols: new Int32Array(0),
};

/** Function patterns plus the codeword bits, bit-packed into scratch.base (rows) and scratch.baseCols. */
function packCodewords(t: QrTemplate, codewords: Uint8Array): void {
  const n = lineWords(t.size) * t.size;
  if (scratch.rows.length < n) {
    scratch = {
      base: new Int32Array(n),
      rows: new Int32Array(n),
      cols: new Int32Array(n),
      baseCols: new Int32Array(n),
    };
  }
  const { base, baseCols } = scratch;
  const layout = packedLayout(t);
  base.set(layout.rows);
  baseCols.set(layout.cols);
  const { rowWord, rowBit, colWord, colBit } = layout;
  // Branch-free: every data bit is OR-ed in, as its bit or as 0.
  for (let i = 0, k = 0; i < codewords.length; i++) {
    const cw = codewords[i]!;
    for (let b = 7; b >= 0; b--, k++) {
      const on = -((cw >> b) & 1);
      base[rowWord[k]!]! |= rowBit[k]! & on;
      baseCols[colWord[k]!]! |= colBit[k]! & on;
    }
  }
}

/** scratch.rows/cols = the packed symbol under mask `m`, format information included. */
function applyPackedMask(t: QrTemplate, m: number, levelIndex: number): void {
  const n = lineWords(t.size) * t.size;
  const { base, baseCols, rows, cols } = scratch;
  const { rows: maskRows, cols: maskCols } = packedMaskPattern(t, m);
  for (let i = 0; i < n; i++) {
    rows[i] = base[i]! ^ maskRows[i]!;
    cols[i] = baseCols[i]! ^ maskCols[i]!;
  }
  setPackedFormat(t, rows, cols, levelIndex, m);
}

/** The mask with the lowest penalty (the first on ties), scored on bit-packed rows and columns. */
function bestMask(t: QrTemplate, levelIndex: number): number {
  let best = Infinity;
  let bestMask = 0;
  for (let m = 0; m < 8; m++) {
    applyPackedMask(t, m, levelIndex);
    const score = packedPenalty(scratch.rows, scratch.cols, t.size, best);
    if (score < best) {
      best = score;
      bestMask = m;
    }
  }
  return bestMask;
}

/** The final modules (one byte each) under mask `m`, unpacked from the packed rows. */
function maskedModules(t: QrTemplate, m: number, levelIndex: number): Uint8Array {
  applyPackedMask(t, m, levelIndex);
  const { size } = t;
  const W = lineWords(size);
  const { rows } = scratch;
  const modules = new Uint8Array(size * size);
  for (let r = 0, i = 0; r < size; r++) {
    const rowBase = r * W;
    for (let c = 0; c < size; c++, i++) {
      const bit = c + PAD;
      modules[i] = (rows[rowBase + (bit >> 5)]! >>> (bit & 31)) & 1;
    }
  }
  return modules;
}

interface Plan {
  readonly input: PreparedInput;
  readonly segments: Segment[];
  readonly version: number;
  readonly bits: number;
}

/**
 * The ways the data may be written. Text that is all Latin-1 is ISO 8859-1 bytes (the QR default).
 * Other text is UTF-8 under ECI 26, or — when every character is ASCII or a Shift JIS kanji — ASCII
 * bytes plus kanji mode without ECI; the shorter stream wins. Kanji never mixes with Latin-1 or UTF-8
 * bytes: zbar misreads kanji after Latin-1 bytes, and ECI 26 says nothing about Shift JIS.
 */
function candidateInputs(data: string | Uint8Array, eci: boolean, forced: number): PreparedInput[] {
  if (typeof data !== 'string') return [prepareBytes(data)];
  if (forced === KANJI) return [prepareString(data, 'ascii', 0, true)];
  let allLatin1 = true;
  for (let i = 0; i < data.length; i++) {
    if (data.charCodeAt(i) > 0xff) {
      allLatin1 = false;
      break;
    }
  }
  if (allLatin1) return [prepareString(data, 'latin1', 0, false)];
  return [
    prepareString(data, 'ascii', 0, forced < 0),
    prepareString(data, 'utf8', eci ? UTF8_ECI : 0, false),
  ];
}

const GROUP_VERSIONS: readonly (readonly [number, number])[] = [
  [1, 9],
  [10, 26],
  [27, 40],
];

function choosePlan(
  candidates: PreparedInput[],
  forced: number,
  levelIndex: number,
  fixedVersion?: number,
): Plan {
  const modes = forced >= 0 ? [forced] : [NUMERIC, ALPHANUMERIC, BYTE, KANJI];
  const usable = candidates.filter((c) => firstUnencodable(c, modes) < 0);
  if (usable.length === 0) {
    const last = candidates[candidates.length - 1]!;
    const what = forced >= 0 ? `not in ${MODE_NAMES[forced]} mode` : 'not encodable';
    throw modeError(last, firstUnencodable(last, modes), what);
  }
  const capacity = DATA_BITS[levelIndex]!;
  let bestBits = Infinity;
  for (let g = 0; g < 3; g++) {
    const [lo, hi] = GROUP_VERSIONS[g]!;
    if (fixedVersion !== undefined && (fixedVersion < lo || fixedVersion > hi)) continue;
    let best: Omit<Plan, 'version'> | undefined;
    for (const input of usable) {
      const segments = forced >= 0 ? singleSegment(input, forced, g) : optimalSegments(input, g, modes);
      const bits = streamBits(input, segments, g);
      if (!best || bits < best.bits) best = { input, segments, bits };
    }
    if (!best) continue;
    bestBits = Math.min(bestBits, best.bits);
    const from = fixedVersion ?? lo;
    const to = fixedVersion ?? hi;
    for (let v = from; v <= to; v++) if (best.bits <= capacity[v]!) return { ...best, version: v };
  }
  const where = fixedVersion === undefined ? 'version 40' : `version ${fixedVersion}`;
  const lv = (['L', 'M', 'Q', 'H'] as const)[levelIndex];
  throw new BarcodeError(
    'DATA_TOO_LONG',
    `qr: data needs ${bestBits} bits, ${where}-${lv} holds ${capacity[fixedVersion ?? 40]} bits`,
    { symbology: 'qr' },
  );
}

/** Data codewords: segments, terminator, bit padding, then alternating pad codewords 0xEC 0x11. */
function buildCodewords(plan: Plan, layout: ReturnType<typeof blockLayout>): Uint8Array {
  const w = new BitWriter(layout.dataCodewords);
  writeSegments(w, plan.input, plan.segments, versionGroup(plan.version));
  const capacityBits = layout.dataCodewords * 8;
  w.bitLength = Math.min(capacityBits, w.bitLength + 4);
  w.bitLength = (w.bitLength + 7) & ~7;
  for (let i = w.bitLength >> 3, pad = 0xec; i < layout.dataCodewords; i++, pad ^= 0xec ^ 0x11)
    w.bytes[i] = pad;
  return w.bytes;
}

/** Split into blocks, add each block's EC codewords, and interleave column by column. */
function interleave(data: Uint8Array, layout: ReturnType<typeof blockLayout>): Uint8Array {
  const { blocks, shortBlocks, shortBlockData, ecPerBlock, totalCodewords } = layout;
  const out = new Uint8Array(totalCodewords);
  const ec = new Uint8Array(ecPerBlock * blocks);
  let offset = 0;
  for (let b = 0; b < blocks; b++) {
    const len = shortBlockData + (b < shortBlocks ? 0 : 1);
    rsEncode(QR_FIELD, ecPerBlock, data, offset, len, ec, b * ecPerBlock);
    // Data codeword i of block b goes to column i; short blocks skip the last column.
    for (let i = 0; i < len; i++) {
      const col = i < shortBlockData ? i * blocks + b : shortBlockData * blocks + (b - shortBlocks);
      out[col] = data[offset + i]!;
    }
    offset += len;
  }
  const dataTotal = layout.dataCodewords;
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < ecPerBlock; i++) out[dataTotal + i * blocks + b] = ec[b * ecPerBlock + i]!;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function argument(message: string): BarcodeError {
  return new BarcodeError('INVALID_ARGUMENT', `qr: ${message}`, { symbology: 'qr' });
}
