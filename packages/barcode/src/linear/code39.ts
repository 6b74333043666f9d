// Code 39 (ISO/IEC 16388): 43 data characters, optional mod-43 check, Full ASCII by shift pairs.
import { BarcodeError, invalidCharacter } from '../errors.js';
import type { LinearSymbol } from '../symbol.js';
import { assertNotEmpty, elementWidths, linearSymbol, ModuleWriter, type WideRatio } from './common.js';

export interface Code39Options {
  /** Append the mod-43 check character (default false). */
  readonly check?: boolean;
  /** Encode any ASCII 0–127 as Full ASCII (Extended) Code 39 shift pairs (default false). */
  readonly fullAscii?: boolean;
  /** Wide:narrow ratio (default 3). */
  readonly ratio?: WideRatio;
  /** Print the `*` start/stop in the human-readable text (default true, as zint and Koha do). */
  readonly showAsterisks?: boolean;
}

const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';
// Nine elements per character, bar/space alternating, N = narrow, W = wide; the last one is `*`.
const PATTERNS = (
  'NNNWWNWNN WNNWNNNNW NNWWNNNNW WNWWNNNNN NNNWWNNNW WNNWWNNNN NNWWWNNNN NNNWNNWNW WNNWNNWNN NNWWNNWNN ' +
  'WNNNNWNNW NNWNNWNNW WNWNNWNNN NNNNWWNNW WNNNWWNNN NNWNWWNNN NNNNNWWNW WNNNNWWNN NNWNNWWNN NNNNWWWNN ' +
  'WNNNNNNWW NNWNNNNWW WNWNNNNWN NNNNWNNWW WNNNWNNWN NNWNWNNWN NNNNNNWWW WNNNNNWWN NNWNNNWWN NNNNWNWWN ' +
  'WWNNNNNNW NWWNNNNNW WWWNNNNNN NWNNWNNNW WWNNWNNNN NWWNWNNNN NWNNNNWNW WWNNNNWNN NWWNNNWNN NWNWNWNNN ' +
  'NWNWNNNWN NWNNNWNWN NNNWNWNWN NWNNWNWNN'
).split(' ');
const STAR = 43;

/** The Full ASCII pair (or single character) for an ASCII code 0–127. */
export function code39FullAsciiPair(code: number): string {
  const letter = (base: number, from: number) => String.fromCharCode(65 + code - from + base);
  if (code === 0) return '%U';
  if (code <= 26) return `$${letter(0, 1)}`;
  if (code <= 31) return `%${letter(0, 27)}`;
  if (code === 32 || code === 45 || code === 46 || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) {
    return String.fromCharCode(code);
  }
  if (code <= 44) return `/${letter(0, 33)}`;
  if (code === 47) return '/O';
  if (code === 58) return '/Z';
  if (code <= 63) return `%${letter(5, 59)}`;
  if (code === 64) return '%V';
  if (code <= 95) return `%${letter(10, 91)}`;
  if (code === 96) return '%W';
  if (code <= 122) return `+${letter(0, 97)}`;
  return `%${letter(15, 123)}`;
}

/** The mod-43 check character for data already in the 43-character set. */
export function code39Mod43(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += CHARSET.indexOf(data.charAt(i));
  return CHARSET.charAt(sum % 43);
}

/**
 * Encode Code 39. Data must not contain `*` (start/stop). Lowercase and other ASCII need `fullAscii`.
 * @example encodeCode39('ABC', { check: true }).text // '*ABCX*'
 */
export function encodeCode39(data: string, options: Code39Options = {}): LinearSymbol {
  const symbology = options.fullAscii ? 'code39ext' : 'code39';
  assertNotEmpty(symbology, data);
  const [n, w] = elementWidths(symbology, options.ratio, 3);
  let encoded = '';
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (options.fullAscii) {
      if (code > 127) throw invalidCharacter(symbology, data, i, 'Full ASCII covers ASCII 0-127 only');
      encoded += code39FullAsciiPair(code);
    } else {
      if (CHARSET.indexOf(data.charAt(i)) < 0) {
        const hint = code >= 97 && code <= 122 ? 'lowercase needs fullAscii' : 'not in the Code 39 set';
        throw invalidCharacter(symbology, data, i, data.charAt(i) === '*' ? 'start/stop only' : hint);
      }
      encoded += data.charAt(i);
    }
  }
  const check = options.check ? code39Mod43(encoded) : '';
  const body = encoded + check;
  const out = new ModuleWriter();
  const put = (index: number) => {
    const p = PATTERNS[index];
    if (p === undefined)
      throw new BarcodeError('INVALID_ARGUMENT', `${symbology}: internal table index ${index}`);
    for (let k = 0; k < 9; k++) out.run(p.charCodeAt(k) === 87 ? w : n, k % 2 === 0);
  };
  put(STAR);
  for (let i = 0; i < body.length; i++) {
    out.run(n, false);
    put(CHARSET.indexOf(body.charAt(i)));
  }
  out.run(n, false);
  put(STAR);
  const shown = (options.fullAscii ? data : body) + (options.fullAscii ? check : '');
  const text = options.showAsterisks === false ? shown : `*${shown}*`;
  return linearSymbol(symbology, out.toModules(), text, { left: 10 * n, right: 10 * n });
}
