// Runs the README's first example verbatim against the spec-driven mock, so the README cannot rot.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { startKohaMock } from './mock/koha-mock.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const file = fileURLToPath(new URL('./readme-example.generated.ts', import.meta.url));
afterAll(() => rmSync(file, { force: true }));

it('the README example runs and prints what it says', async () => {
  expect(example).toContain("koha.vendors.sync('Acme Books')");
  const mock = await startKohaMock();
  const saved = { ...process.env };
  Object.assign(process.env, {
    KOHA_URL: mock.url,
    KOHA_CLIENT_ID: 'coral',
    KOHA_CLIENT_SECRET: 's3cret-value',
  });
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    writeFileSync(file, example);
    await import(/* @vite-ignore */ file);
    expect(log.mock.calls).toEqual([
      [101, 'Acme Books', false],
      [1, 'Surname1'],
      [2, 'Surname2'],
      [3, 'Surname3'],
      ['00759cam a2200229 a 4500', 17],
    ]);
    expect(mock.violations).toEqual([]);
  } finally {
    log.mockRestore();
    process.env = saved;
    await mock.close();
  }
});
