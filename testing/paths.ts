import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot: string = resolve(here, '..');

/** `../shared` beside the repository; BIBWIRE_SHARED overrides. */
export const sharedDir: string = process.env.BIBWIRE_SHARED ?? resolve(repoRoot, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  const p = join(sharedDir, ...parts);
  if (!existsSync(p)) throw new Error(`shared file missing: ${p}`);
  return p;
}
