// pnpm bench            -> lists the benchmarks
// pnpm bench <name>     -> runs bench/suites/<name>.ts and writes bench/results/<name>.md
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runSuite } from './lib/run.js';
import type { BenchSuite } from './lib/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const suitesDir = join(here, 'suites');

async function load(name: string): Promise<BenchSuite> {
  const mod = (await import(pathToFileURL(join(suitesDir, `${name}.ts`)).href)) as { default: BenchSuite };
  return mod.default;
}

const names = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const [arg] = process.argv.slice(2).filter((a) => a !== '--list');

if (arg === undefined) {
  console.log('benchmarks (pnpm bench <name>):');
  for (const n of names) console.log(`  ${n.padEnd(14)} ${(await load(n)).description}`);
} else if (!names.includes(arg)) {
  console.error(`no benchmark named ${arg}; have: ${names.join(', ')}`);
  process.exitCode = 2;
} else {
  const file = await runSuite(await load(arg), join(here, 'results'));
  console.log(`wrote ${file}`);
}

// Suites may leave servers, child processes or sockets open; a run ends when its results are written.
process.exit(process.exitCode ?? 0);
