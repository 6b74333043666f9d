// Writers to streams: encodeRecords yields encoded chunks (pipe them anywhere); writeRecords writes
// them to a Node Writable or a web WritableStream, waiting for 'drain' when the sink is full.
import { utf8Encoder } from '../bytes.js';
import { ByteBuffer, encodeIso2709Into, type Iso2709WriteOptions } from '../iso2709/write.js';
import { type MarcJsonWriteOptions, marcJsonRecord } from '../json/codec.js';
import {
  type MarcXmlWriteOptions,
  marcXmlCollectionRecord,
  marcXmlHead,
  marcXmlTail,
} from '../marcxml/write.js';
import { type MrkWriteOptions, mrkRecord } from '../mrk/codec.js';
import type { MarcRecord } from '../record.js';
import type { MarcFormat } from './read.js';

export interface WriteOptions
  extends Iso2709WriteOptions,
    MarcXmlWriteOptions,
    MarcJsonWriteOptions,
    MrkWriteOptions {
  format: MarcFormat;
  /** Bytes gathered before a chunk is yielded. Default 64 KiB. */
  chunkSize?: number;
}

/** Encoded output, in chunks of about `chunkSize` bytes. */
export function encodeRecords(
  records: Iterable<MarcRecord> | AsyncIterable<MarcRecord>,
  options: WriteOptions,
): AsyncGenerator<Uint8Array> {
  return encodeChunks(records, options, false);
}

/** Appends UTF-8 text to a ByteBuffer. */
export function appendText(buf: ByteBuffer, s: string): void {
  buf.ensure(s.length * 3);
  buf.length += utf8Encoder.encodeInto(s, buf.bytes.subarray(buf.length)).written;
}

/**
 * `reuse`: each chunk is a view of one buffer that is overwritten once the consumer asks for the next
 * chunk (for consumers that write synchronously; saves a copy and the garbage of one per chunk).
 */
export function bufferFlusher(buf: ByteBuffer, reuse: boolean): () => Uint8Array {
  return () => {
    const out = reuse ? buf.bytes.subarray(0, buf.length) : buf.take();
    buf.length = 0;
    return out;
  };
}

export async function* encodeChunks(
  records: Iterable<MarcRecord> | AsyncIterable<MarcRecord>,
  options: WriteOptions,
  reuse: boolean,
): AsyncGenerator<Uint8Array> {
  const limit = options.chunkSize ?? 64 * 1024;
  const buf = new ByteBuffer(limit * 2);
  const text = (s: string): void => appendText(buf, s);
  const flush = bufferFlusher(buf, reuse);
  const { format } = options;
  let n = 0;
  if (format === 'marcxml') text(marcXmlHead(options));
  else if (format === 'json' && !options.ndjson) text('[');
  for await (const r of records) {
    switch (format) {
      case 'iso2709':
        encodeIso2709Into(r, buf, options, n + 1);
        break;
      case 'marcxml':
        text(marcXmlCollectionRecord(r, options));
        break;
      case 'json':
        text(options.ndjson ? `${marcJsonRecord(r)}\n` : `${n > 0 ? ',' : ''}${marcJsonRecord(r)}`);
        break;
      case 'mrk':
        text(mrkRecord(r, options) + (options.lineEnding ?? '\r\n'));
        break;
    }
    n++;
    if (buf.length >= limit) yield flush();
  }
  if (format === 'marcxml') text(marcXmlTail(options));
  else if (format === 'json' && !options.ndjson) text(']\n');
  if (buf.length > 0) yield flush();
}

/** A Node Writable (write + once('drain')) or a web WritableStream. */
export type WritableLike =
  | { write(chunk: Uint8Array): boolean | unknown; once?(event: 'drain', listener: () => void): unknown }
  | {
      getWriter(): { write(chunk: Uint8Array): Promise<void>; releaseLock(): void; ready?: Promise<unknown> };
    };

/** Write records to a stream; resolves with the number of records written. Does not close the sink. */
export async function writeRecords(
  records: Iterable<MarcRecord> | AsyncIterable<MarcRecord>,
  sink: WritableLike,
  options: WriteOptions,
): Promise<number> {
  let count = 0;
  async function* counted(): AsyncGenerator<MarcRecord> {
    for await (const r of records) {
      count++;
      yield r;
    }
  }
  if ('getWriter' in sink) {
    const writer = sink.getWriter();
    try {
      for await (const chunk of encodeRecords(counted(), options)) {
        await writer.ready;
        await writer.write(chunk);
      }
    } finally {
      writer.releaseLock();
    }
    return count;
  }
  for await (const chunk of encodeRecords(counted(), options)) {
    const ok = sink.write(chunk);
    if (ok === false && sink.once) {
      const once = sink.once.bind(sink);
      await new Promise<void>((resolve) => once('drain', resolve));
    }
  }
  return count;
}
