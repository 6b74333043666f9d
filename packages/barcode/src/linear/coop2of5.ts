// COOP 2 of 5 (NEC): own digit table, start W N W, stop N W W; as GD::Barcode and BWIPP draw it.
import type { LinearSymbol } from '../symbol.js';
import { discreteTwoOfFive } from './matrix2of5.js';
import type { TwoOfFiveOptions } from './two-of-five.js';

const COOP_PATTERNS: readonly string[] = [
  'WWNNN',
  'NNNWW',
  'NNWNW',
  'NNWWN',
  'NWNNW',
  'NWNWN',
  'NWWNN',
  'WNNNW',
  'WNNWN',
  'WNWNN',
];

/** @example encodeCoop2of5('12').text // '12' */
export function encodeCoop2of5(data: string, options: TwoOfFiveOptions = {}): LinearSymbol {
  return discreteTwoOfFive('coop2of5', data, options, COOP_PATTERNS, 'WNW', 'NWW', true);
}
