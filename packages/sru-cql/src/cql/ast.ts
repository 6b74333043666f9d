// The typed CQL syntax tree. Terms, indexes and values are kept exactly as written (backslash
// escapes and masking characters included): interpretation belongs to the translator, not the parser.

/** The symbolic comparators; named relations (`adj`, `all`, `dc.xyz` ...) are plain strings. */
export type Comparitor = '=' | '==' | '<>' | '<' | '>' | '<=' | '>=';

export const COMPARITORS: readonly Comparitor[] = ['=', '==', '<>', '<', '>', '<=', '>='];

/** `/name`, or `/name<op>value` (e.g. `/distance<3`, `/locale=fr`). */
export interface CqlModifier {
  readonly name: string;
  readonly comparison?: Comparitor;
  readonly value?: string;
}

export interface CqlRelation {
  /** A comparator symbol or a named relation as written (`adj`, `ALL`, `dc.near`). */
  readonly name: string;
  readonly modifiers: readonly CqlModifier[];
}

/** `> prefix = "uri"`, or `> "uri"` (the default context set, prefix absent). */
export interface CqlPrefixAssignment {
  readonly prefix?: string;
  readonly uri: string;
}

export interface CqlSearchClause {
  readonly type: 'searchClause';
  /** Prefix assignments scoped to this clause, outermost first. */
  readonly prefixes: readonly CqlPrefixAssignment[];
  /** `cql.serverChoice` when the clause is a bare term. */
  readonly index: string;
  readonly relation: CqlRelation;
  /** Raw term: backslash escapes kept (`\"`, `\*`), masking characters unresolved. */
  readonly term: string;
}

export type CqlBooleanOperator = 'and' | 'or' | 'not' | 'prox';

export interface CqlBoolean {
  readonly type: 'boolean';
  readonly prefixes: readonly CqlPrefixAssignment[];
  /** Always lower case; CQL booleans are case-insensitive. */
  readonly operator: CqlBooleanOperator;
  readonly modifiers: readonly CqlModifier[];
  readonly left: CqlNode;
  readonly right: CqlNode;
}

export type CqlNode = CqlSearchClause | CqlBoolean;

export interface CqlSortKey {
  readonly index: string;
  readonly modifiers: readonly CqlModifier[];
}

/** A whole query: the tree plus the top-level `sortBy` keys (empty when there is none). */
export interface CqlQuery {
  readonly root: CqlNode;
  readonly sortKeys: readonly CqlSortKey[];
}

/** The index a bare term searches (CQL 1.2). */
export const SERVER_CHOICE = 'cql.serverChoice';

export const CONTEXT_SETS = {
  cql: 'info:srw/cql-context-set/1/cql-v1.2',
  dc: 'info:srw/cql-context-set/1/dc-v1.1',
  bath: 'http://zing.z3950.org/cql/bath/2.0/',
  rec: 'info:srw/cql-context-set/2/rec-1.1',
  sort: 'info:srw/cql-context-set/1/sort-v1.0',
  bib: 'info:srw/cql-context-set/1/bib-v1',
  net: 'info:srw/cql-context-set/2/net-1.0',
} as const;
