// Node-only helpers (`@bibwire/barcode/node`): synchronous PNG with node:zlib.
import { deflateSync } from 'node:zlib';
import { type PngOptions, pngFile, pngScanlines } from './render/png.js';
import { rasterize } from './render/raster.js';
import type { BarcodeSymbol } from './symbol.js';

/**
 * Render a symbol as PNG bytes synchronously (node:zlib).
 * @example writeFileSync('x.png', renderPngSync(encodeEan13('590123412345')))
 */
export function renderPngSync(symbol: BarcodeSymbol, options: PngOptions = {}): Uint8Array {
  const raster = rasterize(symbol, options);
  return pngFile(raster.width, raster.height, deflateSync(pngScanlines(raster)), options.dpi);
}
