import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCode128 } from '@bibwire/barcode';
import type { BenchSuite, Contender, RoundResult } from '../lib/types.js';

// Automatic Code 128 encoding to modules (no rendering): 10,000 ASCII library strings and 10,000 ISO 8859-1
// strings (FNC4 single shifts and FNC4 FNC4 extended mode), ours beside JsBarcode, bwip-js and zint.
const require = createRequire(import.meta.url);
const bwipjs = require('bwip-js') as { raw(o: Record<string, unknown>): { sbs: number[] }[] };
const { CODE128 } = (
  require('jsbarcode/bin/barcodes') as {
    default: { CODE128: new (d: string, o: object) => { valid(): boolean; encode(): { data: string } } };
  }
).default;

const N = 10_000;
const SLOW = 1_000;
const asciiData = Array.from({ length: N }, (_, i) => {
  const k = 100000 + i * 37;
  return (
    [`39999000${String(k).padStart(6, '0')}`, `QA76.${i % 97} .J${i % 13} 2026`, `Koha item ${k}`][i % 3] ??
    ''
  );
});
const latinData = Array.from({ length: N }, (_, i) => {
  const k = 1000 + i * 7;
  return [
    `Bibliothèque nationale ${k}`,
    `Grüße aus Köln Nr. ${k}`,
    `ÉÉÉÉÉÉ ÀÂÄ ${k} øæå`,
    `Ärztekammer München ${k}`,
  ][i % 4] as string;
});

const zintAvailable = () =>
  spawnSync('sh', ['-c', 'command -v zint']).status === 0 ? undefined : 'zint not on PATH';

/** zint --batch --dump on UTF-8 lines (zint converts to ISO 8859-1); modules counted up to the last bar. */
function zintBatch(lines: readonly string[]): RoundResult {
  const dir = mkdtempSync(join(tmpdir(), 'bench-zint128-'));
  try {
    const input = join(dir, 'in.txt');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const r = spawnSync('zint', ['-b', '20', '--batch', '--dump', '-i', input], { maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`zint: ${r.stderr}`);
    const dumps = r.stdout.toString('utf8').trim().split('\n');
    let modules = 0;
    for (const hex of dumps) {
      const bits = Array.from(hex.replace(/\s+/g, ''), (h) =>
        Number.parseInt(h, 16).toString(2).padStart(4, '0'),
      );
      modules += bits.join('').replace(/0+$/, '').length;
    }
    return { work: dumps.length, metrics: { 'modules/symbol': modules / dumps.length } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ours(data: readonly string[]): Contender {
  return {
    name: '@bibwire/barcode encodeCode128',
    ours: true,
    run: () => {
      let modules = 0;
      for (const d of data) modules += encodeCode128(d).modules.length;
      return { work: data.length, metrics: { 'modules/symbol': modules / data.length } };
    },
  };
}

function bwip(data: readonly string[]): Contender {
  return {
    name: 'bwip-js 4.11 raw code128',
    run: () => {
      let modules = 0;
      const slice = data.slice(0, SLOW);
      for (const d of slice)
        modules += bwipjs.raw({ bcid: 'code128', text: d })[0]?.sbs.reduce((a, b) => a + b, 0) ?? 0;
      return { work: slice.length, metrics: { 'modules/symbol': modules / slice.length } };
    },
  };
}

const zint = (data: readonly string[]): Contender => ({
  name: 'zint 2.11 CLI --batch --dump',
  unavailable: zintAvailable,
  run: () => zintBatch(data.slice(0, SLOW * 2)),
});

export default {
  name: 'code128',
  description: `Automatic Code 128 to modules, no rendering: ${N.toLocaleString('en-US')} ASCII library strings (item barcodes, call numbers, text) and ${N.toLocaleString('en-US')} ISO 8859-1 strings (accented text, a run of 6 É). Slower contenders encode the first 1,000–2,000 (rates are comparable). bwip-js encodes JS strings as UTF-8 bytes, so its Latin-1 symbols are longer by design. modules/symbol: mean symbol width.`,
  goal: 'Faster than every JS peer; never wider than zint (narrower where zint is not minimal).',
  cases: () => [
    {
      name: `${N.toLocaleString('en-US')} ASCII Code 128`,
      unit: 'symbols',
      rounds: 7,
      contenders: [
        ours(asciiData),
        {
          name: 'JsBarcode 3.12 CODE128 encode',
          run: () => {
            let modules = 0;
            for (const d of asciiData) modules += new CODE128(d, {}).encode().data.length;
            return { work: asciiData.length, metrics: { 'modules/symbol': modules / asciiData.length } };
          },
        },
        bwip(asciiData),
        zint(asciiData),
      ],
    },
    {
      name: `${N.toLocaleString('en-US')} ISO 8859-1 Code 128`,
      unit: 'symbols',
      rounds: 7,
      contenders: [ours(latinData), bwip(latinData), zint(latinData)],
    },
  ],
} satisfies BenchSuite;
