// IATA 2 of 5: Industrial 2 of 5 digits with a shorter start (N N) and stop (W N).
import type { LinearSymbol } from '../symbol.js';
import { barsOnlyTwoOfFive } from './industrial2of5.js';
import type { TwoOfFiveOptions } from './two-of-five.js';

/** @example encodeIata2of5('12').modules.length // 37 */
export function encodeIata2of5(data: string, options: TwoOfFiveOptions = {}): LinearSymbol {
  return barsOnlyTwoOfFive('iata2of5', data, options, 'NN', 'WN');
}
