// fast-check generators for CQL trees the parser can produce (raw terms: every `"` escaped, no
// dangling backslash).
import { fc } from '@fast-check/vitest';
import type {
  Comparitor,
  CqlModifier,
  CqlNode,
  CqlPrefixAssignment,
  CqlQuery,
  CqlSortKey,
} from '../src/index.js';
import { COMPARITORS, SERVER_CHOICE } from '../src/index.js';

const plainChar = fc.oneof(
  fc.constantFrom(...'abcxyzABC0189 *?^()=<>/.-_é\t\n'.split('')),
  fc
    .string({ minLength: 1, maxLength: 1, unit: 'binary' })
    .filter(
      (c) =>
        c !== '"' &&
        c !== '\\' &&
        !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/.test(c) &&
        !/[\uD800-\uDFFF]/.test(c),
    ),
);
const escapePair = fc.constantFrom('\\"', '\\\\', '\\*', '\\?', '\\^', '\\ ', '\\a', '\\(');
const keyword = fc.constantFrom('and', 'OR', 'Not', 'prox', 'sortBy', 'sortby');

export const rawTerm: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: keyword },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.oneof({ weight: 5, arbitrary: plainChar }, { weight: 1, arbitrary: escapePair }), {
        maxLength: 8,
      })
      .map((a) => a.join('')),
  },
);
const word = fc.stringMatching(/^[a-z][a-z0-9.]{0,6}$/);
const name = fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: rawTerm });

export const modifier: fc.Arbitrary<CqlModifier> = fc.oneof(
  name.map((n) => ({ name: n })),
  fc.record({ name, comparison: fc.constantFrom(...COMPARITORS), value: rawTerm }),
);
const modifiers = fc.array(modifier, { maxLength: 3 });
const prefixes = (allow: boolean): fc.Arbitrary<CqlPrefixAssignment[]> =>
  allow
    ? fc.array(
        fc.oneof(
          fc.record({ prefix: name.filter((n) => n !== ''), uri: rawTerm }),
          rawTerm.map((uri) => ({ uri })),
        ),
        { maxLength: 2 },
      )
    : fc.constant([]);

export function cqlNode(nestedPrefixes = true): fc.Arbitrary<CqlNode> {
  const { node } = fc.letrec<{ node: CqlNode; clause: CqlNode; bool: CqlNode }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('clause'), tie('bool')),
    clause: fc.record({
      type: fc.constant('searchClause' as const),
      prefixes: prefixes(nestedPrefixes),
      index: fc.oneof(fc.constant(SERVER_CHOICE), name),
      relation: fc.record({
        name: fc.oneof(fc.constantFrom<Comparitor | string>(...COMPARITORS), name),
        modifiers,
      }),
      term: rawTerm,
    }),
    bool: fc.record({
      type: fc.constant('boolean' as const),
      prefixes: prefixes(nestedPrefixes),
      operator: fc.constantFrom('and' as const, 'or' as const, 'not' as const, 'prox' as const),
      modifiers,
      left: tie('node'),
      right: tie('node'),
    }),
  }));
  return node;
}

export const sortKey: fc.Arbitrary<CqlSortKey> = fc.record({ index: name, modifiers });

export function cqlQuery(nestedPrefixes = true): fc.Arbitrary<CqlQuery> {
  return fc.record({ root: cqlNode(nestedPrefixes), sortKeys: fc.array(sortKey, { maxLength: 3 }) });
}

/** Strings biased toward CQL tokens, to reach deep into the parser. */
export const cqlish: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '(',
        ')',
        '"',
        '\\',
        '/',
        '=',
        '==',
        '<',
        '>',
        '<=',
        '>=',
        '<>',
        ' ',
        'and',
        'or',
        'not',
        'prox',
        'sortBy',
        'dc.title',
        'any',
        'x',
        '*',
        '>dc="u"',
      ),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 25 },
  )
  .map((a) => a.join(''));
