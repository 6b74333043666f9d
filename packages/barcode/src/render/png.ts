// PNG encoder (1-bit grayscale) with our own CRC-32; deflate comes from CompressionStream here
// (web-standard, async) or from node:zlib in ../node.ts (sync).
import type { BarcodeSymbol } from '../symbol.js';
import { type Raster, type RasterOptions, rasterize } from './raster.js';

export interface PngOptions extends RasterOptions {
  /** Write a pHYs chunk with this resolution in dots per inch. */
  readonly dpi?: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, as PNG and zlib use). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The uncompressed scanlines: a filter byte 0 then the row packed 8 pixels per byte, 1 = white. */
export function pngScanlines(raster: Raster): Uint8Array {
  const { width, height, data } = raster;
  const stride = Math.ceil(width / 8) + 1;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const src = y * width;
    for (let x = 0; x < width; x++) {
      const at = row + 1 + (x >> 3);
      if (data[src + x] === 0) out[at] = (out[at] as number) | (0x80 >> (x & 7));
    }
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Assemble a PNG from its size and the zlib stream of its scanlines. */
export function pngFile(width: number, height: number, zlibData: Uint8Array, dpi?: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  const parts = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', ihdr)];
  if (dpi !== undefined && Number.isFinite(dpi) && dpi > 0) {
    const phys = new Uint8Array(9);
    const pv = new DataView(phys.buffer);
    const ppm = Math.round(dpi / 0.0254);
    pv.setUint32(0, ppm);
    pv.setUint32(4, ppm);
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', zlibData), chunk('IEND', new Uint8Array(0)));
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

async function deflateWeb(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Render a symbol as PNG bytes (1-bit grayscale) with the web-standard CompressionStream.
 * @example const png = await renderPng(encodeCode128('HELLO'), { scale: 3 })
 */
export async function renderPng(symbol: BarcodeSymbol, options: PngOptions = {}): Promise<Uint8Array> {
  const raster = rasterize(symbol, options);
  return pngFile(raster.width, raster.height, await deflateWeb(pngScanlines(raster)), options.dpi);
}
