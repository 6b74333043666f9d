// Mask penalty (ISO/IEC 18004 7.8.3) on bit-packed lines, word-parallel: every row and column is packed
// into 32-bit words with PAD light modules before it (the area outside the symbol counts as light).
//   N1  runs of ≥ 5 same-colour modules: 3 + (length − 5) each
//   N2  2×2 blocks of one colour: 3 each
//   N3  1011101 with 4 light modules before and/or after (each side counts): 40 each
//   N4  10 × ⌊|dark% − 50| / 5⌋
// N3 is checked at unit width 1, as most encoders do.

const PAD = 4;

/** Words per packed line for a symbol size, with a zero word after it for shifted reads. */
export function lineWords(size: number): number {
  return ((size + 2 * PAD + 11) >> 5) + 2;
}

/** Pack the rows (and, transposed, the columns) of a 0/1 matrix into line words. */
export function packLines(m: Uint8Array, size: number, rows: Int32Array, cols: Int32Array): void {
  const W = lineWords(size);
  rows.fill(0);
  cols.fill(0);
  for (let r = 0; r < size; r++) {
    const rowBase = r * W;
    const rbit = r + PAD;
    const colWord = rbit >> 5;
    const colMask = 1 << (rbit & 31);
    let i = r * size;
    for (let c = 0; c < size; c++, i++) {
      if (m[i] === 0) continue;
      const cbit = c + PAD;
      rows[rowBase + (cbit >> 5)]! |= 1 << (cbit & 31);
      cols[c * W + colWord]! |= colMask;
    }
  }
}

/** Words in which the bits of line positions [from, to] are set. */
function rangeMask(W: number, from: number, to: number): Int32Array {
  const m = new Int32Array(W);
  for (let p = from; p <= to; p++) m[p >> 5]! |= 1 << (p & 31);
  return m;
}

const masks = new Map<number, { run5: Int32Array; pair: Int32Array }>();

function validMasks(size: number) {
  let v = masks.get(size);
  if (!v) {
    const W = lineWords(size);
    // N1: windows of 5 inside the line; N2: pairs inside the line.
    v = { run5: rangeMask(W, PAD, PAD + size - 5), pair: rangeMask(W, PAD, PAD + size - 2) };
    masks.set(size, v);
  }
  return v;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export { PAD };

/** Bit p of the result is bit p + k of the line (1 ≤ k ≤ 31). */
function shr(line: Int32Array, at: number, k: number): number {
  return (line[at]! >>> k) | (line[at + 1]! << (32 - k));
}

/** N1 of every line of one orientation: runs of five or more. */
function runPenalty(lines: Int32Array, size: number, run5: Int32Array): number {
  const W = lineWords(size);
  let score = 0;
  for (let l = 0; l < size; l++) {
    const base = l * W;
    // e bit p: modules p and p+1 have the same colour (computed one word ahead for the carries).
    let e = ~(lines[base]! ^ shr(lines, base, 1));
    let prevF = 0;
    for (let w = 0; w < W - 1; w++) {
      const en = w + 1 < W - 1 ? ~(lines[base + w + 1]! ^ shr(lines, base + w + 1, 1)) : 0;
      // f bit p: modules p..p+4 have one colour; a run of L ≥ 5 has L − 4 of them and scores L − 2.
      const f = e & ((e >>> 1) | (en << 31)) & ((e >>> 2) | (en << 30)) & ((e >>> 3) | (en << 29)) & run5[w]!;
      if (f !== 0) score += popcount(f) + 2 * popcount(f & ~((f << 1) | (prevF >>> 31)));
      prevF = f;
      e = en;
    }
  }
  return score;
}

/** N3 of every line of one orientation: 0 1011101 0000 and 0000 1011101 0 windows, 40 each. */
function finderPenalty(lines: Int32Array, size: number): number {
  const W = lineWords(size);
  let count = 0;
  for (let l = 0; l < size; l++) {
    const base = l * W;
    for (let w = 0; w < W - 1; w++) {
      const lo = lines[base + w]!;
      const hi = lines[base + w + 1]!;
      // Both patterns have dark modules at offsets 4, 6 or 5, and 7: cheap filters first.
      const s4 = (lo >>> 4) | (hi << 28);
      const s7 = (lo >>> 7) | (hi << 25);
      const s47 = s4 & s7;
      if (s47 === 0) continue;
      const s5 = (lo >>> 5) | (hi << 27);
      const s6 = (lo >>> 6) | (hi << 26);
      const s8 = (lo >>> 8) | (hi << 24);
      const s1 = (lo >>> 1) | (hi << 31);
      const s3 = (lo >>> 3) | (hi << 29);
      const afterCore = s47 & s1 & s3 & s5 & ~s6;
      const beforeCore = s47 & s6 & s8 & ~s5;
      if ((afterCore | beforeCore) === 0) continue;
      const s0 = lo;
      const s2 = (lo >>> 2) | (hi << 30);
      const s9 = (lo >>> 9) | (hi << 23);
      const s10 = (lo >>> 10) | (hi << 22);
      const s11 = (lo >>> 11) | (hi << 21);
      const after = afterCore & ~s0 & ~s2 & ~s8 & ~s9 & ~s10 & ~s11;
      const before = beforeCore & ~s0 & ~s1 & ~s2 & ~s3 & ~s9 & s10 & ~s11;
      count += popcount(after) + popcount(before);
    }
  }
  return 40 * count;
}

/**
 * The penalty of a symbol from its packed rows and columns. Returns early (with a value ≥ limit) once the
 * rules scored so far reach `limit` (every rule adds ≥ 0), so losing masks skip the rest.
 */
export function packedPenalty(rows: Int32Array, cols: Int32Array, size: number, limit = Infinity): number {
  const W = lineWords(size);
  const { run5, pair } = validMasks(size);
  let score = 0;
  let dark = 0;
  for (let r = 0; r < size; r++) {
    const a = r * W;
    for (let w = 0; w < W - 1; w++) dark += popcount(rows[a + w]!);
    if (r === size - 1) break;
    const b = a + W;
    for (let w = 0; w < W - 1; w++) {
      const x = rows[a + w]! ^ rows[b + w]!;
      const same =
        ~(x | (shr(rows, a + w, 1) ^ rows[a + w]!) | (shr(rows, b + w, 1) ^ rows[b + w]!)) & pair[w]!;
      score += 3 * popcount(same);
    }
  }
  const total = size * size;
  score += 10 * Math.floor(Math.abs(dark * 20 - total * 10) / total);
  // Cheapest rules first; a mask that already loses to `limit` skips the dearer ones.
  if (score >= limit) return score;
  score += runPenalty(rows, size, run5);
  if (score >= limit) return score;
  score += runPenalty(cols, size, run5);
  if (score >= limit) return score;
  score += finderPenalty(rows, size);
  if (score >= limit) return score;
  return score + finderPenalty(cols, size);
}

/** Penalty of an unpacked 0/1 matrix (tests and one-off use). */
export function penalty(m: Uint8Array, size: number): number {
  const W = lineWords(size);
  const rows = new Int32Array(W * size);
  const cols = new Int32Array(W * size);
  packLines(m, size, rows, cols);
  return packedPenalty(rows, cols, size);
}
