// `pnpm bench [name]`: builds the packages (benchmarks measure what users install), then runs bench/main.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib.mjs';

const args = process.argv.slice(2);
const listing = args.length === 0 || args.includes('--list');
if (!listing && !args.includes('--no-build')) {
  const b = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const r = spawnSync(tsx, [join(root, 'bench', 'main.ts'), ...args.filter((a) => a !== '--no-build')], {
  cwd: join(root, 'bench'),
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
