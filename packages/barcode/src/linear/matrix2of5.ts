// Matrix 2 of 5 (zint: "Standard 2 of 5"): bar-space-bar-space-bar per digit, narrow gaps.
import type { LinearSymbol } from '../symbol.js';
import { elementWidths, linearSymbol, ModuleWriter } from './common.js';
import { DIGIT_PATTERNS, type TwoOfFiveOptions, twoOfFiveDigits } from './two-of-five.js';

/** Discrete B-S-B-S-B 2 of 5 with a given digit table, start and stop (Matrix, Data Logic, COOP). */
export function discreteTwoOfFive(
  symbology: string,
  data: string,
  options: TwoOfFiveOptions,
  table: readonly string[],
  start: string,
  stop: string,
  gapAfterStart: boolean,
): LinearSymbol {
  const [n, w] = elementWidths(symbology, options.ratio, 3);
  const digits = twoOfFiveDigits(symbology, data, options.check);
  const out = new ModuleWriter();
  const put = (p: string) => {
    for (let k = 0; k < p.length; k++) out.run(p.charCodeAt(k) === 87 ? w : n, k % 2 === 0);
  };
  put(start);
  if (gapAfterStart) out.run(n, false);
  for (let i = 0; i < digits.length; i++) {
    put(table[digits.charCodeAt(i) - 48] ?? '');
    out.run(n, false);
  }
  put(stop);
  return linearSymbol(symbology, out.toModules(), digits, { left: 10 * n, right: 10 * n });
}

/** @example encodeMatrix2of5('12').text // '12' */
export function encodeMatrix2of5(data: string, options: TwoOfFiveOptions = {}): LinearSymbol {
  return discreteTwoOfFive('matrix2of5', data, options, DIGIT_PATTERNS, 'WNNNN', 'WNNNN', true);
}
