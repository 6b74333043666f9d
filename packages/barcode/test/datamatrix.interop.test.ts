// Data Matrix interop: modules equal to zint's (`zint -b 71 --fast --dump`, the ISO look-ahead) where the
// encodation choices coincide, our reader agrees with zint's symbols, and ZXingReader reads our PNGs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { afterAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../testing/peers.js';
import { type DataMatrixShape, encodeDataMatrix } from '../src/datamatrix/encode.js';
import { DATA_MATRIX_SIZES } from '../src/datamatrix/sizes.js';
import { renderPngSync } from '../src/node.js';
import type { MatrixSymbol } from '../src/symbol.js';
import { decodeDataMatrix } from './datamatrix-reference-decoder.js';
import { parseZintDump, rowsOf, zxingText } from './qr-peer-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bibwire-dm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

function zintDm(data: Uint8Array, shape: DataMatrixShape, size?: string): MatrixSymbol {
  const file = join(dir, `in${fileNo++}`);
  writeFileSync(file, data);
  const args = ['-b', '71', '--fast', '--binary', '-i', file, '--dump'];
  if (size) args.push(`--vers=${DATA_MATRIX_SIZES.findIndex((s) => s.name === size) + 1}`);
  else if (shape === 'square') args.push('--square');
  const rows = parseZintDump(runPeer('zint', args).toString('utf8'));
  const info = DATA_MATRIX_SIZES.find(
    (s) => s.rows === rows.length && rows[0]!.length - s.columns < 8 && rows[0]!.length >= s.columns,
  );
  if (!info) throw new Error(`unknown zint size ${rows.length}x${rows[0]!.length}`);
  const modules = new Uint8Array(info.rows * info.columns);
  rows.forEach((r, y) => {
    for (let x = 0; x < info.columns; x++) modules[y * info.columns + x] = r.charCodeAt(x) - 48;
  });
  return {
    kind: 'matrix',
    symbology: 'datamatrix',
    width: info.columns,
    height: info.rows,
    modules,
    quietZone: 1,
    text: '',
  };
}

const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
let seed = 16022;
const sample = <T>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { numRuns: n, seed: seed++ });

describeWithPeers('Data Matrix modules equal zint --fast --dump', [commandPeer('zint')], () => {
  it('every one of the 30 sizes, with digits filling it', () => {
    for (const s of DATA_MATRIX_SIZES) {
      const data = bytesOf('0123456789'.repeat(400).slice(0, s.dataCodewords * 2 - 3));
      expect(rowsOf(encodeDataMatrix(data, { size: s.name })), s.name).toEqual(
        rowsOf(zintDm(data, 'any', s.name)),
      );
    }
  });

  it('C40, Text, X12, EDIFACT, Base 256 and ASCII data, square and rectangular', () => {
    const texts = [
      '123456',
      'Hello World',
      'ABCDEFGHIJKLMNOP',
      'abcdefghijklmnopqrstuvwxyz',
      'ABC>DEF*GHI\rJKL',
      'EDIFACT===:::;;;??',
      'Grüße',
      'http://koha.example.org/cgi-bin/koha/opac-detail.pl?biblionumber=12345',
      '39999000012345',
      'x'.repeat(1500),
      'A'.repeat(2000),
      ...sample(fc.stringMatching(/^[A-Z0-9 ]{1,80}$/), 4),
      ...sample(fc.stringMatching(/^[a-z0-9 ]{1,80}$/), 4),
      ...sample(fc.stringMatching(/^[0-9]{1,200}$/), 4),
    ];
    texts.forEach((t, i) => {
      const shape: DataMatrixShape = i % 3 === 1 && t.length < 40 ? 'any' : 'square';
      const data = bytesOf(t);
      expect(rowsOf(encodeDataMatrix(data, { shape })), JSON.stringify(t)).toEqual(
        rowsOf(zintDm(data, shape)),
      );
    });
  });

  it('our reader reads zint symbols of random data back to the input', () => {
    const inputs = sample(fc.uint8Array({ minLength: 1, maxLength: 120 }), 10);
    inputs.push(...sample(fc.stringMatching(/^[ -~\r]{1,100}$/).map(bytesOf), 10));
    for (const data of inputs) {
      const zint = decodeDataMatrix(zintDm(data, 'square'));
      expect(Array.from(zint.bytes)).toEqual(Array.from(data));
      // The look-ahead choices stay within two codewords of zint's on these inputs.
      expect(encodeDataMatrix(data).dataCodewords).toBeLessThanOrEqual(zint.dataCodewords + 2);
    }
  });
});

describeWithPeers('our Data Matrix PNGs decode with ZXingReader', [commandPeer('ZXingReader')], () => {
  it('all encodations, shapes and multi-block sizes', () => {
    const texts = [
      ...sample(fc.stringMatching(/^[A-Z0-9 ]{1,60}$/), 3),
      ...sample(fc.stringMatching(/^[a-z0-9 ]{1,60}$/), 3),
      ...sample(fc.stringMatching(/^[A-Z0-9 \r*>]{4,40}$/), 3),
      ...sample(fc.stringMatching(/^[ -;=-^]{4,40}$/), 3),
      ...sample(
        fc.string({ minLength: 1, maxLength: 50 }).filter((s) => !/[\0<\ud800-\udfff]/.test(s)),
        4,
      ),
      'Grüße aus Köln',
      '図書館 ✓',
      'http://koha.example.org/cgi-bin/koha/opac-detail.pl?biblionumber=12345',
      '0123456789'.repeat(150),
      'Koha '.repeat(300),
    ];
    const shapes: DataMatrixShape[] = ['square', 'any', 'rectangle'];
    const symbols = texts.map((t, i) =>
      encodeDataMatrix(t, { shape: t.length > 40 ? 'square' : shapes[i % 3]! }),
    );
    expect(new Set(symbols.map((s) => s.size)).size).toBeGreaterThan(8);
    const files = symbols.map((s) => {
      const f = join(dir, `d${fileNo++}.png`);
      writeFileSync(f, renderPngSync(s, { scale: 3 }));
      return f;
    });
    expect(zxingText(files)).toEqual(texts);
  });

  it('144x144 with its interleaving convention', () => {
    const text = 'Z'.repeat(2300);
    const s = encodeDataMatrix(text);
    expect(s.size).toBe('144x144');
    const f = join(dir, 'big.png');
    writeFileSync(f, renderPngSync(s, { scale: 2 }));
    expect(zxingText([f])).toEqual([text]);
  });
});
