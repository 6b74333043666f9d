// UNIMARC declares its character sets in field 100 $a (not in leader/09): two-character codes for
// G0, G1 and two additional sets, at positions that depend on the format.
import { isDataField, type MarcRecord } from '../record.js';

/** Character set codes of UNIMARC 100 $a, by code. */
export const UNIMARC_CHARSET_NAMES: Readonly<Record<string, string>> = {
  '01': 'ISO 646 IRV (basic Latin)',
  '02': 'ISO Registration #37 (basic Cyrillic)',
  '03': 'ISO 5426 (extended Latin)',
  '04': 'ISO DIS 5427 (extended Cyrillic)',
  '05': 'ISO 5428 (Greek)',
  '06': 'ISO 6438 (African coded character set)',
  '07': 'ISO 10586 (Georgian)',
  '08': 'ISO 8957 (Hebrew), table 1',
  '09': 'ISO 8957 (Hebrew), table 2',
  '50': 'ISO 10646 level 3 (Unicode, UTF-8)',
};

export type UnimarcRecordKind = 'bibliographic' | 'authority' | 'holdings';

/** Start of the G0 code in 100 $a: bibliographic 26, authorities 13, holdings 12. */
const CHARSET_POSITION: Readonly<Record<UnimarcRecordKind, number>> = {
  bibliographic: 26,
  authority: 13,
  holdings: 12,
};

/** Which decoder the bytes of such a record need. */
export type UnimarcDecoder = 'utf-8' | 'iso5426' | 'latin1';

export interface UnimarcCharsets {
  /** Codes as written (two characters each); `undefined` when blank or absent. */
  readonly g0: string | undefined;
  readonly g1: string | undefined;
  readonly additional: readonly string[];
  /**
   * The decoder to use: `utf-8` when any set is `50`; `iso5426` when G1 is `03`; `latin1` when only
   * ISO 646 (`01`) is declared. `undefined` when the field is missing, blank or names sets this
   * package has no decoder for (Cyrillic, Greek, Hebrew … in their ISO forms): the caller decides.
   */
  readonly decoder: UnimarcDecoder | undefined;
}

/** Reads the character-set codes from the value of UNIMARC 100 $a. */
export function unimarcCharsetsFromField100(
  value: string,
  kind: UnimarcRecordKind = 'bibliographic',
): UnimarcCharsets {
  const at = CHARSET_POSITION[kind];
  const code = (offset: number): string | undefined => {
    const c = value.slice(at + offset, at + offset + 2);
    return /^[0-9]{2}$/.test(c) ? c : undefined;
  };
  const g0 = code(0);
  const g1 = code(2);
  const additional = [code(4), code(6)].filter((c): c is string => c !== undefined);
  const all = [g0, g1, ...additional].filter((c): c is string => c !== undefined);
  let decoder: UnimarcDecoder | undefined;
  if (all.includes('50')) decoder = 'utf-8';
  else if (all.length > 0 && all.every((c) => c === '01' || c === '03'))
    decoder = all.includes('03') ? 'iso5426' : 'latin1';
  return { g0, g1, additional, decoder };
}

/** The same, taking the record's first 100 $a (returns `undefined` when there is none). */
export function unimarcCharsets(
  record: MarcRecord,
  kind: UnimarcRecordKind = 'bibliographic',
): UnimarcCharsets | undefined {
  for (const field of record.fields) {
    if (field.tag !== '100' || !isDataField(field)) continue;
    const a = field.subfields.find((s) => s.code === 'a');
    if (a) return unimarcCharsetsFromField100(a.value, kind);
  }
  return undefined;
}
