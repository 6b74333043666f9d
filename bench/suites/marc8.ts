import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMarc8, encodeMarc8, isDataField, type MarcRecord, parseIso2709 } from '@bibwire/marcxml';
import { sharedDir } from '../../testing/paths.js';
import { peakRssOf } from '../lib/rss.js';
import type { BenchSuite, Contender } from '../lib/types.js';

// MARC-8 ⇄ UTF-8 over whole records: the genuine MARC-8 samples (ANSEL diacritics, EACC, Cyrillic,
// Hebrew, Arabic) repeated into a 12,000-record file. Peers read and convert the same file: yaz-marcdump
// (C) in a child process, MARC::Charset (Perl) timing its own loop on a tenth of it.
const here = dirname(fileURLToPath(import.meta.url));
const shared = join(sharedDir, 'data', 'marc');
const dataDir = join(here, '..', '.data');
const marc8File = join(dataDir, 'marc8-12k.mrc');
const marc8Small = join(dataDir, 'marc8-1200.mrc');
const utf8File = join(dataDir, 'marc8-12k.utf8.mrc');
const COPIES = 1000;

let marc8Bytes = new Uint8Array();
let utf8Records: MarcRecord[] = [];
let marc8Values: Uint8Array[][] = [];
let recordCount = 0;

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
}

const PERL_DECODE = `
use strict; use warnings; use MARC::Batch; use MARC::Charset qw(marc8_to_utf8); use Time::HiRes qw(time);
MARC::Charset->ignore_errors(1);
my $t0 = time; my $n = 0;
my $b = MARC::Batch->new('USMARC', $ARGV[0]); $b->strict_off(); $b->warnings_off();
while (my $r = $b->next) {
  for my $f ($r->fields) {
    if ($f->is_control_field) { marc8_to_utf8($f->data); next; }
    marc8_to_utf8($_->[1]) for $f->subfields;
  }
  $n++;
}
printf "%d %d\\n", (time - $t0) * 1e9, $n;`;

const decodeOurs: Contender = {
  name: '@bibwire/marcxml parseIso2709 { encoding: marc8 }',
  ours: true,
  run: () => parseIso2709(marc8Bytes, { encoding: 'marc8' }).length,
  peakRss: async () =>
    peakRssOf('node', [
      '--input-type=module',
      '-e',
      `import { parseIso2709 } from '@bibwire/marcxml'; import { readFileSync } from 'node:fs';
       parseIso2709(readFileSync(${JSON.stringify(marc8File)}), { encoding: 'marc8' });`,
    ]),
};

const decodeYaz: Contender = {
  name: 'yaz-marcdump -f marc8 -t utf8 -o marc (C)',
  unavailable: () => (has('yaz-marcdump') ? undefined : 'yaz-marcdump not installed'),
  run: () => {
    run('yaz-marcdump', ['-f', 'marc8', '-t', 'utf8', '-o', 'marc', marc8File]);
    return recordCount;
  },
  peakRss: async () => peakRssOf('yaz-marcdump', ['-f', 'marc8', '-t', 'utf8', '-o', 'marc', marc8File]),
};

const decodePerl: Contender = {
  name: 'MARC::Charset 1.35 marc8_to_utf8 (Perl, per subfield)',
  unavailable: () =>
    spawnSync('perl', ['-MMARC::Charset', '-e1']).status === 0 ? undefined : 'MARC::Charset not installed',
  run: () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('perl', ['-e', PERL_DECODE, marc8Small], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - t0);
    if (r.status !== 0) throw new Error(`perl failed: ${r.stderr}`);
    const [ns, count] = r.stdout.trim().split(' ').map(Number) as [number, number];
    return (count * wall) / ns; // the harness divides by wall time: report count / in-process time
  },
};

const decodeValuesOurs: Contender = {
  name: '@bibwire/marcxml decodeMarc8 (every value, pre-split)',
  ours: true,
  run: () => {
    for (const values of marc8Values) for (const v of values) decodeMarc8(v);
    return marc8Values.length;
  },
};

const encodeOurs: Contender = {
  name: '@bibwire/marcxml encodeMarc8 (every value)',
  ours: true,
  run: () => {
    for (const r of utf8Records) {
      for (const f of r.fields) {
        if (isDataField(f)) for (const s of f.subfields) encodeMarc8(s.value);
        else encodeMarc8(f.value);
      }
    }
    return utf8Records.length;
  },
};

const encodeYaz: Contender = {
  name: 'yaz-marcdump -f utf8 -t marc8 -o marc (C)',
  unavailable: () => (has('yaz-marcdump') ? undefined : 'yaz-marcdump not installed'),
  run: () => {
    run('yaz-marcdump', ['-f', 'utf8', '-t', 'marc8', '-o', 'marc', utf8File]);
    return recordCount;
  },
};

export default {
  name: 'marc8',
  description: `MARC-8 ⇄ UTF-8: records per second over ${COPIES * 12} MARC-8 records (ANSEL, EACC, Cyrillic, Hebrew)`,
  goal: 'decode at least as fast as yaz-marcdump (C) and far faster than MARC::Charset; encode within 2× of yaz',
  setup: () => {
    mkdirSync(dataDir, { recursive: true });
    const base = Buffer.concat(
      [
        'marc4j-brkrtest.mrc',
        'pymarc-marc8.dat',
        'perl-charset-cjk1.marc',
        'perl-charset-cyrillic.marc',
        'perl-charset-hebrew1.marc',
      ].map((f) => readFileSync(join(shared, 'marc8', f))),
    );
    const all = Buffer.concat(Array.from({ length: COPIES }, () => base));
    writeFileSync(marc8File, all);
    writeFileSync(marc8Small, Buffer.concat(Array.from({ length: COPIES / 10 }, () => base)));
    marc8Bytes = all;
    const decoded = parseIso2709(all, { encoding: 'marc8' });
    recordCount = decoded.length;
    const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
    marc8Values = parseIso2709(all, { encoding: 'latin1' }).map((r) =>
      r.fields.map((f) => latin1(isDataField(f) ? f.subfields.map((x) => x.value).join('\u001f') : f.value)),
    );
    utf8Records = decoded;
    if (has('yaz-marcdump')) {
      const r = spawnSync(
        'yaz-marcdump',
        ['-f', 'marc8', '-t', 'utf8', '-o', 'marc', '-l', '9=97', marc8File],
        {
          maxBuffer: 1 << 30,
        },
      );
      writeFileSync(utf8File, r.stdout);
    }
  },
  cases: () => [
    {
      name: 'MARC-8 → UTF-8 (read and convert)',
      unit: 'records',
      contenders: [decodeOurs, decodeYaz, decodePerl],
    },
    {
      name: 'MARC-8 → UTF-8, the conversion alone (no ISO 2709 parsing; one call per field)',
      unit: 'records',
      contenders: [decodeValuesOurs],
    },
    { name: 'UTF-8 → MARC-8 (convert every value)', unit: 'records', contenders: [encodeOurs, encodeYaz] },
  ],
} satisfies BenchSuite;
