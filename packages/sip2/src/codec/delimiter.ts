// The field delimiter of a connection (Koha's and Evergreen's per-account `delimiter`, `|` by default).
import { Sip2Error } from '../errors.js';

export const SIP2_DEFAULT_FIELD_DELIMITER = '|';
const PIPE = 0x7c;

/**
 * Characters a well-formed fixed part can hold besides letters and digits (hold mode `+ - *`,
 * protocol version `2.00`, blanks): a delimiter among them would cut fixed parts apart.
 */
const FIXED_PART_SYMBOLS = ' +-*.';

/** Why `c` cannot be a field delimiter, or undefined when it can. */
function refusal(c: number): string | undefined {
  if (c < 0x20 || c > 0x7e) return 'it is not printable ASCII';
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
    return 'letters and digits occur in codes, ids and fixed fields';
  }
  if (FIXED_PART_SYMBOLS.includes(String.fromCharCode(c))) return 'it occurs in fixed fields';
  return undefined;
}

/**
 * The delimiter's character code. Throws `INVALID_CONFIG` unless it is one printable ASCII
 * character that cannot occur in a message's code, fixed part, ids or error-detection trailer.
 */
export function delimiterCode(delimiter: string | undefined): number {
  if (delimiter === undefined || delimiter === SIP2_DEFAULT_FIELD_DELIMITER) return PIPE;
  const why =
    typeof delimiter !== 'string' || delimiter.length !== 1
      ? 'it must be exactly one character'
      : refusal(delimiter.charCodeAt(0));
  if (why !== undefined) {
    throw new Sip2Error(
      'INVALID_CONFIG',
      `field delimiter ${JSON.stringify(delimiter)} cannot be used: ${why}`,
      { field: 'fieldDelimiter' },
    );
  }
  return delimiter.charCodeAt(0);
}

/** Every character allowed as a field delimiter (for documentation and tests). */
export function allowedDelimiters(): string[] {
  const out: string[] = [];
  for (let c = 0x20; c <= 0x7e; c++) if (refusal(c) === undefined) out.push(String.fromCharCode(c));
  return out;
}
