// QR Code model 2 capacity tables (ISO/IEC 18004 Table 9), indexed [level][version], version 1..40.
// Everything else (sizes, codeword totals, alignment centres) is computed from the version.

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

export const LEVEL_INDEX: Readonly<Record<QrLevel, number>> = { L: 0, M: 1, Q: 2, H: 3 };
/** The 2-bit level indicator in the format information (L=01, M=00, Q=11, H=10). */
export const LEVEL_BITS: readonly number[] = [1, 0, 3, 2];

const EC_PER_BLOCK: readonly (readonly number[])[] = [
  [
    0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
  [
    0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  ],
  [
    0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
  [
    0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30,
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
  ],
];

const BLOCKS: readonly (readonly number[])[] = [
  [
    0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16,
    17, 18, 19, 19, 20, 21, 22, 24, 25,
  ],
  [
    0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28,
    29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
  ],
  [
    0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35,
    38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
  ],
  [
    0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42,
    45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
  ],
];

export function symbolSize(version: number): number {
  return 17 + 4 * version;
}

/** Modules left for codewords and remainder bits once every function pattern is drawn. */
export function rawDataModules(version: number): number {
  let n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

export interface BlockLayout {
  readonly totalCodewords: number;
  readonly dataCodewords: number;
  readonly ecPerBlock: number;
  readonly blocks: number;
  /** Blocks with one data codeword fewer come first. */
  readonly shortBlocks: number;
  readonly shortBlockData: number;
}

export function blockLayout(version: number, levelIndex: number): BlockLayout {
  const totalCodewords = rawDataModules(version) >> 3;
  const ecPerBlock = EC_PER_BLOCK[levelIndex]![version]!;
  const blocks = BLOCKS[levelIndex]![version]!;
  const dataCodewords = totalCodewords - ecPerBlock * blocks;
  const shortBlockData = Math.floor(dataCodewords / blocks);
  const shortBlocks = blocks - (dataCodewords % blocks);
  return { totalCodewords, dataCodewords, ecPerBlock, blocks, shortBlocks, shortBlockData };
}

/** Data capacity in bits for each version × level, [levelIndex][version]. */
export const DATA_BITS: readonly Int32Array[] = [0, 1, 2, 3].map((lv) => {
  const bits = new Int32Array(41);
  for (let v = 1; v <= 40; v++) bits[v] = blockLayout(v, lv).dataCodewords * 8;
  return bits;
});

/** Alignment pattern centre coordinates (used for both rows and columns). */
export function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  // Spacing is even and equal between all but the first pair; version 32 is the one exception.
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const centres = [6];
  for (let pos = symbolSize(version) - 7; centres.length < count; pos -= step) centres.splice(1, 0, pos);
  return centres;
}

/** 15-bit format information: level bits + mask, BCH(15,5), XOR 0x5412. */
export function formatBits(levelIndex: number, mask: number): number {
  return FORMAT_BITS[levelIndex * 8 + mask]!;
}

const FORMAT_BITS = Uint16Array.from({ length: 32 }, (_, i) => {
  const data = (LEVEL_BITS[i >> 3]! << 3) | (i & 7);
  let rem = data;
  for (let k = 0; k < 10; k++) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
});

/** 18-bit version information for versions 7..40: version + BCH(18,6). */
export function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >> 11) * 0x1f25);
  return (version << 12) | rem;
}

/** Character-count field widths per mode (numeric, alphanumeric, byte, kanji) by version group. */
export const COUNT_BITS: readonly (readonly number[])[] = [
  [10, 9, 8, 8],
  [12, 11, 16, 10],
  [14, 13, 16, 12],
];

export function versionGroup(version: number): number {
  return version <= 9 ? 0 : version <= 26 ? 1 : 2;
}
