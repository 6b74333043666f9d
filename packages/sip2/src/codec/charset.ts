// Charsets of a SIP2 connection, written here so the codec needs no iconv. Every decoder maps
// every byte to something (U+FFFD for bytes the charset does not define), so decoding never throws.
import { Sip2Error } from '../errors.js';
import type { Sip2UnmappablePolicy } from './types.js';

export type Sip2Charset = 'ascii' | 'cp850' | 'iso-8859-1' | 'utf-8';

export const SIP2_CHARSETS: readonly Sip2Charset[] = ['ascii', 'cp850', 'iso-8859-1', 'utf-8'];

const ALIASES: Readonly<Record<string, Sip2Charset>> = {
  ascii: 'ascii',
  'us-ascii': 'ascii',
  cp850: 'cp850',
  ibm850: 'cp850',
  '850': 'cp850',
  'iso-8859-1': 'iso-8859-1',
  iso88591: 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** The charset option's value (default `utf-8`); throws INVALID_ARGUMENT for anything else. */
export function checkedCharset(value: unknown): Sip2Charset {
  if (value === undefined) return 'utf-8';
  if (value === 'utf-8' || value === 'ascii' || value === 'cp850' || value === 'iso-8859-1') return value;
  const got = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  throw new Sip2Error('INVALID_ARGUMENT', `charset must be one of ${SIP2_CHARSETS.join(', ')}, got ${got}`, {
    field: 'charset',
  });
}

/** Accepts the usual spellings (`utf8`, `latin1`, `IBM850` …); undefined for anything else. */
export function charsetOf(name: string): Sip2Charset | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

// CP850 bytes 0x80–0xFF (IBM code page 850, "Multilingual Latin 1").
const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

const CP850_REVERSE = new Map<number, number>();
for (let i = 0; i < 128; i++) CP850_REVERSE.set(CP850_HIGH.charCodeAt(i), 0x80 + i);

/** CP850 byte of each character below U+2600 that CP850 has above 0x7F (0: none); for the fast paths. */
export const CP850_BYTE_OF = new Uint8Array(0x2600);
for (let i = 0; i < 128; i++) CP850_BYTE_OF[CP850_HIGH.charCodeAt(i)] = 0x80 + i;

const utf8Decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export interface DecodedText {
  readonly text: string;
  /** Byte offsets of bytes that are not valid in the charset (each became U+FFFD). */
  readonly invalid: readonly number[];
}

const NO_OFFSETS: readonly number[] = [];

/** Bytes to text. Never throws: undefined bytes become U+FFFD and are listed in `invalid`. */
export function decodeText(bytes: Uint8Array, charset: Sip2Charset): DecodedText {
  if (charset === 'utf-8') {
    const text = utf8Decoder.decode(bytes);
    return { text, invalid: text.includes('\uFFFD') ? invalidUtf8Offsets(bytes) : NO_OFFSETS };
  }
  let high = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      high = i;
      break;
    }
  }
  // ASCII bytes read the same in every charset here; the native UTF-8 decoder is the fastest path.
  if (high < 0) return { text: utf8Decoder.decode(bytes), invalid: NO_OFFSETS };
  switch (charset) {
    case 'iso-8859-1':
      return { text: latin1String(bytes), invalid: NO_OFFSETS };
    case 'cp850': {
      let text = '';
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        text += b < 0x80 ? String.fromCharCode(b) : CP850_HIGH[b - 0x80]!;
      }
      return { text, invalid: NO_OFFSETS };
    }
    case 'ascii': {
      const invalid: number[] = [];
      let text = '';
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        if (b < 0x80) text += String.fromCharCode(b);
        else {
          text += '\uFFFD';
          invalid.push(i);
        }
      }
      return { text, invalid };
    }
  }
}

/** Text of bytes in a single-byte charset whose every byte is defined (ISO-8859-1, CP850). */
export function singleByteText(bytes: Uint8Array, charset: 'iso-8859-1' | 'cp850'): string {
  if (charset === 'iso-8859-1') return latin1String(bytes);
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    text += b < 0x80 ? String.fromCharCode(b) : CP850_HIGH[b - 0x80]!;
  }
  return text;
}

function latin1String(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  }
  return text;
}

/** Start offsets of the maximal invalid subsequences, as the WHATWG decoder replaces them. */
function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      out.push(i);
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) break;
    }
    if (j <= need) out.push(i);
    i += j;
  }
  return out;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Index of the first character the charset cannot represent, or -1. */
export function firstUnmappable(text: string, charset: Sip2Charset): number {
  if (charset === 'utf-8' && !SURROGATE.test(text)) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (!canEncode(text, i, c, charset)) return i;
    if (c >= 0xd800 && c <= 0xdbff) i++; // a valid pair: skip the low half
  }
  return -1;
}

function canEncode(text: string, i: number, c: number, charset: Sip2Charset): boolean {
  switch (charset) {
    case 'ascii':
      return false;
    case 'iso-8859-1':
      return c <= 0xff;
    case 'cp850':
      return CP850_REVERSE.has(c);
    case 'utf-8': {
      if (c < 0xd800 || c > 0xdfff) return true;
      const next = text.charCodeAt(i + 1);
      return c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    }
  }
}

/**
 * Text to bytes. Characters outside the charset follow `policy`: `replace` writes the unaccented
 * base letter when there is one (é → e in ASCII) and `?` otherwise; `error` throws.
 */
export function encodeText(
  text: string,
  charset: Sip2Charset,
  policy: Sip2UnmappablePolicy = 'replace',
): Uint8Array {
  const out = new Uint8Array(maxEncodedLength(text, charset));
  return out.subarray(0, encodeTextInto(text, charset, policy, out));
}

/** An upper bound of the encoded length (3 bytes per UTF-16 unit covers all of UTF-8). */
export function maxEncodedLength(text: string, charset: Sip2Charset): number {
  return charset === 'utf-8' ? text.length * 3 : text.length;
}

/** Writes the text at the start of `out` (at least `maxEncodedLength` long); returns the byte count. */
export function encodeTextInto(
  text: string,
  charset: Sip2Charset,
  policy: Sip2UnmappablePolicy,
  out: Uint8Array,
): number {
  const bad = firstUnmappable(text, charset);
  if (bad >= 0) {
    if (policy === 'error') {
      const cp = text.codePointAt(bad)!;
      throw new Sip2Error(
        'UNMAPPABLE_CHARACTER',
        `U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${bad} cannot be written in ${charset}`,
        { offset: bad },
      );
    }
    text = replaceUnmappable(text, charset);
  }
  if (charset === 'utf-8') return utf8Encoder.encodeInto(text, out).written;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 || charset === 'iso-8859-1' ? c : CP850_REVERSE.get(c)!;
  }
  return text.length;
}

const COMBINING_MARK = /^\p{M}$/u;

function replaceUnmappable(text: string, charset: Sip2Charset): string {
  let out = '';
  for (const ch of text) {
    if (firstUnmappable(ch, charset) < 0) {
      out += ch;
      continue;
    }
    if (charset === 'utf-8') {
      out += '\uFFFD'; // only lone surrogates are unmappable in UTF-8
      continue;
    }
    if (COMBINING_MARK.test(ch)) continue; // already-decomposed accents: keep the base letter only
    const base = ch.normalize('NFD')[0]!;
    out += base !== ch && firstUnmappable(base, charset) < 0 ? base : '?';
  }
  return out;
}
