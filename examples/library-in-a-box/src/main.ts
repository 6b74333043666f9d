// pnpm demo: the whole suite on 127.0.0.1 over the bundled catalogue; prints what runs where.
import { parseArgs } from 'node:util';
import { serveNode } from '@bibwire/oai-pmh/node';
import { createSipServer, MemoryIls } from '@bibwire/sip2/server';
import { createDemoHandler } from './app.js';
import { loadCatalogue } from './catalogue.js';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS } from './sip.js';

const { values } = parseArgs({
  options: {
    'http-port': { type: 'string', default: process.env.DEMO_HTTP_PORT ?? '8080' },
    'sip-port': { type: 'string', default: process.env.DEMO_SIP_PORT ?? '6001' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const host = values.host;
const httpPort = Number(values['http-port']);
const sipPort = Number(values['sip-port']);

const catalogue = loadCatalogue();
const sip = createSipServer({
  ils: new MemoryIls(catalogue.ilsData),
  accounts: DEMO_ACCOUNTS,
  institutions: DEMO_INSTITUTIONS,
});
const sipAddress = await sip.listen(sipPort, host);
// The page names the ports, so the handler is built once the listeners have them (port 0 = any free port).
let handler: ((request: Request) => Promise<Response>) | undefined;
const http = await serveNode((request) => handler!(request), { port: httpPort, host });
const actualHttpPort = http.port;
handler = createDemoHandler(catalogue, { httpPort: actualHttpPort, sipPort: sipAddress.port });
const base = `http://${host}:${actualHttpPort}`;
const p = catalogue.patrons[0]!;
const item = catalogue.items[0]!;
console.log(`bibwire library in a box: ${catalogue.records.length} records, ${catalogue.items.length} items, ${catalogue.patrons.length} patrons

  web page   ${base}/
  OAI-PMH    ${base}/oai?verb=Identify         (oai_dc, marc21, marcxml, marcxml-items; sets main, east, unimarc)
  SRU        ${base}/sru                        (Explain; searchRetrieve and scan, SRU 1.1 / 1.2 / 2.0)
  barcodes   ${base}/svc/barcode?barcode=${item.barcode}&type=Code39
  SIP2 ACS   ${host}:${sipAddress.port}   login kiosk / kiosk (institution MAIN); try:
             node packages/sip2/dist/cli.js client --port ${sipAddress.port} --user kiosk --password kiosk
             then: checkout ${p.cardnumber} ${item.barcode}

Ctrl-C stops everything.`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  Promise.all([sip.close(), http.close()]).then(() => {
    console.log('stopped');
    process.exit(0);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
