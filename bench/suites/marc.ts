import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { convertRecords, readRecords } from '@bibwire/marcxml';
import { sharedDir } from '../../testing/paths.js';
import { peakRssOf } from '../lib/rss.js';
import type { BenchSuite, Contender } from '../lib/types.js';

// Parse ISO 2709, ISO 2709 → MARCXML and MARCXML → ISO 2709 side by side with yaz-marcdump and marcjs.
// Throughput and peak RSS over the issue's 50,400-record file (base90 × 560, 142 MB ISO / 260 MB
// MARCXML). Ours twice: the library in this process (readRecords / convertRecords), as marcjs runs,
// and the CLI (the package's `bin`, as a user runs it; `count` parses every record, `convert` writes
// to /dev/null), a process per round like yaz-marcdump. Peak RSS: every contender in a child process.
// The 10,080-record file (base90 × 112) serves the round-trip check, through the CLI.
const shared = sharedDir;
const BASE = [
  'marc4j-065001035.mrc',
  'yaz-marccol1.u8.marc',
  'yaz-marccol5.u8.marc',
  'marc4j-brkrtest_UTF8.mrc',
  'marc4j-chabon.mrc',
  'marc4j-summerland.mrc',
  'perl-mij-test.mrc',
];
const dir = join(tmpdir(), 'bibwire-marc-bench');
const file = (name: string) => join(dir, name);
const require = createRequire(import.meta.url);
const marcjsPath = require.resolve('marcjs');
const ourPackage = require.resolve('@bibwire/marcxml/package.json');
const ourBin = join(ourPackage, '..', (require(ourPackage) as { bin: { marcxml: string } }).bin.marcxml);
const { Marc } = require('marcjs') as {
  Marc: { createStream(type: string, what: string): NodeJS.ReadWriteStream };
};

function build(copies: number, name: string): void {
  if (existsSync(file(`${name}.mrc`)) && existsSync(file(`${name}.xml`))) return;
  const base = Buffer.concat(
    BASE.map((f) => readFileSync(join(shared, 'data', 'marc', 'iso2709-marc21', f))),
  );
  writeFileSync(file(`${name}.mrc`), Buffer.concat(Array.from({ length: copies }, () => base)));
  const r = spawnSync('sh', [
    '-c',
    `yaz-marcdump -i marc -o marcxml '${file(`${name}.mrc`)}' > '${file(`${name}.xml`)}'`,
  ]);
  if (r.status !== 0) throw new Error(`yaz-marcdump failed: ${r.stderr}`);
}

const devNull = () =>
  new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });

type Case = 'parse' | 'toxml' | 'toiso';

function ourArgs(kind: Case, input: string): string[] {
  if (kind === 'parse') return [ourBin, 'count', input];
  return [ourBin, 'convert', '--to', kind === 'toxml' ? 'marcxml' : 'iso2709', input, '/dev/null'];
}

/** Runs our CLI; resolves with its stdout. */
function ourCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    p.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`marcxml exit ${code}: ${err}`))));
  });
}

/** The library in this process, as marcjs is (warm after the warm-up round). */
async function ours(kind: Case, input: string): Promise<number> {
  let n = 0;
  if (kind === 'parse') {
    for await (const _ of readRecords(createReadStream(input))) n++;
    return n;
  }
  const format = kind === 'toxml' ? 'marcxml' : 'iso2709';
  await pipeline(convertRecords(createReadStream(input), {}, { format }, { onRecord: () => n++ }), devNull());
  return n;
}

/** Our CLI, a process started per round like yaz-marcdump (startup and JIT warm-up included). */
async function ourCliRound(kind: Case, input: string): Promise<number> {
  const out = await ourCli(ourArgs(kind, input));
  if (kind === 'parse' && Number(out.trim()) !== 50_400) throw new Error(`marcxml count said ${out}`);
  return 50_400;
}

async function marcjs(kind: Case, input: string): Promise<number> {
  let n = 0;
  const parser = Marc.createStream(kind === 'toiso' ? 'Marcxml' : 'Iso2709', 'Parser');
  parser.on('data', () => n++);
  if (kind === 'parse') {
    await pipeline(createReadStream(input), parser);
    return n;
  }
  const formater = Marc.createStream(kind === 'toxml' ? 'Marcxml' : 'Iso2709', 'Formater');
  await pipeline(createReadStream(input), parser, formater, devNull());
  return n;
}

function yazArgs(kind: Case, input: string): string[] {
  if (kind === 'parse') return ['-n', input];
  return kind === 'toxml' ? ['-i', 'marc', '-o', 'marcxml', input] : ['-i', 'marcxml', '-o', 'marc', input];
}

function yaz(kind: Case, input: string, records: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn('yaz-marcdump', yazArgs(kind, input), { stdio: ['ignore', 'ignore', 'ignore'] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(records) : reject(new Error(`yaz-marcdump exit ${code}`))));
  });
}

const OUR_CHILD = (kind: Case, input: string) => `
const { createReadStream } = require('node:fs');
const { Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { readRecords, convertRecords } = require(${JSON.stringify(require.resolve('@bibwire/marcxml'))});
(async () => {
  if (${JSON.stringify(kind)} === 'parse') { for await (const _ of readRecords(createReadStream(${JSON.stringify(input)}))); return; }
  const sink = new Writable({ write(_c, _e, cb) { cb(); } });
  await pipeline(convertRecords(createReadStream(${JSON.stringify(input)}), {}, { format: ${JSON.stringify(kind === 'toxml' ? 'marcxml' : 'iso2709')} }), sink);
})();`;

const MARCJS_CHILD = (kind: Case, input: string) => `
const { createReadStream } = require('node:fs');
const { Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const sink = () => new Writable({ write(_c, _e, cb) { cb(); } });
(async () => {
  const { Marc } = require(${JSON.stringify(marcjsPath)});
  const parser = Marc.createStream(${JSON.stringify(kind === 'toiso' ? 'Marcxml' : 'Iso2709')}, 'Parser');
  if (${JSON.stringify(kind)} === 'parse') { parser.on('data', () => {}); await pipeline(createReadStream(${JSON.stringify(input)}), parser); return; }
  await pipeline(createReadStream(${JSON.stringify(input)}), parser, Marc.createStream(${JSON.stringify(kind === 'toxml' ? 'Marcxml' : 'Iso2709')}, 'Formater'), sink());
})();`;

const yazMissing = () =>
  spawnSync('sh', ['-c', 'command -v yaz-marcdump']).status === 0 ? undefined : 'yaz-marcdump not on PATH';

function contenders(kind: Case): Contender[] {
  const big = file(kind === 'toiso' ? 'bench-50k.xml' : 'bench-50k.mrc');
  const input = big;
  return [
    {
      name: '@bibwire/marcxml (library)',
      ours: true,
      run: () => ours(kind, input),
      peakRss: async () => peakRssOf(process.execPath, ['-e', OUR_CHILD(kind, big)]),
    },
    {
      name: '@bibwire/marcxml (CLI)',
      run: () => ourCliRound(kind, input),
      peakRss: async () => peakRssOf(process.execPath, ourArgs(kind, big)),
    },
    {
      name: 'yaz-marcdump 5.34',
      unavailable: yazMissing,
      run: () => yaz(kind, input, 50_400),
      peakRss: async () => peakRssOf('yaz-marcdump', yazArgs(kind, big)),
    },
    {
      name: 'marcjs 3.0.2',
      run: () => marcjs(kind, input),
      peakRss: async () => peakRssOf(process.execPath, ['-e', MARCJS_CHILD(kind, big)]),
    },
  ];
}

/** ISO → MARCXML → ISO with our package must give the input bytes back, record for record. */
async function roundTripAltered(): Promise<string> {
  const out = file('roundtrip.mrc');
  const xml = file('roundtrip.xml');
  await ourCli([ourBin, 'convert', '--to', 'marcxml', file('bench-10k.mrc'), xml]);
  await ourCli([ourBin, 'convert', '--to', 'iso2709', xml, out]);
  const a = readFileSync(file('bench-10k.mrc'));
  const b = readFileSync(out);
  const split = (buf: Buffer) => buf.toString('latin1').split('\x1d');
  const [ra, rb] = [split(a), split(b)];
  let altered = Math.abs(ra.length - rb.length);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) altered++;
  return `${altered} of ${ra.length - 1} records altered by ISO 2709 → MARCXML → ISO 2709`;
}

let roundTrip = '';

const suite: BenchSuite = {
  name: 'marc',
  description: 'MARC: parse ISO 2709, ISO 2709 → MARCXML, MARCXML → ISO 2709 vs yaz-marcdump and marcjs',
  goal: 'parse ≥ 4× marcjs; both conversions at least as fast as yaz-marcdump; peak RSS flat and < 50 MiB at any size; zero altered records on the round trip',
  async setup() {
    mkdirSync(dir, { recursive: true });
    build(112, 'bench-10k');
    build(560, 'bench-50k');
    roundTrip = await roundTripAltered();
    console.log(roundTrip);
  },
  cases() {
    return [
      {
        name: `parse ISO 2709 (50,400 records) — ${roundTrip}`,
        unit: 'records',
        rounds: 2,
        contenders: contenders('parse'),
      },
      {
        name: 'ISO 2709 → MARCXML (50,400 records)',
        unit: 'records',
        rounds: 2,
        contenders: contenders('toxml'),
      },
      {
        name: 'MARCXML → ISO 2709 (50,400 records)',
        unit: 'records',
        rounds: 2,
        contenders: contenders('toiso'),
      },
    ];
  },
};

export default suite;
