import { readFile } from 'node:fs/promises';
import type { CliIo } from './io.js';

/** All bytes of the file, or of stdin when no file (or `-`) is given. */
export async function readInput(file: string | undefined, io: CliIo): Promise<Uint8Array> {
  if (file !== undefined && file !== '-') return new Uint8Array(await readFile(file));
  const chunks: Uint8Array[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/**
 * Splits input into messages at CR or LF. A CR is kept as the message's terminator; an LF only
 * separates lines (a file of one message per line is not a stream of LF-terminated messages).
 */
export function splitLines(bytes: Uint8Array): { bytes: Uint8Array; line: number }[] {
  const out: { bytes: Uint8Array; line: number }[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    const b = bytes[i];
    if (i < bytes.length && b !== 0x0d && b !== 0x0a) continue;
    const end = b === 0x0d ? i + 1 : i;
    if (i > start) out.push({ bytes: bytes.subarray(start, end), line });
    if (b === 0x0a) line++;
    start = i + 1;
  }
  return out;
}
