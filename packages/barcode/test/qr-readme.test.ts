// Runs the README's "QR Code and Data Matrix" example and checks each `// →` comment against the output.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { encodeDataMatrix } from '../src/datamatrix/encode.js';
import { encodeQr } from '../src/qr/encode.js';

it('the README QR / Data Matrix example prints what its comments say', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## QR Code and Data Matrix'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code).toBeDefined();
  const expected = [...code!.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]);
  const body = code!.replace(/^import .*$/m, '');
  const printed: string[] = [];
  const log = (...args: unknown[]) => printed.push(args.map(String).join(' '));
  new Function('encodeQr', 'encodeDataMatrix', 'console', body)(encodeQr, encodeDataMatrix, { log });
  expect(printed).toEqual(expected);
  expect(expected.length).toBe(3);
});
