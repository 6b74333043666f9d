import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, type Peer, perlPeer, runPeer } from '../../../../testing/peers.js';
import {
  type Comparitor,
  type CqlModifier,
  type CqlNode,
  type CqlQuery,
  parseCql,
  toCql,
} from '../../src/index.js';
import { canon, sortModifiers } from './canon.js';
import { COMMON, INVALID, PERL_ONLY, YAZ_ONLY } from './corpus.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const yazHeaders: Peer = {
  name: 'libyaz-dev',
  available: existsSync('/usr/include/yaz/cql.h'),
  reason: existsSync('/usr/include/yaz/cql.h') ? '' : 'YAZ headers (libyaz-dev) not installed',
};

function peerLines(command: string, args: string[], queries: readonly string[]): string[] {
  return runPeer(command, args, `${queries.join('\n')}\n`)
    .toString('utf8')
    .trimEnd()
    .split('\n');
}

function ours(queries: readonly string[], prefixes: boolean): string[] {
  return queries.map((q) => {
    try {
      return canon(parseCql(q), { prefixes, sortModifiers: !prefixes });
    } catch {
      return 'ERROR';
    }
  });
}

describeWithPeers('CQL structure agrees with CQL::Parser (CQL 1.1 subset)', [perlPeer('CQL::Parser')], () => {
  const script = join(here, 'cql-parser-canon.pl');
  it('on the common corpus and prefix maps', () => {
    const queries = [...COMMON, ...PERL_ONLY];
    expect(ours(queries, true)).toEqual(peerLines('perl', [script], queries));
  });
  it('rejects the same invalid queries', () => {
    expect(peerLines('perl', [script], INVALID)).toEqual(INVALID.map(() => 'ERROR'));
    expect(ours(INVALID, true)).toEqual(INVALID.map(() => 'ERROR'));
  });

  it('differs as documented: CQL::Parser drops the backslash of \\" in terms, we keep terms raw', () => {
    expect(peerLines('perl', [script], ['"a \\"b\\" c"'])).toEqual(['C(cql.serverChoice|=|a "b" c)']);
    expect(ours(['"a \\"b\\" c"'], true)).toEqual(['C(cql.serverChoice|=|a \\"b\\" c)']);
  });
});

describeWithPeers(
  'CQL structure agrees with YAZ (libyaz cql parser)',
  [commandPeer('gcc'), yazHeaders],
  () => {
    let dir = '';
    let bin = '';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'yaz-cql-'));
      bin = join(dir, 'yaz-cql');
      const r = spawnSync('gcc', ['-O2', '-o', bin, join(here, 'yaz-cql.c'), '-lyaz'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cannot build the YAZ peer: ${r.stderr}`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('on the common corpus and CQL 1.2 features', () => {
      const queries = [...COMMON, ...YAZ_ONLY].filter((q) => q !== 'and = x' && q !== 'title = and');
      const theirs = peerLines(bin, [], queries).map(sortModifiers);
      expect(ours(queries, false)).toEqual(theirs);
    });

    it('differs only as documented: YAZ lower-cases reserved words used as terms', () => {
      expect(peerLines(bin, [], ['title = AND'])).toEqual(['C(title|=|and)']);
      expect(ours(['title = AND'], false)).toEqual(['C(title|=|AND)']);
    });

    it('rejects the same invalid queries (strict mode)', () => {
      expect(peerLines(bin, [], INVALID)).toEqual(INVALID.map(() => 'ERROR'));
    });

    it('differs as documented: YAZ accepts an unterminated quote, we answer diagnostic 14', () => {
      expect(peerLines(bin, [], ['"abc'])).toEqual(['C(cql.serverChoice|=|abc)']);
      expect(ours(['"abc'], false)).toEqual(['ERROR']);
    });
  },
);

interface GenOptions {
  readonly relations: readonly string[];
  readonly operators: readonly ('and' | 'or' | 'not' | 'prox')[];
  /** Modifier values (`/name=value`), boolean modifiers and sortBy: CQL 1.2 only. */
  readonly cql12: boolean;
}

/** Generated trees both a peer and we can read: no prefix maps, no reserved words as terms. */
function generated(o: GenOptions, n: number): CqlQuery[] {
  const word = fc
    .stringMatching(/^[a-z][a-z0-9.]{0,5}$/)
    .filter((w) => !['and', 'or', 'not', 'prox', 'sortby', 'exact', 'scr'].includes(w));
  const term = fc.oneof(
    word,
    fc
      .array(fc.oneof(word, fc.constantFrom('*', '?', '^x', 'a\\*')), { minLength: 1, maxLength: 3 })
      .map((a) => a.join(' ')),
  );
  const mod: fc.Arbitrary<CqlModifier> = o.cql12
    ? fc.oneof(
        word.map((name) => ({ name })),
        fc.record({ name: word, comparison: fc.constantFrom<Comparitor>('=', '<', '>='), value: word }),
      )
    : fc.constantFrom('relevant', 'stem', 'fuzzy', 'phonetic').map((name) => ({ name })); // the CQL 1.1 set
  const clause = fc.record({
    type: fc.constant('searchClause' as const),
    prefixes: fc.constant([]),
    index: fc.oneof(fc.constant('cql.serverChoice'), word),
    relation: fc.record({
      name: fc.constantFrom(...o.relations),
      modifiers: fc.array(mod, { maxLength: 2 }),
    }),
    term,
  });
  const { node } = fc.letrec<{ node: CqlNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      clause,
      fc.record({
        type: fc.constant('boolean' as const),
        prefixes: fc.constant([]),
        operator: fc.constantFrom(...o.operators),
        modifiers: o.cql12 ? fc.array(mod, { maxLength: 2 }) : fc.constant([]),
        left: tie('node'),
        right: tie('node'),
      }),
    ),
  }));
  const sortKeys = o.cql12
    ? fc.array(fc.record({ index: word, modifiers: fc.array(mod, { maxLength: 2 }) }), { maxLength: 2 })
    : fc.constant([]);
  return fc.sample(fc.record({ root: node, sortKeys }), { numRuns: n, seed: 42 });
}

describeWithPeers(
  'generated queries: YAZ reads our serialisation as we do',
  [commandPeer('gcc'), yazHeaders],
  () => {
    let dir = '';
    let bin = '';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'yaz-cql-'));
      bin = join(dir, 'yaz-cql');
      const r = spawnSync('gcc', ['-O2', '-o', bin, join(here, 'yaz-cql.c'), '-lyaz'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cannot build the YAZ peer: ${r.stderr}`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('on 300 generated trees (no prefix maps, no reserved words as terms)', () => {
      const queries = generated(
        {
          relations: ['=', '==', '<>', '<', '>=', 'any', 'all', 'adj', 'within'],
          operators: ['and', 'or', 'not', 'prox'],
          cql12: true,
        },
        300,
      );
      const texts = queries.map((q) => toCql(q));
      const theirs = peerLines(bin, [], texts).map(sortModifiers);
      const mine = queries.map((q) => canon(q, { prefixes: false, sortModifiers: true }));
      expect(mine).toEqual(theirs);
    });
  },
);

describeWithPeers(
  'generated queries: CQL::Parser reads our serialisation as we do',
  [perlPeer('CQL::Parser')],
  () => {
    it('on 300 generated trees in the CQL 1.1 subset', () => {
      const queries = generated(
        { relations: ['=', '<>', '<', '>=', 'any', 'all'], operators: ['and', 'or', 'not'], cql12: false },
        300,
      );
      const theirs = peerLines(
        'perl',
        [join(here, 'cql-parser-canon.pl')],
        queries.map((q) => toCql(q)),
      );
      expect(queries.map((q) => canon(q, { prefixes: true, sortModifiers: false }))).toEqual(theirs);
    });
  },
);
