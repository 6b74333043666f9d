// Lays spine labels out on A4 sheets (an N×M grid, in millimetres) as SVG: call number, short title and
// the item barcode drawn as bars from @bibwire/barcode's module row.
import { BarcodeError, encodeBarcode, escapeXml, type LinearSymbol } from '@bibwire/barcode';
import type { SpineLabel } from './labels.js';

export type Symbology = 'code39' | 'code128';

export interface SheetOptions {
  /** Labels across (default 3). */
  readonly cols?: number;
  /** Labels down (default 8). */
  readonly rows?: number;
  /** Page size in mm (default A4, 210 × 297). */
  readonly pageWidth?: number;
  readonly pageHeight?: number;
  /** Page margin in mm (default 10). */
  readonly margin?: number;
  /** Space between labels in mm (default 2). */
  readonly gap?: number;
  /** Default code128 (any ASCII); code39 is what many older Koha sites print. */
  readonly symbology?: Symbology;
}

export interface LabelProblem {
  readonly barcode: string;
  readonly message: string;
}

export interface SheetSet {
  /** One SVG document per page. */
  readonly pages: string[];
  readonly labels: number;
  /** Barcodes the symbology cannot carry (the label is printed without bars) or too dense to scan. */
  readonly problems: LabelProblem[];
}

// Below this a module is too thin for common CCD spine scanners (the usual floor is about 0.19 mm).
const MIN_MODULE_MM = 0.19;
const MAX_MODULE_MM = 0.4;
const PADDING = 2;

const mm = (n: number) => Number(n.toFixed(3));

function text(x: number, y: number, size: number, room: number, value: string, bold = false): string {
  // Squeeze text that would overflow its label instead of letting it run into the neighbour.
  const squeeze =
    value.length * size * 0.55 > room ? ` textLength="${mm(room)}" lengthAdjust="spacingAndGlyphs"` : '';
  const weight = bold ? ' font-weight="bold"' : '';
  return `<text x="${mm(x)}" y="${mm(y)}" font-size="${size}"${weight}${squeeze}>${escapeXml(value)}</text>`;
}

/** Bars as one path: each run of dark modules is one rectangle. */
export function barsPath(symbol: LinearSymbol, x: number, y: number, module: number, height: number): string {
  let d = '';
  const m = symbol.modules;
  for (let i = 0; i < m.length; ) {
    if (m[i] !== 1) {
      i++;
      continue;
    }
    let j = i;
    while (j < m.length && m[j] === 1) j++;
    d += `M${mm(x + i * module)} ${mm(y)}h${mm((j - i) * module)}v${mm(height)}h${mm(-(j - i) * module)}z`;
    i = j;
  }
  return `<path d="${d}"/>`;
}

function encode(label: SpineLabel, symbology: Symbology): LinearSymbol | LabelProblem {
  try {
    const symbol = encodeBarcode(symbology, label.barcode);
    if (symbol.kind === 'linear') return symbol;
    return { barcode: label.barcode, message: `${symbology} gave a matrix symbol` };
  } catch (error) {
    if (BarcodeError.is(error)) return { barcode: label.barcode, message: error.message };
    throw error;
  }
}

function labelSvg(
  label: SpineLabel,
  x: number,
  y: number,
  w: number,
  h: number,
  symbology: Symbology,
  problems: LabelProblem[],
): string {
  const inner = w - 2 * PADDING;
  const cx = x + w / 2;
  let out = `<g class="label" data-barcode="${escapeXml(label.barcode)}">`;
  out += `<rect class="outline" x="${mm(x)}" y="${mm(y)}" width="${mm(w)}" height="${mm(h)}" rx="1.5" fill="none" stroke="#bbb" stroke-width="0.2"/>`;
  out += text(cx, y + PADDING + 4, 4.2, inner, label.callNumber || ' ', true);
  out += text(cx, y + PADDING + 8, 2.8, inner, label.title || ' ');
  const barTop = y + PADDING + 10;
  const barHeight = Math.max(4, h - 2 * PADDING - 10 - 3.5);
  const symbol = encode(label, symbology);
  if ('modules' in symbol) {
    const total = symbol.modules.length + symbol.quietZone.left + symbol.quietZone.right;
    const module = Math.min(MAX_MODULE_MM, inner / total);
    if (module < MIN_MODULE_MM) {
      problems.push({
        barcode: label.barcode,
        message: `module ${module.toFixed(3)} mm is below ${MIN_MODULE_MM} mm; use fewer columns`,
      });
    }
    const start = cx - (total * module) / 2 + symbol.quietZone.left * module;
    out += `<g class="bars" data-module="${mm(module)}">${barsPath(symbol, start, barTop, module, barHeight)}</g>`;
  } else {
    problems.push(symbol);
    out += text(cx, barTop + barHeight / 2, 2.5, inner, `(no ${symbology} barcode)`);
  }
  out += text(cx, barTop + barHeight + 3, 2.6, inner, label.barcode);
  return `${out}</g>`;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

export function renderSheets(labels: readonly SpineLabel[], options: SheetOptions = {}): SheetSet {
  const cols = positive('cols', options.cols ?? 3);
  const rows = positive('rows', options.rows ?? 8);
  if (!Number.isInteger(cols) || !Number.isInteger(rows))
    throw new RangeError('cols and rows must be integers');
  const pageWidth = positive('pageWidth', options.pageWidth ?? 210);
  const pageHeight = positive('pageHeight', options.pageHeight ?? 297);
  const margin = options.margin ?? 10;
  const gap = options.gap ?? 2;
  const symbology = options.symbology ?? 'code128';
  const w = (pageWidth - 2 * margin - (cols - 1) * gap) / cols;
  const h = (pageHeight - 2 * margin - (rows - 1) * gap) / rows;
  if (!(w > 2 * PADDING + 10 && h > 2 * PADDING + 18)) {
    throw new RangeError(
      `labels of ${w.toFixed(1)} × ${h.toFixed(1)} mm are too small; use fewer rows or columns`,
    );
  }
  const perPage = cols * rows;
  const problems: LabelProblem[] = [];
  const pages: string[] = [];
  // An empty list still gives one (empty) page, so the caller always has a sheet to show.
  const pageCount = Math.max(1, Math.ceil(labels.length / perPage));
  for (let page = 0; page < pageCount; page++) {
    const first = page * perPage;
    let body = '';
    labels.slice(first, first + perPage).forEach((label, k) => {
      const x = margin + (k % cols) * (w + gap);
      const y = margin + Math.floor(k / cols) * (h + gap);
      body += labelSvg(label, x, y, w, h, symbology, problems);
    });
    pages.push(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<svg xmlns="http://www.w3.org/2000/svg" width="${pageWidth}mm" height="${pageHeight}mm" viewBox="0 0 ${pageWidth} ${pageHeight}" shape-rendering="crispEdges">` +
        `<rect width="${pageWidth}" height="${pageHeight}" fill="#fff"/>` +
        `<g font-family="Helvetica, Arial, sans-serif" text-anchor="middle" fill="#000">${body}</g></svg>\n`,
    );
  }
  return { pages, labels: labels.length, problems };
}
