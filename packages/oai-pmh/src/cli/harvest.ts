// `oai-pmh harvest URL --prefix P [--set S --from D --until D] [--out FILE.xml|.mrc]`.
import { createWriteStream, type WriteStream } from 'node:fs';
import { marcXmlCollectionRecord, marcXmlHead, marcXmlTail, writeIso2709 } from '@bibwire/marcxml';
import { OaiHarvester } from '../client/harvester.js';
import type { HarvestedRecord } from '../client/types.js';
import { escapeText } from '../xml.js';
import { parseArgs } from './args.js';
import type { CliIo } from './io.js';

export const harvestUsage = `oai-pmh harvest URL --prefix P [options]
  --prefix P       metadataPrefix (marc21, marcxml, oai_dc ...)
  --set S          only this set (and the sets below it)
  --from D         YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ
  --until D        same
  --out FILE       FILE.mrc: ISO 2709 (MARC records only); FILE.xml: MARCXML collection for MARC
                   records, else the records' OAI-PMH XML; default: XML on stdout
Progress goes to stderr.`;

interface Sink {
  write(chunk: string | Uint8Array): unknown;
}

export async function harvest(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const args = parseArgs(argv, ['prefix', 'set', 'from', 'until', 'out']);
  if (typeof args === 'string' || args.positionals.length !== 1 || !args.options.get('prefix')) {
    const why = typeof args === 'string' ? args : 'give one URL and --prefix';
    io.stderr.write(`${why}\n${harvestUsage}\n`);
    return 2;
  }
  const o = args.options;
  const out = o.get('out');
  const binary = out?.toLowerCase().endsWith('.mrc') ?? false;
  const harvester = new OaiHarvester({
    baseUrl: args.positionals[0]!,
    keepMarcXml: false,
    ...(signal && { signal }),
    onPage: (page) => {
      const t = page.token;
      const of = t?.completeListSize !== undefined ? ` of ${t.completeListSize}` : '';
      io.stderr.write(`page: ${page.items} records (cursor ${t?.cursor ?? 0}${of})\n`);
    },
  });
  const file: WriteStream | undefined = out === undefined ? undefined : createWriteStream(out);
  const sink: Sink = file ?? io.stdout;
  let count = 0;
  let deleted = 0;
  let skipped = 0;
  let mode: 'marc' | 'oai' | undefined;
  try {
    for await (const record of harvester.listRecords({
      metadataPrefix: o.get('prefix')!,
      ...(o.has('set') && { set: o.get('set')! }),
      ...(o.has('from') && { from: o.get('from')! }),
      ...(o.has('until') && { until: o.get('until')! }),
    })) {
      if (record.header.deleted) {
        deleted++;
        continue;
      }
      mode ??= record.marc || binary ? 'marc' : 'oai';
      if (mode === 'marc' && !record.marc) {
        skipped++;
        continue;
      }
      if (count === 0 && !binary) await put(sink, mode === 'marc' ? marcXmlHead() : OAI_HEAD);
      count++;
      if (binary) await put(sink, writeIso2709(record.marc!));
      else await put(sink, mode === 'marc' ? marcXmlCollectionRecord(record.marc!) : oaiRecord(record));
    }
    if (!binary) {
      if (count === 0) await put(sink, mode === 'marc' ? marcXmlHead() : OAI_HEAD);
      await put(sink, mode === 'marc' ? marcXmlTail() : OAI_TAIL);
    }
  } finally {
    if (file) await new Promise<void>((resolve) => file.end(resolve));
  }
  const notes = [deleted && `${deleted} deleted`, skipped && `${skipped} not MARC, skipped`].filter(Boolean);
  io.stderr.write(`harvested ${count} records${notes.length ? ` (${notes.join(', ')})` : ''}\n`);
  return 0;
}

const OAI_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ListRecords xmlns="http://www.openarchives.org/OAI/2.0/">\n';
const OAI_TAIL = '</ListRecords>\n';

function oaiRecord(r: HarvestedRecord): string {
  const h = r.header;
  let s = `<record><header><identifier>${escapeText(h.identifier)}</identifier><datestamp>${escapeText(h.datestamp)}</datestamp>`;
  for (const spec of h.setSpecs) s += `<setSpec>${escapeText(spec)}</setSpec>`;
  s += '</header>';
  if (r.metadata !== undefined) s += `<metadata>${r.metadata}</metadata>`;
  for (const a of r.about) s += `<about>${a}</about>`;
  return `${s}</record>\n`;
}

/** Writes and waits for drain when the sink is a Node stream that asks for it. */
function put(sink: Sink, chunk: string | Uint8Array): Promise<void> | undefined {
  const ok = sink.write(chunk);
  if (ok !== false || !('once' in sink)) return undefined;
  return new Promise((resolve) => (sink as WriteStream).once('drain', () => resolve()));
}
