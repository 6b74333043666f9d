import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { layoutSymbol } from '../src/render/layout.js';
import { renderSvg } from '../src/render/svg.js';
import type { MatrixSymbol } from '../src/symbol.js';

// renderSvg builds matrix paths straight from the modules; they must equal the path of layoutSymbol's rects.
function pathFromLayout(symbol: MatrixSymbol, options: Parameters<typeof layoutSymbol>[1]): string {
  const { rects } = layoutSymbol(symbol, options);
  let d = '';
  for (let i = 0; i < rects.length; i += 4)
    d += `M${rects[i]} ${rects[i + 1]}h${rects[i + 2]}v${rects[i + 3]}h-${rects[i + 2]}z`;
  return d;
}

const matrixArb = fc
  .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }) })
  .chain(({ width, height }) =>
    fc.uint8Array({ minLength: width * height, maxLength: width * height, max: 1 }).map(
      (modules): MatrixSymbol => ({
        kind: 'matrix',
        symbology: 'test',
        width,
        height,
        modules,
        quietZone: 4,
        text: '',
      }),
    ),
  );

const optionsArb = fc.record(
  {
    quietZone: fc.oneof(
      fc.boolean(),
      fc.integer({ min: 0, max: 1000 }),
      fc.double({ min: 0, max: 50, noNaN: true }),
    ),
    margin: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 50, noNaN: true })),
  },
  { requiredKeys: [] },
);

test.prop([matrixArb, optionsArb])('matrix SVG path equals the layout rectangles path', (symbol, options) => {
  const svg = renderSvg(symbol, options);
  expect(svg).toContain(`<path fill="#000" d="${pathFromLayout(symbol, options)}"/>`);
  const { width, height } = layoutSymbol(symbol, options);
  expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
});
