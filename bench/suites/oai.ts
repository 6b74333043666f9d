import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenCodec } from '@bibwire/oai-pmh';
import {
  createMarcRepository,
  createOaiHandler,
  type MarcEntry,
  MemoryRepository,
  marcXmlFormat,
  oaiDcFormat,
  parseMarcBytes,
} from '@bibwire/oai-pmh/server';
import { sharedDir } from '../../testing/paths.js';
import { peakRssOf } from '../lib/rss.js';
import type { BenchSuite, Contender } from '../lib/types.js';

// ListRecords pages of 100 MARCXML records from a 100,000-record repository (real MARC 21 records from
// shared/data cycled under new identifiers), first page and a page deep in the list (keyset paging);
// then a loopback harvest (node:http provider + our harvester in one child process) with peak RSS.
const here = dirname(fileURLToPath(import.meta.url));
const shared = sharedDir;
const FILES = [
  'marc4j-chabon.mrc',
  'marc4j-summerland.mrc',
  'marc4j-065001035.mrc',
  'marc4j-brkrtest_UTF8.mrc',
  'perl-camel.usmarc',
  'perl-mij-test.mrc',
  'yaz-marccol1.u8.marc',
  'yaz-marccol5.u8.marc',
];
const TOTAL = 100_000;
const PAGES_PER_RUN = 20;
const T0 = Date.UTC(2020, 0, 1);
const SECRET = 'bench secret';

function sampleEntries(): MarcEntry[] {
  const records = FILES.flatMap((f) =>
    parseMarcBytes(readFileSync(join(shared, 'data', 'marc', 'iso2709-marc21', f))),
  );
  // The MARC repository splits items and detects flavour once per record; reuse its entries.
  const repo = createMarcRepository(records, { identifierPrefix: 'x:', leaderDeletes: false });
  return repo
    .listItems({ metadataPrefix: 'marcxml', includeDeleted: false, limit: records.length })
    .map((i) => i.record!);
}

function handlerFor(total: number) {
  const entries = sampleEntries();
  const repository = new MemoryRepository<MarcEntry>({
    items: Array.from({ length: total }, (_, i) => ({
      identifier: `oai:bench.example.org:${i + 1}`,
      datestamp: T0 + i * 1000,
      record: entries[i % entries.length]!,
    })),
  });
  return createOaiHandler<MarcEntry>({
    repository,
    formats: [oaiDcFormat(), marcXmlFormat('marcxml')],
    repositoryName: 'bench',
    adminEmails: ['bench@example.org'],
    pageSize: 100,
    tokenSecret: SECRET,
  });
}

let shared100k: ReturnType<typeof handlerFor> | undefined;

async function pageContender(name: string, deep: boolean): Promise<Contender> {
  shared100k ??= handlerFor(TOTAL);
  const handler = shared100k;
  const at = 50_000;
  const token = await createTokenCodec(SECRET).encode({
    verb: 'ListRecords',
    metadataPrefix: 'marcxml',
    after: { datestamp: T0 + (at - 1) * 1000, identifier: `oai:bench.example.org:${at}` },
    cursor: at,
    completeListSize: TOTAL,
    expires: Date.now() + 86_400_000,
  });
  const url = deep
    ? `http://127.0.0.1/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`
    : 'http://127.0.0.1/oai?verb=ListRecords&metadataPrefix=marcxml';
  // Warm the JIT on both kinds of page first, so the contender measured first is not penalised.
  for (let i = 0; i < 30; i++) await (await handler(new Request(url))).text();
  return {
    name,
    ours: true,
    async run() {
      for (let i = 0; i < PAGES_PER_RUN; i++) {
        const body = await (await handler(new Request(url))).text();
        if (body.split('<record>').length !== 101) throw new Error('page does not hold 100 records');
      }
      return PAGES_PER_RUN;
    },
  };
}

// The child: provider on 127.0.0.1:0 and our harvester reading every page through fetch.
const HARVEST_CHILD = `
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createMarcRepository, createOaiHandler, MemoryRepository, marcXmlFormat, parseMarcBytes } from '@bibwire/oai-pmh/server';
import { OaiHarvester } from '@bibwire/oai-pmh/client';
const [total, files] = [Number(process.argv[1]), JSON.parse(process.argv[2])];
const records = files.flatMap((f) => parseMarcBytes(readFileSync(f)));
const entries = createMarcRepository(records, { identifierPrefix: 'x:', leaderDeletes: false })
  .listItems({ metadataPrefix: 'm', includeDeleted: false, limit: records.length }).map((i) => i.record);
// Items are made on demand from their position, so the repository itself holds nothing per record.
const repository = {
  earliestDatestamp: () => 0,
  getItem: () => undefined,
  countItems: () => total,
  listItems(q) {
    const start = q.after ? Number(q.after.identifier) + 1 : 0;
    const out = [];
    for (let i = start; i < total && out.length < q.limit; i++) {
      out.push({ header: { identifier: String(i).padStart(9, '0'), datestamp: i * 1000, setSpecs: [], deleted: false }, record: entries[i % entries.length] });
    }
    return out;
  },
};
const handler = createOaiHandler({ repository, formats: [marcXmlFormat('marcxml')], repositoryName: 'b', adminEmails: ['b@example.org'], pageSize: 100 });
const server = createServer(async (req, res) => {
  const response = await handler(new Request('http://127.0.0.1' + req.url, { headers: { 'accept-encoding': req.headers['accept-encoding'] ?? '' } }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  for await (const chunk of response.body) if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
  res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const harvester = new OaiHarvester({ baseUrl: 'http://127.0.0.1:' + server.address().port + '/oai', keepMarcXml: false });
let n = 0;
let fields = 0;
for await (const r of harvester.listRecords({ metadataPrefix: 'marcxml' })) { n++; fields += r.marc.fields.length; }
server.close();
if (n !== total) throw new Error('harvested ' + n);
process.stdout.write(String(n));
`;

// The child's V8 heap is capped so a leak would crash the run instead of hiding in a big RSS figure.
const HEAP_CAP_MB = 64;

function harvestContender(total: number): Contender {
  const files = JSON.stringify(FILES.map((f) => join(shared, 'data', 'marc', 'iso2709-marc21', f)));
  const argsFor = (n: number) => [
    `--max-old-space-size=${HEAP_CAP_MB}`,
    '--input-type=module',
    '-e',
    HARVEST_CHILD,
    String(n),
    files,
  ];
  let calls = 0;
  let rss: number | undefined;
  return {
    name: `@bibwire/oai-pmh provider + harvester, ${total.toLocaleString('en-US')} records over 127.0.0.1`,
    ours: true,
    run() {
      // Every round is a fresh process, so the harness's warm-up round only needs to be short.
      if (calls++ === 0) {
        const r = spawnSync(process.execPath, argsFor(1000), { cwd: join(here, '..'), encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        return Number(r.stdout);
      }
      // peakRssOf runs the harvest (which fails unless it got every record) and reports its peak RSS.
      rss = peakRssOf(process.execPath, argsFor(total));
      return total;
    },
    peakRss: async () => rss,
  };
}

export default {
  name: 'oai',
  description:
    'OAI-PMH: ListRecords pages of 100 MARCXML records (in-process Fetch handler, 100,000-record repository of real MARC 21 records), and a loopback harvest with peak RSS',
  goal: 'under 10 ms per 100-record page (published anchor: FOLIO mod-oai-pmh about 604 ms per page); memory flat over the whole harvest',
  cases: async () => [
    {
      name: 'ListRecords, 100 MARCXML records per page',
      unit: 'pages',
      contenders: [
        await pageContender('@bibwire/oai-pmh, first page (counts completeListSize)', false),
        await pageContender('@bibwire/oai-pmh, page 501 via resumptionToken (keyset)', true),
      ],
    },
    {
      name: 'loopback harvest (ListRecords marcxml, records parsed to MARC)',
      unit: 'records',
      rounds: 1,
      contenders: [harvestContender(10_000), harvestContender(100_000)],
    },
  ],
} satisfies BenchSuite;
