// Command line: vendor-sync [FILE.csv|FILE.json] [--url URL] [--client-id ID] [--dry-run]
// (secret from KOHA_CLIENT_SECRET). Without a file it synchronises a sample list against the Koha
// mock on 127.0.0.1, twice, to show that the second pass creates nothing.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { clientCredentials, KohaClient } from '@bibwire/koha-client';
import { startKohaMock } from '../../../packages/koha-client/test/mock/koha-mock.js';
import type { SyncOutcome } from './sync.js';
import { syncVendors } from './sync.js';
import { parseVendorList, type VendorEntry } from './vendor-list.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const USAGE = `usage: vendor-sync [FILE.csv|FILE.json] [--url KOHA_URL] [--client-id ID] [--dry-run]
The client secret is read from KOHA_CLIENT_SECRET (KOHA_URL and KOHA_CLIENT_ID also work).
Without FILE: a sample list against a Koha mock on 127.0.0.1.
`;

/** The offline demonstration's list: one name exists on the mock's last page, one differs only in case and spacing. */
export const SAMPLE_VENDORS: readonly VendorEntry[] = [
  { name: 'Acme Books', type: 'Books' },
  { name: '  ACME   books ' },
  { name: 'Vendor 07' },
  { name: 'Harrassowitz', type: 'Serials', url: 'https://www.harrassowitz.de' },
  { name: 'Casalini Libri', type: 'Books', phone: '+39 055 50181' },
];

function line(outcome: SyncOutcome): string {
  switch (outcome.action) {
    case 'found':
    case 'created':
      return `${outcome.action.padEnd(8)} ${outcome.name.trim()} (vendor ${outcome.id ?? '?'})\n`;
    case 'missing':
      return `missing  ${outcome.name.trim()}\n`;
    case 'failed':
      return `FAILED   ${outcome.name.trim()}: ${outcome.error}\n`;
  }
}

function summary(outcomes: readonly SyncOutcome[]): string {
  const count = (action: SyncOutcome['action']) => outcomes.filter((o) => o.action === action).length;
  return `${count('found')} found, ${count('created')} created, ${count('missing')} missing, ${count('failed')} failed\n`;
}

async function pass(
  io: CliIo,
  koha: KohaClient,
  vendors: readonly VendorEntry[],
  dryRun: boolean,
): Promise<SyncOutcome[]> {
  const outcomes = await syncVendors(koha, vendors, { dryRun }, (o) => io.stdout.write(line(o)));
  io.stdout.write(summary(outcomes));
  return outcomes;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? {};
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
    if (parsed.positionals.length > 1) throw new Error('give one vendor list');
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const dryRun = values['dry-run'] === true;
  try {
    const file = positionals[0];
    if (file !== undefined) {
      const url = values.url ?? env.KOHA_URL;
      const clientId = values['client-id'] ?? env.KOHA_CLIENT_ID;
      const clientSecret = env.KOHA_CLIENT_SECRET;
      if (!url || !clientId || !clientSecret) {
        io.stderr.write(`need --url, --client-id and KOHA_CLIENT_SECRET\n${USAGE}`);
        return 2;
      }
      const vendors = parseVendorList(await readFile(file, 'utf8'), /\.json$/i.test(file) ? 'json' : 'csv');
      const koha = new KohaClient({ baseUrl: url, auth: clientCredentials({ clientId, clientSecret }) });
      const outcomes = await pass(io, koha, vendors, dryRun);
      return outcomes.some((o) => o.action === 'failed') ? 1 : 0;
    }
    const mock = await startKohaMock({ clientId: 'coral', clientSecret: 'demo-secret' });
    try {
      io.stdout.write(`Koha mock on ${mock.url} (OAuth2 client credentials)\n`);
      const koha = new KohaClient({
        baseUrl: mock.url,
        auth: clientCredentials({ clientId: 'coral', clientSecret: 'demo-secret' }),
      });
      io.stdout.write('first pass:\n');
      const first = await pass(io, koha, SAMPLE_VENDORS, dryRun);
      io.stdout.write('second pass (nothing left to create):\n');
      await pass(io, koha, SAMPLE_VENDORS, dryRun);
      io.stdout.write(`${mock.requests.length} requests to Koha, ${mock.tokensIssued} token(s) issued\n`);
      return first.some((o) => o.action === 'failed') ? 1 : 0;
    } finally {
      await mock.close();
    }
  } catch (error) {
    io.stderr.write(`vendor-sync failed: ${(error as Error).message}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      'client-id': { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
