// Byte <-> string helpers shared by the binary codecs. TextDecoder('latin1') is windows-1252 in the
// WHATWG spec, so ISO-8859-1 (one byte = one code point, byte-transparent) is done by hand.

export const utf8Decoder = new TextDecoder('utf-8');
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
export const utf8Encoder = new TextEncoder();

const CHUNK = 8192;

// Node's Buffer has a native ISO-8859-1 decoder; elsewhere (browsers, Deno without Buffer) the
// portable code below is used. Feature-detected, never imported: this module stays free of node:*.
type Latin1Slice = (this: Uint8Array, start: number, end: number) => string;
const nativeLatin1: Latin1Slice | undefined = (
  globalThis as { Buffer?: { prototype?: { latin1Slice?: Latin1Slice } } }
).Buffer?.prototype?.latin1Slice;
export const hasNativeLatin1 = nativeLatin1 !== undefined;

/** Bytes as code points U+0000-U+00FF. */
export function latin1(bytes: Uint8Array, start = 0, end: number = bytes.length): string {
  if (nativeLatin1 !== undefined && end - start > 32 && end <= bytes.length)
    return nativeLatin1.call(bytes, start, end);
  if (end - start <= CHUNK)
    return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  let out = '';
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      bytes.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[],
    );
  }
  return out;
}

/** UTF-8 decode with U+FFFD for bad sequences. */
export function utf8(bytes: Uint8Array, start = 0, end: number = bytes.length): string {
  return utf8Decoder.decode(bytes.subarray(start, end));
}

/** Offset of the first byte that is not part of valid UTF-8 in [start, end), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  try {
    utf8Fatal.decode(bytes.subarray(start, end));
    return -1;
  } catch {
    // fall through to locate it
  }
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    let n: number;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    if (i + n >= end) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return start;
}

/** ISO-8859-1 encoding; null when a character is above U+00FF. */
export function encodeLatin1(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const size = total ?? parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
