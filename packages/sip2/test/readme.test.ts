import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('./readme-example.ts', import.meta.url), 'utf8');

describe('README', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts with the example that this test runs', () => {
    const first = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(first).toBe(example);
    expect(readme.indexOf('```ts')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('the example prints what its comment says', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('./readme-example.js');
    expect(log).toHaveBeenCalledWith('11', true, '39000000001234', 0);
  });

  it('keeps the section for the server and client', () => {
    expect(readme).toContain('## Server and client');
  });
});
