// What the SRU server needs from a data source. A back end receives parsed CQL (never raw strings)
// and reports unsupported features by throwing SruError with an SRU diagnostic number.
import type { CqlQuery, CqlSearchClause, CqlSortKey } from '../cql/ast.js';
import type { SruDiagnostic } from '../diagnostics.js';

/** A record schema the back end can return (Explain `schemaInfo`). */
export interface RecordSchemaInfo {
  /** Short name used in `recordSchema` (`marcxml`, `dc`). */
  readonly name: string;
  /** Schema identifier URI (`info:srw/schema/1/marcxml-v1.1`). */
  readonly identifier: string;
  readonly title: string;
  /** URL of the XSD, for Explain. */
  readonly location?: string;
  readonly sort?: boolean;
}

/** An index as Explain describes it. */
export interface IndexInfo {
  readonly set: string;
  readonly name: string;
  readonly title: string;
  readonly relations?: readonly string[];
  readonly search?: boolean;
  readonly scan?: boolean;
  readonly sort?: boolean;
}

export interface DatabaseInfo {
  readonly title: string;
  readonly description?: string;
  /** Database name in Explain `serverInfo/database` (default 'Default'). */
  readonly database?: string;
  readonly author?: string;
  readonly contact?: string;
}

/** Everything the Explain record and parameter checks are generated from. */
export interface BackendDescription {
  readonly database: DatabaseInfo;
  readonly indexes: readonly IndexInfo[];
  /** Context sets used by the indexes: short name → URI. */
  readonly contextSets: Readonly<Record<string, string>>;
  /** The first is the default retrieval schema. */
  readonly schemas: readonly [RecordSchemaInfo, ...RecordSchemaInfo[]];
  readonly numberOfRecords?: number;
  /** Relation modifiers the back end honours (Explain `supports relationModifier`). */
  readonly relationModifiers?: readonly string[];
  /** Proximity modifiers the back end honours (Explain `supports proximity` / `proximityModifier`). */
  readonly proximityModifiers?: readonly string[];
}

export interface SearchRequest {
  readonly query: CqlQuery;
  /** 1-based position of the first record to return. */
  readonly startRecord: number;
  /** Records to return (0 = count only). */
  readonly maximumRecords: number;
  /** The resolved retrieval schema. */
  readonly schema: RecordSchemaInfo;
  /** Sort keys: from the query's sortBy, or converted from the SRU 1.1/2.0 `sortKeys` parameter. */
  readonly sortKeys: readonly CqlSortKey[];
  readonly signal?: AbortSignal;
}

/** A record as XML text in the requested schema, or a surrogate diagnostic in its place. */
export type SearchRecord =
  | { readonly xml: string; readonly identifier?: string }
  | { readonly diagnostic: SruDiagnostic };

export interface SearchResult {
  readonly numberOfRecords: number;
  readonly records: readonly SearchRecord[];
  /** Non-fatal diagnostics to report beside the records. */
  readonly diagnostics?: readonly SruDiagnostic[];
}

export interface ScanRequest {
  /** The scan clause: index, relation and start term. */
  readonly clause: CqlSearchClause;
  /** Position of the start term in the returned list (1 = first; 0 = list starts after it). */
  readonly responsePosition: number;
  readonly maximumTerms: number;
  readonly signal?: AbortSignal;
}

export interface ScanTerm {
  readonly value: string;
  readonly numberOfRecords?: number;
  readonly displayTerm?: string;
}

export interface SruBackend {
  describe(): BackendDescription;
  search(request: SearchRequest): Promise<SearchResult> | SearchResult;
  /** Omit when the back end cannot scan (the server answers diagnostic 4). */
  scan?(request: ScanRequest): Promise<readonly ScanTerm[]> | readonly ScanTerm[];
}
