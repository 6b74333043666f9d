// ISO 8859-1 (Latin-1): every byte is the code point of the same value, so decoding cannot fail.
import type { CharsetWarningHandler } from './marc8.js';

export function decodeLatin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

export interface Latin1EncodeOptions {
  /** Called for each character above U+00FF, which is written as `?`. */
  onWarning?: CharsetWarningHandler;
}

/** Unicode → Latin-1. Text is composed (NFC) first so that `e` + U+0301 becomes é (0xE9). */
export function encodeLatin1(text: string, options: Latin1EncodeOptions = {}): Uint8Array {
  const composed = text.normalize('NFC');
  const out = new Uint8Array(composed.length);
  let n = 0;
  let index = 0;
  for (const ch of composed) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xff) {
      options.onWarning?.({
        offset: index,
        message: `U+${cp.toString(16).toUpperCase().padStart(4, '0')} at index ${index} is not in Latin-1`,
      });
      out[n++] = 0x3f;
    } else {
      out[n++] = cp;
    }
    index += ch.length;
  }
  return out.slice(0, n);
}
