// readRecords: any byte source, any format, as an async iterable of records. Memory is bounded by
// the largest record plus one chunk.
import { MarcError } from '../errors.js';
import { parsePiece } from '../json/codec.js';
import { createJsonSplitter } from '../json/split.js';
import { createMarcXmlParser } from '../marcxml/read.js';
import { createMrkSplitter, parseMrkRecord } from '../mrk/codec.js';
import type { MarcRecord } from '../record.js';
import { createIso2709Reader, type Iso2709StreamOptions, type RecordPushParser } from './iso2709-reader.js';
import { type ByteSource, type Chunk, chunksOf } from './source.js';

export type MarcFormat = 'iso2709' | 'marcxml' | 'json' | 'mrk';

export interface ReadOptions extends Iso2709StreamOptions {
  /** Detected from the first bytes when omitted. */
  format?: MarcFormat;
  /** MARCXML only: the fast tokenizer (default) or saxes. */
  xmlParser?: 'fast' | 'saxes';
}

/** Guess the format from the start of the input (after a BOM and whitespace). */
export function detectFormat(start: Uint8Array | string): MarcFormat | undefined {
  const text = typeof start === 'string' ? start : String.fromCharCode(...start.subarray(0, 64));
  const t = text.replace(/^(\ufeff|\xef\xbb\xbf)/, '').trimStart();
  if (t === '') return undefined;
  const c = t[0] as string;
  if (c === '<') return 'marcxml';
  if (c === '{' || c === '[') return 'json';
  if (c === '=') return 'mrk';
  return 'iso2709';
}

const encoder = new TextEncoder();

function textParser(format: 'marcxml' | 'json' | 'mrk', options: ReadOptions): RecordPushParser<string> {
  if (format === 'marcxml') {
    return createMarcXmlParser(
      options.maxRecordBytes === undefined ? options : { ...options, maxValueChars: options.maxRecordBytes },
    );
  }
  let n = 0;
  if (format === 'json') {
    const s = createJsonSplitter(options.maxRecordBytes ?? 64 * 1024 * 1024);
    return {
      push: (t) => s.push(t).map((p) => parsePiece(p, ++n, options)),
      end: () => s.end().map((p) => parsePiece(p, ++n, options)),
    };
  }
  const s = createMrkSplitter(100_000, options.maxRecordBytes ?? 16 * 1024 * 1024);
  let first = true;
  return {
    push: (t) => {
      if (first && t.startsWith('\ufeff')) t = t.slice(1);
      first = false;
      return s.push(t).map((g) => parseMrkRecord(g, ++n, options));
    },
    end: () => s.end().map((g) => parseMrkRecord(g, ++n, options)),
  };
}

/** Records from a buffer, string, Node stream, web ReadableStream or (async) iterable of chunks. */
export async function* readRecords(
  source: ByteSource,
  options: ReadOptions = {},
): AsyncGenerator<MarcRecord> {
  let format = options.format;
  let head: Chunk[] = [];
  let binary: RecordPushParser<Uint8Array> | undefined;
  let text: RecordPushParser<string> | undefined;
  let decoder: TextDecoder | undefined;

  const start = (f: MarcFormat): void => {
    if (f === 'iso2709') binary = createIso2709Reader(options);
    else {
      text = textParser(f, options);
      decoder = new TextDecoder('utf-8');
    }
  };
  const feed = (c: Chunk): MarcRecord[] => {
    if (binary) return binary.push(typeof c === 'string' ? encoder.encode(c) : c);
    const t = text as RecordPushParser<string>;
    return t.push(typeof c === 'string' ? c : (decoder as TextDecoder).decode(c, { stream: true }));
  };

  if (format !== undefined) start(format);
  for await (const chunk of chunksOf(source)) {
    if (format === undefined) {
      head.push(chunk);
      const probe =
        head.length === 1
          ? chunk
          : head.map((c) => (typeof c === 'string' ? c : String.fromCharCode(...c))).join('');
      format = detectFormat(probe);
      if (format === undefined) continue;
      start(format);
      for (const c of head) yield* feed(c);
      head = [];
      continue;
    }
    yield* feed(chunk);
  }
  if (format === undefined) return; // empty or whitespace-only input
  if (binary) {
    yield* binary.end();
    return;
  }
  const tail = (decoder as TextDecoder).decode();
  const t = text as RecordPushParser<string>;
  if (tail !== '') yield* t.push(tail);
  yield* t.end();
}

/** Read every record into an array (convenience for small inputs). */
export async function readAllRecords(source: ByteSource, options: ReadOptions = {}): Promise<MarcRecord[]> {
  const out: MarcRecord[] = [];
  for await (const r of readRecords(source, options)) out.push(r);
  return out;
}

export function assertFormat(value: string): MarcFormat {
  if (value === 'iso2709' || value === 'marcxml' || value === 'json' || value === 'mrk') return value;
  throw new MarcError(
    'UNKNOWN_FORMAT',
    `unknown format ${JSON.stringify(value)} (iso2709, marcxml, json, mrk)`,
  );
}
