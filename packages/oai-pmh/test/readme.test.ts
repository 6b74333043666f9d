// Runs the README's first example verbatim, so the README cannot rot.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const file = fileURLToPath(new URL('./readme-example.generated.ts', import.meta.url));
afterAll(() => rmSync(file, { force: true }));

it('the README example runs and prints the harvested record', async () => {
  expect(example).toContain('createOaiHandler');
  writeFileSync(file, example);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await import(/* @vite-ignore */ file);
  expect(log).toHaveBeenCalledWith(
    'oai:example.org:1',
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Moby Dick</dc:title></oai_dc:dc>',
  );
  log.mockRestore();
});
