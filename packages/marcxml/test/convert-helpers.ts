// Runs the record path and convertRecords side by side.
import {
  convertRecords,
  encodeRecords,
  type MarcProblem,
  type ReadOptions,
  readRecords,
  type WriteOptions,
} from '../src/index.js';

export async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** The record path's output and problems, then convertRecords' output and problems. */
export async function bothPaths(
  input: Uint8Array | Uint8Array[],
  read: ReadOptions,
  write: WriteOptions,
): Promise<[[string, string[]], [string, string[]]]> {
  const run = async (fast: boolean): Promise<[string, string[]]> => {
    const problems: string[] = [];
    const opts = { ...read, onProblem: (p: MarcProblem) => problems.push(JSON.stringify(p)) };
    const source = Array.isArray(input) ? input : [input];
    const out = fast
      ? await bytesOf(convertRecords(source, opts, write))
      : await bytesOf(encodeRecords(readRecords(source, opts), write));
    return [out.toString('latin1'), problems];
  };
  return [await run(false), await run(true)];
}
