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

/**
 * Receives the bytes between two record terminators: bytes[start, end), whether a terminator
 * followed, the input offset of bytes[0], and the 1-based number the next record would get.
 * Returns true when it produced a record (so numbering advances).
 */
export type SpanHandler = (
  bytes: Uint8Array,
  start: number,
  end: number,
  terminated: boolean,
  inputOffset: number,
  recordNumber: number,
) => boolean;

export interface Iso2709Framer {
  /** Chunks may be views of a buffer the caller reuses: partial records are copied. */
  push(chunk: Uint8Array): void;
  end(): void;
}

export function createIso2709Framer(maxRecordBytes: number, onSpan: SpanHandler): Iso2709Framer {
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let consumed = 0; // bytes of input before pending[0]
  let count = 0;
  const emit = (bytes: Uint8Array, start: number, end: number, terminated: boolean, offset: number) => {
    if (onSpan(bytes, start, end, terminated, offset, count + 1)) count++;
  };
  return {
    push(chunk: Uint8Array): void {
      let pos = 0;
      let rt = chunk.indexOf(RT);
      if (rt >= 0 && pendingLength > 0) {
        const whole = concatBytes([...pending, chunk.subarray(0, rt)], pendingLength + rt);
        pending = [];
        pendingLength = 0;
        emit(whole, 0, whole.length, true, consumed);
        consumed += whole.length + 1;
        pos = rt + 1;
        rt = chunk.indexOf(RT, pos);
      }
      const chunkStart = consumed - pos;
      while (rt >= 0) {
        emit(chunk, pos, rt, true, chunkStart);
        consumed += rt + 1 - pos;
        pos = rt + 1;
        rt = chunk.indexOf(RT, pos);
      }
      if (pos < chunk.length) {
        // Copy: callers may reuse their buffers.
        pending.push(chunk.slice(pos));
        pendingLength += chunk.length - pos;
        if (pendingLength > maxRecordBytes) {
          throw new MarcError('LIMIT_EXCEEDED', `no record terminator within ${maxRecordBytes} bytes`, {
            record: count + 1,
            offset: consumed,
          });
        }
      }
    },
    end(): void {
      if (pendingLength > 0) {
        const whole = concatBytes(pending, pendingLength);
        pending = [];
        pendingLength = 0;
        emit(whole, 0, whole.length, false, consumed);
      }
    },
  };
}

export function createIso2709Reader(options: Iso2709StreamOptions = {}): RecordPushParser<Uint8Array> {
  let out: MarcRecord[] = [];
  const framer = createIso2709Framer(
    options.maxRecordBytes ?? 16 * 1024 * 1024,
    (bytes, start, end, terminated, offset, recordNumber) => {
      const r = decodeChunk(bytes, start, end, options, recordNumber, terminated, offset);
      if (r === undefined) return false;
      out.push(r);
      return true;
    },
  );
  const take = (): MarcRecord[] => {
    const records = out;
    out = [];
    return records;
  };
  return {
    push(chunk: Uint8Array): MarcRecord[] {
      framer.push(chunk);
      return take();
    },
    end(): MarcRecord[] {
      framer.end();
      return take();
    },
  };
}
