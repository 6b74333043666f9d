// ISO 5426 (extended Latin for bibliographic use; UNIMARC 100 $a code 03) over ASCII. Like ANSEL,
// diacritics precede their letter; they are moved after it, as for MARC-8.
import type { CharsetWarningHandler, Marc8DecodeOptions } from './marc8.js';
import { ISO5426 } from './tables/iso5426.generated.js';

let table: { codePoints: Int32Array; combining: Uint8Array } | undefined;

function lookup(): { codePoints: Int32Array; combining: Uint8Array } {
  if (!table) {
    const codePoints = new Int32Array(256);
    const combining = new Uint8Array(256);
    for (const [byte, cp, mark] of ISO5426) {
      codePoints[byte] = cp + 1;
      combining[byte] = mark;
    }
    table = { codePoints, combining };
  }
  return table;
}

/**
 * Decodes ISO 5426 bytes (one subfield per call). Bytes below 0x80 are ASCII; unassigned high bytes
 * become U+FFFD and a warning with their offset. `normalize: 'NFC'` composes the result.
 */
export function decodeIso5426(
  bytes: Uint8Array,
  warn?: CharsetWarningHandler,
  options: Marc8DecodeOptions = {},
): string {
  const { codePoints, combining } = lookup();
  const out: number[] = [];
  let marks: number[] = [];
  const emit = (cp: number): void => {
    out.push(cp, ...marks);
    marks = [];
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      emit(b);
      continue;
    }
    const cp = codePoints[b]! - 1;
    if (cp < 0) {
      warn?.({
        offset: i,
        message: `byte 0x${b.toString(16).toUpperCase()} at ${i} is not an ISO 5426 character`,
      });
      emit(0xfffd);
    } else if (combining[b]) {
      marks.push(cp);
    } else {
      emit(cp);
    }
  }
  if (marks.length > 0) {
    warn?.({
      offset: bytes.length,
      message: 'combining mark without a base character at the end of the data',
    });
    out.push(...marks);
  }
  let s = '';
  for (let k = 0; k < out.length; k += 4096) s += String.fromCodePoint(...out.slice(k, k + 4096));
  const form = options.normalize ?? 'none';
  return form === 'none' ? s : s.normalize(form);
}
