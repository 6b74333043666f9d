// SVG: one <path> for all dark modules (crisp at any scale), a background rect, optional <text>.
import { BarcodeError } from '../errors.js';
import type { BarcodeSymbol } from '../symbol.js';
import { layoutSymbol, type RenderOptions } from './layout.js';

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
  const { width, height, rects, texts } = layoutSymbol(symbol, options);
  let d = '';
  for (let i = 0; i < rects.length; i += 4) {
    d += `M${rects[i]} ${rects[i + 1]}h${rects[i + 2]}v${rects[i + 3]}h-${rects[i + 2]}z`;
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
