// Text renderings: modules as '1'/'0' rows, and a block-character picture for terminals.
import { BarcodeError } from '../errors.js';
import type { BarcodeSymbol } from '../symbol.js';

/**
 * The modules as rows of '1' (dark) and '0' (light), no quiet zone: one row for a linear symbol.
 * @example renderModuleRows(encodeEan8('5512345'))[0].length // 67
 */
export function renderModuleRows(symbol: BarcodeSymbol): string[] {
  const rows: string[] = [];
  const width = symbol.kind === 'matrix' ? symbol.width : symbol.modules.length;
  const height = symbol.kind === 'matrix' ? symbol.height : 1;
  for (let y = 0; y < height; y++) {
    let row = '';
    for (let x = 0; x < width; x++) row += symbol.modules[y * width + x] === 1 ? '1' : '0';
    rows.push(row);
  }
  return rows;
}

export interface TerminalOptions {
  /** Lines of bars for a linear symbol (default 4). */
  readonly height?: number;
  /** Include the quiet zone (default true; scanners need it). */
  readonly quietZone?: boolean;
  /**
   * Terminals usually draw light text on a dark background, so by default light modules are drawn
   * as blocks and dark modules as spaces; `invert: true` does the opposite (for light themes).
   */
  readonly invert?: boolean;
  /** Print the human-readable text below a linear symbol (default true). */
  readonly text?: boolean;
}

/**
 * Render for a terminal with Unicode block characters; matrix symbols use half blocks (2 rows a line).
 * @example process.stdout.write(renderTerminal(encodeCode39('ABC')))
 */
export function renderTerminal(symbol: BarcodeSymbol, options: TerminalOptions = {}): string {
  const lines = options.height ?? 4;
  if (!Number.isInteger(lines) || lines < 1 || lines > 200) {
    throw new BarcodeError('INVALID_ARGUMENT', `height must be an integer 1-200, got ${lines}`);
  }
  const qz = options.quietZone !== false;
  const paintDark = options.invert === true;
  // light(x, y) over the grid including quiet zones; true means "draw a block" after inversion.
  const draw = (dark: boolean) => (paintDark ? dark : !dark);
  if (symbol.kind === 'linear') {
    const ql = qz ? symbol.quietZone.left : 0;
    const qr = qz ? symbol.quietZone.right : 0;
    let row = '';
    for (let x = -ql; x < symbol.modules.length + qr; x++) row += draw(symbol.modules[x] === 1) ? '█' : ' ';
    let out = `${row}\n`.repeat(lines);
    if (options.text !== false && symbol.text) {
      const pad = Math.max(0, Math.floor((row.length - symbol.text.length) / 2));
      out += `${' '.repeat(pad)}${symbol.text.replace(/[\u0000-\u001f\u007f]/g, ' ')}\n`;
    }
    return out;
  }
  const q = qz ? symbol.quietZone : 0;
  const { width, height, modules } = symbol;
  const dark = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height ? modules[y * width + x] === 1 : false;
  let out = '';
  for (let y = -q; y < height + q; y += 2) {
    for (let x = -q; x < width + q; x++) {
      const top = draw(dark(x, y));
      const bottom = y + 1 < height + q ? draw(dark(x, y + 1)) : false;
      out += top ? (bottom ? '█' : '▀') : bottom ? '▄' : ' ';
    }
    out += '\n';
  }
  return out;
}
