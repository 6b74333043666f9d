// Response bodies: string chunks from a generator become a byte stream, batched so a page of small
// records is not thousands of tiny enqueues; gzip/deflate applied only when the harvester asked.

const BATCH_CHARS = 16 * 1024;

export function streamOf(chunks: AsyncIterable<string> | Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in chunks
      ? (chunks as AsyncIterable<string>)[Symbol.asyncIterator]()
      : (chunks as Iterable<string>)[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let batch = '';
      while (batch.length < BATCH_CHARS) {
        const next = await iterator.next();
        if (next.done) {
          if (batch) controller.enqueue(encoder.encode(batch));
          controller.close();
          return;
        }
        batch += next.value;
      }
      controller.enqueue(encoder.encode(batch));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export type ContentCoding = 'gzip' | 'deflate';

/** The first of `offered` that the Accept-Encoding header accepts (q > 0), else undefined. */
export function chooseEncoding(
  acceptEncoding: string | null,
  offered: readonly ContentCoding[],
): ContentCoding | undefined {
  if (!acceptEncoding || offered.length === 0) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    accepted.set(name.trim(), Number.isFinite(q) ? q : 0);
  }
  for (const coding of offered) {
    const q = accepted.get(coding) ?? accepted.get('*');
    if (q !== undefined && q > 0) return coding;
  }
  return undefined;
}

export function compress(
  body: ReadableStream<Uint8Array>,
  coding: ContentCoding,
): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new CompressionStream(coding) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
  );
}
