// Helpers shared by the QR and Data Matrix interop tests: zint --dump parsing and ZXingReader output.

import { runPeer } from '../../../testing/peers.js';
import type { MatrixSymbol } from '../src/symbol.js';

/** zint's --dump: one line per row, two hex digits per 8 modules, one hex digit for a last group of ≤ 4. */
export function parseZintDump(dump: string): string[] {
  return dump
    .trim()
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split(' ')
        .map((t) =>
          Number.parseInt(t, 16)
            .toString(2)
            .padStart(t.length * 4, '0'),
        )
        .join(''),
    );
}

export function rowsOf(s: MatrixSymbol): string[] {
  return Array.from({ length: s.height }, (_, r) =>
    Array.from(s.modules.subarray(r * s.width, (r + 1) * s.width)).join(''),
  );
}

/**
 * ZXingReader -1: one line per file, `<file> "<text>"`, non-graphical characters escaped as <U+XXXX> or
 * <NAME>; texts given to it must not contain '<' themselves.
 */
export function zxingText(files: readonly string[]): string[] {
  const out = runPeer('ZXingReader', ['-1', ...files]).toString('utf8');
  const zxing = files.map((f) => {
    const line = out.split('\n').find((l) => l.startsWith(`${f} `)) ?? '';
    const m = /"(.*)"$/.exec(line);
    if (!m) return `<no read: ${line}>`;
    return m[1]!
      .replace(/<U\+([0-9A-F]+)>/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/<([A-Z]{2,3})>/g, (all, name: string) => {
        const i = CONTROL_NAMES.indexOf(name);
        return i < 0 ? all : String.fromCharCode(i === 32 ? 127 : i);
      });
  });
  return zxing;
}

const CONTROL_NAMES =
  'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US DEL'.split(
    ' ',
  );
