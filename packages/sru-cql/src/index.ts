// Pure CQL layer: parser, serialisers (CQL, XCQL, JSON), term interpretation and query translators.
// No I/O; the SRU server and client live in ./server and ./client.
export {
  COMPARITORS,
  CONTEXT_SETS,
  type Comparitor,
  type CqlBoolean,
  type CqlBooleanOperator,
  type CqlModifier,
  type CqlNode,
  type CqlPrefixAssignment,
  type CqlQuery,
  type CqlRelation,
  type CqlSearchClause,
  type CqlSortKey,
  SERVER_CHOICE,
} from './cql/ast.js';
export { parseCqlJson, toCqlJson } from './cql/json.js';
export { type CqlParseOptions, parseCql } from './cql/parser.js';
export { quoteCqlTerm, toCql } from './cql/serialize.js';
export {
  ANY_ONE,
  ANY_RUN,
  compileTerm,
  type FoldOptions,
  fold,
  matchGlob,
  normalizeValue,
  type TermGlob,
  type TermPattern,
  unescapeCqlTerm,
  wordsOf,
} from './cql/terms.js';
export { toXcql, XCQL_NS_1, XCQL_NS_2, type XcqlWriteOptions } from './cql/xcql.js';
export { parseXcql } from './cql/xcql-read.js';
export {
  DIAGNOSTIC_MESSAGES,
  DIAGNOSTIC_URI_PREFIX,
  diagnostic,
  diagnosticNumber,
  type SruDiagnostic,
} from './diagnostics.js';
export { SruError, type SruErrorCode, type SruErrorDetails } from './errors.js';
export {
  createPredicateTranslator,
  PredicateTranslator,
  type PredicateTranslatorOptions,
  type RecordPredicate,
} from './translate/predicate.js';
export {
  ALL_RELATIONS,
  type CqlTranslator,
  DEFAULT_CONTEXT_SETS,
  type IndexDefinition,
} from './translate/translator.js';
