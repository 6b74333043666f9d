// Codabar / NW-7: digits and - $ : / . +, framed by start/stop characters A–D.
import { BarcodeError, invalidCharacter } from '../errors.js';
import type { LinearSymbol } from '../symbol.js';
import {
  assertNotEmpty,
  elementWidths,
  linearSymbol,
  luhnCheck,
  ModuleWriter,
  type WideRatio,
} from './common.js';

export type CodabarGuard = 'A' | 'B' | 'C' | 'D';

export interface CodabarOptions {
  /**
   * Start/stop to add when the data does not begin and end with A–D. Without it, such data is
   * rejected (a Codabar symbol without start/stop cannot be read).
   */
  readonly start?: CodabarGuard;
  readonly stop?: CodabarGuard;
  /**
   * Check character: 'mod16' inserts the mod-16 character before the stop; 'luhn' appends a Luhn digit
   * (library 14-digit numbering) to all-digit data. Default: none.
   */
  readonly check?: 'none' | 'mod16' | 'luhn';
  /** Wide:narrow ratio (default 3). */
  readonly ratio?: WideRatio;
  /** Print the start/stop letters in the human-readable text (default false). */
  readonly showStartStop?: boolean;
}

const CHARSET = '0123456789-$:/.+ABCD';
const PATTERNS = (
  'NNNNNWW NNNNWWN NNNWNNW WWNNNNN NNWNNWN WNNNNWN NWNNNNW NWNNWNN NWWNNNN WNNWNNN ' +
  'NNNWWNN NNWWNNN WNNNWNW WNWNNNW WNWNWNN NNWNWNW NNWWNWN NWNWNNW NNNWNWW NNNWWWN'
).split(' ');

const isGuard = (ch: string) => ch >= 'A' && ch <= 'D';

/**
 * Encode Codabar. `data` is either framed (`A12345B`; start/stop case-insensitive, T N * E accepted for
 * A B C D) or bare with `start`/`stop` options.
 * @example encodeCodabar('A123B', { check: 'mod16' }).text // '1239'
 */
export function encodeCodabar(data: string, options: CodabarOptions = {}): LinearSymbol {
  const symbology = 'codabar';
  assertNotEmpty(symbology, data);
  const [n, w] = elementWidths(symbology, options.ratio, 3);
  // Start/stop may be written with the alternative letters T N * E (some scanners and generators).
  const alt = (ch: string) => ({ T: 'A', N: 'B', '*': 'C', E: 'D' })[ch] ?? ch;
  let upper = data.toUpperCase();
  if (upper.length >= 2)
    upper = alt(upper.charAt(0)) + upper.slice(1, -1) + alt(upper.charAt(upper.length - 1));
  const framed = upper.length >= 2 && isGuard(upper.charAt(0)) && isGuard(upper.charAt(upper.length - 1));
  let start: string;
  let stop: string;
  let body: string;
  let offset = 0;
  if (framed) {
    start = upper.charAt(0);
    stop = upper.charAt(upper.length - 1);
    body = upper.slice(1, -1);
    offset = 1;
  } else {
    if (!options.start || !options.stop) {
      throw new BarcodeError(
        'INVALID_CHARACTER',
        `${symbology}: data must start and end with A, B, C or D (or pass start/stop options)`,
        { position: isGuard(upper.charAt(0)) ? upper.length - 1 : 0, character: data.charAt(0), symbology },
      );
    }
    start = options.start;
    stop = options.stop;
    body = upper;
  }
  for (let i = 0; i < body.length; i++) {
    const idx = CHARSET.indexOf(body.charAt(i));
    if (idx < 0 || idx >= 16)
      throw invalidCharacter(symbology, data, i + offset, 'not a Codabar data character');
  }
  if (options.check === 'luhn') {
    for (let i = 0; i < body.length; i++) {
      if (body.charCodeAt(i) > 57 || body.charCodeAt(i) < 48) {
        throw invalidCharacter(symbology, data, i + offset, 'Luhn check needs digits');
      }
    }
    body += String(luhnCheck(body));
  }
  if (options.check === 'mod16') {
    let sum = CHARSET.indexOf(start) + CHARSET.indexOf(stop);
    for (let i = 0; i < body.length; i++) sum += CHARSET.indexOf(body.charAt(i));
    body += CHARSET.charAt((16 - (sum % 16)) % 16);
  }
  const full = start + body + stop;
  const out = new ModuleWriter();
  for (let i = 0; i < full.length; i++) {
    if (i > 0) out.run(n, false);
    const p = PATTERNS[CHARSET.indexOf(full.charAt(i))] ?? '';
    for (let k = 0; k < 7; k++) out.run(p.charCodeAt(k) === 87 ? w : n, k % 2 === 0);
  }
  const text = options.showStartStop ? full : body;
  return linearSymbol(symbology, out.toModules(), text, { left: 10 * n, right: 10 * n });
}
