// History of the `sip2 client` shell across sessions: a bounded file (default ~/.sip2_history,
// mode 0600) of the lines typed, with every secret masked before a line is kept.
// Secrets per the spec: CO (login password), AC (terminal password), AD (patron password).
// CN (login user id) and AA (patron id) are identifiers, not secrets, and stay readable.
import { appendFile, chmod, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { FIXED_WIDTH, isSip2Code } from '../codec/specs.js';

export const SECRET_FIELD_IDS: readonly string[] = ['AC', 'AD', 'CO'];
export const MASK = '****';
export const DEFAULT_HISTORY_SIZE = 500;

export function defaultHistoryPath(home: string = homedir()): string {
  return join(home, '.sip2_history');
}

/** The values of AC, AD and CO in a raw message replaced by the mask (fixed fields untouched). */
export function maskRawMessage(text: string, delimiter = '|'): string {
  const code = text.slice(0, 2);
  const start = Math.min(text.length, 2 + (isSip2Code(code) ? FIXED_WIDTH[code] : 0));
  const fields = text
    .slice(start)
    .split(delimiter)
    .map((f) => (SECRET_FIELD_IDS.includes(f.slice(0, 2)) && f.length > 2 ? `${f.slice(0, 2)}${MASK}` : f));
  return text.slice(0, start) + fields.join(delimiter);
}

/** Which word of each shell command is a secret (1 = the first argument). */
const SECRET_ARGUMENT: Readonly<Record<string, (args: readonly string[]) => number | undefined>> = {
  login: () => 2, // login USER PASSWORD [LOCATION]
  patron: () => 2, // patron ID [PIN]
  enable: () => 2, // enable ID [PIN]
  // info ID [PIN] [list]: the second argument is a PIN unless it names a list
  info: (args) => (args[2] !== undefined && !INFO_LISTS.has(args[2]) ? 2 : undefined),
};
export const INFO_LISTS: ReadonlySet<string> = new Set([
  'hold',
  'overdue',
  'charged',
  'fine',
  'recall',
  'unavailable',
]);

/** A shell line as it may be stored: PINs and passwords masked, raw messages' secret fields masked. */
export function maskShellLine(line: string, delimiter = '|'): string {
  const trimmed = line.trim();
  const words = trimmed.split(/\s+/);
  const command = words[0] ?? '';
  if (command === 'raw') {
    const rest = trimmed.slice(3).trimStart();
    return `raw ${maskRawMessage(rest, delimiter)}`;
  }
  const at = SECRET_ARGUMENT[command]?.(words);
  if (at === undefined || words[at] === undefined) return words.join(' ');
  return words.map((w, i) => (i === at ? MASK : w)).join(' ');
}

export interface ShellHistory {
  /** Lines for readline's `history` option: newest first, already masked. */
  readonly lines: readonly string[];
  /** Masks the line and keeps it (memory and file); blank lines and repeats are skipped. */
  add(line: string): Promise<void>;
  /** Trims the file to the size limit. */
  close(): Promise<void>;
}

/** Opens (or starts) the history file; a missing or unreadable file is an empty history. */
export async function openHistory(
  file: string | undefined,
  size = DEFAULT_HISTORY_SIZE,
  delimiter = '|',
): Promise<ShellHistory> {
  let stored: string[] = [];
  if (file !== undefined) {
    try {
      stored = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    } catch {
      stored = [];
    }
  }
  // A file written by an older version or by hand may hold secrets: mask what is loaded too.
  const recent = stored.slice(-size);
  const kept = recent.map((l) => maskShellLine(l, delimiter));
  const rewrite = kept.some((l, i) => l !== recent[i]);
  let fileLines = stored.length;
  let tail = kept.at(-1);
  return {
    get lines() {
      return [...kept].reverse();
    },
    async add(line: string) {
      if (line.trim() === '') return;
      const masked = maskShellLine(line, delimiter);
      if (masked === tail) return;
      tail = masked;
      kept.push(masked);
      if (kept.length > size) kept.shift();
      if (file === undefined) return;
      await appendFile(file, `${masked}\n`, { mode: 0o600 });
      fileLines++;
    },
    async close() {
      if (file === undefined || (!rewrite && fileLines <= size)) return;
      await writeFile(file, kept.length ? `${kept.join('\n')}\n` : '', { mode: 0o600 });
      await chmod(file, 0o600);
    },
  };
}
