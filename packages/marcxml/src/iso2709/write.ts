// ISO 2709 writer: builds each record's data area as one string, encodes it once, and derives the
// directory from the field terminators in the encoded bytes (lengths are bytes, never characters).
// MARC-8 output encodes value by value instead (the MARC-8 state resets at every subfield).
import type { UnmappablePolicy } from '../charset/marc8.js';
import { MarcError, type ProblemHandler } from '../errors.js';
import { detectFlavour } from '../flavour.js';
import { isControlField, type MarcRecord } from '../record.js';
import { FT, MAX_FIELD_LENGTH, MAX_RECORD_LENGTH, RT } from './constants.js';
import { writeMarc8DataArea } from './write-marc8.js';
import { encodeUtf8Fields } from './write-utf8.js';

export interface Iso2709WriteOptions {
  /**
   * 'auto' (default): UTF-8 when leader/09 is 'a' or the record is UNIMARC; otherwise ISO-8859-1
   * when every character fits (the byte-transparent form the reader gives MARC-8 records), else UTF-8.
   * 'marc8': text encoded as MARC-8 (LC code tables) and leader/09 set to blank.
   */
  encoding?: 'auto' | 'utf-8' | 'latin1' | 'marc8';
  /**
   * MARC-8 only: a character MARC-8 cannot represent is written as `&#xXXXX;` ('ncr', default, LC's
   * lossless convention), as `?` ('replace'), or throws MarcError INVALID_ENCODING ('error').
   * Under 'ncr' and 'replace' every such character is reported to `onProblem`.
   */
  unmappable?: UnmappablePolicy;
  /** MARC-8 only: receives an INVALID_ENCODING problem for every unmappable character. */
  onProblem?: ProblemHandler;
  /**
   * Write records over 99 999 bytes (leader length 99999) and fields over 9 999 bytes (lengths and
   * offsets modulo their width, as marc4j does; this package's reader recovers them). Default: throw.
   */
  allowOversize?: boolean;
}

const encoder = new TextEncoder();

/** A growable output buffer, reused across records. */
export class ByteBuffer {
  bytes: Uint8Array;
  length = 0;
  constructor(size = 1 << 16) {
    this.bytes = new Uint8Array(size);
  }
  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export function fail(message: string, tag?: string): never {
  throw new MarcError('INVALID_VALUE', message, tag === undefined ? {} : { tag });
}

function buildDataArea(record: MarcRecord): string {
  let data = '';
  for (const f of record.fields) {
    if (f.tag.length !== 3) fail(`tag ${JSON.stringify(f.tag)} is not 3 characters`, f.tag);
    if (isControlField(f)) {
      data += `${f.value}\x1e`;
      continue;
    }
    if (f.ind1.length !== 1 || f.ind2.length !== 1)
      fail(`field ${f.tag}: indicators must be one character each`, f.tag);
    data += f.ind1 + f.ind2;
    for (const s of f.subfields) {
      if (s.code.length !== 1)
        fail(`field ${f.tag}: subfield code ${JSON.stringify(s.code)} is not one character`, f.tag);
      if (s.value.includes('\x1f'))
        fail(`field ${f.tag}$${s.code}: value contains a subfield delimiter`, f.tag);
      data += `\x1f${s.code}${s.value}`;
    }
    data += '\x1e';
  }
  return data;
}

function chooseLatin1(record: MarcRecord, encoding: 'auto' | 'utf-8' | 'latin1' | 'marc8'): boolean {
  if (encoding !== 'auto') return encoding === 'latin1';
  if (record.leader[9] === 'a') return false;
  return detectFlavour(record) === 'marc21';
}

function pad(out: Uint8Array, at: number, value: number, width: number): void {
  for (let i = at + width - 1; i >= at; i--) {
    out[i] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

/** Append one encoded record to `buf` (`recordNumber` only labels MARC-8 problems). */
export function encodeIso2709Into(
  record: MarcRecord,
  buf: ByteBuffer,
  options: Iso2709WriteOptions = {},
  recordNumber = 1,
): void {
  const fieldCount = record.fields.length;
  const dirSize = fieldCount * 12 + 1;
  const headerStart = buf.length;
  const dataStart = headerStart + 24 + dirSize;
  if (options.encoding === 'marc8') {
    buf.ensure(24 + dirSize);
    buf.length = dataStart;
    writeMarc8DataArea(record, buf, options, recordNumber);
    const end = buf.length;
    buf.ensure(1); // the record terminator (ensure keeps only bytes below buf.length)
    buf.length = headerStart;
    finishRecord(record, buf, options, headerStart, dataStart, end, dirSize);
    buf.bytes[headerStart + 9] = 0x20;
    return;
  }
  const encoding = options.encoding ?? 'auto';
  if (encoding === 'utf-8' || (encoding === 'auto' && record.leader[9] === 'a')) {
    const end = encodeUtf8Fields(record, buf, headerStart, dirSize);
    if (end >= 0) {
      writeLeader(record.leader, buf.bytes, headerStart, end - headerStart, 24 + dirSize);
      buf.length = end;
      return;
    }
    buf.length = headerStart; // the general path writes it again, or throws the error it finds
  }
  const data = buildDataArea(record);
  buf.ensure(24 + dirSize + data.length * 3 + 1);
  let dataLength = -1;
  let flipTo09a = false;
  if (chooseLatin1(record, encoding)) {
    const out = buf.bytes;
    dataLength = data.length;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (c > 0xff) {
        if (options.encoding === 'latin1')
          fail(`character U+${c.toString(16).toUpperCase()} does not fit ISO-8859-1`);
        // Text the byte-transparent MARC-8 form cannot hold is written as UTF-8, and the leader says so.
        dataLength = -1;
        flipTo09a = true;
        break;
      }
      out[dataStart + i] = c;
    }
  }
  if (dataLength < 0) {
    dataLength = encoder.encodeInto(data, buf.bytes.subarray(dataStart)).written;
  }
  finishRecord(record, buf, options, headerStart, dataStart, dataStart + dataLength, dirSize);
  if (flipTo09a) buf.bytes[headerStart + 9] = 0x61;
}

/** Directory, leader and record terminator around the data area already in buf[dataStart, end). */
function finishRecord(
  record: MarcRecord,
  buf: ByteBuffer,
  options: Iso2709WriteOptions,
  headerStart: number,
  dataStart: number,
  end: number,
  dirSize: number,
): void {
  const out = buf.bytes;
  if (out.subarray(dataStart, end).includes(RT)) fail('a value contains a record terminator (0x1D)');
  // Directory from the field terminators; a value holding one would shift every later field.
  let pos = dataStart;
  let dirAt = headerStart + 24;
  const allow = options.allowOversize === true;
  for (const f of record.fields) {
    const ft = out.indexOf(FT, pos);
    if (ft < 0 || ft >= end) fail(`field ${f.tag}: a value contains a field terminator (0x1E)`, f.tag);
    const len = ft - pos + 1;
    const off = pos - dataStart;
    if (!allow && (len > MAX_FIELD_LENGTH || off > MAX_RECORD_LENGTH)) {
      throw new MarcError('RECORD_TOO_LONG', `field ${f.tag} is ${len} bytes (ISO 2709 allows 9999)`, {
        tag: f.tag,
      });
    }
    for (let k = 0; k < 3; k++) out[dirAt + k] = f.tag.charCodeAt(k) & 0xff;
    pad(out, dirAt + 3, len % 10_000, 4);
    pad(out, dirAt + 7, off % 100_000, 5);
    dirAt += 12;
    pos = ft + 1;
  }
  if (pos !== end) fail('a value contains a field terminator (0x1E)');
  out[dirAt] = FT;
  out[end] = RT;
  const total = end + 1 - headerStart;
  if (total > MAX_RECORD_LENGTH && !allow) {
    throw new MarcError(
      'RECORD_TOO_LONG',
      `record is ${total} bytes (ISO 2709 allows 99999); set allowOversize`,
    );
  }
  writeLeader(record.leader, out, headerStart, Math.min(total, MAX_RECORD_LENGTH), 24 + dirSize);
  buf.length = end + 1;
}

function writeLeader(leader: string, out: Uint8Array, at: number, length: number, base: number): void {
  for (let i = 0; i < 24; i++) {
    const c = i < leader.length ? leader.charCodeAt(i) : 0x20;
    out[at + i] = c >= 0x20 && c < 0x7f ? c : 0x20;
  }
  pad(out, at, length, 5);
  out[at + 10] = 0x32;
  out[at + 11] = 0x32;
  pad(out, at + 12, base, 5);
  out[at + 20] = 0x34;
  out[at + 21] = 0x35;
  out[at + 22] = 0x30;
}

function isRecord(value: MarcRecord | Iterable<MarcRecord>): value is MarcRecord {
  return typeof (value as MarcRecord).leader === 'string' && Array.isArray((value as MarcRecord).fields);
}

/** One record or many, concatenated. */
export function writeIso2709(
  records: MarcRecord | Iterable<MarcRecord>,
  options: Iso2709WriteOptions = {},
): Uint8Array {
  const buf = new ByteBuffer();
  if (isRecord(records)) encodeIso2709Into(records, buf, options);
  else {
    let n = 0;
    for (const r of records) encodeIso2709Into(r, buf, options, ++n);
  }
  return buf.take();
}

export { isRecord };
