// File or stdin/stdout plumbing for the commands (the only CLI part that touches node:fs).
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import type { Chunk } from '../stream/source.js';
import type { CliIo } from './io.js';

export interface Input {
  chunks: AsyncIterable<Chunk>;
  size: number | undefined;
  bytesRead(): number;
}

export function openInput(path: string | undefined, io: CliIo): Input {
  let read = 0;
  const stdin = path === undefined || path === '-';
  // stat first: a missing file fails here, before a stream exists to emit an unhandled error.
  const size = stdin ? undefined : statSync(path).size;
  async function* counting(): AsyncGenerator<Chunk> {
    const source: AsyncIterable<Chunk> = stdin
      ? io.stdin
      : createReadStream(path, { highWaterMark: 256 * 1024 });
    for await (const c of source) {
      read += typeof c === 'string' ? c.length : c.length;
      yield c;
    }
  }
  return { chunks: counting(), size, bytesRead: () => read };
}

export interface Output {
  write(chunk: Uint8Array | string): boolean | unknown;
  once?(event: 'drain', listener: () => void): unknown;
  close(): Promise<void>;
}

export function openOutput(path: string | undefined, io: CliIo): Output {
  if (path === undefined || path === '-') {
    const out = io.stdout as {
      write(c: Uint8Array | string): unknown;
      once?(e: 'drain', l: () => void): unknown;
    };
    const o: Output = { write: (c) => out.write(c), close: async () => {} };
    if (typeof out.once === 'function')
      o.once = (e, l) => (out.once as (e: 'drain', l: () => void) => unknown)(e, l);
    return o;
  }
  const stream = createWriteStream(path);
  return {
    write: (c) => stream.write(c),
    once: (e, l) => stream.once(e, l),
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      }),
  };
}
