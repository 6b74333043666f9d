import { describe, expect, it } from 'vitest';
import { type CqlQuery, parseCql, SERVER_CHOICE, SruError, toCql } from '../src/index.js';

const clause = (index: string, relation: string, term: string, modifiers: { name: string }[] = []) => ({
  type: 'searchClause',
  prefixes: [],
  index,
  relation: { name: relation, modifiers },
  term,
});
const bare = (term: string) => clause(SERVER_CHOICE, '=', term);

function errorOf(query: string): SruError {
  try {
    parseCql(query);
  } catch (e) {
    if (SruError.is(e)) return e;
    throw e;
  }
  throw new Error(`no error for ${query}`);
}

describe('parseCql: grammar (spec A1–A5 worked examples)', () => {
  it('reads a bare term as cql.serverChoice =', () => {
    expect(parseCql('cat')).toEqual({ root: bare('cat'), sortKeys: [] });
  });

  it('associates all booleans left with equal precedence', () => {
    const q = parseCql('a or b and c not d');
    expect(q.root).toMatchObject({
      operator: 'not',
      left: {
        operator: 'and',
        left: { operator: 'or', left: bare('a'), right: bare('b') },
        right: bare('c'),
      },
      right: bare('d'),
    });
  });

  it('treats keywords case-insensitively as operators but keeps their case as terms', () => {
    expect(parseCql('Or oR OR').root).toEqual({
      type: 'boolean',
      prefixes: [],
      operator: 'or',
      modifiers: [],
      left: bare('Or'),
      right: bare('OR'),
    });
  });

  it('reads every symbolic relation and named relations', () => {
    for (const rel of ['=', '==', '<>', '<', '>', '<=', '>=']) {
      expect(parseCql(`dc.date${rel}2000`).root).toEqual(clause('dc.date', rel, '2000'));
    }
    for (const rel of ['adj', 'all', 'any', 'within', 'encloses', 'exact', 'dc.near']) {
      expect(parseCql(`dc.title ${rel} "a b"`).root).toEqual(clause('dc.title', rel, 'a b'));
    }
  });

  it('reads relation modifiers with and without values', () => {
    expect(parseCql('dc.title any/relevant/cql.locale=fr "fish frog"').root).toEqual({
      type: 'searchClause',
      prefixes: [],
      index: 'dc.title',
      relation: {
        name: 'any',
        modifiers: [{ name: 'relevant' }, { name: 'cql.locale', comparison: '=', value: 'fr' }],
      },
      term: 'fish frog',
    });
  });

  it('reads prox with named boolean modifiers', () => {
    expect(parseCql('cat prox/unit=word/distance<3/ordered hat').root).toEqual({
      type: 'boolean',
      prefixes: [],
      operator: 'prox',
      modifiers: [
        { name: 'unit', comparison: '=', value: 'word' },
        { name: 'distance', comparison: '<', value: '3' },
        { name: 'ordered' },
      ],
      left: bare('cat'),
      right: bare('hat'),
    });
  });

  it('reads sortBy with modifiers', () => {
    expect(parseCql('dc.creator=kernighan sortBy dc.date/sort.descending dc.title').sortKeys).toEqual([
      { index: 'dc.date', modifiers: [{ name: 'sort.descending' }] },
      { index: 'dc.title', modifiers: [] },
    ]);
  });

  it('scopes prefix assignments to the query they precede, also inside parentheses', () => {
    const top = parseCql('> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title = x');
    expect(top.root.prefixes).toEqual([{ prefix: 'dc', uri: 'info:srw/cql-context-set/1/dc-v1.1' }]);
    const inner = parseCql('a and (> x="u" x.b = c)');
    expect(inner.root.prefixes).toEqual([]);
    expect(inner.root.type === 'boolean' && inner.root.right.prefixes).toEqual([{ prefix: 'x', uri: 'u' }]);
    expect(parseCql('> "info:default" title = x').root.prefixes).toEqual([{ uri: 'info:default' }]);
  });

  it('keeps backslash escapes and masking characters as written (cql-java corpus 12/01)', () => {
    expect(parseCql('"te\\rm\\*\\?\\^"').root).toEqual(bare('te\\rm\\*\\?\\^'));
    expect(parseCql('"a \\"quoted\\" word"').root).toEqual(bare('a \\"quoted\\" word'));
    expect(parseCql('cat* and ^dog?').root).toMatchObject({ left: bare('cat*'), right: bare('^dog?') });
  });

  it('accepts the empty quoted term and reserved words as quoted terms and indexes', () => {
    expect(parseCql('""').root).toEqual(bare(''));
    expect(parseCql('"and" = "or"').root).toEqual(clause('and', '=', 'or'));
    expect(parseCql('title = sortBy').root).toEqual(clause('title', '=', 'sortBy'));
  });

  it('needs no whitespace around symbols', () => {
    expect(toCql(parseCql('(a=b)or(c<>"d e")'))).toBe('a = b or c <> "d e"');
  });
});

describe('parseCql: errors carry the SRU diagnostic and offset', () => {
  const cases: [string, string, number, number][] = [
    ['', 'CQL_SYNTAX', 10, 0],
    ['   ', 'CQL_SYNTAX', 10, 3],
    ['(a', 'CQL_PARENTHESES', 13, 2],
    ['a)', 'CQL_PARENTHESES', 13, 1],
    ['"abc', 'CQL_QUOTES', 14, 0],
    ['a and', 'CQL_SYNTAX', 10, 5],
    ['title =', 'CQL_SYNTAX', 10, 7],
    ['cat dog', 'CQL_SYNTAX', 10, 7],
    ['= x', 'CQL_SYNTAX', 10, 0],
    ['a sortBy', 'CQL_SYNTAX', 10, 8],
    ['(a sortBy b)', 'CQL_SYNTAX', 10, 3],
    ['title any/ x', 'CQL_SYNTAX', 10, 12],
    ['a\\', 'CQL_SYNTAX', 10, 1],
    ['> dc = x', 'CQL_SYNTAX', 10, 8],
  ];
  it.each(cases)('%j → %s (%i) at %i', (query, code, diagnostic, offset) => {
    const e = errorOf(query);
    expect(e.code).toBe(code);
    expect(e.diagnostic).toBe(diagnostic);
    expect(e.offset).toBe(offset);
  });

  it('rejects 100,000 nested parentheses cleanly (no stack overflow)', () => {
    const e = errorOf(`${'('.repeat(100_000)}a${')'.repeat(100_000)}`);
    expect(e.code).toBe('CQL_PARENTHESES');
    expect(e.diagnostic).toBe(13);
  });

  it('rejects trees taller than maxDepth with diagnostic 38, and honours the option', () => {
    const chain = Array.from({ length: 50 }, (_, i) => `t${i}`).join(' or ');
    expect(errorOf(Array.from({ length: 2000 }, () => 'x').join(' and ')).diagnostic).toBe(38);
    expect(() => parseCql(chain, { maxDepth: 10 })).toThrow(SruError);
    expect(parseCql(chain).root.type).toBe('boolean');
  });

  it('rejects queries over maxLength with diagnostic 12', () => {
    const e = (() => {
      try {
        parseCql('x'.repeat(20), { maxLength: 10 });
      } catch (err) {
        return err as SruError;
      }
      throw new Error('no error');
    })();
    expect(e.code).toBe('CQL_TOO_LONG');
    expect(e.diagnostic).toBe(12);
  });

  it('rejects non-string input with INVALID_ARGUMENT', () => {
    expect(() => parseCql(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('toCql', () => {
  it('writes the minimal text and parenthesises right-nested booleans', () => {
    const q: CqlQuery = parseCql('a and (b or (c not d))');
    expect(toCql(q)).toBe('a and (b or (c not d))');
    expect(toCql(parseCql('((a and b) or c)'))).toBe('a and b or c');
  });

  it('quotes terms that would not lex as one word', () => {
    expect(toCql(parseCql('dc.title = "and"'))).toBe('dc.title = "and"');
    expect(toCql(parseCql('"a/b" = "x y"'))).toBe('"a/b" = "x y"');
    expect(toCql(parseCql('""'))).toBe('""');
  });

  it('keeps scoped prefixes in parentheses', () => {
    expect(toCql(parseCql('(> x = "u" x.a = b) and c'))).toBe('(> x = u x.a = b) and c');
  });
});
