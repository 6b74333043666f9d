// The demo's HTTP side as one Fetch-standard handler: /oai, /sru, /svc/barcode, the page at /, and
// two small JSON helpers the page uses (patrons for the card, items of a record).
import { createBarcodeHandler } from '@bibwire/barcode/server';
import {
  createMarcRepository,
  createOaiHandler,
  kohaDefaultFormats,
  marcXmlFormat,
  oaiDcFormat,
} from '@bibwire/oai-pmh/server';
import { createMarcBackend, createSruHandler } from '@bibwire/sru-cql/server';
import type { Catalogue } from './catalogue.js';
import { pageHtml } from './page.js';

export interface DemoOptions {
  readonly httpPort: number;
  readonly sipPort: number;
}

type Handler = (request: Request) => Promise<Response>;

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

export function createDemoHandler(catalogue: Catalogue, options: DemoOptions): Handler {
  const repository = createMarcRepository(catalogue.records, {
    repositoryIdentifier: 'demo.bibwire.org',
    // Sets by home branch of the items, as a Koha OAI set mapping would do.
    setMappings: [
      { setSpec: 'main', setName: 'Main library', rules: [{ tag: '952', subfield: 'a', value: 'MAIN' }] },
      { setSpec: 'east', setName: 'East branch', rules: [{ tag: '952', subfield: 'a', value: 'EAST' }] },
      {
        setSpec: 'unimarc',
        setName: 'UNIMARC records',
        rules: [
          { tag: '995', subfield: 'b', value: 'MAIN' },
          { tag: '995', subfield: 'b', value: 'EAST' },
        ],
      },
    ],
  });
  const oai = createOaiHandler({
    repository,
    formats: [
      ...kohaDefaultFormats(),
      marcXmlFormat('marcxml-items', { includeItems: true }),
      oaiDcFormat({ includeItems: false, compat: 'clean' }),
    ].filter((f, i, all) => all.findIndex((g) => g.metadataPrefix === f.metadataPrefix) === i),
    repositoryName: 'bibwire library in a box',
    adminEmails: ['admin@demo.bibwire.org'],
    repositoryIdentifier: 'demo.bibwire.org',
    pageSize: 50,
  });
  const sru = createSruHandler({
    backend: createMarcBackend(catalogue.records),
    defaultMaximumRecords: 10,
    maxMaximumRecords: 50,
  });
  const barcode = createBarcodeHandler({ scale: 2 });
  const itemsByRecord = new Map<string, Catalogue['items']>();
  for (const item of catalogue.items)
    itemsByRecord.set(item.recordId, [...(itemsByRecord.get(item.recordId) ?? []), item]);
  const page = pageHtml(options);

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/' || path === '/index.html') {
      return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    if (path === '/oai') return oai(request);
    if (path === '/sru') return sru(request);
    if (path === '/svc/barcode') return barcode(request);
    if (path === '/api/patrons')
      return json(catalogue.patrons.map(({ cardnumber, name, branch }) => ({ cardnumber, name, branch })));
    const items = /^\/api\/records\/([A-Za-z0-9]+)\/items$/.exec(path);
    if (items) return json(itemsByRecord.get(items[1]!) ?? []);
    return new Response('not found\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  };
}
