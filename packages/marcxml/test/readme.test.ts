// Runs the README's first example so it cannot rot.
import { readFileSync } from 'node:fs';
import { expect, it, vi } from 'vitest';
import {
  getTitle,
  parseIso2709Record,
  parseMarcXmlRecord,
  writeIso2709,
  writeMarcXml,
} from '../src/index.js';

it('README example runs and prints what it says', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const body = block.replace(/^import .*\n/m, '');
  const log = vi.fn();
  new Function(
    'getTitle',
    'parseIso2709Record',
    'parseMarcXmlRecord',
    'writeIso2709',
    'writeMarcXml',
    'console',
    body,
  )(getTitle, parseIso2709Record, parseMarcXmlRecord, writeIso2709, writeMarcXml, { log });
  expect(log.mock.calls).toEqual([
    ['Café society', 73],
    ['<marc:record xmlns:marc="http://www.loc.gov/MARC21/slim">'],
  ]);
});
