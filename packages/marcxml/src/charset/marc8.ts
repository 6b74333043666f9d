// MARC-8 ⇄ Unicode (LC code tables: ASCII, ANSEL, Greek symbols, subscripts, superscripts, Hebrew,
// Basic/Extended Cyrillic, Basic/Extended Arabic, Greek and EACC), with ISO 2022-style escapes.
import { MarcError } from '../errors.js';
import {
  anselC1,
  eaccCodePoint,
  eaccIndex,
  FLAG_COMBINING,
  FLAG_RIGHT_HALF,
  type Marc8Target,
  marc8Target,
  SET,
  singleByteTable,
} from './marc8-tables.js';

export interface CharsetWarning {
  /** Byte offset in the decoded bytes (decoders) or UTF-16 index in the text (encoders). */
  readonly offset: number;
  readonly message: string;
}

export type CharsetWarningHandler = (warning: CharsetWarning) => void;

export interface Marc8DecodeOptions {
  /**
   * Unicode normalisation of the result. Default `'none'`: the faithful conversion yaz and
   * MARC::Charset produce (each base character followed by its marks in MARC-8 order, so
   * decomposed like NFD but without canonical reordering). `'NFC'` composes (`e` + U+0301 → `é`).
   */
  normalize?: 'none' | 'NFC' | 'NFD';
}

const ESC = 0x1b;
const REPLACEMENT = 0xfffd;
const ESC_G0_SINGLE = new Set([0x28, 0x2c]); // ( ,
const ESC_G1_SINGLE = new Set([0x29, 0x2d]); // ) -
const ESC_MULTI = 0x24; // $
const ESC_SHORT_G0: ReadonlyMap<number, number> = new Map([
  [0x67, SET.greekSymbols], // ESC g
  [0x62, SET.subscripts], // ESC b
  [0x70, SET.superscripts], // ESC p
  [0x73, SET.basicLatin], // ESC s
]);

/**
 * Decodes MARC-8 bytes (one field or subfield; every call starts in the default state G0 = ASCII,
 * G1 = ANSEL). Combining marks, which precede their base character in MARC-8, are moved after it;
 * a space is a base character (a mark before a space is a spacing diacritic, as yaz reads it).
 * Bytes that do not decode become U+FFFD and a warning with their byte offset; never an exception.
 */
export function decodeMarc8(
  bytes: Uint8Array,
  warn?: CharsetWarningHandler,
  options: Marc8DecodeOptions = {},
): string {
  const plain = asciiText(bytes);
  if (plain !== undefined) return plain;
  // Each byte yields at most one code point (two UTF-16 units); marks are only moved, never added.
  const out = new Uint16Array(bytes.length * 2);
  let len = 0;
  const put = (cp: number): void => {
    if (cp > 0xffff) {
      out[len++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[len++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else {
      out[len++] = cp;
    }
  };
  let marks: number[] = [];
  let g0: number = SET.basicLatin;
  let g1: number = SET.ansel;
  let unknownSetReported = -1;
  const report = (offset: number, message: string): void => warn?.({ offset, message });
  const emit = (cp: number, flags = 0): void => {
    if ((flags & FLAG_COMBINING) !== 0) {
      if ((flags & FLAG_RIGHT_HALF) === 0) marks.push(cp);
      return;
    }
    put(cp);
    if (marks.length > 0) {
      for (const m of marks) put(m);
      marks = [];
    }
  };
  const bad = (offset: number, message: string): void => {
    report(offset, message);
    emit(REPLACEMENT);
  };

  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b > 0x20 && b < 0x7f && g0 === SET.basicLatin && marks.length === 0) {
      out[len++] = b; // the common case: ASCII in the default G0
      i++;
      continue;
    }
    if (b === ESC) {
      const parsed = parseEscape(bytes, i);
      if (parsed === undefined) {
        bad(i, `invalid escape sequence at byte ${i}`);
        i++;
        continue;
      }
      if (parsed.g0 !== undefined) g0 = parsed.g0;
      if (parsed.g1 !== undefined) g1 = parsed.g1;
      const designated = parsed.g0 ?? parsed.g1!;
      if (!isKnownSet(designated)) {
        report(i, `unknown MARC-8 character set 0x${hex(designated)} designated at byte ${i}`);
        unknownSetReported = designated;
      }
      i = parsed.next;
      continue;
    }
    if (b <= 0x20) {
      // C0 controls and space pass through; a space is the base of any pending marks.
      emit(b);
      i++;
      continue;
    }
    if (b >= 0x88 && b <= 0x8e) {
      const cp = anselC1(b);
      if (cp === undefined) bad(i, `byte 0x${hex(b)} at ${i} is not a MARC-8 character`);
      else emit(cp);
      i++;
      continue;
    }
    const inG0 = b <= 0x7f;
    const inG1 = b >= 0xa1 && b <= 0xfe;
    if (!inG0 && !inG1) {
      bad(i, `byte 0x${hex(b)} at ${i} is not a MARC-8 character`);
      i++;
      continue;
    }
    const set = inG0 ? g0 : g1;
    const high = inG0 ? 0 : 0x80;
    if (set === SET.eacc) {
      if (i + 3 > n) {
        bad(i, `truncated EACC character at byte ${i}`);
        i = n;
        continue;
      }
      const b2 = bytes[i + 1]! - high;
      const b3 = bytes[i + 2]! - high;
      const sevenBit = b2 >= 0 && b2 <= 0x7f && b3 >= 0 && b3 <= 0x7f;
      const cp = sevenBit ? eaccCodePoint(eaccIndex(b - high, b2, b3)) : undefined;
      if (cp === undefined) bad(i, `no EACC character for bytes ${hexBytes(bytes, i, 3)} at ${i}`);
      else emit(cp);
      i += 3;
      continue;
    }
    const table = singleByteTable(set);
    const code = b - high;
    const cp1 = table?.codePoints[code] ?? 0;
    if (cp1 === 0) {
      if (table !== undefined || unknownSetReported !== set) {
        bad(i, `byte 0x${hex(b)} at ${i} has no mapping in MARC-8 set 0x${hex(set)}`);
      } else {
        emit(REPLACEMENT); // unknown set: reported once at its escape sequence
      }
    } else {
      emit(cp1 - 1, table!.flags[code]!);
    }
    i++;
  }
  if (marks.length > 0) {
    report(n, 'combining mark without a base character at the end of the data');
    for (const m of marks) put(m);
  }
  const text = fromCodeUnits(out, len);
  const form = options.normalize ?? 'none';
  return form === 'none' ? text : text.normalize(form);
}

interface EscapeResult {
  readonly next: number;
  readonly g0?: number;
  readonly g1?: number;
}

function parseEscape(bytes: Uint8Array, i: number): EscapeResult | undefined {
  const b1 = bytes[i + 1];
  if (b1 === undefined) return undefined;
  const short = ESC_SHORT_G0.get(b1);
  if (short !== undefined) return { next: i + 2, g0: short };
  const b2 = bytes[i + 2];
  if (b2 === undefined) return undefined;
  if (ESC_G0_SINGLE.has(b1)) return { next: i + 3, g0: b2 };
  if (ESC_G1_SINGLE.has(b1)) return { next: i + 3, g1: b2 };
  if (b1 !== ESC_MULTI) return undefined;
  // ESC $ F (G0), ESC $ , F (G0), ESC $ ) F / ESC $ - F (G1); ESC $ ( F accepted as ISO 2022 spells it.
  if (b2 === 0x2c || b2 === 0x28 || b2 === 0x29 || b2 === 0x2d) {
    const f = bytes[i + 3];
    if (f === undefined) return undefined;
    return b2 === 0x29 || b2 === 0x2d ? { next: i + 4, g1: f } : { next: i + 4, g0: f };
  }
  return { next: i + 3, g0: b2 };
}

/** Sets MARC-8 writers conventionally designate as G1 (high bytes); all others go to G0. */
function isG1Set(set: number): boolean {
  return set === SET.ansel || set === SET.extendedCyrillic || set === SET.extendedArabic;
}

function isKnownSet(set: number): boolean {
  return set === SET.eacc || singleByteTable(set) !== undefined;
}

export type UnmappablePolicy = 'ncr' | 'replace' | 'error';

export interface Marc8EncodeOptions {
  /**
   * What to write for a character MARC-8 cannot represent. Default `'ncr'`: LC's lossless
   * convention, the numeric character reference `&#xXXXX;` (yaz `marc8lossless`). `'replace'`
   * writes `?` (yaz `marc8lossy`); `'error'` throws `MarcError` code `INVALID_ENCODING`.
   */
  unmappable?: UnmappablePolicy;
  /** Called for every unmappable character under `'ncr'` and `'replace'`. */
  onWarning?: CharsetWarningHandler;
}

// Half forms (U+FE20, U+FE22) are written like the whole double diacritics they stand for.
const HALF_FORM_ALIASES: ReadonlyMap<number, number> = new Map([
  [0xfe20, 0x0361],
  [0xfe22, 0x0360],
]);

/**
 * Encodes Unicode text as MARC-8: composed characters are decomposed (keeping the precomposed
 * letters MARC-8 has, such as ơ, ư, й, ё and Hangul syllables), marks are moved before their base,
 * escape sequences switch sets as needed and the state returns to ASCII/ANSEL at the end.
 */
export function encodeMarc8(text: string, options: Marc8EncodeOptions = {}): Uint8Array {
  const ascii = asciiBytes(text);
  if (ascii) return ascii;
  const policy = options.unmappable ?? 'ncr';
  const out: number[] = [];
  let g0: number = SET.basicLatin;
  let g1: number = SET.ansel;
  let pendingRightHalf: number | undefined;

  const designate = (set: number): void => {
    if (isG1Set(set)) {
      if (g1 !== set) out.push(ESC, 0x29, set);
      g1 = set;
      return;
    }
    if (g0 === set) return;
    if (set === SET.greekSymbols || set === SET.subscripts || set === SET.superscripts) out.push(ESC, set);
    else if (set === SET.eacc) out.push(ESC, ESC_MULTI, set);
    else out.push(ESC, 0x28, set);
    g0 = set;
  };
  const writeTarget = (t: Marc8Target): void => {
    if (t.set !== SET.eacc && t.code >= 0x80) {
      out.push(t.code); // ANSEL C1 controls are not designated
      return;
    }
    designate(t.set);
    const high = isG1Set(t.set) ? 0x80 : 0;
    if (t.set === SET.eacc) {
      out.push((t.code >> 14) + high, ((t.code >> 7) & 0x7f) + high, (t.code & 0x7f) + high);
    } else {
      out.push(t.code + high);
    }
  };
  const writeAscii = (s: string): void => {
    designate(SET.basicLatin);
    for (let k = 0; k < s.length; k++) out.push(s.charCodeAt(k));
  };

  // Units of one cluster: base (or undefined for leading marks) and its marks.
  let base: Marc8Target | 'space' | { control: number } | undefined;
  let marks: Marc8Target[] = [];
  const flush = (): void => {
    if (base === undefined && marks.length === 0) return;
    const nextRight = marks.find((m) => m.rightHalf !== undefined)?.rightHalf;
    if (pendingRightHalf !== undefined) {
      const right = pendingRightHalf;
      // Skip it when the text already carries the right half explicitly.
      if (!marks.some((m) => m.set === SET.ansel && m.code === right)) {
        writeTarget({ set: SET.ansel, code: right, combining: true });
      }
    }
    for (const m of marks) writeTarget(m);
    if (base === 'space') {
      // Some decoders (yaz) read 0x20 as part of a 3-byte EACC code: leave EACC before a space.
      if (g0 === SET.eacc) designate(SET.basicLatin);
      out.push(0x20);
    } else if (base !== undefined && 'control' in base) out.push(base.control);
    else if (base !== undefined) writeTarget(base);
    pendingRightHalf = nextRight;
    base = undefined;
    marks = [];
  };
  const unmappable = (cp: number, index: number): void => {
    flush();
    const message = `U+${hex(cp).padStart(4, '0')} at index ${index} has no MARC-8 equivalent`;
    if (policy === 'error') throw new MarcError('INVALID_ENCODING', message, { offset: index });
    options.onWarning?.({ offset: index, message });
    writeAscii(policy === 'ncr' ? `&#x${hex(cp).padStart(4, '0')};` : '?');
  };

  const push = (t: Marc8Target): void => {
    if (t.combining) {
      marks.push(t);
      return;
    }
    flush();
    base = t;
  };

  // Clusters (a character and the marks after it) are mapped as a whole so that marks MARC-8 lacks
  // can combine with their base into letters it has (o + U+031B → ơ, ا + U+0653 → آ).
  // Conjoining jamo (decomposed Hangul) are composed into the syllables EACC has; this is the one
  // rewrite that can shift the indexes reported for unmappable characters.
  const input = /[\u1100-\u11ff]/.test(text)
    ? text.replace(/[\uac00-\ud7a3]?[\u1100-\u11ff]+/g, (m) => m.normalize('NFC'))
    : text;
  let index = 0;
  while (index < input.length) {
    const first = input.codePointAt(index)!;
    const firstEnd = index + (first > 0xffff ? 2 : 1);
    let end = firstEnd;
    while (end < input.length) {
      const next = input.codePointAt(end)!;
      if (!isMark(next)) break;
      end += next > 0xffff ? 2 : 1;
    }
    if (first === 0x20 || (first < 0x20 && first !== ESC)) {
      flush();
      base = first === 0x20 ? 'space' : { control: first };
      if (end > index + 1) mapEach(input.slice(index + 1, end), index + 1, push, unmappable);
    } else if (end === firstEnd && !isMark(first)) {
      // One code point: the common case, no normalisation needed.
      const units = mapCodePoint(first);
      if (units) for (const u of units) push(u);
      else unmappable(first, index);
    } else {
      const cluster = input.slice(index, end);
      const units = mapCluster(cluster);
      if (units) for (const u of units) push(u);
      else mapEach(cluster, index, push, unmappable);
    }
    index = end;
  }
  flush();
  if (pendingRightHalf !== undefined)
    writeTarget({ set: SET.ansel, code: pendingRightHalf, combining: true });
  if (g0 !== SET.basicLatin) out.push(ESC, 0x28, SET.basicLatin);
  if (g1 !== SET.ansel) out.push(ESC, 0x29, SET.ansel);
  return Uint8Array.from(out);
}

/** The bytes of text that is plain ASCII without ESC (most values), else undefined. */
function asciiBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || c === ESC) return undefined;
    out[i] = c;
  }
  return out;
}

const MARK = /^\p{M}$/u;
const markCache = new Map<number, boolean>();

/** Unicode general category M (combining marks); nothing below U+0300 is one. */
function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  let mark = markCache.get(cp);
  if (mark === undefined) {
    mark = MARK.test(String.fromCodePoint(cp));
    markCache.set(cp, mark);
  }
  return mark;
}

/** A whole cluster, trying its given, NFC and NFD forms; undefined if some part cannot be mapped. */
function mapCluster(cluster: string): Marc8Target[] | undefined {
  const direct = mapForm(cluster);
  if (direct) return direct;
  const nfc = cluster.normalize('NFC');
  const nfd = cluster.normalize('NFD');
  return (nfc !== cluster ? mapForm(nfc) : undefined) ?? mapForm(nfd) ?? mapRecomposed(nfd);
}

/** Folds into the base whichever marks make a letter MARC-8 has (U + U+0328 + U+031B → Ư + U+0328). */
function mapRecomposed(nfd: string): Marc8Target[] | undefined {
  const [base, ...marks] = [...nfd].map((c) => c.codePointAt(0)!);
  if (base === undefined) return undefined;
  let head = base;
  for (let k = 0; k < marks.length; ) {
    const composed = String.fromCodePoint(head, marks[k]!).normalize('NFC');
    const single = composed.codePointAt(0)!;
    const target = String.fromCodePoint(single) === composed ? marc8Target(single) : undefined;
    if (target && !target.combining) {
      head = single;
      marks.splice(k, 1);
      k = 0;
    } else {
      k++;
    }
  }
  return mapForm(String.fromCodePoint(head, ...marks));
}

function mapForm(form: string): Marc8Target[] | undefined {
  const out: Marc8Target[] = [];
  for (const ch of form) {
    const units = mapCodePoint(ch.codePointAt(0)!);
    if (!units) return undefined;
    out.push(...units);
  }
  return out;
}

/** Code point by code point, reporting the ones that cannot be mapped. */
function mapEach(
  text: string,
  start: number,
  push: (t: Marc8Target) => void,
  unmappable: (cp: number, index: number) => void,
): void {
  let index = start;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const units = mapCodePoint(cp);
    if (units) units.forEach(push);
    else unmappable(cp, index);
    index += ch.length;
  }
}

/** Targets for one code point: direct, or its canonical decomposition with MARC-8's precomposed letters kept. */
const singleCache = new Map<number, Marc8Target[]>();

function mapCodePoint(cp: number): Marc8Target[] | undefined {
  const cached = singleCache.get(cp);
  if (cached) return cached;
  const direct = marc8Target(HALF_FORM_ALIASES.get(cp) ?? cp);
  if (direct) {
    const one = [direct];
    singleCache.set(cp, one);
    return one;
  }
  const parts = [...String.fromCodePoint(cp).normalize('NFD')].map((c) => c.codePointAt(0)!);
  if (parts.length < 2) return undefined;
  // Recompose greedily from the left: u + U+031B + U+0301 → ư (in ANSEL) + U+0301.
  let head = parts[0]!;
  let k = 1;
  while (k < parts.length) {
    const composed = String.fromCodePoint(head, parts[k]!).normalize('NFC');
    const single = composed.codePointAt(0)!;
    if (composed.length > 2 || single < 0x80 || String.fromCodePoint(single) !== composed) break;
    if (!marc8Target(single)) break;
    head = single;
    k++;
  }
  const result: Marc8Target[] = [];
  for (const p of [head, ...parts.slice(k)]) {
    const t = marc8Target(p);
    if (!t) return undefined;
    result.push(t);
  }
  return result;
}

function fromCodeUnits(units: Uint16Array | Uint8Array, len: number): string {
  let s = '';
  for (let k = 0; k < len; k += 4096) {
    s += String.fromCharCode.apply(null, units.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
  }
  return s;
}

/** Bytes without ESC or high bytes are ASCII (and C0 controls) in MARC-8's default state. */
function asciiText(bytes: Uint8Array): string | undefined {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b > 0x7e || b === ESC) return undefined;
  }
  return fromCodeUnits(bytes, bytes.length);
}

function hex(n: number): string {
  return n.toString(16).toUpperCase();
}

function hexBytes(bytes: Uint8Array, i: number, count: number): string {
  return Array.from(bytes.subarray(i, i + count), (b) => hex(b).padStart(2, '0')).join(' ');
}
