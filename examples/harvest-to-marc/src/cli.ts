// Command line: harvest-to-marc [URL] [--prefix P] [--set S] [--from D] [--until D] [--out FILE].
// Without a URL it serves sample records on 127.0.0.1 and harvests those (the offline demonstration).
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getTitle, parseIso2709, parseMarcXml } from '@bibwire/marcxml';
import { type HarvestOptions, type HarvestSummary, harvestToFile } from './harvest.js';
import { sampleOaiHandler, serveLocally } from './sample-provider.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const USAGE = `usage: harvest-to-marc [URL] [--prefix marc21] [--set SPEC] [--from DATE] [--until DATE] [--out FILE.mrc|FILE.xml]
Without URL: serves sample records on 127.0.0.1 and harvests them.
`;

async function run(io: CliIo, options: HarvestOptions): Promise<HarvestSummary> {
  const summary = await harvestToFile({
    ...options,
    onProgress: (p) => {
      const of = p.completeListSize === undefined ? '' : ` of ${p.completeListSize}`;
      io.stderr.write(`page ${p.pages} arrived; ${p.written + p.deleted + p.skipped}${of} records done\n`);
    },
  });
  io.stdout.write(
    `wrote ${summary.written} records to ${summary.out} (${summary.format}); ${summary.deleted} deleted, ${summary.skipped} not MARC, ${summary.pages} pages\n`,
  );
  return summary;
}

async function showFile(io: CliIo, summary: HarvestSummary): Promise<void> {
  const bytes = await readFile(summary.out);
  const records = summary.format === 'marcxml' ? parseMarcXml(bytes) : parseIso2709(bytes);
  for (const record of records.slice(0, 3)) io.stdout.write(`  ${getTitle(record) ?? '(no title)'}\n`);
  if (records.length > 3) io.stdout.write(`  … ${records.length - 3} more\n`);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const filters = {
    ...(values.prefix !== undefined ? { prefix: values.prefix } : {}),
    ...(values.set !== undefined ? { set: values.set } : {}),
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values.until !== undefined ? { until: values.until } : {}),
  };
  try {
    const url = positionals[0];
    if (url !== undefined) {
      await run(io, { baseUrl: url, out: values.out ?? 'harvest.mrc', ...filters });
      return 0;
    }
    const provider = await serveLocally(sampleOaiHandler());
    try {
      io.stdout.write(`sample OAI-PMH provider on ${provider.url}\n`);
      const dir = await mkdtemp(join(tmpdir(), 'harvest-to-marc-'));
      const all = await run(io, {
        baseUrl: provider.url,
        out: values.out ?? join(dir, 'all.mrc'),
        ...filters,
      });
      await showFile(io, all);
      io.stdout.write('selective harvest: set=east, from=2024-01-05, until=2024-01-15\n');
      const east = await run(io, {
        baseUrl: provider.url,
        out: join(dir, 'east.xml'),
        set: 'east',
        from: '2024-01-05',
        until: '2024-01-15',
      });
      await showFile(io, east);
    } finally {
      await provider.close();
    }
    return 0;
  } catch (error) {
    io.stderr.write(`harvest failed: ${(error as Error).message}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      prefix: { type: 'string' },
      set: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
