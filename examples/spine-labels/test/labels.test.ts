import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeBarcode, type LinearSymbol } from '@bibwire/barcode';
import { controlField, createRecord, dataField, writeIso2709, writeMarcXml } from '@bibwire/marcxml';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../../testing/memory-io.js';
import { main, pageFileName } from '../src/cli.js';
import { labelsOf, type SpineLabel, shortTitle } from '../src/labels.js';
import { renderSheets } from '../src/sheet.js';

const book = (
  id: string,
  title: string,
  items: [string, string][] = [],
  more: ReturnType<typeof dataField>[] = [],
) =>
  createRecord(undefined, [
    controlField('001', id),
    dataField('050', '0', '0', [
      ['a', 'QA76.73.P22'],
      ['b', 'W35 2000'],
    ]),
    dataField('245', '1', '0', [['a', title]]),
    ...more,
    ...items.map(([barcode, call]) =>
      dataField('952', ' ', ' ', [
        ['a', 'MAIN'],
        ['o', call],
        ['p', barcode],
      ]),
    ),
  ]);

/** A minimal XML well-formedness check: balanced tags, quoted attributes, escaped text. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  for (m = token.exec(body); m !== null; m = token.exec(body)) {
    if (m[6] !== undefined) throw new Error(`stray < at ${m.index}`);
    if (m[5] !== undefined) {
      if (stack.length === 0 && m[5].trim() !== '') throw new Error('text outside the root');
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[5])) throw new Error(`bare & in ${m[5]}`);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

interface DrawnLabel {
  readonly barcode: string;
  readonly modules: number[] | undefined;
  readonly texts: string[];
}

/** Reads each label back: its barcode attribute, texts, and the bar path turned into a module row. */
function readLabels(svg: string): DrawnLabel[] {
  return svg
    .split('<g class="label" ')
    .slice(1)
    .map((inner) => {
      const barcode = /^data-barcode="([^"]*)"/.exec(inner)?.[1] ?? '';
      const texts = [...inner.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => unescapeXml(t[1] ?? ''));
      const bars = /<g class="bars" data-module="([\d.]+)"><path d="([^"]*)"\/>/.exec(inner);
      let modules: number[] | undefined;
      if (bars) {
        const width = Number(bars[1]);
        const rects = [...bars[2]!.matchAll(/M([\d.]+) [\d.]+h([\d.]+)/g)].map(
          (r) => [Number(r[1]), Number(r[2])] as const,
        );
        const start = rects[0]![0];
        modules = [];
        for (const [x, w] of rects) {
          const from = Math.round((x - start) / width);
          const to = from + Math.round(w / width);
          while (modules.length < from) modules.push(0);
          while (modules.length < to) modules.push(1);
        }
      }
      return { barcode, modules, texts };
    });
}

const trimmed = (symbol: LinearSymbol) => {
  const row = [...symbol.modules];
  while (row.at(-1) === 0) row.pop();
  return row;
};

describe('labels from MARC', () => {
  it('gives one label per 952 item with its barcode and call number', () => {
    const labels = labelsOf(
      book('b1', 'Programming Perl /', [
        ['39000001', 'PER WAL'],
        ['39000002', 'PER WAL c.2'],
      ]),
    );
    expect(labels).toEqual([
      { barcode: '39000001', callNumber: 'PER WAL', title: 'Programming Perl' },
      { barcode: '39000002', callNumber: 'PER WAL c.2', title: 'Programming Perl' },
    ]);
  });

  it('falls back to 001 and the record classification without items', () => {
    expect(labelsOf(book('b2', 'Learning Perl'))).toEqual([
      { barcode: 'b2', callNumber: 'QA76.73.P22 W35 2000', title: 'Learning Perl' },
    ]);
  });

  it('uses the record classification for items without $o and skips items without $p', () => {
    const record = book('b3', 'Perl', [['39000003', '']], [dataField('952', ' ', ' ', [['o', 'X']])]);
    expect(labelsOf(record)).toEqual([
      { barcode: '39000003', callNumber: 'QA76.73.P22 W35 2000', title: 'Perl' },
    ]);
  });

  it('shortens long titles at a word boundary', () => {
    const title = shortTitle(
      book('b4', 'The amazing adventures of Kavalier and Clay, a novel of comics and war :'),
    );
    expect(title.length).toBeLessThanOrEqual(40);
    expect(title).toBe('The amazing adventures of Kavalier and…');
  });
});

describe('sheets', () => {
  const labels: SpineLabel[] = Array.from({ length: 30 }, (_, i) => ({
    barcode: `3900${String(i).padStart(6, '0')}`,
    callNumber: `QA76.${i}`,
    title: `Book & <${i}>`,
  }));

  it('puts one label per item on A4 pages of cols × rows, with decodable Code 128 bars', () => {
    const sheet = renderSheets(labels, { cols: 3, rows: 8 });
    expect(sheet.pages.length).toBe(2);
    expect(sheet.problems).toEqual([]);
    const drawn = sheet.pages.flatMap((svg) => {
      assertWellFormed(svg);
      expect(svg).toContain('width="210mm" height="297mm" viewBox="0 0 210 297"');
      return readLabels(svg);
    });
    expect(drawn.map((d) => d.barcode)).toEqual(labels.map((l) => l.barcode));
    expect(readLabels(sheet.pages[0]!).length).toBe(24);
    for (const [i, d] of drawn.entries()) {
      expect(d.modules).toEqual(trimmed(encodeBarcode('code128', labels[i]!.barcode) as LinearSymbol));
      expect(d.texts).toEqual([labels[i]!.callNumber, labels[i]!.title, labels[i]!.barcode]);
    }
  });

  it('draws Code 39 when asked and reports barcodes Code 39 cannot carry', () => {
    const sheet = renderSheets(
      [
        { barcode: 'ABC-123', callNumber: '1', title: 't' },
        { barcode: 'x~y', callNumber: '2', title: 't' },
      ],
      { symbology: 'code39', cols: 2, rows: 4 },
    );
    const [first, second] = readLabels(sheet.pages[0]!);
    expect(first?.modules).toEqual(trimmed(encodeBarcode('code39', 'ABC-123') as LinearSymbol));
    expect(second?.modules).toBeUndefined();
    expect(sheet.problems.map((p) => p.barcode)).toEqual(['x~y']);
  });

  it('warns when the bars get too thin to scan', () => {
    const sheet = renderSheets([{ barcode: '12345678901234567890ABCDEFGH', callNumber: '', title: '' }], {
      cols: 6,
      rows: 8,
    });
    expect(sheet.problems[0]?.message).toMatch(/below 0\.19 mm/);
  });

  it('rejects grids whose labels cannot hold the content', () => {
    expect(() => renderSheets(labels, { cols: 20, rows: 8 })).toThrow(RangeError);
    expect(() => renderSheets(labels, { cols: 0 })).toThrow(RangeError);
  });

  it('an empty list gives one empty, well-formed page', () => {
    const sheet = renderSheets([]);
    expect(sheet.pages.length).toBe(1);
    assertWellFormed(sheet.pages[0]!);
    expect(readLabels(sheet.pages[0]!)).toEqual([]);
  });
});

describe('command line', () => {
  it('without arguments labels the demo catalogue and exits 0', async () => {
    const m = memoryIo();
    expect(await main([], m.io)).toBe(0);
    expect(m.out()).toContain('13 labels from 13 records');
    const path = /wrote (\S+)/.exec(m.out())?.[1];
    const svg = await readFile(path!, 'utf8');
    assertWellFormed(svg);
    expect(readLabels(svg).length).toBe(13);
  });

  it('reads ISO 2709 and MARCXML files and writes one file per sheet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spine-'));
    const records = [
      book('r1', 'One', [
        ['A1', 'X 1'],
        ['A2', 'X 2'],
      ]),
      book('r2', 'Two', [['A3', 'X 3']]),
    ];
    await writeFile(join(dir, 'in.mrc'), writeIso2709(records));
    await writeFile(join(dir, 'in.xml'), writeMarcXml(records));
    const out = join(dir, 'out.svg');
    const m = memoryIo();
    expect(
      await main(
        [
          join(dir, 'in.mrc'),
          join(dir, 'in.xml'),
          '--cols',
          '2',
          '--rows',
          '2',
          '--type',
          'code39',
          '--out',
          out,
        ],
        m.io,
      ),
    ).toBe(0);
    expect(m.out()).toContain('6 labels from 4 records');
    const first = readLabels(await readFile(out, 'utf8'));
    const second = readLabels(await readFile(pageFileName(out, 1), 'utf8'));
    expect([...first, ...second].map((l) => l.barcode)).toEqual(['A1', 'A2', 'A3', 'A1', 'A2', 'A3']);
    expect(first[0]?.modules).toEqual(trimmed(encodeBarcode('code39', 'A1') as LinearSymbol));
  });

  it('exits 1 on a missing file and 2 on bad options', async () => {
    const m = memoryIo();
    expect(await main(['/nonexistent.mrc'], m.io)).toBe(1);
    expect(m.err()).toContain('spine-labels failed');
    expect(await main(['--type', 'ean13'], memoryIo().io)).toBe(2);
    expect(await main(['--cols', '0'], memoryIo().io)).toBe(2);
  });

  it('names further sheets after the first', () => {
    expect(pageFileName('labels.svg', 0)).toBe('labels.svg');
    expect(pageFileName('labels.svg', 2)).toBe('labels-3.svg');
    expect(pageFileName('labels', 1)).toBe('labels-2.svg');
  });
});
