// SVG: one <path> for all dark modules (crisp at any scale), a background rect, optional <text>.
import { BarcodeError } from '../errors.js';
import type { BarcodeSymbol, MatrixSymbol } from '../symbol.js';
import { checkLayoutOptions, layoutSymbol, matrixOffset, type RenderOptions } from './layout.js';

export interface SvgOptions extends RenderOptions {
  /** width/height attributes = module units × scale (default 2); the viewBox stays in modules. */
  readonly scale?: number;
  /** Bar colour (default '#000'). */
  readonly color?: string;
  /** Background colour, or 'none' for transparent (default '#fff'). */
  readonly background?: string;
  /** Font family for the text (default 'monospace'). */
  readonly fontFamily?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape for XML text and attributes; control characters (not allowed in XML 1.0) become spaces. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => ESCAPES[c] ?? ' ');
}

const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20}|rgba?\([\d.,\s%]{1,40}\))$/;

function colour(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (!COLOR.test(value))
    throw new BarcodeError('INVALID_ARGUMENT', `${name}: not a colour: ${JSON.stringify(value)}`);
  return value;
}

/**
 * Render a linear or matrix symbol as an SVG document string.
 * @example renderSvg(encodeEan13('590123412345'))
 */
export function renderSvg(symbol: BarcodeSymbol, options: SvgOptions = {}): string {
  const scale = options.scale ?? 2;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new BarcodeError('INVALID_ARGUMENT', `scale must be > 0 and <= 1000, got ${scale}`);
  }
  const fg = colour('color', options.color, '#000');
  const bg = colour('background', options.background, '#fff');
  const font = escapeXml(options.fontFamily ?? 'monospace');
  let width: number;
  let height: number;
  let d = '';
  let texts: ReturnType<typeof layoutSymbol>['texts'] = [];
  if (symbol.kind === 'matrix') {
    // Matrix symbols (thousands of runs) skip the rectangle list; the path is the same one layoutSymbol gives.
    checkLayoutOptions(options);
    const off = matrixOffset(symbol, options);
    width = symbol.width + 2 * off;
    height = symbol.height + 2 * off;
    d = matrixPath(symbol, off);
  } else {
    const layout = layoutSymbol(symbol, options);
    ({ width, height, texts } = layout);
    const { rects } = layout;
    for (let i = 0; i < rects.length; i += 4) {
      d += `M${rects[i]} ${rects[i + 1]}h${rects[i + 2]}v${rects[i + 3]}h-${rects[i + 2]}z`;
    }
  }
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}" shape-rendering="crispEdges">`;
  if (bg !== 'none') svg += `<rect width="${width}" height="${height}" fill="${bg}"/>`;
  svg += `<path fill="${fg}" d="${d}"/>`;
  if (texts.length > 0) {
    svg += `<g font-family="${font}" text-anchor="middle" fill="${fg}">`;
    for (const t of texts) {
      // Squeeze text wider than its room (dense Code 128 set C) instead of letting it overlap.
      const fit = t.room !== undefined && t.text.length * t.size * 0.6 > t.room;
      const squeeze = fit ? ` textLength="${t.room}" lengthAdjust="spacingAndGlyphs"` : '';
      svg += `<text x="${t.x}" y="${t.y}" font-size="${t.size}"${squeeze}>${escapeXml(t.text)}</text>`;
    }
    svg += '</g>';
  }
  return `${svg}</svg>`;
}

// Path bytes are written into one reused buffer: far cheaper than thousands of string concatenations.
let pathBuf = new Uint8Array(1 << 14);
const ascii = new TextDecoder();

/** Append the decimal digits of a non-negative integer at `p`; returns the new end. */
function putInt(buf: Uint8Array, p: number, n: number): number {
  if (n >= 10) {
    if (n >= 100) {
      if (n >= 1000) p = putInt(buf, p, Math.floor(n / 1000));
      buf[p++] = 48 + (Math.floor(n / 100) % 10);
    }
    buf[p++] = 48 + (Math.floor(n / 10) % 10);
  }
  buf[p++] = 48 + (n % 10);
  return p;
}

/** One `M x y h w v1 h-w z` per horizontal run of dark modules, row by row. */
function matrixPath(symbol: MatrixSymbol, off: number): string {
  const { width, height, modules } = symbol;
  // Fractional margins take the general string path.
  if (!Number.isInteger(off)) return matrixPathString(symbol, off);
  // A run costs at most 4 digit groups of ≤ 5 digits plus 9 fixed bytes; runs ≤ half the modules + rows.
  const need = (width * height + height) * 15 + 64;
  if (pathBuf.length < need) pathBuf = new Uint8Array(need);
  const buf = pathBuf;
  let p = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (modules[row + x] !== 1) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && modules[row + x] === 1) x++;
      const w = x - start;
      buf[p++] = 77; // M
      p = putInt(buf, p, start + off);
      buf[p++] = 32;
      p = putInt(buf, p, y + off);
      buf[p++] = 104; // h
      p = putInt(buf, p, w);
      buf[p++] = 118; // v
      buf[p++] = 49; // 1
      buf[p++] = 104; // h
      buf[p++] = 45; // -
      p = putInt(buf, p, w);
      buf[p++] = 122; // z
    }
  }
  return ascii.decode(buf.subarray(0, p));
}

function matrixPathString(symbol: MatrixSymbol, off: number): string {
  const { width, height, modules } = symbol;
  let d = '';
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const yPart = ` ${y + off}h`;
    let x = 0;
    while (x < width) {
      if (modules[row + x] !== 1) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && modules[row + x] === 1) x++;
      const w = x - start;
      d += `M${start + off}${yPart}${w}v1h-${w}z`;
    }
  }
  return d;
}
