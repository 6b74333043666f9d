import { inflateSync } from 'node:zlib';
import {
  BarcodeError,
  crc32,
  encodeCode39,
  encodeCode128,
  encodeEan13,
  encodeItf14,
  type MatrixSymbol,
  rasterize,
  renderModuleRows,
  renderPng,
  renderSvg,
  renderTerminal,
} from '@bibwire/barcode';
import { renderPngSync } from '@bibwire/barcode/node';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

const matrix: MatrixSymbol = {
  kind: 'matrix',
  symbology: 'test',
  width: 3,
  height: 3,
  modules: Uint8Array.from([1, 1, 0, 0, 1, 0, 1, 1, 1]),
  quietZone: 1,
  text: '',
};

/** Parse a PNG: chunks with CRC verified, IHDR fields, inflated scanlines. */
function readPng(png: Uint8Array) {
  expect(Array.from(png.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: { type: string; data: Uint8Array }[] = [];
  let pos = 8;
  while (pos < png.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(...png.slice(pos + 4, pos + 8));
    const data = png.slice(pos + 8, pos + 8 + len);
    expect(view.getUint32(pos + 8 + len)).toBe(crc32(png, pos + 4, pos + 8 + len));
    chunks.push({ type, data });
    pos += 12 + len;
  }
  const ihdr = chunks[0]?.data as Uint8Array;
  const hv = new DataView(ihdr.buffer, ihdr.byteOffset);
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  return {
    types: chunks.map((c) => c.type),
    width: hv.getUint32(0),
    height: hv.getUint32(4),
    bitDepth: ihdr[8],
    colourType: ihdr[9],
    raw: new Uint8Array(inflateSync(idat)),
  };
}

/** Pixel (x, y) of 1-bit scanlines: true = dark. */
function dark(raw: Uint8Array, width: number, x: number, y: number): boolean {
  const stride = Math.ceil(width / 8) + 1;
  return ((raw[y * stride + 1 + (x >> 3)] as number) & (0x80 >> (x & 7))) === 0;
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('SVG', () => {
  it('one path, viewBox in modules, quiet zones, background and text', () => {
    const svg = renderSvg(encodeCode39('AB'), { scale: 3, height: 40 });
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('shape-rendering="crispEdges"');
    const [, w, h] = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg) ?? [];
    // 4 characters × 16 modules - 1 gap + 2 × 10 quiet zone
    expect(Number(w)).toBe(4 * 16 - 1 + 20);
    expect(svg).toContain(`width="${Number(w) * 3}"`);
    expect(Number(h)).toBe(40 + 12);
    expect(svg).toContain('>*AB*</text>');
    expect(svg).toContain('<rect width=');
  });
  it('draws each dark run once, merging adjacent modules', () => {
    const s = encodeCode128('AB');
    const runs = Array.from(s.modules.join('').matchAll(/1+/g)).length;
    const svg = renderSvg(s, { text: false });
    expect(svg.match(/M/g)).toHaveLength(runs);
  });
  it('text=false, quietZone=false, transparent background', () => {
    const svg = renderSvg(encodeCode128('AB'), { text: false, quietZone: false, background: 'none' });
    expect(svg).not.toContain('<text');
    expect(svg).not.toContain('<rect');
    expect(svg).toContain('viewBox="0 0 57 50"');
  });
  it('escapes text and rejects colour injection', () => {
    const svg = renderSvg(encodeCode128('<a&"b>\u0001'));
    expect(svg).toContain('&lt;a&amp;&quot;b&gt; </text>');
    expect(() => renderSvg(encodeCode128('A'), { color: 'red" onload="x' })).toThrow(BarcodeError);
  });
  it('EAN-13: guard bars longer, first digit in the quiet zone, add-on digits above', () => {
    const svg = renderSvg(encodeEan13('590123412345+12'));
    expect(svg.match(/<text /g)).toHaveLength(4);
    expect(svg).toMatch(/<text x="[\d.]+" y="[\d.]+" font-size="10">12<\/text>/);
  });
  it('ITF-14 bearer frame', () => {
    const plain = renderSvg(encodeItf14('1540014128876', { bearer: 'none' }));
    const boxed = renderSvg(encodeItf14('1540014128876'));
    expect(boxed.match(/M/g)?.length).toBe((plain.match(/M/g)?.length ?? 0) + 4);
  });
  it('matrix symbols: one subpath per horizontal run, quiet zone around', () => {
    const svg = renderSvg(matrix, { scale: 1 });
    expect(svg).toContain('viewBox="0 0 5 5"');
    expect(svg).toContain('d="M1 1h2v1h-2zM2 2h1v1h-1zM1 3h3v1h-3z"');
  });
});

describe('PNG', () => {
  it('sync (node:zlib) and async (CompressionStream) give the same image', async () => {
    const s = encodeEan13('590123412345');
    const a = readPng(renderPngSync(s, { scale: 2, dpi: 300 }));
    const b = readPng(await renderPng(s, { scale: 2, dpi: 300 }));
    expect(a.types).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(a.raw).toEqual(b.raw);
    expect([a.width, a.height, a.bitDepth, a.colourType]).toEqual([b.width, b.height, 1, 0]);
  });
  it('pixels follow the modules at the chosen scale, after the quiet zone', () => {
    const s = encodeCode128('AB');
    const png = readPng(renderPngSync(s, { scale: 3, text: false, height: 10 }));
    expect(png.width).toBe((57 + 20) * 3);
    expect(png.height).toBe(30);
    for (let m = 0; m < s.modules.length; m++) {
      for (let k = 0; k < 3; k++)
        expect(dark(png.raw, png.width, (10 + m) * 3 + k, 5)).toBe(s.modules[m] === 1);
    }
    for (let x = 0; x < 30; x++) expect(dark(png.raw, png.width, x, 5)).toBe(false);
  });
  it('draws text pixels below the bars', () => {
    const r = rasterize(encodeCode39('A'), { scale: 2, height: 20 });
    const below = r.data.slice(r.width * 41);
    expect(below.some((p) => p === 1)).toBe(true);
    const none = rasterize(encodeCode39('A'), { scale: 2, height: 20, text: false });
    expect(none.height).toBe(40);
  });
  test.prop([
    fc.integer({ min: -5, max: 120 }),
    fc.double({ min: -10, max: 3000, noNaN: true }),
    fc.boolean(),
  ])('any scale/height: an image or INVALID_ARGUMENT', (scale, height, text) => {
    try {
      const r = rasterize(encodeCode39('AB'), { scale, height, text });
      expect(r.data.length).toBe(r.width * r.height);
    } catch (e) {
      expect((e as BarcodeError).code).toBe('INVALID_ARGUMENT');
    }
  });
});

describe('text renderings', () => {
  it('module rows', () => {
    expect(renderModuleRows(encodeCode128('AB'))).toEqual([Array.from(encodeCode128('AB').modules).join('')]);
    expect(renderModuleRows(matrix)).toEqual(['110', '010', '111']);
  });
  it('terminal: light modules as blocks by default, quiet zone included, text below', () => {
    const t = renderTerminal(encodeCode39('A'), { height: 2 });
    const lines = t.split('\n');
    expect(lines[0]).toBe(lines[1]);
    expect(lines[0]?.startsWith('█'.repeat(10))).toBe(true);
    expect(lines[2]?.trim()).toBe('*A*');
    const inv = renderTerminal(encodeCode39('A'), { height: 1, invert: true, text: false, quietZone: false });
    expect(inv.startsWith('█')).toBe(true);
  });
  it('terminal: matrix with half blocks, two rows a line', () => {
    expect(renderTerminal(matrix, { quietZone: false, invert: true })).toBe('▀█ \n▀▀▀\n');
  });
});

describe('renderer invariants', () => {
  const text = fc.string({
    unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 20,
  });
  test.prop([text, fc.boolean()])(
    'the SVG path covers exactly the dark modules, after the quiet zone',
    (data, withText) => {
      const s = encodeCode128(data);
      const svg = renderSvg(s, { text: withText });
      const d = /<path fill="[^"]+" d="([^"]*)"/.exec(svg)?.[1] ?? '';
      const covered = new Uint8Array(s.modules.length);
      for (const m of d.matchAll(/M([\d.]+) [\d.]+h([\d.]+)v/g)) {
        const x = Number(m[1]) - s.quietZone.left;
        covered.fill(1, x, x + Number(m[2]));
      }
      expect(covered).toEqual(s.modules);
    },
  );
  test.prop([text, fc.integer({ min: 1, max: 4 })])(
    'a PNG scanline through the bars reproduces the modules',
    (data, scale) => {
      const s = encodeCode128(data);
      const r = rasterize(s, { scale, text: false, height: 4 });
      const row = r.data.slice(r.width * scale * 2, r.width * scale * 2 + r.width);
      for (let m = 0; m < s.modules.length; m++) {
        expect(row[(s.quietZone.left + m) * scale]).toBe(s.modules[m]);
      }
      expect(row.slice(0, s.quietZone.left * scale).every((p) => p === 0)).toBe(true);
    },
  );
});
