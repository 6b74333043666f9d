// Runs the README examples of the character set, validation and Dublin Core sections so they cannot rot.
import { readFileSync } from 'node:fs';
import { expect, it, vi } from 'vitest';
import { decodeMarc8, encodeMarc8, toDublinCore, toOaiDcXml, validateRecord } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The first ts block after a heading, without its import line, run with the given bindings. */
function run(heading: string, bindings: Record<string, unknown>): unknown[][] {
  const section = readme.slice(readme.indexOf(`## ${heading}`));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  expect(block).not.toBe('');
  const log = vi.fn();
  const warn = vi.fn();
  const names = Object.keys(bindings);
  new Function(...names, 'console', block.replace(/^import .*\n/m, ''))(...Object.values(bindings), {
    log,
    warn,
  });
  expect(warn).not.toHaveBeenCalled();
  return log.mock.calls;
}

it('Character sets example', () => {
  expect(run('Character sets', { decodeMarc8, encodeMarc8 })).toEqual([[true, 31]]);
});

it('Validation example', () => {
  expect(run('Validation', { validateRecord })).toEqual([
    [['008: No 008 tag.', `245: Indicator 1 must be 0 or 1 but it's "9"`]],
  ]);
});

it('Dublin Core example', () => {
  expect(run('Dublin Core', { toDublinCore, toOaiDcXml })).toEqual([[['Austen, Jane, 1775-1817.']], [true]]);
});
