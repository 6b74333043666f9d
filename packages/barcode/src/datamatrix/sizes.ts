// Data Matrix ECC 200 symbol sizes (ISO/IEC 16022 Table 7): 24 square and 6 rectangular.

export interface DataMatrixSizeInfo {
  /** 'ROWSxCOLUMNS', e.g. '10x10', '8x18'. */
  readonly name: DataMatrixSize;
  readonly rows: number;
  readonly columns: number;
  /** Data regions vertically and horizontally. */
  readonly regionRows: number;
  readonly regionColumns: number;
  readonly dataCodewords: number;
  readonly ecCodewords: number;
  /** Interleaved Reed–Solomon blocks. */
  readonly blocks: number;
}

export type DataMatrixSize =
  | '10x10'
  | '12x12'
  | '14x14'
  | '16x16'
  | '18x18'
  | '20x20'
  | '22x22'
  | '24x24'
  | '26x26'
  | '32x32'
  | '36x36'
  | '40x40'
  | '44x44'
  | '48x48'
  | '52x52'
  | '64x64'
  | '72x72'
  | '80x80'
  | '88x88'
  | '96x96'
  | '104x104'
  | '120x120'
  | '132x132'
  | '144x144'
  | '8x18'
  | '8x32'
  | '12x26'
  | '12x36'
  | '16x36'
  | '16x48';

// rows, columns, regions vertically, regions horizontally, data codewords, EC codewords, blocks.
const TABLE: readonly (readonly [number, number, number, number, number, number, number])[] = [
  [10, 10, 1, 1, 3, 5, 1],
  [12, 12, 1, 1, 5, 7, 1],
  [14, 14, 1, 1, 8, 10, 1],
  [16, 16, 1, 1, 12, 12, 1],
  [18, 18, 1, 1, 18, 14, 1],
  [20, 20, 1, 1, 22, 18, 1],
  [22, 22, 1, 1, 30, 20, 1],
  [24, 24, 1, 1, 36, 24, 1],
  [26, 26, 1, 1, 44, 28, 1],
  [32, 32, 2, 2, 62, 36, 1],
  [36, 36, 2, 2, 86, 42, 1],
  [40, 40, 2, 2, 114, 48, 1],
  [44, 44, 2, 2, 144, 56, 1],
  [48, 48, 2, 2, 174, 68, 1],
  [52, 52, 2, 2, 204, 84, 2],
  [64, 64, 4, 4, 280, 112, 2],
  [72, 72, 4, 4, 368, 144, 4],
  [80, 80, 4, 4, 456, 192, 4],
  [88, 88, 4, 4, 576, 224, 4],
  [96, 96, 4, 4, 696, 272, 4],
  [104, 104, 4, 4, 816, 336, 6],
  [120, 120, 6, 6, 1050, 408, 6],
  [132, 132, 6, 6, 1304, 496, 8],
  [144, 144, 6, 6, 1558, 620, 10],
  [8, 18, 1, 1, 5, 7, 1],
  [8, 32, 1, 2, 10, 11, 1],
  [12, 26, 1, 1, 16, 14, 1],
  [12, 36, 1, 2, 22, 18, 1],
  [16, 36, 1, 2, 32, 24, 1],
  [16, 48, 1, 2, 49, 28, 1],
];

/** All sizes in zint's `--vers` order (1–24 square, 25–30 rectangular). */
export const DATA_MATRIX_SIZES: readonly DataMatrixSizeInfo[] = TABLE.map(
  ([rows, columns, regionRows, regionColumns, dataCodewords, ecCodewords, blocks]) => ({
    name: `${rows}x${columns}` as DataMatrixSize,
    rows,
    columns,
    regionRows,
    regionColumns,
    dataCodewords,
    ecCodewords,
    blocks,
  }),
);

export type DataMatrixShape = 'square' | 'rectangle' | 'any';

/** Candidate sizes for a shape, smallest capacity first (squares first on equal capacity). */
export function sizesFor(shape: DataMatrixShape): DataMatrixSizeInfo[] {
  return DATA_MATRIX_SIZES.filter((s) =>
    shape === 'any' ? true : shape === 'square' ? s.rows === s.columns : s.rows !== s.columns,
  ).sort(
    (a, b) =>
      a.dataCodewords - b.dataCodewords || Number(a.rows !== a.columns) - Number(b.rows !== b.columns),
  );
}
