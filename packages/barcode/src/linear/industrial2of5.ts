// Industrial (Standard) 2 of 5: information in the bars only, every space narrow.
import type { LinearSymbol } from '../symbol.js';
import { elementWidths, linearSymbol, ModuleWriter } from './common.js';
import { DIGIT_PATTERNS, type TwoOfFiveOptions, twoOfFiveDigits } from './two-of-five.js';

/** Bars-only 2 of 5 (Industrial and IATA differ only in start/stop). */
export function barsOnlyTwoOfFive(
  symbology: string,
  data: string,
  options: TwoOfFiveOptions,
  start: string,
  stop: string,
): LinearSymbol {
  const [n, w] = elementWidths(symbology, options.ratio, 3);
  const digits = twoOfFiveDigits(symbology, data, options.check);
  let bars = start;
  for (let i = 0; i < digits.length; i++) bars += DIGIT_PATTERNS[digits.charCodeAt(i) - 48];
  bars += stop;
  const out = new ModuleWriter();
  for (let i = 0; i < bars.length; i++) {
    if (i > 0) out.run(n, false);
    out.run(bars.charCodeAt(i) === 87 ? w : n, true);
  }
  return linearSymbol(symbology, out.toModules(), digits, { left: 10 * n, right: 10 * n });
}

/** @example encodeIndustrial2of5('12').text // '12' */
export function encodeIndustrial2of5(data: string, options: TwoOfFiveOptions = {}): LinearSymbol {
  return barsOnlyTwoOfFive('industrial2of5', data, options, 'WWN', 'WNW');
}
