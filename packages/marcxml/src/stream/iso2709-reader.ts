// Push-style ISO 2709 framer: splits on record terminators across chunks, so a record (or a UTF-8
// character) straddling a chunk boundary is decoded from its complete bytes.
import { concatBytes } from '../bytes.js';
import { MarcError } from '../errors.js';
import { RT } from '../iso2709/constants.js';
import { decodeChunk, type Iso2709ReadOptions } from '../iso2709/read.js';
import type { MarcRecord } from '../record.js';

export interface Iso2709StreamOptions extends Iso2709ReadOptions {
  /** Largest record buffered before giving up with LIMIT_EXCEEDED. Default 16 MiB. */
  maxRecordBytes?: number;
}

export interface RecordPushParser<C> {
  push(chunk: C): MarcRecord[];
  end(): MarcRecord[];
}

export function createIso2709Reader(options: Iso2709StreamOptions = {}): RecordPushParser<Uint8Array> {
  const max = options.maxRecordBytes ?? 16 * 1024 * 1024;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let consumed = 0; // bytes of input before pending[0]
  let count = 0;
  const emit = (
    bytes: Uint8Array,
    start: number,
    end: number,
    terminated: boolean,
    offset: number,
    out: MarcRecord[],
  ): void => {
    const r = decodeChunk(bytes, start, end, options, count + 1, terminated, offset);
    if (r !== undefined) {
      count++;
      out.push(r);
    }
  };
  return {
    push(chunk: Uint8Array): MarcRecord[] {
      const out: MarcRecord[] = [];
      let pos = 0;
      let rt = chunk.indexOf(RT);
      if (rt >= 0 && pendingLength > 0) {
        const whole = concatBytes([...pending, chunk.subarray(0, rt)], pendingLength + rt);
        emit(whole, 0, whole.length, true, consumed, out);
        consumed += pendingLength + rt + 1;
        pending = [];
        pendingLength = 0;
        pos = rt + 1;
        rt = chunk.indexOf(RT, pos);
      }
      const chunkStart = consumed - pos;
      while (rt >= 0) {
        emit(chunk, pos, rt, true, chunkStart, out);
        consumed += rt + 1 - pos;
        pos = rt + 1;
        rt = chunk.indexOf(RT, pos);
      }
      if (pos < chunk.length) {
        // Copy: callers may reuse their buffers.
        pending.push(chunk.slice(pos));
        pendingLength += chunk.length - pos;
        if (pendingLength > max) {
          throw new MarcError('LIMIT_EXCEEDED', `no record terminator within ${max} bytes`, {
            record: count + 1,
            offset: consumed,
          });
        }
      }
      return out;
    },
    end(): MarcRecord[] {
      const out: MarcRecord[] = [];
      if (pendingLength > 0) {
        const whole = concatBytes(pending, pendingLength);
        emit(whole, 0, whole.length, false, consumed, out);
      }
      pending = [];
      pendingLength = 0;
      return out;
    },
  };
}
