import { describe, expect, it } from 'vitest';
import { compileTerm, matchGlob, parseCql, SruError } from '../src/index.js';
import { createMarcBackend } from '../src/server.js';
import { BOOKS } from './fixtures.js';

const backend = createMarcBackend(BOOKS);
const schema = backend.describe().schemas[0];

function ids(query: string): string[] {
  const result = backend.search({
    query: parseCql(query),
    startRecord: 1,
    maximumRecords: 100,
    schema,
    sortKeys: parseCql(query).sortKeys,
  });
  return result.records.map((r) => ('identifier' in r ? (r.identifier ?? '') : ''));
}

function diag(query: string): number | undefined {
  try {
    ids(query);
  } catch (e) {
    if (SruError.is(e)) return e.diagnostic;
    throw e;
  }
  return undefined;
}

describe('predicate translator over MARC records', () => {
  it('matches bare terms anywhere, ignoring case and accents', () => {
    expect(ids('frog')).toEqual(['rec2']);
    expect(ids('frog*')).toEqual(['rec2', 'rec3']);
    expect(ids('RECIFS')).toEqual(['rec1']);
  });

  it('= and adj match phrases in order; all and any match words', () => {
    expect(ids('dc.title = "fish and the frog"')).toEqual(['rec2']);
    expect(ids('dc.title adj "frog the fish"')).toEqual([]);
    expect(ids('dc.title all "frog fish"')).toEqual(['rec2']);
    expect(ids('dc.title any "perl reefs"')).toEqual(['rec4', 'rec5']);
  });

  it('supports truncation, single-character masks and anchoring', () => {
    expect(ids('dc.title = fish*')).toEqual(['rec2', 'rec5']);
    expect(ids('dc.title = fr?g')).toEqual(['rec2']);
    expect(ids('dc.title = "^frogs"')).toEqual(['rec3']);
    expect(ids('dc.title = "frog^"')).toEqual(['rec2']);
    // An escaped * is a literal (punctuation to word matching), not truncation: fishes does not match.
    expect(ids('dc.title = "fish\\*"')).toEqual(['rec2']);
  });

  it('supports == (whole value), <> and ordering relations', () => {
    expect(ids('dc.title == "programming perl"')).toEqual(['rec4']);
    expect(ids('dc.title == "programming"')).toEqual([]);
    expect(ids('dc.date > 2000')).toEqual(['rec2', 'rec3']);
    expect(ids('dc.date <= 1999')).toEqual(['rec1', 'rec4']);
    expect(ids('dc.date within "1999 2004"')).toEqual(['rec1', 'rec2', 'rec5']);
    expect(ids('dc.creator <> "smith, john" and dc.creator = smith')).toEqual(['rec5']);
  });

  it('combines with and, or, not (left-associative) and honours prefix maps', () => {
    expect(ids('frogs or perl not dc.date > 2005')).toEqual(['rec2', 'rec4']);
    expect(ids('> d = "info:srw/cql-context-set/1/dc-v1.1" d.subject = frogs')).toEqual(['rec2', 'rec3']);
    expect(ids('cql.allRecords = 1 not dc.subject = reefs')).toEqual(['rec2', 'rec3', 'rec4']);
  });

  it('supports prox with unit=word, distance and ordering', () => {
    expect(ids('dc.title = fish prox/unit=word/distance<=3 dc.title = frog')).toEqual(['rec2']);
    expect(ids('dc.title = fish prox dc.title = frog')).toEqual([]);
    expect(ids('dc.title = frog prox/distance<=3/ordered dc.title = fish')).toEqual([]);
    expect(ids('dc.title = frog prox/distance<=3 dc.title = fish')).toEqual(['rec2']);
    expect(ids('dc.title = "fish and" prox/distance=2 dc.title = frog')).toEqual(['rec2']);
    expect(ids('reefs prox fishes')).toEqual([]);
    expect(ids('reefs prox/distance<=2 fishes')).toEqual(['rec5']);
  });

  it('finds ISBNs with or without hyphens and record ids', () => {
    expect(ids('bath.isbn = 0306406152')).toEqual(['rec2']);
    expect(ids('bath.isbn = "2-603-01193-6"')).toEqual(['rec1']);
    expect(ids('rec.id = rec4')).toEqual(['rec4']);
  });

  it('sorts with sortBy and modifiers', () => {
    expect(ids('cql.allRecords = 1 sortBy dc.date/sort.descending')).toEqual([
      'rec3',
      'rec2',
      'rec5',
      'rec1',
      'rec4',
    ]);
    expect(ids('dc.creator = smith sortBy dc.title')).toEqual(['rec5', 'rec2']);
  });

  it('answers the right diagnostics for what it cannot do', () => {
    expect(diag('foo.title = x')).toBe(15);
    expect(diag('dc.nosuch = x')).toBe(16);
    expect(diag('dc.title near x')).toBe(19);
    expect(diag('dc.title =/fuzzy x')).toBe(20);
    expect(diag('(a or b) prox c')).toBe(39);
    expect(diag('a prox/unit=sentence b')).toBe(42);
    expect(diag('a prox/distance=x b')).toBe(41);
    expect(diag('dc.title = a prox dc.creator = b')).toBe(18);
    expect(diag('a and/rel.combine=sum b')).toBe(46);
    expect(diag('dc.title = ""')).toBe(27);
    expect(diag('dc.title = "a^b"')).toBe(32);
    expect(diag('> x = "u1" > x = "u2" x.title = a')).toBe(45);
    expect(diag('cql.allRecords = 1 sortBy cql.allRecords')).toBe(88);
  });
});

describe('term globs', () => {
  it('match in linear-backtracking time even for many masks', () => {
    const pattern = compileTerm(`${'a*'.repeat(40)}b`, { ignoreCase: true, ignoreAccents: true });
    const t0 = performance.now();
    expect(matchGlob(pattern.words[0] ?? [], 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(matchGlob(pattern.words[0] ?? [], `${'a'.repeat(50)}b`)).toBe(true);
  });

  it('fold case and accents on both sides', () => {
    const p = compileTerm('RÉCIF?', { ignoreCase: true, ignoreAccents: true });
    expect(matchGlob(p.words[0] ?? [], 'recifs')).toBe(true);
    expect(matchGlob(p.words[0] ?? [], 'recif')).toBe(false);
  });
});
