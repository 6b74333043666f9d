// Runs the README's first code block as written, so the example cannot rot.
import { readFileSync } from 'node:fs';
import * as barcode from '@bibwire/barcode';
import { expect, it, vi } from 'vitest';

it('the README example runs and prints the EAN-13 with its check digit', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const importLine = /^import \{([^}]+)\} from '@bibwire\/barcode';\n/m.exec(block);
  expect(importLine).not.toBeNull();
  const names = (importLine?.[1] ?? '').split(',').map((s) => s.trim());
  const body = block.replace(importLine?.[0] ?? '', '');
  const log = vi.fn();
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const run = new AsyncFunction(...names, 'console', body);
  await run(...names.map((n) => (barcode as Record<string, unknown>)[n]), { log });
  expect(log).toHaveBeenCalledWith('9780201379624', true, true);
});
