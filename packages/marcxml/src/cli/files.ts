// File or stdin/stdout plumbing for the commands (the only CLI part that touches node:fs). Files are
// read into two reused buffers and written with synchronous writes: no stream buffers pile up as
// external memory waiting for the collector, so peak RSS stays flat.
import { closeSync, openSync, read as readFile, statSync, writeSync } from 'node:fs';
import type { Chunk } from '../stream/source.js';
import type { CliIo } from './io.js';

const READ_SIZE = 256 * 1024;

export interface Input {
  /** File chunks are views of reused buffers, valid until the next chunk is asked for (readers copy). */
  chunks: AsyncIterable<Chunk>;
  size: number | undefined;
  bytesRead(): number;
}

export function openInput(path: string | undefined, io: CliIo): Input {
  let read = 0;
  const stdin = path === undefined || path === '-';
  // stat first: a missing file fails here, before any reading starts.
  const size = stdin ? undefined : statSync(path).size;
  async function* fromStdin(): AsyncGenerator<Chunk> {
    for await (const c of io.stdin) {
      read += c.length;
      yield c;
    }
  }
  async function* fromFile(file: string): AsyncGenerator<Chunk> {
    const fd = openSync(file, 'r');
    // Two buffers: the next read runs while the consumer works on the current chunk (a cold page
    // cache would otherwise make reading and converting take turns).
    const buffers = [new Uint8Array(READ_SIZE), new Uint8Array(READ_SIZE)] as const;
    const readInto = (b: Uint8Array): Promise<number> =>
      new Promise((resolve, reject) => {
        readFile(fd, b, 0, READ_SIZE, null, (err, n) => (err ? reject(err) : resolve(n)));
      });
    let which = 0;
    let pending = readInto(buffers[0]);
    try {
      for (;;) {
        const n = await pending;
        if (n === 0) return;
        const current = buffers[which] as Uint8Array;
        which ^= 1;
        pending = readInto(buffers[which] as Uint8Array);
        read += n;
        yield current.subarray(0, n);
      }
    } finally {
      await pending.catch(() => 0);
      closeSync(fd);
    }
  }
  return { chunks: stdin ? fromStdin() : fromFile(path), size, bytesRead: () => read };
}

export interface Output {
  write(chunk: Uint8Array | string): boolean | unknown;
  once?(event: 'drain', listener: () => void): unknown;
  close(): Promise<void>;
  /** True when write() is done with the chunk on return (it may then be reused). */
  synchronous: boolean;
}

export function openOutput(path: string | undefined, io: CliIo): Output {
  if (path === undefined || path === '-') {
    const out = io.stdout as {
      write(c: Uint8Array | string): unknown;
      once?(e: 'drain', l: () => void): unknown;
    };
    const o: Output = { write: (c) => out.write(c), close: async () => {}, synchronous: false };
    if (typeof out.once === 'function')
      o.once = (e, l) => (out.once as (e: 'drain', l: () => void) => unknown)(e, l);
    return o;
  }
  const fd = openSync(path, 'w');
  return {
    write: (c) => {
      const bytes = typeof c === 'string' ? Buffer.from(c) : c;
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      return true;
    },
    close: async () => closeSync(fd),
    synchronous: true,
  };
}
