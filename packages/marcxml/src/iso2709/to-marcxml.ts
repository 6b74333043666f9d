// ISO 2709 → MARCXML straight from the record bytes, for records that need no repair: the directory
// is walked, values are XML-escaped byte by byte (UTF-8 validated in the same pass, or ISO-8859-1
// widened to UTF-8) into the output buffer. Anything the record path would report or rewrite makes it
// give up (returns false, output untouched), and the caller decodes that record the usual way, so the
// output is the same byte for byte (a property test holds the two paths to that).

import type { MarcXmlWriteOptions } from '../marcxml/write.js';
import { FT, US } from './constants.js';
import { flavourFromDirectory, type Iso2709ReadOptions } from './read.js';
import type { ByteBuffer } from './write.js';

const encoder = new TextEncoder();

// Byte classes in element content: copied, dropped (or U+FFFD), written as an entity, or the start
// of a multi-byte character (or an ISO-8859-1 letter).
const COPY = 0;
const DROP = 1;
const ENTITY = 2;
const HIGH = 3;
const CLASS = new Uint8Array(256).map((_, b) => {
  if (b === 0x26 || b === 0x3c || b === 0x3e || b === 0x0d) return ENTITY;
  if (b === 0x09 || b === 0x0a) return COPY;
  if (b < 0x20) return DROP;
  return b < 0x80 ? COPY : HIGH;
});
const ENTITIES: readonly Uint8Array[] = Array.from(
  { length: 128 },
  (_, b) =>
    b === 0x26
      ? encoder.encode('&amp;')
      : b === 0x3c
        ? encoder.encode('&lt;')
        : b === 0x3e
          ? encoder.encode('&gt;')
          : encoder.encode('&#13;'), // a raw CR would be folded into LF by a reader
);

function put(out: Uint8Array, o: number, piece: Uint8Array): number {
  for (let k = 0; k < piece.length; k++) out[o++] = piece[k] as number;
  return o;
}

const UTF8 = 0;
const LATIN1 = 1;
const ASCII = 2;

/**
 * Escapes bytes[s, e) as element content into out at o (room for 6 bytes per input byte); returns the
 * new end, or -1 when the bytes are not what the mode expects (the record path would repair them).
 */
function escapeInto(
  bytes: Uint8Array,
  s: number,
  e: number,
  out: Uint8Array,
  o: number,
  mode: number,
  replace: boolean,
): number {
  for (let i = s; i < e; i++) {
    const b = bytes[i] as number;
    const cls = CLASS[b] as number;
    if (cls === COPY) {
      out[o++] = b;
      continue;
    }
    if (cls === DROP) {
      if (replace) {
        out[o++] = 0xef;
        out[o++] = 0xbf;
        out[o++] = 0xbd;
      }
      continue;
    }
    if (cls === ENTITY) {
      o = put(out, o, ENTITIES[b] as Uint8Array);
      continue;
    }
    if (mode === LATIN1) {
      out[o++] = 0xc0 | (b >> 6);
      out[o++] = 0x80 | (b & 0x3f);
      continue;
    }
    if (mode === ASCII) return -1;
    // Well-formed UTF-8 only (the WHATWG decoder's rules); U+FFFE/U+FFFF are not XML characters.
    const b1 = bytes[i + 1] as number;
    if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 >= e || (b1 & 0xc0) !== 0x80) return -1;
      out[o++] = b;
      out[o++] = b1;
      i += 1;
      continue;
    }
    const b2 = bytes[i + 2] as number;
    if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= e || (b2 & 0xc0) !== 0x80) return -1;
      if (b === 0xe0 ? b1 < 0xa0 || b1 > 0xbf : b === 0xed ? b1 < 0x80 || b1 > 0x9f : (b1 & 0xc0) !== 0x80)
        return -1;
      if (b === 0xef && b1 === 0xbf && (b2 === 0xbe || b2 === 0xbf)) {
        if (replace) {
          out[o++] = 0xef;
          out[o++] = 0xbf;
          out[o++] = 0xbd;
        }
      } else {
        out[o++] = b;
        out[o++] = b1;
        out[o++] = b2;
      }
      i += 2;
      continue;
    }
    const b3 = bytes[i + 3] as number;
    if (b >= 0xf0 && b <= 0xf4) {
      if (i + 3 >= e || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return -1;
      if (b === 0xf0 ? b1 < 0x90 || b1 > 0xbf : b === 0xf4 ? b1 < 0x80 || b1 > 0x8f : (b1 & 0xc0) !== 0x80)
        return -1;
      out[o++] = b;
      out[o++] = b1;
      out[o++] = b2;
      out[o++] = b3;
      i += 3;
      continue;
    }
    return -1;
  }
  return o;
}

function isAlnum(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
}

/** Printable ASCII that needs no escaping in an attribute. */
function isCode(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x26 && c !== 0x3c && c !== 0x3e;
}

function isIndicator(c: number): boolean {
  return c === 0x20 || c === 0x7c || (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
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

interface Pieces {
  recordOpen: Uint8Array;
  leaderClose: Uint8Array;
  controlOpen: Uint8Array;
  controlClose: Uint8Array;
  dataOpen: Uint8Array;
  ind1: Uint8Array;
  ind2: Uint8Array;
  tagClose: Uint8Array;
  subfieldOpen: Uint8Array;
  attrClose: Uint8Array;
  subfieldClose: Uint8Array;
  dataClose: Uint8Array;
  recordClose: Uint8Array;
  /** Most bytes a record adds besides 6 per data byte (per field/subfield markup). */
  perUnit: number;
}

function pieces(options: MarcXmlWriteOptions): Pieces {
  const p = options.prefix ? `${options.prefix}:` : '';
  const indent = options.indent !== false;
  const nl = indent ? '\n' : '';
  const i1 = indent ? '  ' : '';
  const i2 = indent ? '    ' : '';
  const e = (s: string) => encoder.encode(s);
  const out = {
    recordOpen: e(`<${p}record>${nl}${i1}<${p}leader>`),
    leaderClose: e(`</${p}leader>${nl}`),
    controlOpen: e(`${i1}<${p}controlfield tag="`),
    controlClose: e(`</${p}controlfield>${nl}`),
    dataOpen: e(`${i1}<${p}datafield tag="`),
    ind1: e('" ind1="'),
    ind2: e('" ind2="'),
    tagClose: e(`">${nl}`),
    subfieldOpen: e(`${i2}<${p}subfield code="`),
    attrClose: e('">'),
    subfieldClose: e(`</${p}subfield>${nl}`),
    dataClose: e(`${i1}</${p}datafield>${nl}`),
    recordClose: e(`</${p}record>${nl}`),
    perUnit: 0,
  };
  out.perUnit = 64 + 4 * e(p).length;
  return out;
}

export interface IsoToXmlTranscoder {
  /** Appends the record in bytes[start, end) (terminator excluded) to `buf`; false when it cannot. */
  record(bytes: Uint8Array, start: number, end: number, buf: ByteBuffer): boolean;
}

/** Undefined when the options ask for something only the record path does (MARC-8, toUtf8 relabelling). */
export function createIsoToXmlTranscoder(
  read: Iso2709ReadOptions,
  write: MarcXmlWriteOptions,
): IsoToXmlTranscoder | undefined {
  const encoding = read.encoding ?? 'auto';
  if (encoding === 'marc8') return undefined;
  const pc = pieces(write);
  const replace = write.invalidChars === 'replace';
  const toUtf8 = read.toUtf8 === true;

  return {
    record(bytes, start, end, buf) {
      const length = end - start;
      if (length < 24 + 1) return false;
      // Leader: printable, length and parameters as this writer's reader expects them without repair.
      for (let i = start; i < start + 24; i++) {
        const b = bytes[i] as number;
        if (b < 0x20 || b > 0x7e) return false;
      }
      if (digits(bytes, start, 5) !== length + 1) return false;
      if (
        bytes[start + 10] !== 0x32 ||
        bytes[start + 11] !== 0x32 ||
        bytes[start + 20] !== 0x34 ||
        bytes[start + 21] !== 0x35 ||
        bytes[start + 22] !== 0x30
      )
        return false;
      const dirEnd = bytes.indexOf(FT, start + 24);
      if (dirEnd < 0 || dirEnd >= end) return false;
      const base = dirEnd + 1;
      if (digits(bytes, start + 12, 5) !== base - start) return false;
      const dirLength = dirEnd - start - 24;
      if (dirLength % 12 !== 0) return false;

      let mode: number;
      const ld09 = bytes[start + 9];
      if (encoding === 'utf-8') mode = UTF8;
      else if (encoding === 'latin1') mode = LATIN1;
      else if (ld09 === 0x61) mode = UTF8;
      else {
        // MARC-8 to Unicode (the reader also relabels leader/09): the record path's job.
        if (toUtf8) return false;
        let high = false;
        for (let i = base; i < end; i++) {
          if ((bytes[i] as number) >= 0x80) {
            high = true;
            break;
          }
        }
        if (!high) mode = ASCII;
        else {
          const leader = String.fromCharCode(...bytes.subarray(start, start + 24));
          const flavour = read.flavour ?? flavourFromDirectory(bytes, start, dirEnd, 12, leader);
          mode = flavour === 'unimarc' ? UTF8 : LATIN1;
        }
      }

      const mark = buf.length;
      let out = buf.bytes;
      let o = buf.length;
      const perUnit = pc.perUnit;
      if (o + 256 > out.length) {
        buf.ensure(256);
        out = buf.bytes;
      }
      o = put(out, o, pc.recordOpen);
      for (let i = start; i < start + 24; i++) {
        const b = bytes[i] as number;
        if (CLASS[b] === COPY) out[o++] = b;
        else o = put(out, o, ENTITIES[b] as Uint8Array);
      }
      o = put(out, o, pc.leaderClose);

      let seq = base;
      for (let at = start + 24; at < dirEnd; at += 12) {
        const t0 = bytes[at] as number;
        const t1 = bytes[at + 1] as number;
        const t2 = bytes[at + 2] as number;
        if (!isAlnum(t0) || !isAlnum(t1) || !isAlnum(t2)) {
          o = -1;
          break;
        }
        const len = digits(bytes, at + 3, 4);
        const off = digits(bytes, at + 7, 5);
        if (len <= 0 || off < 0 || base + off !== seq) {
          o = -1;
          break;
        }
        const fs = seq;
        const fe = seq + len - 1;
        if (fe >= end || bytes[fe] !== FT) {
          o = -1;
          break;
        }
        seq = fe + 1;
        // A BOM at the start of a field is dropped by the decoder the record path uses.
        if (
          mode === UTF8 &&
          bytes[fs] === 0xef &&
          bytes[fs + 1] === 0xbb &&
          bytes[fs + 2] === 0xbf &&
          fe - fs >= 3
        ) {
          o = -1;
          break;
        }
        // Room for the markup, and 6 output bytes per input byte of a control field.
        const need = (fe - fs) * 6 + 2 * perUnit;
        if (o + need > out.length) {
          buf.length = o;
          buf.ensure(need);
          out = buf.bytes;
        }
        if (t0 === 0x30 && t1 === 0x30 && t2 >= 0x30 && t2 <= 0x39) {
          o = put(out, o, pc.controlOpen);
          out[o++] = t0;
          out[o++] = t1;
          out[o++] = t2;
          o = put(out, o, pc.attrClose);
          o = escapeInto(bytes, fs, fe, out, o, mode, replace);
          if (o < 0) break;
          o = put(out, o, pc.controlClose);
          continue;
        }
        // Data field: two valid indicators, then non-empty subfields with printable codes.
        if (fe - fs < 2 || (bytes[fs + 2] !== US && fe - fs !== 2)) {
          o = -1;
          break;
        }
        const i1 = bytes[fs] as number;
        const i2 = bytes[fs + 1] as number;
        if (!isIndicator(i1) || !isIndicator(i2)) {
          o = -1;
          break;
        }
        o = put(out, o, pc.dataOpen);
        out[o++] = t0;
        out[o++] = t1;
        out[o++] = t2;
        o = put(out, o, pc.ind1);
        out[o++] = i1;
        o = put(out, o, pc.ind2);
        out[o++] = i2;
        o = put(out, o, pc.tagClose);
        let p = fs + 2;
        while (p < fe) {
          let q = bytes.indexOf(US, p + 1);
          if (q < 0 || q > fe) q = fe;
          const code = bytes[p + 1] as number;
          if (q - p < 2 || !isCode(code)) {
            o = -1;
            break;
          }
          const room = (q - p) * 6 + 2 * perUnit;
          if (o + room > out.length) {
            buf.length = o;
            buf.ensure(room);
            out = buf.bytes;
          }
          o = put(out, o, pc.subfieldOpen);
          out[o++] = code;
          o = put(out, o, pc.attrClose);
          o = escapeInto(bytes, p + 2, q, out, o, mode, replace);
          if (o < 0) break;
          o = put(out, o, pc.subfieldClose);
          p = q;
        }
        if (o < 0) break;
        if (o + perUnit > out.length) {
          buf.length = o;
          buf.ensure(perUnit);
          out = buf.bytes;
        }
        o = put(out, o, pc.dataClose);
      }
      if (o < 0) {
        buf.length = mark;
        return false;
      }
      if (o + 64 > out.length) {
        buf.length = o;
        buf.ensure(64);
        out = buf.bytes;
      }
      o = put(out, o, pc.recordClose);
      buf.length = o;
      return true;
    },
  };
}
