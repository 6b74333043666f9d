import { defineConfig, type Options } from 'tsup';

/**
 * The one build recipe every package uses: ESM + CJS + .d.ts/.d.cts per entry, node20 target.
 * `entries` maps an output name (`index`, `client`, `cli`) to its source file.
 * Declarations are built against sibling packages' dist (no source condition), as users see them.
 */
export function packageBuild(entries: Record<string, string>, extra: Partial<Options> = {}) {
  return defineConfig({
    entry: entries,
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    splitting: true,
    ...extra,
  });
}
