// ISO 2709 reader. Records are framed on the record terminator (not the leader length, which real
// files get wrong), then decoded with directory offsets when they land on a field terminator and by
// walking field terminators otherwise (spec notes §1.9, §8). Lenient by default: every repair is
// reported as a MarcProblem; `strict` throws it instead.
import { firstInvalidUtf8, hasNativeLatin1, latin1, utf8 } from '../bytes.js';
import { decodeIso5426 } from '../charset/iso5426.js';
import { type UnimarcDecoder, unimarcCharsetsFromField100 } from '../charset/unimarc.js';
import { MarcError, type MarcProblem, type ProblemHandler, problemToError } from '../errors.js';
import { flavourFromTags, type MarcFlavour } from '../flavour.js';
import type { DataField, Field, MarcRecord, Subfield } from '../record.js';
import { FT, type Marc8Decoder, RT, US } from './constants.js';
import { defaultMarc8Decoder } from './marc8-hook.js';

export type Iso2709Encoding = 'auto' | 'utf-8' | 'marc8' | 'latin1';

export interface Iso2709ReadOptions {
  /** Throw a MarcError for the first problem instead of repairing it. Default false. */
  strict?: boolean;
  onProblem?: ProblemHandler;
  /**
   * 'auto' (default): UTF-8 when leader/09 is 'a' or the record is UNIMARC; a MARC 21 record with
   * leader/09 ' ' keeps its bytes as code points U+0000-U+00FF (byte-transparent; see `toUtf8`).
   */
  encoding?: Iso2709Encoding;
  /** Decode MARC-8 records (MARC 21, leader/09 ' ') to Unicode and set leader/09 to 'a'. */
  toUtf8?: boolean;
  /** Flavour for encoding decisions; detected from the directory when omitted. */
  flavour?: MarcFlavour;
  /** MARC-8 decoder to use instead of the package's own. */
  marc8Decoder?: Marc8Decoder;
}

export interface DecodedRecord {
  record: MarcRecord;
  problems: MarcProblem[];
}

const LEADER_LENGTH = 24;

/** Per-record decoding state; `report` throws in strict mode. */
interface Ctx {
  readonly bytes: Uint8Array;
  readonly options: Iso2709ReadOptions;
  readonly recordNumber: number;
  /** Offset of this record in the caller's input, added to problem offsets. */
  readonly inputOffset: number;
  problems: MarcProblem[] | undefined;
}

function report(ctx: Ctx, code: MarcProblem['code'], message: string, at: number, tag?: string): void {
  const p: MarcProblem =
    tag === undefined
      ? { code, message, record: ctx.recordNumber, offset: ctx.inputOffset + at }
      : { code, message, record: ctx.recordNumber, offset: ctx.inputOffset + at, tag };
  if (ctx.options.strict) throw problemToError(p);
  ctx.options.onProblem?.(p);
  if (ctx.problems === undefined) ctx.problems = [];
  ctx.problems.push(p);
}

function digits(bytes: Uint8Array, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function digitAt(leader: string, i: number, fallback: number): number {
  const c = leader.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : fallback;
}

function isControlTag(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at] === 48 &&
    bytes[at + 1] === 48 &&
    (bytes[at + 2] as number) >= 48 &&
    (bytes[at + 2] as number) <= 57
  );
}

function isAlnum(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
}

type Mode = 'utf-8' | 'latin1' | 'marc8' | 'iso5426';

/** One-character strings for every byte value, so indicators and codes allocate nothing. */
const CHARS: readonly string[] = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i));

// Tags repeat endlessly; intern them (bounded, so hostile input cannot grow it without end).
const tagCache = new Map<number, string>();
function tagAt(bytes: Uint8Array, at: number): string {
  const key = ((bytes[at] as number) << 16) | ((bytes[at + 1] as number) << 8) | (bytes[at + 2] as number);
  let tag = tagCache.get(key);
  if (tag === undefined) {
    tag = String.fromCharCode(bytes[at] as number, bytes[at + 1] as number, bytes[at + 2] as number);
    if (tagCache.size < 4096) tagCache.set(key, tag);
  }
  return tag;
}

/**
 * Decode one record in bytes[start, end) (end excludes the record terminator).
 * `terminated` says whether a record terminator followed.
 */
export function decodeRecordAt(
  bytes: Uint8Array,
  start: number,
  end: number,
  options: Iso2709ReadOptions,
  recordNumber: number,
  terminated = true,
  inputOffset = 0,
): DecodedRecord {
  const ctx: Ctx = { bytes, options, recordNumber, inputOffset, problems: undefined };
  const length = end - start;
  if (length < LEADER_LENGTH) {
    throw new MarcError(
      'RECORD_TOO_SHORT',
      `record ${recordNumber}: ${length} bytes is shorter than a leader`,
      {
        record: recordNumber,
        offset: inputOffset + start,
      },
    );
  }
  if (!terminated) report(ctx, 'MISSING_TERMINATOR', 'record terminator missing at end of input', end);
  let leader = latin1(bytes, start, start + LEADER_LENGTH);
  for (let i = 0; i < LEADER_LENGTH; i++) {
    const b = bytes[start + i] as number;
    if (b < 0x20 || b > 0x7e) {
      report(
        ctx,
        'INVALID_LEADER',
        `leader/${String(i).padStart(2, '0')} is byte 0x${b.toString(16)}`,
        start + i,
      );
    }
  }
  const declared = digits(bytes, start, 5);
  if (declared < 0) report(ctx, 'INVALID_LEADER', 'record length in leader/00-04 is not numeric', start);
  else if (declared !== length + 1 && (terminated || declared < length + 1)) {
    report(ctx, 'INVALID_LEADER', `leader says ${declared} bytes but the record has ${length + 1}`, start);
  }

  const indCount = digitAt(leader, 10, 2);
  const identLen = digitAt(leader, 11, 2);
  const lenLen = digitAt(leader, 20, 4);
  const startLen = digitAt(leader, 21, 5);
  const implLen = digitAt(leader, 22, 0);
  const entrySize = 3 + lenLen + startLen + implLen;

  let dirEnd = bytes.indexOf(FT, start + LEADER_LENGTH);
  if (dirEnd < 0 || dirEnd >= end) {
    report(ctx, 'INVALID_DIRECTORY', 'no field terminator after the directory', start + LEADER_LENGTH);
    dirEnd = end;
  }
  const declaredBase = digits(bytes, start + 12, 5);
  // A directory whose terminator was overwritten: trust the base address when it ends a whole entry.
  const declaredEnd = start + declaredBase - 1;
  if (
    declaredBase > LEADER_LENGTH &&
    declaredEnd < dirEnd &&
    bytes[declaredEnd] !== FT &&
    (declaredEnd - start - LEADER_LENGTH) % entrySize === 0
  ) {
    report(ctx, 'INVALID_DIRECTORY', 'directory does not end with a field terminator', declaredEnd);
    dirEnd = declaredEnd;
  }
  const base = dirEnd + 1;
  if (declaredBase !== base - start) {
    report(
      ctx,
      'INVALID_LEADER',
      `base address ${declaredBase < 0 ? 'is not numeric' : `${declaredBase} should be ${base - start}`}`,
      start + 12,
    );
  }
  const dirLength = dirEnd - start - LEADER_LENGTH;
  if (dirLength % entrySize !== 0) {
    report(
      ctx,
      'INVALID_DIRECTORY',
      `directory length ${dirLength} is not a multiple of ${entrySize}`,
      start + LEADER_LENGTH,
    );
  }

  const chosen = chooseMode(ctx, leader, start, dirEnd, end, entrySize);
  const mode: Mode = chosen === 'utf-8-relabel' ? 'utf-8' : chosen === 'latin1-relabel' ? 'latin1' : chosen;
  if ((mode === 'marc8' || chosen === 'utf-8-relabel') && leader[9] !== 'a') {
    leader = `${leader.slice(0, 9)}a${leader.slice(10)}`;
  }
  // MARC-8 and ISO 5426 reset their state at every subfield, so they are decoded subfield by subfield.
  const perSubfield = mode === 'marc8' || mode === 'iso5426';
  // The data area is decoded once. Field and subfield separators are ASCII and survive decoding
  // (a bad UTF-8 sequence never swallows an ASCII byte), so fields in directory order are read off the
  // string with a cursor; when every byte is one UTF-16 unit, byte offsets are string offsets too.
  let area = '';
  let aligned = false;
  if (!perSubfield && base < end) {
    area = mode === 'utf-8' ? utf8(bytes, base, end) : latin1Fast(bytes, base, end);
    aligned = area.length === end - base;
    if (mode === 'utf-8' && area.indexOf('\uFFFD') >= 0) {
      const bad = firstInvalidUtf8(bytes, base, end);
      if (bad >= 0) report(ctx, 'INVALID_ENCODING', 'invalid UTF-8 replaced by U+FFFD', bad);
    }
  }
  let cursor = perSubfield ? -1 : 0; // char offset in `area` of byte offset `seq`, or -1
  const text = (s: number, e: number): string => {
    if (perSubfield) return decodeLegacySpan(ctx, s, e, mode);
    if (aligned) return area.slice(s - base, e - base);
    return mode === 'utf-8' ? utf8(bytes, s, e) : latin1(bytes, s, e);
  };
  /** The decoded text of field bytes [fs, fe), fe being its terminator. */
  const fieldText = (fs: number, fe: number, sequential: boolean): string => {
    if (aligned) return area.slice(fs - base, fe - base); // one character per byte
    // Sequential and holding no inner field terminator: the next FT in `area` ends this field too.
    if (sequential && cursor >= 0 && bytes.indexOf(FT, fs) === fe) {
      let ft = area.indexOf('\x1e', cursor);
      if (ft < 0) ft = area.length;
      const out = area.slice(cursor, ft);
      cursor = ft + 1;
      return out;
    }
    cursor = -1;
    return text(fs, fe);
  };

  const fields: Field[] = [];
  const entries = Math.floor(dirLength / entrySize);
  let seq = base;
  for (let n = 0; n < entries; n++) {
    const at = start + LEADER_LENGTH + n * entrySize;
    const tag = tagAt(bytes, at);
    if (
      !isAlnum(bytes[at] as number) ||
      !isAlnum(bytes[at + 1] as number) ||
      !isAlnum(bytes[at + 2] as number)
    ) {
      report(ctx, 'INVALID_FIELD', `tag ${JSON.stringify(tag)} is not 3 letters or digits`, at, tag);
    }
    const len = digits(bytes, at + 3, lenLen);
    const off = digits(bytes, at + 3 + lenLen, startLen);
    let fs = -1;
    let fe = -1;
    // Offsets are trusted when they land exactly on a field terminator.
    if (len > 0 && off >= 0) {
      const s = base + off;
      const e = s + len - 1;
      if (e < end && bytes[e] === FT && (s === base || bytes[s - 1] === FT)) {
        fs = s;
        fe = e;
      }
    }
    if (fs !== seq && seq < end) {
      // Sequential walk: use it when the offsets are unusable or look wrapped (records > 99 999 bytes).
      const next = bytes.indexOf(FT, seq);
      const e = next < 0 || next >= end ? end : next;
      const wrapped =
        off >= 0 && len >= 0 && (seq - base) % 10 ** startLen === off && (e - seq + 1) % 10 ** lenLen === len;
      if (fs < 0 || wrapped) {
        if (!wrapped)
          report(ctx, 'INVALID_DIRECTORY', `directory entry ${n + 1} does not point at a field`, at, tag);
        if (e === end && next !== end)
          report(ctx, 'MISSING_TERMINATOR', `field ${tag} has no field terminator`, e, tag);
        fs = seq;
        fe = e;
      }
    }
    if (fs < 0) {
      report(ctx, 'INVALID_DIRECTORY', `directory entry ${n + 1} points past the end of the record`, at, tag);
      continue;
    }
    const sequential = fs === seq;
    seq = fe + 1;
    if (perSubfield) {
      fields.push(
        isControlTag(bytes, at) || (indCount === 0 && identLen === 0)
          ? { tag, value: text(fs, fe) }
          : decodeDataField(ctx, tag, fs, fe, indCount, identLen, undefined, text),
      );
      continue;
    }
    const str = fieldText(fs, fe, sequential);
    fields.push(
      isControlTag(bytes, at) || (indCount === 0 && identLen === 0)
        ? { tag, value: str }
        : decodeDataField(ctx, tag, fs, fe, indCount, identLen, str, text),
    );
  }
  if (mode === 'iso5426' || chosen === 'latin1-relabel') declareUnicode(fields, leader);
  return { record: { leader, fields }, problems: ctx.problems ?? [] };
}

/** After ISO 5426 → Unicode, 100 $a must say so (code 50), or the next reader would decode it again. */
function declareUnicode(fields: Field[], leader: string): void {
  const at = leader[6] === 'x' || leader[6] === 'y' || leader[6] === 'z' ? 13 : 26;
  for (const f of fields) {
    if (f.tag !== '100' || !('subfields' in f)) continue;
    const a = f.subfields.find((sf) => sf.code === 'a');
    if (a && a.value.length >= at + 4) a.value = `${a.value.slice(0, at)}50  ${a.value.slice(at + 4)}`;
    return;
  }
}

function chooseMode(
  ctx: Ctx,
  leader: string,
  start: number,
  dirEnd: number,
  end: number,
  entrySize: number,
): Mode | 'utf-8-relabel' | 'latin1-relabel' {
  const { encoding = 'auto', toUtf8 = false } = ctx.options;
  if (encoding === 'utf-8' || encoding === 'latin1') return encoding;
  if (encoding === 'marc8') return 'marc8';
  const flavour = (): MarcFlavour =>
    ctx.options.flavour ?? flavourFromDirectory(ctx.bytes, start, dirEnd, entrySize, leader);
  if (leader[9] === 'a') {
    // MARC 21 leader/09 'a' with bytes that are not UTF-8: with toUtf8, try MARC-8 (spec notes §2.4).
    // (In UNIMARC authorities leader/09 'a' means "personal name", not UTF-8.)
    if (toUtf8 && firstInvalidUtf8(ctx.bytes, dirEnd + 1, end) >= 0 && flavour() === 'marc21') {
      report(
        ctx,
        'INVALID_ENCODING',
        'leader/09 says UTF-8 but the data is not; decoded as MARC-8',
        start + 9,
      );
      return 'marc8';
    }
    return 'utf-8';
  }
  if (flavour() === 'unimarc')
    return toUtf8 ? unimarcMode(ctx, start, dirEnd, end, entrySize, leader) : 'utf-8';
  if (!toUtf8) return 'latin1';
  // leader/09 blank but the bytes are valid multi-byte UTF-8 without escapes: mislabelled UTF-8.
  // (MARC-8 diacritics and specials never form valid UTF-8 sequences with the letters they precede.)
  if (
    ctx.bytes.subarray(dirEnd + 1, end).includes(0x1b) === false &&
    firstInvalidUtf8(ctx.bytes, dirEnd + 1, end) < 0 &&
    hasHighByte(ctx.bytes, dirEnd + 1, end)
  ) {
    report(
      ctx,
      'INVALID_ENCODING',
      'leader/09 says MARC-8 but the data is UTF-8; decoded as UTF-8',
      start + 9,
    );
    return 'utf-8-relabel';
  }
  return 'marc8';
}

function hasHighByte(bytes: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
}

export function flavourFromDirectory(
  bytes: Uint8Array,
  start: number,
  dirEnd: number,
  entrySize: number,
  leader: string,
): MarcFlavour {
  const tags: string[] = [];
  for (let at = start + LEADER_LENGTH; at + 3 <= dirEnd; at += entrySize)
    tags.push(latin1(bytes, at, at + 3));
  return flavourFromTags(tags, leader);
}

const windows1252 = new TextDecoder('windows-1252');
const ABOVE_LATIN1 = /[\u0100-\uffff]/;

/**
 * ISO-8859-1 through the native windows-1252 decoder, which differs only for 0x80-0x9F (mapped above
 * U+00FF); a record holding such bytes is decoded by hand.
 */
function latin1Fast(bytes: Uint8Array, s: number, e: number): string {
  if (hasNativeLatin1) return latin1(bytes, s, e);
  const out = windows1252.decode(bytes.subarray(s, e));
  return ABOVE_LATIN1.test(out) ? latin1(bytes, s, e) : out;
}

/**
 * UNIMARC with toUtf8: the character sets declared in 100 $a decide (ISO 5426 or Latin-1, relabelled
 * `50` afterwards), except that data which is valid multi-byte UTF-8 is UTF-8 whatever 100 $a says
 * (BnF records declare 0103 and hold UTF-8; ISO 5426 diacritics never form valid UTF-8 with a letter).
 */
function unimarcMode(
  ctx: Ctx,
  start: number,
  dirEnd: number,
  end: number,
  entrySize: number,
  leader: string,
): Mode | 'latin1-relabel' {
  const declared = unimarcDecoder(ctx.bytes, start, dirEnd, entrySize, leader);
  if (declared === undefined || declared === 'utf-8') return 'utf-8';
  if (firstInvalidUtf8(ctx.bytes, dirEnd + 1, end) < 0 && hasHighByte(ctx.bytes, dirEnd + 1, end))
    return 'utf-8';
  return declared === 'iso5426' ? 'iso5426' : 'latin1-relabel';
}

/** The decoder 100 $a asks for (UNIMARC), read straight from the bytes. */
function unimarcDecoder(
  bytes: Uint8Array,
  start: number,
  dirEnd: number,
  entrySize: number,
  leader: string,
): UnimarcDecoder | undefined {
  const base = dirEnd + 1;
  for (let at = start + LEADER_LENGTH; at + 12 <= dirEnd; at += entrySize) {
    if (bytes[at] !== 0x31 || bytes[at + 1] !== 0x30 || bytes[at + 2] !== 0x30) continue;
    const off = digits(bytes, at + 7, 5);
    if (off < 0 || base + off >= bytes.length) return undefined;
    let fe = bytes.indexOf(FT, base + off);
    if (fe < 0) fe = bytes.length;
    let p = bytes.indexOf(US, base + off);
    while (p >= 0 && p < fe && bytes[p + 1] !== 0x61) p = bytes.indexOf(US, p + 1);
    if (p < 0 || p >= fe) return undefined;
    let q = bytes.indexOf(US, p + 1);
    if (q < 0 || q > fe) q = fe;
    const kind = leader[6] === 'x' || leader[6] === 'y' || leader[6] === 'z' ? 'authority' : 'bibliographic';
    return unimarcCharsetsFromField100(latin1(bytes, p + 2, q), kind).decoder;
  }
  return undefined;
}

function decodeLegacySpan(ctx: Ctx, s: number, e: number, mode: Mode): string {
  const decode = mode === 'iso5426' ? decodeIso5426 : (ctx.options.marc8Decoder ?? defaultMarc8Decoder);
  const name = mode === 'iso5426' ? 'ISO 5426' : 'MARC-8';
  if (decode === undefined) {
    throw new MarcError('INVALID_ARGUMENT', 'no MARC-8 decoder available: pass options.marc8Decoder');
  }
  // Fast path: ASCII needs no decoder (and MARC-8 state resets at every subfield anyway).
  let ascii = true;
  for (let i = s; i < e; i++) {
    if ((ctx.bytes[i] as number) >= 0x80 || ctx.bytes[i] === 0x1b) {
      ascii = false;
      break;
    }
  }
  if (ascii) return latin1(ctx.bytes, s, e);
  return decode(ctx.bytes.subarray(s, e), (w) =>
    report(ctx, 'INVALID_ENCODING', `${name}: ${w.message}`, s + w.offset),
  );
}

function decodeDataField(
  ctx: Ctx,
  tag: string,
  fs: number,
  fe: number,
  indCount: number,
  identLen: number,
  /** Decoded text of the whole field (UTF-8/Latin-1), or undefined for MARC-8 (decoded per subfield). */
  str: string | undefined,
  text: (s: number, e: number) => string,
): DataField {
  const { bytes } = ctx;
  let first = bytes.indexOf(US, fs);
  if (first < 0 || first > fe) first = fe;
  if (first - fs !== indCount) {
    const missing = first - fs < indCount;
    report(
      ctx,
      missing ? 'INVALID_INDICATOR' : 'INVALID_FIELD',
      missing
        ? `field ${tag}: ${first - fs} indicator bytes instead of ${indCount}; missing ones set to blank`
        : `field ${tag}: ${first - fs - indCount} bytes of data before the first subfield were dropped`,
      fs,
      tag,
    );
  }
  const indEnd = Math.min(fs + indCount, first);
  const ind1 = indEnd > fs ? (CHARS[bytes[fs] as number] as string) : ' ';
  const ind2 = indEnd > fs + 1 ? (CHARS[bytes[fs + 1] as number] as string) : ' ';
  if (indEnd > fs && !isIndicator(bytes[fs] as number)) checkIndicator(ctx, tag, ind1, fs);
  if (indEnd > fs + 1 && !isIndicator(bytes[fs + 1] as number)) checkIndicator(ctx, tag, ind2, fs + 1);

  const subfields: Subfield[] = [];
  const codeLen = Math.max(identLen - 1, 0);
  if (str === undefined) {
    // MARC-8: the decoder state resets at every subfield, so each is decoded on its own.
    let p = first;
    while (p < fe) {
      let q = bytes.indexOf(US, p + 1);
      if (q < 0 || q > fe) q = fe;
      const size = q - p - 1;
      const valueStart = Math.min(p + 1 + codeLen, q);
      const code =
        codeLen === 1 && size > 0
          ? (CHARS[bytes[p + 1] as number] as string)
          : latin1(bytes, p + 1, valueStart);
      pushSubfield(ctx, subfields, tag, code, size >= codeLen ? text(valueStart, q) : '', p, size);
      p = q;
    }
  } else {
    // Offsets in problems are exact for single-byte text and approximate after multi-byte characters.
    let p = str.indexOf('\x1f');
    let at = first;
    while (p >= 0 && p < str.length) {
      let q = str.indexOf('\x1f', p + 1);
      if (q < 0) q = str.length;
      const size = q - p - 1;
      const code =
        codeLen === 1 && size > 0 ? (str[p + 1] as string) : str.slice(p + 1, Math.min(p + 1 + codeLen, q));
      pushSubfield(ctx, subfields, tag, code, size >= codeLen ? str.slice(p + 1 + codeLen, q) : '', at, size);
      at += size + 1;
      p = q;
    }
  }
  return { tag, ind1, ind2, subfields };
}

function isIndicator(c: number): boolean {
  return c === 0x20 || c === 0x7c || (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

function pushSubfield(
  ctx: Ctx,
  out: Subfield[],
  tag: string,
  code: string,
  value: string,
  at: number,
  size: number,
): void {
  if (size === 0) {
    report(ctx, 'INVALID_SUBFIELD', `field ${tag}: empty subfield dropped`, at, tag);
    return;
  }
  const c = code.charCodeAt(0);
  if (!(c > 0x20 && c < 0x7f)) {
    report(
      ctx,
      'INVALID_SUBFIELD',
      `field ${tag}: subfield code ${JSON.stringify(code)} is not a printable ASCII character`,
      at + 1,
      tag,
    );
  }
  out.push({ code, value });
}

function checkIndicator(ctx: Ctx, tag: string, ind: string, at: number): void {
  if (isIndicator(ind.charCodeAt(0))) return;
  report(
    ctx,
    'INVALID_INDICATOR',
    `field ${tag}: indicator ${JSON.stringify(ind)} is not [0-9a-z ]`,
    at,
    tag,
  );
}

/** Bytes that may precede a record without comment: whitespace, NUL, DOS end-of-file. */
export function isFiller(b: number): boolean {
  return b === 0x20 || b === 0x00 || b === 0x0a || b === 0x0d || b === 0x1a || b === 0x09;
}

/**
 * Decode the bytes between two record terminators (or after the last one). Returns undefined for
 * filler-only chunks. Problems go to options.onProblem; fragments too short to be a record are
 * reported and skipped (strict: thrown).
 */
export function decodeChunk(
  bytes: Uint8Array,
  start: number,
  end: number,
  options: Iso2709ReadOptions,
  recordNumber: number,
  terminated: boolean,
  inputOffset: number,
): MarcRecord | undefined {
  let s = start;
  while (s < end && isFiller(bytes[s] as number)) s++;
  if (s === end) return undefined;
  if (end - s < LEADER_LENGTH) {
    const p: MarcProblem = {
      code: 'RECORD_TOO_SHORT',
      message: `${end - s} stray bytes are not a record; skipped`,
      record: recordNumber,
      offset: inputOffset + s,
    };
    if (options.strict) throw problemToError(p);
    options.onProblem?.(p);
    return undefined;
  }
  return decodeRecordAt(bytes, s, end, options, recordNumber, terminated, inputOffset).record;
}

/** Every record in a buffer (a whole .mrc file). */
export function parseIso2709(bytes: Uint8Array, options: Iso2709ReadOptions = {}): MarcRecord[] {
  const out: MarcRecord[] = [];
  let pos = 0;
  let n = 0;
  while (pos < bytes.length) {
    let rt = bytes.indexOf(RT, pos);
    const terminated = rt >= 0;
    if (!terminated) rt = bytes.length;
    const r = decodeChunk(bytes, pos, rt, options, n + 1, terminated, 0);
    if (r !== undefined) {
      out.push(r);
      n++;
    }
    pos = rt + 1;
  }
  return out;
}

/** Exactly one record (the record terminator may be missing). */
export function parseIso2709Record(bytes: Uint8Array, options: Iso2709ReadOptions = {}): MarcRecord {
  const records = parseIso2709(bytes, options);
  if (records.length !== 1) {
    throw new MarcError('INVALID_ARGUMENT', `expected one ISO 2709 record, found ${records.length}`);
  }
  return records[0] as MarcRecord;
}

/** One record with the list of problems a lenient read repaired. */
export function decodeIso2709Record(bytes: Uint8Array, options: Iso2709ReadOptions = {}): DecodedRecord {
  let end = bytes.indexOf(RT);
  const terminated = end >= 0;
  if (!terminated) end = bytes.length;
  let s = 0;
  while (s < end && isFiller(bytes[s] as number)) s++;
  return decodeRecordAt(bytes, s, end, options, 1, terminated);
}
