// The ISO 2709 writer's fast path for UTF-8 records: fields are encoded straight into the output with
// the directory filled in as they go (no data-area string, no second pass for field terminators).
// Anything unusual (a terminator or delimiter in a value, a malformed tag, indicator or code, an
// oversized field or record) returns false and the general path writes the record or throws its error.
import { isControlField, type MarcRecord } from '../record.js';
import { FT, MAX_FIELD_LENGTH, MAX_RECORD_LENGTH, RT, US } from './constants.js';
import type { ByteBuffer } from './write.js';

const encoder = new TextEncoder();

/** Writes s at out[o] (room for 3 bytes per unit); the new end, or -1 for a 0x1D-0x1F character. */
function putUtf8(s: string, out: Uint8Array, o: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      const rest = s.slice(i);
      for (let k = 0; k < rest.length; k++) {
        const d = rest.charCodeAt(k);
        if (d === RT || d === FT || d === US) return -1;
      }
      return o + encoder.encodeInto(rest, out.subarray(o)).written;
    }
    if (c === RT || c === FT || c === US) return -1;
    out[o++] = c;
  }
  return o;
}

function putDigits(out: Uint8Array, at: number, value: number, width: number): void {
  for (let i = at + width - 1; i >= at; i--) {
    out[i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

function oneChar(s: string): number {
  return s.length === 1 ? s.charCodeAt(0) : -1;
}

/** Appends the record with a UTF-8 data area; leader positions are written by the caller's writeLeader. */
export function encodeUtf8Fields(
  record: MarcRecord,
  buf: ByteBuffer,
  headerStart: number,
  dirSize: number,
): number {
  const dataStart = headerStart + 24 + dirSize;
  buf.ensure(24 + dirSize);
  let out = buf.bytes;
  let o = dataStart;
  let dirAt = headerStart + 24;
  for (const f of record.fields) {
    const tag = f.tag;
    if (tag.length !== 3) return -1;
    const fieldStart = o;
    if (isControlField(f)) {
      const need = f.value.length * 3 + 1;
      if (o + need > out.length) {
        buf.length = o;
        buf.ensure(need);
        out = buf.bytes;
      }
      o = putUtf8(f.value, out, o);
      if (o < 0) return -1;
    } else {
      const i1 = oneChar(f.ind1);
      const i2 = oneChar(f.ind2);
      if (i1 < 0 || i2 < 0 || i1 >= 0x80 || i2 >= 0x80 || i1 === US || i2 === US) return -1;
      if (o + 3 > out.length) {
        buf.length = o;
        buf.ensure(3);
        out = buf.bytes;
      }
      out[o++] = i1;
      out[o++] = i2;
      for (const s of f.subfields) {
        const code = oneChar(s.code);
        if (code < 0 || code >= 0x80 || code === RT || code === FT || code === US) return -1;
        const need = s.value.length * 3 + 3;
        if (o + need > out.length) {
          buf.length = o;
          buf.ensure(need);
          out = buf.bytes;
        }
        out[o++] = US;
        out[o++] = code;
        o = putUtf8(s.value, out, o);
        if (o < 0) return -1;
      }
    }
    if (o + 2 > out.length) {
      buf.length = o;
      buf.ensure(2);
      out = buf.bytes;
    }
    out[o++] = FT;
    const len = o - fieldStart;
    const off = fieldStart - dataStart;
    if (len > MAX_FIELD_LENGTH || off > MAX_RECORD_LENGTH) return -1;
    for (let k = 0; k < 3; k++) out[dirAt + k] = tag.charCodeAt(k) & 0xff;
    putDigits(out, dirAt + 3, len, 4);
    putDigits(out, dirAt + 7, off, 5);
    dirAt += 12;
  }
  out[dirAt] = FT;
  out[o++] = RT;
  if (o - headerStart > MAX_RECORD_LENGTH) return -1;
  return o;
}
