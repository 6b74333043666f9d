import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { BARCODE_TYPES, type EncodeOptions, encodeBarcode } from '../encode.js';
import { BarcodeError } from '../errors.js';
import { renderPngSync } from '../node.js';
import { renderSvg } from '../render/svg.js';
import { renderModuleRows, renderTerminal } from '../render/text.js';
import type { CliIo } from './io.js';

export const usage = `barcode --type T --data D [--format svg|png|txt|term] [--notext] [--scale N] [--out FILE]

  --type T        ${BARCODE_TYPES.join(', ')}
                  (Koha spellings such as Code39, NW7, Matrix2of5, EAN13 work too; default code128)
  --data D        the data; '-' reads it from stdin
  --format F      svg (default, or from --out's extension), png, txt (modules as 1/0 rows), term
  --notext        no human-readable text
  --scale N       pixels per module (PNG, default 2) or SVG size factor
  --height N      bar height in modules (default 50)
  --no-quiet-zone draw no quiet zones
  --check         add the optional check character
  --ratio R       wide:narrow ratio 2, 2.5 or 3 (two-width symbologies)
  --level L       QR error correction level L, M, Q or H
  --koha          Koha/GD input rules (unverified EAN check digits, ITF odd length gets a check digit)
  --out FILE      write to FILE instead of stdout`;

const FORMATS = ['svg', 'png', 'txt', 'term'] as const;
type Format = (typeof FORMATS)[number];

async function readAll(stdin: CliIo['stdin']): Promise<string> {
  let s = '';
  const dec = new TextDecoder();
  for await (const chunk of stdin)
    s += typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
  return s.replace(/\r?\n$/, '');
}

function num(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n))
    throw new BarcodeError('INVALID_ARGUMENT', `--${name} must be a number, got ${raw}`);
  return n;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(`${usage}\n`);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (e) {
    io.stderr.write(`barcode: ${e instanceof Error ? e.message : String(e)}\n${usage}\n`);
    return 2;
  }
  try {
    if (values.data === undefined) throw new BarcodeError('INVALID_ARGUMENT', '--data is required');
    const data = values.data === '-' ? await readAll(io.stdin) : values.data;
    const out = values.out;
    const format = (values.format ?? (out?.toLowerCase().endsWith('.png') ? 'png' : 'svg')) as Format;
    if (!FORMATS.includes(format)) {
      throw new BarcodeError('INVALID_ARGUMENT', `--format must be one of ${FORMATS.join(', ')}`);
    }
    const ratio = num('ratio', values.ratio);
    const level = values.level?.toUpperCase();
    const options: EncodeOptions = {
      ...(values.check ? { check: true } : {}),
      ...(values.koha ? { koha: true } : {}),
      ...(ratio === undefined ? {} : { ratio: ratio as 2 | 2.5 | 3 }),
      ...(level === undefined ? {} : { level: level as 'L' | 'M' | 'Q' | 'H' }),
    };
    const symbol = encodeBarcode(values.type ?? 'code128', data, options);
    const height = num('height', values.height);
    const scale = num('scale', values.scale);
    const render = {
      text: !values.notext,
      ...(values['no-quiet-zone'] ? { quietZone: false } : {}),
      ...(height === undefined ? {} : { height }),
      ...(scale === undefined ? {} : { scale }),
    };
    let output: string | Uint8Array;
    if (format === 'png') output = renderPngSync(symbol, render);
    else if (format === 'svg') output = `${renderSvg(symbol, render)}\n`;
    else if (format === 'txt') output = `${renderModuleRows(symbol).join('\n')}\n`;
    else output = renderTerminal(symbol, { text: render.text, quietZone: !values['no-quiet-zone'] });
    if (out !== undefined) await writeFile(out, output);
    else io.stdout.write(output);
    return 0;
  } catch (e) {
    if (BarcodeError.is(e)) {
      io.stderr.write(`barcode: ${e.code}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      type: { type: 'string', short: 't' },
      data: { type: 'string', short: 'd' },
      format: { type: 'string', short: 'f' },
      notext: { type: 'boolean' },
      scale: { type: 'string' },
      height: { type: 'string' },
      'no-quiet-zone': { type: 'boolean' },
      check: { type: 'boolean' },
      ratio: { type: 'string' },
      level: { type: 'string' },
      koha: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
    },
  });
}
