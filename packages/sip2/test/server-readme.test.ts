import { readFileSync } from 'node:fs';
import * as client from '@bibwire/sip2/client';
import * as server from '@bibwire/sip2/server';
import { expect, it } from 'vitest';

// Runs the README's "Server and client" example as written (its imports mapped to the modules).
it('the README server/client example runs and prints ok 1', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Server and client'));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(block).toBeDefined();
  const modules: Record<string, unknown> = { '@bibwire/sip2/server': server, '@bibwire/sip2/client': client };
  const body = block!.replace(/^import \{([^}]+)\} from '([^']+)';$/gm, (_, names: string, mod: string) => {
    expect(modules[mod]).toBeDefined();
    return `const {${names}} = modules['${mod}'];`;
  });
  const logged: unknown[] = [];
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...a: unknown[]) => Promise<void>;
  await new AsyncFunction('modules', 'console', body)(modules, {
    log: (...a: unknown[]) => logged.push(...a),
  });
  expect(logged).toEqual(['1']);
});
