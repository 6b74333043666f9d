import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { clientCredentials, KohaClient } from '@bibwire/koha-client';
import type { BenchSuite, Contender } from '../lib/types.js';

// A Koha-shaped server in a child process on 127.0.0.1 (OAuth token endpoint, GET /acquisitions/vendors
// with _page/_per_page, X-Total-Count and Link, GET /patrons/{id}); every contender reads the same
// data through HTTP, so the figures compare client overhead, not the server.
const VENDORS = 5_000;
const PER_PAGE = 100;
const GETS = 1_000;
const CONCURRENCY = 50;

const SERVER = `
import { createServer } from 'node:http';
const total = ${VENDORS};
const vendor = (i) => ({ id: i, name: 'Vendor ' + i, address1: 'Street ' + i, address2: null, address3: null, address4: null,
  phone: '+44 20 7946 ' + String(i).padStart(4, '0'), fax: null, accountnumber: 'AC' + i, type: null, notes: 'n', postal: null,
  url: 'https://vendor' + i + '.example', active: i % 7 !== 0, list_currency: 'GBP', invoice_currency: 'GBP', gst: false,
  list_includes_gst: false, invoice_includes_gst: false, tax_rate: 0.2, discount: 10, deliverytime: 7, external_id: null,
  payment_method: null, aliases: [] });
const pages = new Map();
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/api/v1/oauth/token') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ access_token: 'bench-token', token_type: 'Bearer', expires_in: 3600 }));
  }
  if (req.headers.authorization !== 'Bearer bench-token') { res.writeHead(401, { 'content-type': 'application/json' }); return res.end('{"error":"Authentication failure."}'); }
  if (url.pathname === '/api/v1/acquisitions/vendors') {
    const page = Number(url.searchParams.get('_page') ?? 1), per = Number(url.searchParams.get('_per_page') ?? 20);
    const last = Math.ceil(total / per);
    const key = page + '/' + per;
    if (!pages.has(key)) {
      const rows = [];
      for (let i = (page - 1) * per + 1; i <= Math.min(total, page * per); i++) rows.push(vendor(i));
      pages.set(key, JSON.stringify(rows));
    }
    const link = (p, rel) => '</api/v1/acquisitions/vendors?_page=' + p + '&_per_page=' + per + '>; rel="' + rel + '"';
    const links = [link(1, 'first')];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'));
    links.push(link(last, 'last'));
    res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': String(total), link: links.join(', ') });
    return res.end(pages.get(key));
  }
  const m = /^\\/api\\/v1\\/patrons\\/(\\d+)$/.exec(url.pathname);
  if (m) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ patron_id: Number(m[1]), surname: 'Surname', firstname: 'First', library_id: 'CPL', category_id: 'PT', cardnumber: 'C' + m[1] }));
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":"Not found"}');
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

let child: ChildProcess | undefined;
let base = '';

async function startServer(): Promise<void> {
  child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child?.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child?.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  base = `http://127.0.0.1:${port}`;
  // Let the bench process end when its work is done; the server goes with it.
  child.stdout?.destroy();
  child.unref();
  process.once('exit', () => child?.kill());
}

function client(): KohaClient {
  return new KohaClient({
    baseUrl: base,
    auth: clientCredentials({ clientId: 'bench', clientSecret: 'bench-secret' }),
  });
}

const PERL_PAGER = `
use strict; use warnings; use HTTP::Tiny; use JSON::PP;
my ($base, $per) = @ARGV;
my $http = HTTP::Tiny->new(keep_alive => 1);
my $tok = decode_json($http->post_form("$base/api/v1/oauth/token",
  { grant_type => 'client_credentials', client_id => 'bench', client_secret => 'bench-secret' })->{content})->{access_token};
my ($page, $n) = (1, 0);
while (1) {
  my $r = $http->get("$base/api/v1/acquisitions/vendors?_page=$page&_per_page=$per", { headers => { Authorization => "Bearer $tok" } });
  die $r->{status} unless $r->{success};
  my $rows = decode_json($r->{content});
  $n += @$rows;
  last unless ($r->{headers}{link} // '') =~ /rel="next"/;
  $page++;
}
print $n;
`;

const PYTHON_PAGER = `
import json, sys, urllib.parse, urllib.request, http.client
base, per = sys.argv[1], int(sys.argv[2])
host = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(host.hostname, host.port)
conn.request('POST', '/api/v1/oauth/token', urllib.parse.urlencode({'grant_type': 'client_credentials', 'client_id': 'bench', 'client_secret': 'bench-secret'}), {'Content-Type': 'application/x-www-form-urlencoded'})
tok = json.loads(conn.getresponse().read())['access_token']
page, n = 1, 0
while True:
    conn.request('GET', f'/api/v1/acquisitions/vendors?_page={page}&_per_page={per}', headers={'Authorization': 'Bearer ' + tok})
    r = conn.getresponse()
    rows = json.loads(r.read())
    n += len(rows)
    if 'rel="next"' not in (r.getheader('link') or ''):
        break
    page += 1
print(n)
`;

function processPeer(
  name: string,
  command: string,
  args: () => string[],
  check: () => string | undefined,
): Contender {
  return {
    name,
    unavailable: check,
    run() {
      const r = spawnSync(command, args(), { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      const n = Number(r.stdout.trim());
      if (n !== VENDORS) throw new Error(`${name} read ${n}`);
      return n;
    },
  };
}

const suite: BenchSuite = {
  name: 'koha-client',
  description:
    `Koha REST client over 127.0.0.1 against a Koha-shaped server in a child process: every page of ${VENDORS.toLocaleString('en-US')} vendors ` +
    `(${PER_PAGE} per page, Link + X-Total-Count), and ${GETS.toLocaleString('en-US')} GET /patrons/{id} with ${CONCURRENCY} in flight ` +
    '(OAuth2 token fetched once). No npm Koha client exists; peers are what integrators write by hand: a plain fetch loop, ' +
    'Perl HTTP::Tiny + JSON::PP, Python http.client + json (the Perl/Python rounds include interpreter start-up, ~30-60 ms).',
  goal: 'typed paging, auth, retries and error handling cost little over a bare fetch loop',
  async setup() {
    await startServer();
  },
  cases: () => [
    {
      name: `read all pages: ${VENDORS.toLocaleString('en-US')} vendors, ${PER_PAGE} per page`,
      unit: 'vendors',
      contenders: [
        {
          name: '@bibwire/koha-client vendors.all()',
          ours: true,
          async run() {
            let n = 0;
            for await (const v of client().vendors.all(undefined, { perPage: PER_PAGE })) if (v.id) n++;
            return n;
          },
        },
        {
          name: '@bibwire/koha-client pages() (a page at a time)',
          async run() {
            let n = 0;
            for await (const page of client().pages('listVendors', undefined, { perPage: PER_PAGE }))
              n += page.items.length;
            return n;
          },
        },
        {
          name: 'plain fetch loop (no retries, no types)',
          async run() {
            const token = (
              (await (
                await fetch(`${base}/api/v1/oauth/token`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  body: 'grant_type=client_credentials&client_id=bench&client_secret=bench-secret',
                })
              ).json()) as { access_token: string }
            ).access_token;
            let n = 0;
            for (let page = 1; ; page++) {
              const r = await fetch(
                `${base}/api/v1/acquisitions/vendors?_page=${page}&_per_page=${PER_PAGE}`,
                {
                  headers: { authorization: `Bearer ${token}` },
                },
              );
              const rows = (await r.json()) as unknown[];
              n += rows.length;
              if (!r.headers.get('link')?.includes('rel="next"')) break;
            }
            return n;
          },
        },
        processPeer(
          'Perl HTTP::Tiny + JSON::PP',
          'perl',
          () => ['-e', PERL_PAGER, base, String(PER_PAGE)],
          () =>
            spawnSync('perl', ['-MHTTP::Tiny', '-MJSON::PP', '-e1']).status === 0
              ? undefined
              : 'Perl modules missing',
        ),
        processPeer(
          'Python http.client + json',
          'python3',
          () => ['-c', PYTHON_PAGER, base, String(PER_PAGE)],
          () => (spawnSync('python3', ['-c', '1']).status === 0 ? undefined : 'python3 missing'),
        ),
      ],
    },
    {
      name: `${GETS.toLocaleString('en-US')} GET /patrons/{id}, ${CONCURRENCY} in flight`,
      unit: 'requests',
      contenders: [
        {
          name: '@bibwire/koha-client patrons.get()',
          ours: true,
          async run() {
            const c = client();
            let next = 1;
            const worker = async () => {
              while (next <= GETS) await c.patrons.get(next++);
            };
            await Promise.all(Array.from({ length: CONCURRENCY }, worker));
            return GETS;
          },
        },
        {
          name: 'plain fetch (token fetched once)',
          async run() {
            const token = 'bench-token';
            let next = 1;
            const worker = async () => {
              while (next <= GETS) {
                const r = await fetch(`${base}/api/v1/patrons/${next++}`, {
                  headers: { authorization: `Bearer ${token}` },
                });
                if (!r.ok) throw new Error(String(r.status));
                await r.json();
              }
            };
            await Promise.all(Array.from({ length: CONCURRENCY }, worker));
            return GETS;
          },
        },
      ],
    },
  ],
};

export default suite;
