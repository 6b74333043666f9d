import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCql } from '@bibwire/sru-cql';
import { COMMON } from '../../packages/sru-cql/test/interop/corpus.js';
import type { BenchSuite, Contender } from '../lib/types.js';

// CQL parsing throughput over a mixed corpus that all three parsers accept (booleans, nesting,
// quoted terms, relations, modifiers, masking). Peers run in their own process and time their own
// loop, so process start-up and corpus loading are excluded for them as they are for us.
const here = dirname(fileURLToPath(import.meta.url));
const peers = join(here, '..', '..', 'packages', 'sru-cql', 'test', 'interop');
const dataDir = join(here, '..', '.data');
const yazBin = join(dataDir, 'yaz-cql');
const corpus = `${COMMON.join('\n')}\n`;

/** Runs a peer that prints "<elapsed ns> <parses>" and converts it to the harness's wall-time scale. */
function selfTimed(command: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, { input: corpus, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0);
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  const [ns, count] = r.stdout.trim().split(' ').map(Number) as [number, number];
  // The harness divides by wall time; scale so the rate it reports is count / in-process time.
  return (count * wall) / ns;
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const ours: Contender = {
  name: '@bibwire/sru-cql parseCql',
  ours: true,
  run: () => {
    let n = 0;
    for (let r = 0; r < 2000; r++) {
      for (const q of COMMON) {
        parseCql(q);
        n++;
      }
    }
    return n;
  },
};

const cqlParser: Contender = {
  name: 'CQL::Parser 1.13 (Perl)',
  unavailable: () =>
    spawnSync('perl', ['-MCQL::Parser', '-e1']).status === 0 ? undefined : 'CQL::Parser not installed',
  run: () => selfTimed('perl', [join(peers, 'cql-parser-canon.pl'), 'bench', '40']),
};

const yaz: Contender = {
  name: 'YAZ cql_parser_string (C, strict)',
  unavailable: () => (existsSync(yazBin) ? undefined : 'gcc or YAZ headers (libyaz-dev) missing'),
  run: () => selfTimed(yazBin, ['bench', '4000']),
};

export default {
  name: 'cql',
  description: `CQL parsing: queries per second over a mixed corpus of ${COMMON.length} queries (every one accepted by all three parsers)`,
  goal: 'at least 10× CQL::Parser and within 2× of YAZ (C)',
  setup: () => {
    if (!has('gcc') || !existsSync('/usr/include/yaz/cql.h')) return;
    mkdirSync(dataDir, { recursive: true });
    const r = spawnSync('gcc', ['-O2', '-o', yazBin, join(peers, 'yaz-cql.c'), '-lyaz'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`cannot build the YAZ peer: ${r.stderr}`);
  },
  cases: () => [{ name: 'parse mixed CQL corpus', unit: 'queries', contenders: [ours, cqlParser, yaz] }],
} satisfies BenchSuite;
