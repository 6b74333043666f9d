// Reed–Solomon over GF(256), shared by QR (0x11D, roots α^0…) and Data Matrix (0x12D, roots α^1…).
// Generators are cached per (field, degree); encoding runs in the log domain on typed arrays.

export interface GaloisField {
  /** exp[i] = α^i for i in 0..509 (doubled so products need no modulo). */
  readonly exp: Uint8Array;
  /** log[x] for x in 1..255; log[0] is unused. */
  readonly log: Uint8Array;
  readonly firstRoot: number;
  readonly generators: Map<number, Uint8Array>;
}

export function makeField(primitive: number, firstRoot: number): GaloisField {
  const exp = new Uint8Array(510);
  const log = new Uint8Array(256);
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= primitive;
  }
  for (let i = 255; i < 510; i++) exp[i] = exp[i - 255]!;
  return { exp, log, firstRoot, generators: new Map() };
}

export function gfMul(field: GaloisField, a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : field.exp[field.log[a]! + field.log[b]!]!;
}

/** Coefficients of Π (x − α^(firstRoot+i)), i < degree, highest degree first with the leading 1 omitted. */
export function generator(field: GaloisField, degree: number): Uint8Array {
  const cached = field.generators.get(degree);
  if (cached) return cached;
  // poly[0] is the x^degree coefficient; built by multiplying in one root at a time.
  const poly = new Uint8Array(degree + 1);
  poly[0] = 1;
  for (let i = 0; i < degree; i++) {
    const root = field.exp[(field.firstRoot + i) % 255]!;
    for (let j = i + 1; j >= 1; j--) poly[j] = poly[j]! ^ gfMul(field, poly[j - 1]!, root);
  }
  const g = poly.slice(1);
  field.generators.set(degree, g);
  return g;
}

// Per generator, the products of every byte with each coefficient: row f holds f·g[0] … f·g[n−1].
const productTables = new WeakMap<Uint8Array, Uint8Array>();
let scratch = new Uint8Array(256);

function productTable(field: GaloisField, gen: Uint8Array): Uint8Array {
  let t = productTables.get(gen);
  if (!t) {
    const n = gen.length;
    t = new Uint8Array(256 * n);
    for (let f = 1; f < 256; f++) for (let j = 0; j < n; j++) t[f * n + j] = gfMul(field, f, gen[j]!);
    productTables.set(gen, t);
  }
  return t;
}

/**
 * EC codewords of data[start, start+length) into out[outStart, outStart+degree):
 * the remainder of data(x)·x^degree divided by the generator (a shift register).
 */
export function rsEncode(
  field: GaloisField,
  degree: number,
  data: Uint8Array,
  start: number,
  length: number,
  out: Uint8Array,
  outStart: number,
): void {
  const table = productTable(field, generator(field, degree));
  if (scratch.length < degree) scratch = new Uint8Array(degree);
  const rem = scratch;
  rem.fill(0, 0, degree);
  const last = degree - 1;
  for (let i = 0; i < length; i++) {
    const row = (data[start + i]! ^ rem[0]!) * degree;
    for (let j = 0; j < last; j++) rem[j] = rem[j + 1]! ^ table[row + j]!;
    rem[last] = table[row + last]!;
  }
  for (let j = 0; j < degree; j++) out[outStart + j] = rem[j]!;
}
