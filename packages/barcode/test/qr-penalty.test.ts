import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lineWords, packedPenalty, packLines, penalty } from '../src/qr/penalty.js';

/** Module-by-module scorer: the rules as written, for checking the word-parallel one. */
function plainPenalty(m: Uint8Array, size: number): number {
  const at = (r: number, c: number) => m[r * size + c]!;
  let score = 0;
  const lines: string[] = [];
  for (let i = 0; i < size; i++) {
    let row = '';
    let col = '';
    for (let j = 0; j < size; j++) {
      row += at(i, j);
      col += at(j, i);
    }
    lines.push(row, col);
  }
  for (const line of lines) {
    for (const run of line.match(/0+|1+/g) ?? []) if (run.length >= 5) score += run.length - 2;
    const padded = `${'0'.repeat(12)}${line}${'0'.repeat(12)}`;
    for (let p = 0; p + 12 <= padded.length; p++) {
      const w = padded.slice(p, p + 12);
      if (w === '010111010000') score += 40;
      if (w === '000010111010') score += 40;
    }
  }
  let dark = 0;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      dark += at(r, c);
      if (r < size - 1 && c < size - 1) {
        const v = at(r, c);
        if (v === at(r, c + 1) && v === at(r + 1, c) && v === at(r + 1, c + 1)) score += 3;
      }
    }
  }
  return score + 10 * Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5);
}

const matrix = fc.integer({ min: 1, max: 40 }).chain((v) => {
  const size = 17 + 4 * v;
  return fc.tuple(
    fc.constant(size),
    fc.uint8Array({ minLength: size * size, maxLength: size * size, max: 1 }),
  );
});

/** Random matrices biased to long runs and finder-like patterns. */
const patterned = fc.integer({ min: 1, max: 12 }).chain((v) => {
  const size = 17 + 4 * v;
  return fc
    .array(fc.constantFrom('1011101', '0000', '11111', '0', '1', '10111010000', '00001011101'), {
      minLength: size * 2,
      maxLength: size * 2,
    })
    .map((parts) => {
      const bits = parts
        .join('')
        .padEnd(size * size, '01')
        .slice(0, size * size);
      return [size, Uint8Array.from(bits, (b) => (b === '1' ? 1 : 0))] as const;
    });
});

describe('word-parallel mask penalty', () => {
  test.prop([matrix], { numRuns: 40 })('equals the plain scorer on random matrices', ([size, m]) => {
    expect(penalty(m, size)).toBe(plainPenalty(m, size));
  });
  test.prop([patterned], { numRuns: 60 })(
    'equals the plain scorer on runs and finder-like patterns',
    ([size, m]) => {
      expect(penalty(m, size)).toBe(plainPenalty(m, size));
    },
  );
  test.prop([patterned, fc.integer({ min: 0, max: 3000 })], { numRuns: 60 })(
    'with a limit: the exact penalty below it, some value at or above it otherwise',
    ([size, m], limit) => {
      const rows = new Int32Array(lineWords(size) * size);
      const cols = new Int32Array(rows.length);
      packLines(m, size, rows, cols);
      const exact = plainPenalty(m, size);
      const cut = packedPenalty(rows, cols, size, limit);
      if (exact < limit) expect(cut).toBe(exact);
      else expect(cut).toBeGreaterThanOrEqual(limit);
    },
  );
});
