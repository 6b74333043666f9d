// convertRecords: one format to another as a stream of encoded chunks. ISO 2709 → MARCXML goes
// straight from record bytes to XML bytes when a record needs nothing else (see
// ../iso2709/to-marcxml.ts); every other record and pair of formats goes through the record model.
import { decodeChunk, isFiller } from '../iso2709/read.js';
import { createIsoToXmlTranscoder, type IsoToXmlTranscoder } from '../iso2709/to-marcxml.js';
import { ByteBuffer } from '../iso2709/write.js';
import { marcXmlCollectionRecord, marcXmlHead, marcXmlTail } from '../marcxml/write.js';
import type { MarcRecord } from '../record.js';
import { createIso2709Framer } from './iso2709-reader.js';
import { detectFormat, type MarcFormat, type ReadOptions, readRecords } from './read.js';
import { type ByteSource, type Chunk, chunksOf } from './source.js';
import { appendText, bufferFlusher, encodeChunks, type WriteOptions } from './write.js';

export interface ConvertHooks {
  /** Called once per record written. */
  onRecord?: () => void;
  /** Yield views of one reused output buffer (the consumer must write each chunk before the next). */
  reuseOutput?: boolean;
}

const encoder = new TextEncoder();

/**
 * Reads `source` (format `read.format`, detected when omitted) and yields it encoded as
 * `write.format`: the same bytes as `encodeRecords(readRecords(source, read), write)`, faster.
 */
export async function* convertRecords(
  source: ByteSource,
  read: ReadOptions,
  write: WriteOptions,
  hooks: ConvertHooks = {},
): AsyncGenerator<Uint8Array> {
  const it = chunksOf(source)[Symbol.asyncIterator]();
  let from: MarcFormat | undefined = read.format;
  const head: Chunk[] = [];
  while (from === undefined) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value);
    from = detectFormat(
      head.length === 1
        ? r.value
        : head.map((c) => (typeof c === 'string' ? c : String.fromCharCode(...c))).join(''),
    );
    // Copied before asking for more: the source may reuse its buffer.
    if (from === undefined) head[head.length - 1] = typeof r.value === 'string' ? r.value : r.value.slice();
  }
  async function* rest(): AsyncGenerator<Chunk> {
    try {
      yield* head;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      await it.return?.(undefined); // let the source close (files, streams) when we stop early
    }
  }
  const reuse = hooks.reuseOutput === true;
  if (from === 'iso2709' && write.format === 'marcxml') {
    const transcoder = createIsoToXmlTranscoder(read, write);
    if (transcoder !== undefined) {
      yield* isoToMarcXml(rest(), read, write, transcoder, hooks, reuse);
      return;
    }
  }
  async function* counted(): AsyncGenerator<MarcRecord> {
    for await (const r of readRecords(rest(), from === undefined ? read : { ...read, format: from })) {
      hooks.onRecord?.();
      yield r;
    }
  }
  yield* encodeChunks(counted(), write, reuse);
}

async function* isoToMarcXml(
  chunks: AsyncIterable<Chunk>,
  read: ReadOptions,
  write: WriteOptions,
  transcoder: IsoToXmlTranscoder,
  hooks: ConvertHooks,
  reuse: boolean,
): AsyncGenerator<Uint8Array> {
  const limit = write.chunkSize ?? 64 * 1024;
  const buf = new ByteBuffer(limit * 2);
  const flush = bufferFlusher(buf, reuse);
  appendText(buf, marcXmlHead(write));
  const framer = createIso2709Framer(
    read.maxRecordBytes ?? 16 * 1024 * 1024,
    (bytes, start, end, terminated, offset, recordNumber) => {
      let s = start;
      while (s < end && isFiller(bytes[s] as number)) s++;
      if (!(terminated && transcoder.record(bytes, s, end, buf))) {
        const r = decodeChunk(bytes, start, end, read, recordNumber, terminated, offset);
        if (r === undefined) return false;
        appendText(buf, marcXmlCollectionRecord(r, write));
      }
      hooks.onRecord?.();
      return true;
    },
  );
  for await (const c of chunks) {
    framer.push(typeof c === 'string' ? encoder.encode(c) : c);
    if (buf.length >= limit) yield flush();
  }
  framer.end();
  appendText(buf, marcXmlTail(write));
  if (buf.length > 0) yield flush();
}
