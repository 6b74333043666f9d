// QR interop: modules equal to zint's (`zint --dump`) wherever level, version, mask and segmentation are
// pinned to the same choices, and our PNGs read back by zbarimg and ZXingReader (UTF-8 included).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { afterAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../testing/peers.js';
import { renderPngSync } from '../src/node.js';
import { encodeQr, type QrLevel } from '../src/qr/encode.js';
import type { MatrixSymbol } from '../src/symbol.js';
import { parseZintDump, rowsOf, zxingText } from './qr-peer-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bibwire-qr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

function zintQr(data: string | Uint8Array, level: QrLevel, version: number, mask: number): string[] {
  const file = join(dir, `in${fileNo++}`);
  writeFileSync(file, data);
  const args = ['-b', '58', `--secure=${'LMQH'.indexOf(level) + 1}`, `--vers=${version}`, `--mask=${mask}`];
  if (typeof data !== 'string') args.push('--binary');
  const width = 17 + 4 * version;
  return parseZintDump(runPeer('zint', [...args, '-i', file, '--dump']).toString('utf8')).map((r) =>
    r.slice(0, width),
  );
}

function sameAsZint(data: string | Uint8Array, level: QrLevel, mask: number, version?: number): void {
  const ours = encodeQr(data, version === undefined ? { level, mask } : { level, mask, version });
  expect(
    rowsOf(ours),
    `${JSON.stringify(typeof data === 'string' ? data : Array.from(data))} ${level} v${ours.version} m${mask}`,
  ).toEqual(zintQr(data, level, ours.version, mask));
}

let seed = 18004;
const sample = <T>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { numRuns: n, seed: seed++ });
const levels: QrLevel[] = ['L', 'M', 'Q', 'H'];
const KANJI = '図書館本漢字日本語東京大学文庫貸出返却予約検索資料目録雑誌新聞';

describeWithPeers('QR modules equal zint --dump (same level, version, mask)', [commandPeer('zint')], () => {
  it('numeric, alphanumeric, byte and kanji single-mode data at every level and mask', () => {
    const cases: string[] = [
      ...sample(fc.stringMatching(/^[0-9]{1,300}$/), 6),
      ...sample(fc.stringMatching(/^[0-9A-Z $%*+\-./:]{1,200}$/), 6),
      ...sample(fc.stringMatching(/^[a-z!?_~#&=]{1,150}$/), 6),
      ...sample(fc.string({ unit: fc.constantFrom(...KANJI), minLength: 1, maxLength: 60 }), 4),
      'Grüße aus Köln',
    ];
    for (const [i, text] of cases.entries()) sameAsZint(text, levels[i % 4]!, i % 8);
  });

  it('mixed-mode data where both encoders segment optimally', () => {
    const texts = [
      'HELLO WORLD',
      'https://koha-community.org/',
      'ISBN 9780201379624',
      '39999000012345',
      'Call no. 823.914 ROW',
      'abc0123456789012345678901234567890xyz',
      'A1B2C3D4E5F6',
      '€ 100 ✓',
      '東京 2026',
      'Grüße 図書館',
    ];
    for (const [i, text] of texts.entries()) sameAsZint(text, levels[i % 4]!, (i * 3) % 8);
  });

  it('fixed versions up to 40, including version information blocks', () => {
    for (const v of [1, 2, 6, 7, 10, 14, 21, 27, 32, 35, 40])
      sameAsZint('0123456789'.repeat(v), levels[v % 4]!, v % 8, v);
  });

  it('binary data in byte mode', () => {
    for (const bytes of sample(fc.uint8Array({ minLength: 1, maxLength: 120 }), 4)) sameAsZint(bytes, 'M', 3);
  });
});

function decodeBoth(symbols: readonly MatrixSymbol[]): { zbar: string[]; zxing: string[] } {
  const files = symbols.map((s) => {
    const f = join(dir, `q${fileNo++}.png`);
    writeFileSync(f, renderPngSync(s, { scale: 3 }));
    return f;
  });
  const zbar = files.map((f) => runPeer('zbarimg', ['-q', '--raw', f]).toString('utf8').replace(/\n$/, ''));
  return { zbar, zxing: zxingText(files) };
}

describeWithPeers(
  'our QR PNGs decode with zbarimg and ZXingReader',
  [commandPeer('zbarimg'), commandPeer('ZXingReader')],
  () => {
    it('random text of every mode, UTF-8 with ECI 26 included, at every level', () => {
      const texts = [
        ...sample(
          fc
            .string({ minLength: 1, maxLength: 60 })
            .filter((s) => !/[\0<\ud800-\udfff]/.test(s) && s.trim() === s),
          6,
        ),
        ...sample(
          fc
            .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
            .filter((s) => !/[\0<]/.test(s) && s.trim() === s),
          6,
        ),
        ...sample(
          fc
            .string({ unit: fc.constantFrom(...`${KANJI}abcXYZ019 .`), minLength: 1, maxLength: 40 })
            .map((s) => `x${s}x`),
          4,
        ),
        '0123456789'.repeat(30),
        'Grüße aus Köln',
        '図書館の本',
        '📚 Bücher',
        'Grüße 図書館',
      ];
      const symbols = texts.map((t, i) => encodeQr(t, { level: levels[i % 4]! }));
      const { zbar, zxing } = decodeBoth(symbols);
      expect(zxing).toEqual(texts);
      expect(zbar).toEqual(texts);
    });

    it('large versions and every mask', () => {
      const texts = Array.from({ length: 8 }, (_, m) => `${'Koha 0123456789 '.repeat(m * 20 + 1)}#${m}`);
      const symbols = texts.map((t, m) => encodeQr(t, { level: 'L', mask: m }));
      expect(symbols.map((s) => s.version).some((v) => v >= 20)).toBe(true);
      const { zbar, zxing } = decodeBoth(symbols);
      expect(zxing).toEqual(texts);
      expect(zbar).toEqual(texts);
    });
  },
);
