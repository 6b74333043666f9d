import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeEan13, encodeQr, renderSvg } from '@bibwire/barcode';
import type { BenchSuite, Contender } from '../lib/types.js';

// 10,000 EAN-13 SVGs with text, and 1,000 QR version-5 level-M SVGs, ours beside the JS peers and zint.
const require = createRequire(import.meta.url);
const bwipjs = require('bwip-js') as {
  toSVG(o: Record<string, unknown>): string;
};
const JsBarcode = require('jsbarcode') as (el: unknown, data: string, o: Record<string, unknown>) => void;
const QRCode = require('qrcode') as {
  toString(t: string, o: Record<string, unknown>, cb: (e: unknown, s: string) => void): void;
};

const EAN_N = 10_000;
const QR_N = 1_000;
// Slow contenders run a prefix of the same data so one benchmark run stays near a minute; the table
// compares rates (symbols per second), which do not depend on the count.
const SLOW_EAN = 1_000;
const SLOW_QR = 100;
const eanData = Array.from({ length: EAN_N }, (_, i) => `590${String(123412345 + i * 7).padStart(9, '0')}`);
// 60 bytes of mixed-case text: byte mode, which fits version 5 at level M (84 bytes).
const qrData = Array.from(
  { length: QR_N },
  (_, i) => `https://catalogue.example.org/cgi-bin/koha/opac?biblio=${100000 + i}`,
);

/** The smallest DOM JsBarcode's SVG renderer needs (it takes `xmlDocument`), serialised by hand. */
class El {
  readonly attrs: [string, string][] = [];
  readonly children: (El | { text: string })[] = [];
  readonly style: Record<string, string> = {};
  constructor(readonly nodeName: string) {}
  hasAttribute(k: string) {
    return this.attrs.some(([a]) => a === k);
  }
  getAttribute(k: string) {
    return this.attrs.find(([a]) => a === k)?.[1] ?? null;
  }
  setAttribute(k: string, v: unknown) {
    this.attrs.push([k, String(v)]);
  }
  appendChild<T extends El | { text: string }>(c: T): T {
    this.children.push(c);
    return c;
  }
  get firstChild(): El | { text: string } | null {
    return this.children[0] ?? null;
  }
  removeChild(c: unknown) {
    this.children.splice(this.children.indexOf(c as El), 1);
  }
  toString(): string {
    const a = this.attrs.map(([k, v]) => ` ${k}="${v}"`).join('');
    const inner = this.children.map((c) => (c instanceof El ? c.toString() : c.text)).join('');
    return `<${this.nodeName}${a}>${inner}</${this.nodeName}>`;
  }
}
const xmlDocument = {
  createElementNS: (_ns: string, tag: string) => new El(tag),
  createTextNode: (text: string) => ({ text }),
};

const zintAvailable = () =>
  spawnSync('sh', ['-c', 'command -v zint']).status === 0 ? undefined : 'zint not on PATH';

function zintBatch(type: string, lines: readonly string[], extra: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-zint-'));
  try {
    const input = join(dir, 'in.txt');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const r = spawnSync('zint', [
      '-b',
      type,
      '--batch',
      '-i',
      input,
      '--filetype=svg',
      '-o',
      join(dir, '~~~~~.svg'),
      ...extra,
    ]);
    if (r.status !== 0) throw new Error(`zint: ${r.stderr}`);
    return readdirSync(dir).length - 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ean: Contender[] = [
  {
    name: '@bibwire/barcode encodeEan13 + renderSvg',
    ours: true,
    run: () => {
      let n = 0;
      for (const d of eanData) n += renderSvg(encodeEan13(d)).length > 0 ? 1 : 0;
      return n;
    },
  },
  {
    name: 'JsBarcode 3.12 (SVG renderer on a minimal DOM)',
    run: () => {
      let n = 0;
      for (const d of eanData.slice(0, SLOW_EAN * 2)) {
        const svg = new El('svg');
        JsBarcode(svg, d, { format: 'EAN13', xmlDocument });
        n += svg.toString().length > 0 ? 1 : 0;
      }
      return n;
    },
  },
  {
    name: 'bwip-js 4.11 toSVG',
    run: () => {
      let n = 0;
      for (const d of eanData.slice(0, SLOW_EAN))
        n += bwipjs.toSVG({ bcid: 'ean13', text: d, includetext: true }).length > 0 ? 1 : 0;
      return n;
    },
  },
  {
    name: 'zint 2.11 CLI --batch (SVG files)',
    unavailable: zintAvailable,
    run: () => zintBatch('13', eanData.slice(0, SLOW_EAN * 2), []),
  },
];

const qrContenders = async (): Promise<Contender[]> => {
  const { encodeQR } = (await import('qr')) as {
    encodeQR(t: string, f: 'svg', o: Record<string, unknown>): string;
  };
  const qrcodeSvg = (t: string) =>
    new Promise<string>((res, rej) =>
      QRCode.toString(t, { type: 'svg', version: 5, errorCorrectionLevel: 'M' }, (e, s) =>
        e ? rej(e) : res(s),
      ),
    );
  return [
    {
      name: '@bibwire/barcode encodeQr + renderSvg',
      ours: true,
      run: () => {
        let n = 0;
        for (const d of qrData) n += renderSvg(encodeQr(d, { version: 5, level: 'M' })).length > 0 ? 1 : 0;
        return n;
      },
    },
    {
      name: 'qr 0.7 (paulmillr) encodeQR svg',
      run: () => {
        let n = 0;
        for (const d of qrData) n += encodeQR(d, 'svg', { ecc: 'medium', version: 5 }).length > 0 ? 1 : 0;
        return n;
      },
    },
    {
      name: 'node-qrcode 1.5 toString svg',
      run: async () => {
        let n = 0;
        for (const d of qrData.slice(0, SLOW_QR * 5)) n += (await qrcodeSvg(d)).length > 0 ? 1 : 0;
        return n;
      },
    },
    {
      name: 'bwip-js 4.11 toSVG qrcode',
      run: () => {
        let n = 0;
        for (const d of qrData.slice(0, SLOW_QR))
          n += bwipjs.toSVG({ bcid: 'qrcode', text: d, eclevel: 'M', version: 5 }).length > 0 ? 1 : 0;
        return n;
      },
    },
    {
      name: 'zint 2.11 CLI --batch (SVG files)',
      unavailable: zintAvailable,
      run: () => zintBatch('58', qrData.slice(0, SLOW_QR * 2), ['--vers=5', '--secure=2']),
    },
  ];
};

export default {
  name: 'barcode',
  description: `${EAN_N.toLocaleString('en-US')} EAN-13 SVGs with text; ${QR_N.toLocaleString('en-US')} QR version-5 level-M SVGs (byte mode, 61 characters). Slower contenders encode the first 100–2,000 of the same inputs (rates are comparable).`,
  goal: 'EAN-13 at least 10× faster than JsBarcode; QR at least as fast as the fastest JS encoder.',
  cases: async () => [
    {
      name: `${EAN_N.toLocaleString('en-US')} EAN-13 SVGs with text`,
      unit: 'symbols',
      rounds: 3,
      contenders: ean,
    },
    {
      name: `${QR_N.toLocaleString('en-US')} QR V5-M SVGs`,
      unit: 'symbols',
      rounds: 3,
      contenders: await qrContenders(),
    },
  ],
} satisfies BenchSuite;
