// Our PNGs read by real decoders: zbarimg (zbar-tools) and ZXingReader (zxing-cpp-tools).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BarcodeSymbol,
  encodeBarcode,
  encodeCodabar,
  encodeCode39,
  encodeCode128,
  encodeEan8,
  encodeEan13,
  encodeGs1128,
  encodeItf,
  encodeItf14,
  encodeUpca,
  encodeUpce,
  expandUpce,
  renderPng,
} from '@bibwire/barcode';
import { renderPngSync } from '@bibwire/barcode/node';
import { createBarcodeHandler } from '@bibwire/barcode/server';
import { fc } from '@fast-check/vitest';
import { afterAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../../testing/peers.js';

const dir = mkdtempSync(join(tmpdir(), 'bibwire-barcode-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Sample {
  readonly symbol: BarcodeSymbol;
  /** What zbar prints with --raw (undefined: zbar does not read this symbology). */
  readonly zbar?: string;
  /** What ZXingReader prints as Text. */
  readonly zxing?: string;
}

let counter = 0;
function writeAll(samples: readonly Sample[], scale = 2): string[] {
  return samples.map((s) => {
    const file = join(dir, `s${counter++}.png`);
    writeFileSync(file, renderPngSync(s.symbol, { scale }));
    return file;
  });
}

function zbar(files: string[]): string[] {
  return files.map((f) => runPeer('zbarimg', ['-q', '--raw', f]).toString('utf8').replace(/\n$/, ''));
}

function zxing(files: string[]): string[] {
  const out = runPeer('ZXingReader', ['-1', '-escape', ...files]).toString('utf8');
  return files.map((f) => {
    const line = out.split('\n').find((l) => l.startsWith(`${f} `)) ?? '';
    const m = /"(.*)"$/.exec(line);
    return m ? unescapeZxing(m[1] as string) : `<no read: ${line}>`;
  });
}

/** `-1` implies `-escape`: non-graphical characters come as <U+XXXX> or control names such as <GS>. */
function unescapeZxing(s: string): string {
  return s
    .replace(/<U\+([0-9A-F]+)>/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/<GS>/g, '\x1d');
}

let seed = 20261123;
// Fixed seeds keep the scanned samples reproducible from run to run.
const sample = <T>(arb: fc.Arbitrary<T>, n = 6) => fc.sample(arb, { numRuns: n, seed: seed++ });
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const C39 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const d of [...sample(digits(12)), '012345678901']) {
    const s = encodeEan13(d);
    // zxing-cpp reports an EAN-13 with leading 0 as the UPC-A it is.
    out.push({ symbol: s, zbar: s.text, zxing: s.text.startsWith('0') ? s.text.slice(1) : s.text });
  }
  for (const add of ['12', '52495']) {
    const s = encodeEan13(`978020137962+${add}`);
    out.push({ symbol: s, zxing: `9780201379624 ${add}` });
  }
  for (const d of sample(digits(7))) {
    const s = encodeEan8(d);
    out.push({ symbol: s, zbar: s.text, zxing: s.text });
  }
  for (const d of sample(digits(11))) {
    const s = encodeUpca(d);
    out.push({ symbol: s, zbar: `0${s.text}`, zxing: s.text });
  }
  for (const d of sample(
    digits(6).filter((x) => {
      try {
        expandUpce(`0${x}`);
        return true;
      } catch {
        return false;
      }
    }),
  )) {
    const s = encodeUpce(`0${d}`);
    out.push({ symbol: s, zbar: `0${expandUpce(s.text)}`, zxing: s.text });
  }
  for (const d of sample(
    fc.string({ unit: fc.constantFrom(...C39), minLength: 1, maxLength: 12 }).filter((x) => x.trim() === x),
  )) {
    out.push({ symbol: encodeCode39(d), zbar: d, zxing: d });
  }
  for (const d of sample(
    fc.string({
      unit: fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 20,
    }),
  )) {
    out.push({ symbol: encodeCode128(d), zbar: d, zxing: d });
  }
  for (const d of sample(
    fc.string({ unit: fc.constantFrom(...'0123456789-$:/.+'), minLength: 4, maxLength: 12 }),
  )) {
    // Both decoders ignore Codabar shorter than a few characters (partial-read protection).
    out.push({ symbol: encodeCodabar(`A${d}B`), zbar: `A${d}B`, zxing: d });
  }
  for (const d of sample(
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 20 }),
  )) {
    const s = encodeItf(d);
    out.push({ symbol: s, zbar: s.text, zxing: s.text });
  }
  for (const d of sample(digits(13), 3)) {
    const s = encodeItf14(d);
    out.push({ symbol: s, zbar: s.text, zxing: s.text });
  }
  const gs1 = encodeGs1128('(01)09501101530003(10)ABC123(21)XYZ');
  out.push({
    symbol: gs1,
    zbar: '010950110153000310ABC123\x1d21XYZ',
    zxing: '010950110153000310ABC123\x1d21XYZ',
  });
  return out;
}

describeWithPeers(
  'PNG output read by zbarimg and ZXingReader',
  [commandPeer('zbarimg'), commandPeer('ZXingReader')],
  () => {
    const all = samples();
    const files = writeAll(all);

    it('zbarimg reads every symbology it supports back to the input', () => {
      const got = zbar(files);
      all.forEach((s, i) => {
        if (s.zbar !== undefined) expect(got[i], `${s.symbol.symbology} ${s.symbol.text}`).toBe(s.zbar);
      });
    });

    it('ZXingReader reads every symbology it supports back to the input', () => {
      const got = zxing(files);
      all.forEach((s, i) => {
        if (s.zxing !== undefined) expect(got[i], `${s.symbol.symbology} ${s.symbol.text}`).toBe(s.zxing);
      });
    });

    it('1 pixel per module still reads (with quiet zones, unlike Koha/GD)', () => {
      const one = [encodeEan13('590123412345'), encodeCode128('Koha 123'), encodeCode39('ITEM-42')];
      const f = writeAll(
        one.map((symbol) => ({ symbol })),
        1,
      );
      expect(zxing(f)).toEqual(['5901234123457', 'Koha 123', 'ITEM-42']);
    });

    it('QR with UTF-8 text, through the dispatcher (ECI 26) — both decoders', () => {
      const texts = ['HELLO WORLD', 'https://koha-community.org/', 'Grüße aus Köln', '€ 100', '図書館', '📚'];
      const f = writeAll(
        texts.map((t) => ({ symbol: encodeBarcode('QRcode', t) })),
        4,
      );
      expect(zbar(f)).toEqual(texts);
      expect(zxing(f)).toEqual(texts);
    });

    it('Data Matrix through the dispatcher — ZXingReader (zbar has no Data Matrix reader)', () => {
      const texts = ['123456', '39999000012345', 'Koha library item 42', 'Grüße'];
      const f = writeAll(
        texts.map((t) => ({ symbol: encodeBarcode('datamatrix', t) })),
        4,
      );
      expect(zxing(f)).toEqual(texts);
    });

    it('Koha handler PNGs (async CompressionStream path) scan', async () => {
      const handler = createBarcodeHandler();
      const cases: [string, string, string][] = [
        ['Code39', '*39999000012345*', '39999000012345'],
        ['EAN13', '9780201379624', '9780201379624'],
        ['NW7', 'A39999000012345B', '39999000012345'],
        ['ITF', '12345678', '12345678'],
      ];
      const f: string[] = [];
      for (const [type, data] of cases) {
        const r = await handler(
          new Request(`http://x/svc/barcode?type=${type}&barcode=${encodeURIComponent(data)}`),
        );
        const file = join(dir, `k${counter++}.png`);
        writeFileSync(file, new Uint8Array(await r.arrayBuffer()));
        f.push(file);
      }
      expect(zxing(f)).toEqual(cases.map((c) => c[2]));
      const async = await renderPng(encodeCode128('async'));
      const file = join(dir, 'async.png');
      writeFileSync(file, async);
      expect(zbar([file])).toEqual(['async']);
    });
  },
);
