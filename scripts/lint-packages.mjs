// publint (strict) and attw on the tarball `pnpm pack` makes, for every package: what npm users get.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checklist, packages, root } from './lib.mjs';

const list = checklist('lint-packages');
const tmp = join(root, '.tmp', 'pack');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000 });

for (const { dir, pkg } of packages()) {
  const dest = join(tmp, pkg.name.replace('/', '+'));
  mkdirSync(dest, { recursive: true });
  const pack = run('pnpm', ['pack', '--pack-destination', dest], dir);
  const tgz = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  if (pack.status !== 0 || !tgz) {
    list.fail(`pack ${pkg.name}`, pack.stderr || pack.stdout);
    continue;
  }
  const publint = run(bin('publint'), ['--strict', '--pack', 'pnpm'], dir);
  publint.status === 0
    ? list.pass(`publint ${pkg.name}`)
    : list.fail(`publint ${pkg.name}`, publint.stdout + publint.stderr);
  // node10 resolution cannot see subpath exports; the packages require Node >= 20 (engines).
  const attw = run(bin('attw'), [join(dest, tgz), '--profile', 'node16', '--format', 'ascii'], dir);
  attw.status === 0
    ? list.pass(`attw ${pkg.name}`)
    : list.fail(`attw ${pkg.name}`, attw.stdout + attw.stderr);
}
list.finish();
