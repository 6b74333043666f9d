// After the build: require() and import() every entry point of every package from its dist, as a user
// would (no source condition), and run each CLI with --help.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checklist, packages } from './lib.mjs';

const list = checklist('smoke');
const node = (args, cwd) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });

for (const { dir, pkg } of packages()) {
  for (const sub of Object.keys(pkg.exports ?? {})) {
    if (sub === './package.json') continue;
    const spec = sub === '.' ? pkg.name : `${pkg.name}${sub.slice(1)}`;
    const cjs = node(
      [
        '-e',
        `const m = require(${JSON.stringify(spec)}); if (Object.keys(m).length === 0) throw new Error('no exports');`,
      ],
      dir,
    );
    cjs.status === 0 ? list.pass(`require ${spec}`) : list.fail(`require ${spec}`, cjs.stderr);
    const esm = node(
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(spec)}); if (Object.keys(m).length === 0) throw new Error('no exports');`,
      ],
      dir,
    );
    esm.status === 0 ? list.pass(`import ${spec}`) : list.fail(`import ${spec}`, esm.stderr);
  }
  for (const [bin, file] of Object.entries(pkg.bin ?? {})) {
    const r = node([join(dir, file), '--help'], dir);
    r.status === 0 && r.stdout.length > 0
      ? list.pass(`${bin} --help`)
      : list.fail(`${bin} --help`, r.stderr || `exit ${r.status}`);
  }
}
list.finish();
