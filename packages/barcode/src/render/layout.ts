// Geometry shared by the SVG and PNG renderers: dark rectangles and text items in module units.
import { BarcodeError } from '../errors.js';
import type { BarcodeSymbol, LinearSymbol, MatrixSymbol } from '../symbol.js';

export interface RenderOptions {
  /** Bar height of 1D symbols in modules, text excluded (default 50). */
  readonly height?: number;
  /** Print the human-readable text of 1D symbols (default true). */
  readonly text?: boolean;
  /**
   * Quiet zones: true (default) uses each symbology's own; false draws none (as Koha/GD does);
   * a number sets every side to that many modules.
   */
  readonly quietZone?: boolean | number;
  /** Extra light margin in modules around everything (default 0). */
  readonly margin?: number;
  /** Text size in modules (default 10). */
  readonly fontSize?: number;
}

export interface TextItem {
  /** Centre x and baseline y in modules. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  /** Width available in modules, when the text must not be wider (centred under the whole symbol). */
  readonly room?: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  /** Dark rectangles x, y, w, h (flattened). */
  readonly rects: number[];
  readonly texts: TextItem[];
}

function check(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BarcodeError('INVALID_ARGUMENT', `${name} must be between ${min} and ${max}, got ${value}`);
  }
}

/** Throws the typed error for out-of-range layout options. */
export function checkLayoutOptions(options: RenderOptions): void {
  check('height', options.height, 1, 10000);
  check('margin', options.margin, 0, 1000);
  check('fontSize', options.fontSize, 1, 1000);
  if (typeof options.quietZone === 'number') check('quietZone', options.quietZone, 0, 1000);
}

export function layoutSymbol(symbol: BarcodeSymbol, options: RenderOptions = {}): Layout {
  checkLayoutOptions(options);
  return symbol.kind === 'matrix' ? layoutMatrix(symbol, options) : layoutLinear(symbol, options);
}

/** Light modules (quiet zone plus margin) on each side of a matrix symbol. */
export function matrixOffset(symbol: MatrixSymbol, options: RenderOptions): number {
  const qz =
    options.quietZone === false
      ? 0
      : options.quietZone === true || options.quietZone === undefined
        ? symbol.quietZone
        : options.quietZone;
  return qz + (options.margin ?? 0);
}

function layoutMatrix(symbol: MatrixSymbol, options: RenderOptions): Layout {
  const off = matrixOffset(symbol, options);
  const rects: number[] = [];
  const { width, height, modules } = symbol;
  for (let y = 0; y < height; y++) {
    let x = 0;
    const row = y * width;
    while (x < width) {
      if (modules[row + x] === 1) {
        const start = x;
        while (x < width && modules[row + x] === 1) x++;
        rects.push(start + off, y + off, x - start, 1);
      } else x++;
    }
  }
  return { width: width + 2 * off, height: height + 2 * off, rects, texts: [] };
}

function layoutLinear(symbol: LinearSymbol, options: RenderOptions): Layout {
  const margin = options.margin ?? 0;
  const qzOpt = options.quietZone;
  const ql = qzOpt === false ? 0 : typeof qzOpt === 'number' ? qzOpt : symbol.quietZone.left;
  const qr = qzOpt === false ? 0 : typeof qzOpt === 'number' ? qzOpt : symbol.quietZone.right;
  const barHeight = options.height ?? 50;
  const showText = options.text !== false && symbol.text.length > 0;
  const fontSize = options.fontSize ?? 10;
  const spans = symbol.textLayout;
  const hasAbove = showText && spans?.some((s) => s.placement === 'above') === true;
  const bearer = symbol.bearer;
  const bt = bearer ? bearer.thickness : 0;
  const boxSide = bearer?.box ? bt : 0;
  // Text that sits left of the bars in the quiet zone (EAN-13 leading digit) must not be cut off.
  let textLeft = 0;
  if (showText && spans) for (const s of spans) textLeft = Math.min(textLeft, s.start);
  const x0 = margin + boxSide + Math.max(ql, -textLeft);
  const top = margin + bt + (hasAbove ? fontSize : 0);
  const guardExtra = showText && symbol.guards ? Math.round(fontSize / 2) : 0;
  const textBand = showText ? fontSize + 2 : 0;
  const modules = symbol.modules;
  const n = modules.length;
  const totalWidth = x0 + n + qr + boxSide + margin;
  const rects: number[] = [];
  const guards = symbol.guards;
  // Add-on digits sit above bars that start right of the main symbol; an "ISBN …" line (start 0) does not.
  const addonStart =
    hasAbove && spans ? (spans.find((s) => s.placement === 'above' && s.start > 0)?.start ?? n) : n;
  let i = 0;
  while (i < n) {
    if (modules[i] !== 1) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && modules[i] === 1) i++;
    let inGuard = false;
    if (guards && showText) {
      for (const g of guards) if (start >= g[0] && start < g[1]) inGuard = true;
    }
    // Add-on bars (below their digits) end level with the guard bars of the main symbol.
    const tall = inGuard || start >= addonStart;
    rects.push(x0 + start, top, i - start, barHeight + (tall ? guardExtra : 0));
  }
  const texts: TextItem[] = [];
  if (showText) {
    if (spans) {
      for (const s of spans) {
        const size = s.small ? fontSize * 0.8 : fontSize;
        const y = s.placement === 'above' ? top - 1 : top + barHeight + fontSize * 0.85 + 1;
        texts.push({ x: x0 + (s.start + s.end) / 2, y, text: s.text, size, room: s.end - s.start });
      }
    } else {
      texts.push({
        x: x0 + n / 2,
        y: top + barHeight + fontSize * 0.85 + 1,
        text: symbol.text,
        size: fontSize,
        room: n,
      });
    }
  }
  let height = top + barHeight + textBand + bt + margin;
  if (bearer) {
    const innerTop = margin;
    const innerBottom = top + barHeight;
    const full = totalWidth - 2 * margin;
    rects.push(margin, innerTop, full, bt);
    rects.push(margin, innerBottom, full, bt);
    if (bearer.box) {
      rects.push(margin, innerTop + bt, bt, barHeight);
      rects.push(totalWidth - margin - bt, innerTop + bt, bt, barHeight);
    }
    // Text goes below the lower bearer.
    height = innerBottom + bt + textBand + margin;
    for (let k = 0; k < texts.length; k++) {
      const t = texts[k] as TextItem;
      texts[k] = { ...t, y: t.y + bt };
    }
  }
  return { width: totalWidth, height, rects, texts };
}
