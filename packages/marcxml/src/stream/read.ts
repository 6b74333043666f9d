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

/** What String.prototype.trimStart removes, among ISO-8859-1 code points. */
function isSpaceByte(b: number): boolean {
  return (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0;
}

/** Guess the format from the start of the input (after a BOM and whitespace). */
export function detectFormat(start: Uint8Array | string): MarcFormat | undefined {
  let text: string;
  if (typeof start === 'string') text = start;
  else {
    // Leading whitespace of any length is skipped, then a few bytes are enough to decide.
    let i = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
    while (i < start.length && isSpaceByte(start[i] as number)) i++;
    text = String.fromCharCode(...start.subarray(i, i + 64));
  }
  const t = text.replace(/^(\ufeff|\xef\xbb\xbf)/, '').trimStart();
  if (t === '') return undefined;
  const c = t[0] as string;
  if (c === '<') return 'marcxml';
  if (c === '{' || c === '[') return 'json';
  if (c === '=') return 'mrk';
  return 'iso2709';
}

const encoder = new TextEncoder();
/** Bytes (or characters) handed to a parser at a time (large strings live in V8's large-object space). */
const TEXT_PIECE = 32 * 1024;
const BINARY_PIECE = 32 * 1024;

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
  // A generator: each piece is parsed only when the records of the one before have been taken, so
  // few records are alive at once (they stay in V8's young generation, and peak RSS stays low).
  function* feed(c: Chunk): Generator<MarcRecord> {
    if (binary) {
      const bytes = typeof c === 'string' ? encoder.encode(c) : c;
      for (let i = 0; i < bytes.length; i += BINARY_PIECE)
        yield* binary.push(
          i === 0 && bytes.length <= BINARY_PIECE ? bytes : bytes.subarray(i, i + BINARY_PIECE),
        );
      return;
    }
    const t = text as RecordPushParser<string>;
    for (let i = 0; i < c.length; ) {
      let end = Math.min(i + TEXT_PIECE, c.length);
      let piece: string;
      if (typeof c === 'string') {
        const last = c.charCodeAt(end - 1);
        if (end < c.length && last >= 0xd800 && last <= 0xdbff) end--; // keep surrogate pairs whole
        piece = i === 0 && end === c.length ? c : c.slice(i, end);
      } else piece = (decoder as TextDecoder).decode(c.subarray(i, end), { stream: true });
      yield* t.push(piece);
      i = end;
    }
  }

  if (format !== undefined) start(format);
  for await (const chunk of chunksOf(source)) {
    if (format === undefined) {
      // Copied: the source may reuse its buffer for the next chunk.
      head.push(typeof chunk === 'string' ? chunk : chunk.slice());
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
