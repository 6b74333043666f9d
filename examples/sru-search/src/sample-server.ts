// The offline demonstration's SRU server: the demo catalogue's committed MARC 21 records
// (examples/library-in-a-box/data) behind createSruHandler, on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MarcRecord, parseIso2709 } from '@bibwire/marcxml';
import {
  createMarcBackend,
  createSruHandler,
  type RunningServer,
  type SruHandler,
  serveNode,
} from '@bibwire/sru-cql/server';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'library-in-a-box', 'data');
const FILES = ['perl-camel.usmarc', 'marc4j-chabon.mrc', 'marc4j-summerland.mrc'];

export function sampleRecords(): MarcRecord[] {
  return FILES.flatMap((f) => parseIso2709(readFileSync(join(dataDir, f)), { toUtf8: true }));
}

/** `maxMaximumRecords` caps one page (servers cap it; the client then pages). */
export function sampleSruHandler(
  records: readonly MarcRecord[] = sampleRecords(),
  maxMaximumRecords = 50,
): SruHandler {
  return createSruHandler({
    backend: createMarcBackend(records, {
      database: {
        title: 'bibwire sample catalogue',
        description: 'Perl books and two novels',
        database: 'sample',
      },
    }),
    defaultMaximumRecords: 10,
    maxMaximumRecords,
  });
}

export function startSampleServer(): Promise<RunningServer> {
  return serveNode(sampleSruHandler(), { host: '127.0.0.1', port: 0 });
}
