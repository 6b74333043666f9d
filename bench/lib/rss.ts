import { spawnSync } from 'node:child_process';

// Peak RSS of a command: Linux's getrusage(RUSAGE_CHILDREN).ru_maxrss, read by a tiny python3 wrapper
// (Node exposes only the current process's rusage). Works for node scripts and native peers alike.
const WRAPPER = `import resource,subprocess,sys
r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE)
sys.stderr.write(r.stderr.decode('utf8','replace')[-2000:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss*1024)
sys.exit(r.returncode)`;

/** Runs `command args...` to completion and returns its peak RSS in bytes. */
export function peakRssOf(command: string, args: readonly string[]): number {
  const r = spawnSync('python3', ['-c', WRAPPER, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr}`);
  return Number(r.stdout.trim());
}
