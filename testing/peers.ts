// Real peers for interop tests: Debian CLIs (yaz-marcdump, zint, xmllint ...), Perl modules, browsers.
// A missing peer skips its suite locally, with the reason in the suite name, and fails it under CI=true,
// so a CI machine that lost an install step turns red instead of silently testing less.
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

export interface Peer {
  readonly name: string;
  readonly available: boolean;
  readonly reason: string;
}

const cache = new Map<string, Peer>();

/** A command on PATH (`yaz-marcdump`), checked with `command -v`. */
export function commandPeer(command: string): Peer {
  return memo(`cmd:${command}`, () => {
    const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
    const ok = r.status === 0;
    return { name: command, available: ok, reason: ok ? '' : `${command} not on PATH` };
  });
}

/** A Perl module (`CQL::Parser`), checked with `perl -M<module> -e1`. */
export function perlPeer(module: string): Peer {
  return memo(`perl:${module}`, () => {
    const r = spawnSync('perl', [`-M${module}`, '-e1'], { encoding: 'utf8' });
    const ok = r.status === 0;
    return { name: module, available: ok, reason: ok ? '' : `Perl module ${module} not installed` };
  });
}

function memo(key: string, make: () => Peer): Peer {
  let p = cache.get(key);
  if (!p) {
    p = make();
    cache.set(key, p);
  }
  return p;
}

export const inCI = process.env.CI === 'true';

/**
 * describe() that needs peers. Missing locally: skipped, and the skip says why.
 * Missing under CI=true: one failing test that names the missing peer.
 */
export function describeWithPeers(title: string, peers: readonly Peer[], body: () => void): void {
  const missing = peers.filter((p) => !p.available);
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const why = missing.map((p) => p.reason).join('; ');
  if (inCI) {
    describe(title, () => {
      it(`has its peers installed (${why})`, () => {
        throw new Error(`interop peer missing on CI: ${why}`);
      });
    });
    return;
  }
  describe.skipIf(true)(`${title} [skipped: ${why}]`, body);
}

/** Run a peer command synchronously and return stdout as a Buffer; throws with stderr on failure. */
export function runPeer(command: string, args: readonly string[], input?: string | Uint8Array): Buffer {
  const r = spawnSync(command, args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr?.toString('utf8')}`);
  }
  return r.stdout;
}

/** Path of the shared/ folder beside the repository (CI clones with shared/ beside it). */
export { sharedDir } from './paths.js';
