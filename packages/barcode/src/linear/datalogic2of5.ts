// Data Logic 2 of 5 (China Post): Matrix 2 of 5 digits, start N N N N, stop W N N.
import type { LinearSymbol } from '../symbol.js';
import { discreteTwoOfFive } from './matrix2of5.js';
import { DIGIT_PATTERNS, type TwoOfFiveOptions } from './two-of-five.js';

/** @example encodeDataLogic2of5('12').text // '12' */
export function encodeDataLogic2of5(data: string, options: TwoOfFiveOptions = {}): LinearSymbol {
  return discreteTwoOfFive('datalogic2of5', data, options, DIGIT_PATTERNS, 'NNNN', 'WNN', false);
}
