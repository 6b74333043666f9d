// Anything that yields bytes or text: buffers, strings, (async) iterables — Node Readable streams
// are async iterables — and web ReadableStreams.

export type Chunk = Uint8Array | string;

/** Minimal structural type of a web ReadableStream (no DOM lib needed). */
export interface ReadableStreamLike<T> {
  getReader(): {
    read(): Promise<{ done: boolean; value?: T }>;
    releaseLock(): void;
    cancel?(reason?: unknown): Promise<void>;
  };
}

export type ByteSource =
  | Chunk
  | Iterable<Chunk>
  | AsyncIterable<Chunk>
  | ReadableStream<Uint8Array>
  | ReadableStream<string>
  | ReadableStreamLike<Chunk>;

function isReadableStream(v: unknown): v is ReadableStreamLike<Chunk> & object {
  return (
    typeof v === 'object' && v !== null && typeof (v as ReadableStreamLike<Chunk>).getReader === 'function'
  );
}

export async function* chunksOf(source: ByteSource): AsyncGenerator<Chunk> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (isReadableStream(source) && !(Symbol.asyncIterator in source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value !== undefined) yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (Symbol.asyncIterator in (source as object)) {
    for await (const c of source as AsyncIterable<Chunk>) yield toChunk(c);
    return;
  }
  for (const c of source as Iterable<Chunk>) yield toChunk(c);
}

function toChunk(c: unknown): Chunk {
  if (typeof c === 'string' || c instanceof Uint8Array) return c;
  if (ArrayBuffer.isView(c)) return new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
  if (c instanceof ArrayBuffer) return new Uint8Array(c);
  throw new TypeError('stream chunks must be Uint8Array or string');
}
