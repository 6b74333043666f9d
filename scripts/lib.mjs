// Helpers shared by the repository scripts (smoke, lint-packages, ci summary).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every publishable package: { dir, pkg }. */
export function packages() {
  const base = join(root, 'packages');
  return readdirSync(base)
    .filter((d) => existsSync(join(base, d, 'package.json')))
    .map((d) => ({
      dir: join(base, d),
      pkg: JSON.parse(readFileSync(join(base, d, 'package.json'), 'utf8')),
    }));
}

/** Collects pass/fail checks and writes them where .ci/run sums them. */
export function checklist(name) {
  const results = [];
  return {
    pass(what) {
      results.push({ what, ok: true });
      console.log(`  ok    ${what}`);
    },
    fail(what, why) {
      results.push({ what, ok: false, why });
      console.log(`  FAIL  ${what}\n        ${String(why).split('\n').join('\n        ')}`);
    },
    finish() {
      const passed = results.filter((r) => r.ok).length;
      const failed = results.length - passed;
      const out = process.env.BIBWIRE_COUNTS_DIR;
      if (out) {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, `${name}.json`), JSON.stringify({ passed, failed }));
      }
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      process.exitCode = failed > 0 ? 1 : 0;
    },
  };
}
