import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import {
  convertRecords,
  encodeRecords,
  type ReadOptions,
  readRecords,
  type WriteOptions,
} from '../src/index.js';
import { bothPaths, bytesOf } from './convert-helpers.js';

function sampleFiles(): string[] {
  const root = sharedPath('data', 'marc');
  const out: string[] = [];
  for (const dir of readdirSync(root)) {
    const d = join(root, dir);
    if (!statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d)) out.push(join(d, f));
  }
  return out;
}

describe('convertRecords', () => {
  it('gives the record path bytes and problems for every shared sample, in several option sets', async () => {
    const files = sampleFiles();
    expect(files.length).toBeGreaterThan(100);
    const variants: Array<[ReadOptions, WriteOptions]> = [
      [{}, { format: 'marcxml' }],
      [{ toUtf8: true }, { format: 'marcxml', prefix: 'marc', indent: false }],
      [{ encoding: 'latin1' }, { format: 'marcxml', invalidChars: 'replace' }],
      [{ encoding: 'utf-8', flavour: 'unimarc' }, { format: 'marcxml' }],
      [{}, { format: 'iso2709' }],
    ];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const [read, write] of variants) {
        let slow: [string, string[]] | Error;
        let fast: [string, string[]] | Error;
        try {
          [slow, fast] = await bothPaths(bytes, read, write);
        } catch (e) {
          // Both paths must fail the same way: compare the record path's error with convertRecords'.
          slow = e as Error;
          fast = await bytesOf(convertRecords([bytes], read, write)).then(
            () => new Error('no error'),
            (f: Error) => f,
          );
          expect(String(fast), file).toBe(String(slow));
          continue;
        }
        expect(fast[1], `${file} ${JSON.stringify(read)}`).toEqual(slow[1]);
        expect(fast[0] === slow[0], `${file} ${JSON.stringify([read, write])}`).toBe(true);
      }
    }
  });

  it('splits of the input anywhere give the same output', async () => {
    const bytes = readFileSync(sharedPath('data', 'marc', 'iso2709-marc21', 'yaz-marccol5.u8.marc'));
    const whole = (await bothPaths(bytes, {}, { format: 'marcxml' }))[0][0];
    for (const size of [1, 7, 100, 4096]) {
      const parts: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
      expect((await bothPaths(parts, {}, { format: 'marcxml' }))[1][0] === whole).toBe(true);
    }
  });

  it('copes with a source that reuses one buffer for every chunk (as the CLI reads files)', async () => {
    const iso = readFileSync(sharedPath('data', 'marc', 'iso2709-marc21', 'yaz-marccol5.u8.marc'));
    // Leading filler longer than a chunk: format detection must look past it, and keep copies.
    const input = Buffer.concat([Buffer.from(' '.repeat(100)), iso]);
    async function* reused(): AsyncGenerator<Uint8Array> {
      const buffer = new Uint8Array(64);
      for (let i = 0; i < input.length; i += 64) {
        const n = Math.min(64, input.length - i);
        buffer.set(input.subarray(i, i + n));
        yield buffer.subarray(0, n);
      }
    }
    const expected = await bytesOf(encodeRecords(readRecords([input]), { format: 'iso2709' }));
    expect(expected.equals(iso)).toBe(true);
    for (const write of [{ format: 'iso2709' as const }, { format: 'marcxml' as const }]) {
      const viaRecords = await bytesOf(encodeRecords(readRecords(reused()), write));
      expect((await bytesOf(convertRecords(reused(), {}, write))).equals(viaRecords)).toBe(true);
      expect((await bytesOf(encodeRecords(readRecords([input]), write))).equals(viaRecords)).toBe(true);
    }
  });
});

describe('convertRecords, stopping early', () => {
  it('closes the source when the consumer stops or a strict read throws', async () => {
    let closed = 0;
    const bytes = readFileSync(sharedPath('data', 'marc', 'broken', 'perl-badind.usmarc'));
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 3; i++) yield bytes;
      } finally {
        closed++;
      }
    }
    await expect(bytesOf(convertRecords(source(), { strict: true }, { format: 'marcxml' }))).rejects.toThrow(
      /indicator/,
    );
    for await (const _ of convertRecords(source(), {}, { format: 'marcxml', chunkSize: 1 })) break;
    expect(closed).toBe(2);
  });
});
