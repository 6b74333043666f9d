// Rasterise a symbol into a 1-bit pixel grid (the input of the PNG encoder and the terminal view).
import { BarcodeError } from '../errors.js';
import type { BarcodeSymbol } from '../symbol.js';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './font.js';
import { layoutSymbol, type RenderOptions } from './layout.js';

export interface RasterOptions extends RenderOptions {
  /** Pixels per module, an integer 1–100 (default 2). */
  readonly scale?: number;
}

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** Row-major pixels, 1 = dark. */
  readonly data: Uint8Array;
}

/** Largest image we agree to build, in pixels (keeps memory bounded for hostile parameters). */
const MAX_PIXELS = 50_000_000;

export function rasterize(symbol: BarcodeSymbol, options: RasterOptions = {}): Raster {
  const scale = options.scale ?? 2;
  if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
    throw new BarcodeError('INVALID_ARGUMENT', `scale must be an integer 1-100, got ${scale}`);
  }
  const layout = layoutSymbol(symbol, options);
  const width = Math.ceil(layout.width * scale);
  const height = Math.ceil(layout.height * scale);
  if (width * height > MAX_PIXELS) {
    throw new BarcodeError('INVALID_ARGUMENT', `image of ${width}×${height} pixels is too large`);
  }
  const data = new Uint8Array(width * height);
  const { rects } = layout;
  for (let i = 0; i < rects.length; i += 4) {
    const x0 = Math.round((rects[i] as number) * scale);
    const y0 = Math.round((rects[i + 1] as number) * scale);
    const x1 = Math.min(width, Math.round(((rects[i] as number) + (rects[i + 2] as number)) * scale));
    const y1 = Math.min(height, Math.round(((rects[i + 1] as number) + (rects[i + 3] as number)) * scale));
    for (let y = y0; y < y1; y++) data.fill(1, y * width + x0, y * width + x1);
  }
  for (const t of layout.texts) {
    let px = Math.max(1, Math.round((t.size * scale) / 10));
    const chars = Array.from(t.text);
    if (t.room !== undefined) {
      while (px > 1 && chars.length * GLYPH_WIDTH * px - px > t.room * scale) px--;
    }
    const textWidth = chars.length * GLYPH_WIDTH * px - px;
    let x = Math.round(t.x * scale - textWidth / 2);
    const top = Math.round(t.y * scale) - GLYPH_HEIGHT * px;
    for (const ch of chars) {
      const rows = glyphRows(ch);
      for (let r = 0; r < GLYPH_HEIGHT; r++) {
        const bits = rows[r] as number;
        for (let c = 0; c < 5; c++) {
          if (((bits >> (4 - c)) & 1) === 0) continue;
          for (let dy = 0; dy < px; dy++) {
            const y = top + r * px + dy;
            if (y < 0 || y >= height) continue;
            const xs = x + c * px;
            const lo = Math.max(0, xs);
            const hi = Math.min(width, xs + px);
            if (hi > lo) data.fill(1, y * width + lo, y * width + hi);
          }
        }
      }
      x += GLYPH_WIDTH * px;
    }
  }
  return { width, height, data };
}
