import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from './helpers.js';

describe('barcode CLI', () => {
  it('prints usage', async () => {
    const m = memoryIo();
    expect(await runCli(['--help'], m.io)).toBe(0);
    expect(m.stdout()).toContain('--type T');
  });
  it('--format txt prints modules as 1/0 rows', async () => {
    const m = memoryIo();
    expect(await runCli(['--type', 'EAN8', '--data', '5512345', '--format', 'txt'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^101[01]{61}101\n$/);
  });
  it('svg to stdout by default; --notext', async () => {
    const m = memoryIo();
    expect(await runCli(['--type', 'code39', '--data', 'ABC', '--notext'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^<svg /);
    expect(m.stdout()).not.toContain('<text');
  });
  it('png to a file chosen by extension, with --scale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-cli-'));
    const out = join(dir, 'x.png');
    const m = memoryIo();
    expect(await runCli(['-t', 'code128', '-d', 'HELLO', '--scale', '3', '--out', out], m.io)).toBe(0);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16) % 3).toBe(0);
  });
  it('png to stdout as bytes', async () => {
    const m = memoryIo();
    expect(await runCli(['-t', 'ean13', '-d', '590123412345', '-f', 'png'], m.io)).toBe(0);
    expect(Array.from(m.stdoutBytes().slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
  it('reads data from stdin with --data -', async () => {
    const m = memoryIo('12345\n');
    expect(await runCli(['-t', 'itf', '-d', '-', '-f', 'txt', '--koha'], m.io)).toBe(0);
    expect(m.stdout().trim()).toHaveLength(4 + 3 * 18 + 5);
  });
  it('terminal rendering', async () => {
    const m = memoryIo();
    expect(await runCli(['-t', 'code39', '-d', 'A', '-f', 'term'], m.io)).toBe(0);
    expect(m.stdout()).toContain('█');
  });
  it('typed errors go to stderr with exit 1; bad flags exit 2', async () => {
    const m = memoryIo();
    expect(await runCli(['-t', 'ean13', '-d', '12X'], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/INVALID_CHARACTER: .*position 2/);
    const u = memoryIo();
    expect(await runCli(['--bogus'], u.io)).toBe(2);
    const t = memoryIo();
    expect(await runCli(['-t', 'nope', '-d', '1'], t.io)).toBe(1);
    expect(t.stderr()).toContain('UNSUPPORTED_TYPE');
  });
});

describe('CLI robustness', () => {
  const arg = fc.oneof(
    fc.constantFrom(
      '--type',
      '--data',
      '--format',
      '--notext',
      '--scale',
      '--height',
      '--check',
      '--ratio',
      '--level',
      '--koha',
    ),
    fc.constantFrom('EAN13', 'code39', 'QRcode', 'txt', 'svg', 'term', '12345', 'ABC', '0', '-1', 'x'),
    fc.string({ maxLength: 8 }),
  );
  test.prop([fc.array(arg, { maxLength: 8 })], { numRuns: 60 })(
    'any argv exits 0, 1 or 2 without throwing',
    async (argv) => {
      const m = memoryIo();
      const code = await runCli(
        argv.filter((a) => !/^-[^-]*o|^--o/.test(a)) /* never write files */,
        m.io,
      );
      expect([0, 1, 2]).toContain(code);
      if (code !== 0) expect(m.stderr().length + m.stdout().length).toBeGreaterThan(0);
    },
  );
});
