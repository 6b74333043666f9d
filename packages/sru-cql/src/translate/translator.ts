// The pluggable translation layer: a back end turns a parsed query into whatever it executes
// (a predicate, SQL, a Solr query ...). Unsupported features are reported as SruError 'UNSUPPORTED'
// carrying the SRU diagnostic number, which the server hands back to the client unchanged.
import type { CqlQuery } from '../cql/ast.js';

export interface CqlTranslator<Out> {
  translate(query: CqlQuery): Out;
}

/** One searchable index, described once for the translator, the back end and the Explain record. */
export interface IndexDefinition<R> {
  /** Context set short name (`dc`, `cql`, `bath`, `rec` ...). */
  readonly set: string;
  /** Index name within the set (`title`). */
  readonly name: string;
  /** Human-readable title for Explain. */
  readonly title: string;
  /** Values of this index for one record. Omit for cql.allRecords-style indexes that match everything. */
  readonly values?: (record: R) => readonly string[];
  /** `word` (default): words and phrases; `string`: whole values; `number`: numeric ordering. */
  readonly kind?: 'word' | 'string' | 'number';
  /** Relations accepted (default: all the cql set's relations). */
  readonly relations?: readonly string[];
  readonly search?: boolean;
  readonly scan?: boolean;
  readonly sort?: boolean;
}

/** Well-known context sets; a back end may add its own. */
export const DEFAULT_CONTEXT_SETS: Readonly<Record<string, string>> = {
  cql: 'info:srw/cql-context-set/1/cql-v1.2',
  dc: 'info:srw/cql-context-set/1/dc-v1.1',
  bath: 'http://zing.z3950.org/cql/bath/2.0/',
  rec: 'info:srw/cql-context-set/2/rec-1.1',
  sort: 'info:srw/cql-context-set/1/sort-v1.0',
  bib: 'info:srw/cql-context-set/1/bib-v1',
};

export const ALL_RELATIONS: readonly string[] = [
  '=',
  '==',
  '<>',
  '<',
  '>',
  '<=',
  '>=',
  'adj',
  'all',
  'any',
  'within',
  'encloses',
];
