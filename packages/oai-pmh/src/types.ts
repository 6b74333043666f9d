// The provider's contracts: what a repository (storage back end) and a metadata format supply.

/** One item's header. `datestamp` is epoch milliseconds (the handler formats it in the repository granularity). */
export interface OaiHeader {
  readonly identifier: string;
  readonly datestamp: number;
  readonly setSpecs: readonly string[];
  readonly deleted: boolean;
}

/** An item: its header, and its source data (absent for deleted items). */
export interface OaiItem<TRecord> {
  readonly header: OaiHeader;
  readonly record?: TRecord;
}

export interface OaiSet {
  readonly setSpec: string;
  readonly setName: string;
  /** Zero or more setDescription payloads, each one XML element from a non-OAI namespace. */
  readonly descriptions?: readonly string[];
}

/** Selection for a list request. Items must come in ascending (datestamp, identifier) order. */
export interface ListQuery {
  readonly metadataPrefix: string;
  /** Inclusive lower bound, epoch ms. */
  readonly from?: number;
  /** Exclusive upper bound, epoch ms. */
  readonly until?: number;
  /** Items in this set or any set below it (`a` matches `a:b`). */
  readonly set?: string;
  /** Keyset position: return only items strictly after it in (datestamp, identifier) order. */
  readonly after?: { readonly datestamp: number; readonly identifier: string };
  /** false when the repository's deletedRecord policy is `no`: leave deleted items out. */
  readonly includeDeleted: boolean;
  /** At most this many items. */
  readonly limit: number;
}

/**
 * Storage behind the provider. Implementations answer from an index on (datestamp, identifier) so that
 * `list` with `after` costs the same on page 10,000 as on page 1.
 */
export interface OaiRepository<TRecord> {
  /** The earliest datestamp of any item, deleted ones included (epoch ms). */
  earliestDatestamp(): Promise<number> | number;
  /** The sets, in a stable order; leave undefined when the repository has no sets. */
  listSets?(): Promise<readonly OaiSet[]> | readonly OaiSet[];
  /** Up to `limit` items matching the query, in ascending (datestamp, identifier) order. */
  listItems(query: ListQuery): Promise<readonly OaiItem<TRecord>[]> | readonly OaiItem<TRecord>[];
  /** Optional size of the whole selection (without `after`), sent as completeListSize. */
  countItems?(query: Omit<ListQuery, 'after' | 'limit'>): Promise<number> | number;
  /** The item with this identifier (deleted ones included), or undefined. */
  getItem(identifier: string): Promise<OaiItem<TRecord> | undefined> | OaiItem<TRecord> | undefined;
}

/** A metadata format the provider disseminates. */
export interface MetadataFormat<TRecord> {
  readonly metadataPrefix: string;
  /** URL of the XML Schema. */
  readonly schema: string;
  readonly metadataNamespace: string;
  /** Whether this item can be shown in this format (default: every item). */
  canDisseminate?(item: OaiItem<TRecord>): boolean;
  /**
   * The `<metadata>` payload: one XML element with its own namespace declaration. Return a string,
   * or an iterable of strings to stream a large record.
   */
  render(record: TRecord, header: OaiHeader): string | Iterable<string>;
  /** Optional `<about>` payloads (each one XML element from a non-OAI namespace). */
  about?(record: TRecord, header: OaiHeader): readonly string[];
}

export type DeletedRecordPolicy = 'no' | 'transient' | 'persistent';
