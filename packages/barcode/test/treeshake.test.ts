// Importing one symbology from the main entry must not pull in the others (tree-shakeable per symbology).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const esbuild = fileURLToPath(new URL('../../../node_modules/.bin/esbuild', import.meta.url));
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

function bundle(code: string): string {
  const r = spawnSync(esbuild, ['--bundle', '--format=esm', '--platform=neutral', '--log-level=error'], {
    input: code.replace('ENTRY', entry),
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

it('an EAN-13 SVG bundle contains neither other symbologies, QR, nor the PNG encoder', () => {
  const out = bundle(
    `import { encodeEan13, renderSvg } from 'ENTRY'; console.log(renderSvg(encodeEan13('590123412345')));`,
  );
  expect(out).toContain('function encodeEan13');
  for (const absent of [
    'encodeCode128',
    'encodeCode39',
    'encodeCodabar',
    'encodeItf',
    'encodeQr',
    'CompressionStream',
    'node:',
  ]) {
    expect(out).not.toContain(absent);
  }
  expect(out.length).toBeLessThan(20_000);
});

it('the dispatcher brings everything, as documented', () => {
  const out = bundle(
    `import { encodeBarcode } from 'ENTRY'; console.log(encodeBarcode('EAN13', '590123412345'));`,
  );
  expect(out).toContain('function encodeCode128');
  expect(out).toContain('function encodeQr');
});
