// Command line: spine-labels [FILE.mrc|FILE.xml] [--out labels.svg] [--cols 3] [--rows 8] [--type code128|code39].
// Without a file it prints labels for the demo catalogue's records into a temporary directory.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { detectFormat, type MarcRecord, parseIso2709, parseMarcXml } from '@bibwire/marcxml';
import { labelsOfAll } from './labels.js';
import { renderSheets, type Symbology } from './sheet.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const USAGE = `usage: spine-labels [FILE.mrc|FILE.xml] [--out labels.svg] [--cols 3] [--rows 8] [--type code128|code39]
Without FILE: labels for the demo catalogue (examples/library-in-a-box/data), written to a temporary directory.
`;
const demoData = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'library-in-a-box', 'data');
const DEMO_FILES = ['perl-camel.usmarc', 'marc4j-chabon.mrc', 'marc4j-summerland.mrc'];

export function parseMarcFile(bytes: Uint8Array): MarcRecord[] {
  return detectFormat(bytes) === 'marcxml' ? parseMarcXml(bytes) : parseIso2709(bytes, { toUtf8: true });
}

/** labels.svg, then labels-2.svg, labels-3.svg … for further sheets. */
export function pageFileName(out: string, page: number): string {
  return page === 0 ? out : out.replace(/(\.svg)?$/i, `-${page + 1}.svg`);
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[1-9][0-9]?$/.test(value)) throw new Error(`--${name} must be an integer from 1 to 99`);
  return Number(value);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: { cols: number; rows: number; symbology: Symbology; out: string | undefined; files: string[] };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        cols: { type: 'string' },
        rows: { type: 'string' },
        type: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    const type = values.type ?? 'code128';
    if (type !== 'code128' && type !== 'code39') throw new Error('--type must be code128 or code39');
    options = {
      cols: integer('cols', values.cols, 3),
      rows: integer('rows', values.rows, 8),
      symbology: type,
      out: values.out,
      files: positionals,
    };
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const demo = options.files.length === 0;
    const files = demo ? DEMO_FILES.map((f) => join(demoData, f)) : options.files;
    const records: MarcRecord[] = [];
    for (const file of files) records.push(...parseMarcFile(await readFile(file)));
    const labels = labelsOfAll(records);
    const sheets = renderSheets(labels, {
      cols: options.cols,
      rows: options.rows,
      symbology: options.symbology,
    });
    const out =
      options.out ??
      (demo ? join(await mkdtemp(join(tmpdir(), 'spine-labels-')), 'labels.svg') : 'labels.svg');
    const written: string[] = [];
    for (const [page, svg] of sheets.pages.entries()) {
      const path = pageFileName(out, page);
      await writeFile(path, svg);
      written.push(path);
    }
    io.stdout.write(
      `${labels.length} labels from ${records.length} records (${options.symbology}, ${options.cols}×${options.rows} per A4 sheet)\n`,
    );
    for (const label of labels.slice(0, 5))
      io.stdout.write(`  ${label.barcode.padEnd(14)} ${label.callNumber.padEnd(22)} ${label.title}\n`);
    if (labels.length > 5) io.stdout.write(`  … ${labels.length - 5} more\n`);
    for (const problem of sheets.problems)
      io.stderr.write(`warning: ${problem.barcode}: ${problem.message}\n`);
    io.stdout.write(`wrote ${written.join(', ')}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`spine-labels failed: ${(error as Error).message}\n`);
    return 1;
  }
}
