// The offline demonstration's provider: the demo catalogue's committed records (examples/library-in-a-box/data)
// behind createOaiHandler, with a datestamp per record and Koha-style 952 items so sets and from/until
// have something to select.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { controlField, dataField, type MarcRecord, parseIso2709 } from '@bibwire/marcxml';
import { createMarcRepository, createOaiHandler, kohaDefaultFormats } from '@bibwire/oai-pmh/server';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'library-in-a-box', 'data');
// MARC 21 only: the item tag (952) and the set rules below are MARC 21's.
const FILES = ['perl-camel.usmarc', 'marc4j-chabon.mrc', 'marc4j-summerland.mrc'];

export type FetchHandler = (request: Request) => Promise<Response>;

/** Records get 001 `demo<n>`, 005 = 2024-01-<n> and one item at MAIN (odd n) or EAST (even n). */
export function sampleRecords(): MarcRecord[] {
  const records = FILES.flatMap((f) => parseIso2709(readFileSync(join(dataDir, f)), { toUtf8: true }));
  return records.map((record, i) => {
    const n = i + 1;
    const day = String(n).padStart(2, '0');
    const fields = record.fields.filter((f) => f.tag !== '001' && f.tag !== '005' && f.tag !== '952');
    return {
      leader: record.leader,
      fields: [
        controlField('001', `demo${n}`),
        controlField('005', `202401${day}120000.0`),
        ...fields,
        dataField('952', ' ', ' ', [
          ['a', n % 2 === 1 ? 'MAIN' : 'EAST'],
          ['p', `3900000${String(n).padStart(4, '0')}`],
        ]),
      ],
    };
  });
}

export function sampleOaiHandler(records: readonly MarcRecord[] = sampleRecords()): FetchHandler {
  const repository = createMarcRepository(records, {
    repositoryIdentifier: 'sample.bibwire.org',
    setMappings: [
      { setSpec: 'main', setName: 'Main library', rules: [{ tag: '952', subfield: 'a', value: 'MAIN' }] },
      { setSpec: 'east', setName: 'East branch', rules: [{ tag: '952', subfield: 'a', value: 'EAST' }] },
    ],
  });
  return createOaiHandler({
    repository,
    formats: kohaDefaultFormats(),
    repositoryName: 'bibwire sample provider',
    adminEmails: ['admin@sample.bibwire.org'],
    // Small pages so the harvest follows resumption tokens.
    pageSize: 4,
  });
}

export interface RunningProvider {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a Fetch handler on 127.0.0.1 (any free port), streaming the response body. */
export function serveLocally(handler: FetchHandler): Promise<RunningProvider> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    const request = new Request(new URL(req.url ?? '/', origin), {
      method: req.method ?? 'GET',
      headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])) as [
        string,
        string,
      ][],
      ...(req.method === 'POST'
        ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' }
        : {}),
    } as RequestInit);
    handler(request)
      .then(async (response) => {
        res.statusCode = response.status;
        for (const [key, value] of response.headers) res.setHeader(key, value);
        if (response.body)
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
        res.end();
      })
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        url: `${origin}/oai`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
