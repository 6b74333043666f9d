// Writes the skeleton files of a package (used once per package; kept for new packages).
// Usage: node scripts/new-package.mjs <name> "<description>" [subpath ...]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [name, description, ...subpaths] = process.argv.slice(2);
if (!name || !description) throw new Error('usage: new-package.mjs <name> "<description>" [subpath ...]');
const dir = join('packages', name);
mkdirSync(join(dir, 'src'), { recursive: true });
mkdirSync(join(dir, 'test'), { recursive: true });

const entries = {
  index: 'src/index.ts',
  ...Object.fromEntries(subpaths.map((s) => [s, `src/${s}.ts`])),
  cli: 'src/cli.ts',
};
const exportsMap = {};
for (const key of ['index', ...subpaths]) {
  const sub = key === 'index' ? '.' : `./${key}`;
  exportsMap[sub] = {
    '@bibwire/source': `./src/${key}.ts`,
    import: { types: `./dist/${key}.d.ts`, default: `./dist/${key}.js` },
    require: { types: `./dist/${key}.d.cts`, default: `./dist/${key}.cjs` },
  };
}
exportsMap['./package.json'] = './package.json';

const pkg = {
  name: `@bibwire/${name}`,
  version: '0.0.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20' },
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: exportsMap,
  bin: { [name]: './dist/cli.js' },
  files: ['dist', 'src'],
  keywords: ['library', 'bibwire'],
  repository: {
    type: 'git',
    url: 'git+https://github.com/bibwire/bibwire.git',
    directory: `packages/${name}`,
  },
  publishConfig: { access: 'public' },
  scripts: { build: 'tsup', typecheck: 'tsc --noEmit -p tsconfig.json' },
};
const write = (f, s) => (existsSync(join(dir, f)) ? null : writeFileSync(join(dir, f), s));
write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
write(
  'tsconfig.json',
  `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true }, include: ['src', 'test'] }, null, 2)}\n`,
);
write(
  'tsup.config.ts',
  `import { packageBuild } from '../../tsup.shared.js';\n\nexport default packageBuild(${JSON.stringify(entries, null, 2).replaceAll('"', "'")});\n`,
);
console.log(`wrote ${dir}`);
