// A one-line progress display on stderr, only when stderr is a terminal.
import type { CliIo } from './io.js';

export interface Progress {
  tick(bytesRead: number): void;
  done(): void;
}

export function createProgress(io: CliIo, totalBytes: number | undefined): Progress {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let records = 0;
  let last = 0;
  let shown = false;
  return {
    tick(bytesRead: number): void {
      records++;
      if (!tty) return;
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const pct = totalBytes ? ` ${Math.min(100, Math.floor((bytesRead / totalBytes) * 100))}%` : '';
      const width = 30;
      const bar = totalBytes
        ? ` [${'#'.repeat(Math.floor((bytesRead / totalBytes) * width)).padEnd(width, '.')}]`
        : '';
      io.stderr.write(`\r${records} records${bar}${pct}`);
    },
    done(): void {
      if (shown) io.stderr.write(`\r${records} records done${' '.repeat(40)}\n`);
    },
  };
}
