// An in-memory repository: items kept sorted by (datestamp, identifier), so a keyset page is a binary
// search plus a short scan, whatever page is asked for.
import { OaiError } from '../errors.js';
import type { ListQuery, OaiHeader, OaiItem, OaiRepository, OaiSet } from '../types.js';

export interface MemoryItemInput<TRecord> {
  readonly identifier: string;
  /** Epoch ms or Date. */
  readonly datestamp: number | Date;
  readonly setSpecs?: readonly string[];
  /** Present = a live item; absent with `deleted: true` = a deletion. */
  readonly record?: TRecord;
  readonly deleted?: boolean;
}

export interface MemoryRepositoryOptions<TRecord> {
  readonly items?: Iterable<MemoryItemInput<TRecord>>;
  /** Sets; leave undefined for a repository without sets. Ancestors of listed sets are added. */
  readonly sets?: readonly OaiSet[];
  /** Datestamp to announce when the repository is empty (default: the epoch). */
  readonly emptyEarliest?: number;
}

const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

export class MemoryRepository<TRecord> implements OaiRepository<TRecord> {
  private sorted: OaiItem<TRecord>[] = [];
  private readonly byId = new Map<string, OaiItem<TRecord>>();
  private readonly emptyEarliest: number;
  private deletions = 0;

  constructor(options: MemoryRepositoryOptions<TRecord> = {}) {
    this.emptyEarliest = options.emptyEarliest ?? 0;
    const sets = options.sets && withAncestors(options.sets);
    if (sets) this.listSets = () => sets;
    for (const input of options.items ?? []) {
      const item = toItem(input);
      this.byId.set(item.header.identifier, item);
    }
    this.sorted = [...this.byId.values()].sort(compareItems);
    for (const item of this.sorted) if (item.header.deleted) this.deletions++;
  }

  /** Adds or replaces an item (a new datestamp moves it to its new place in the order). */
  put(input: MemoryItemInput<TRecord>): void {
    const item = toItem(input);
    const old = this.byId.get(item.header.identifier);
    if (old) {
      this.sorted.splice(this.indexOf(old), 1);
      if (old.header.deleted) this.deletions--;
    }
    if (item.header.deleted) this.deletions++;
    this.byId.set(item.header.identifier, item);
    this.sorted.splice(this.lowerBound(item.header.datestamp, item.header.identifier), 0, item);
  }

  get size(): number {
    return this.sorted.length;
  }

  earliestDatestamp(): number {
    return this.sorted[0]?.header.datestamp ?? this.emptyEarliest;
  }

  /** Present only when the repository was given sets (absent = noSetHierarchy). */
  readonly listSets?: () => readonly OaiSet[];

  listItems(query: ListQuery): OaiItem<TRecord>[] {
    const out: OaiItem<TRecord>[] = [];
    let i = query.after
      ? this.upperBound(query.after.datestamp, query.after.identifier)
      : this.lowerBound(query.from ?? Number.NEGATIVE_INFINITY, '');
    if (query.after && query.from !== undefined) i = Math.max(i, this.lowerBound(query.from, ''));
    for (; i < this.sorted.length && out.length < query.limit; i++) {
      const item = this.sorted[i]!;
      if (query.until !== undefined && item.header.datestamp >= query.until) break;
      if (matches(item.header, query)) out.push(item);
    }
    return out;
  }

  countItems(query: Omit<ListQuery, 'after' | 'limit'>): number {
    const start = this.lowerBound(query.from ?? Number.NEGATIVE_INFINITY, '');
    const end = query.until === undefined ? this.sorted.length : this.lowerBound(query.until, '');
    // Without a set filter the count is index arithmetic, unless deletions must be left out.
    if (query.set === undefined && (query.includeDeleted || this.deletions === 0))
      return Math.max(0, end - start);
    let n = 0;
    for (let i = start; i < this.sorted.length; i++) {
      const item = this.sorted[i]!;
      if (query.until !== undefined && item.header.datestamp >= query.until) break;
      if (matches(item.header, query)) n++;
    }
    return n;
  }

  getItem(identifier: string): OaiItem<TRecord> | undefined {
    return this.byId.get(identifier);
  }

  private indexOf(item: OaiItem<TRecord>): number {
    return this.lowerBound(item.header.datestamp, item.header.identifier);
  }

  /** First index whose key is ≥ (datestamp, identifier). */
  private lowerBound(datestamp: number, identifier: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKey(this.sorted[mid]!.header, datestamp, identifier) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose key is > (datestamp, identifier). */
  private upperBound(datestamp: number, identifier: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKey(this.sorted[mid]!.header, datestamp, identifier) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Whether the header passes the query's set and deletion filters (not the date range). */
export function matches(header: OaiHeader, query: { set?: string; includeDeleted: boolean }): boolean {
  if (header.deleted && !query.includeDeleted) return false;
  return query.set === undefined || inSet(header.setSpecs, query.set);
}

/** Membership in `set` or any set below it. */
export function inSet(specs: readonly string[], set: string): boolean {
  for (const s of specs) {
    if (s === set || (s.length > set.length && s.startsWith(set) && s.charCodeAt(set.length) === 58))
      return true;
  }
  return false;
}

function toItem<TRecord>(input: MemoryItemInput<TRecord>): OaiItem<TRecord> {
  const datestamp = typeof input.datestamp === 'number' ? input.datestamp : input.datestamp.getTime();
  if (!Number.isFinite(datestamp)) {
    throw new OaiError('INVALID_ARGUMENT', `item "${input.identifier}" has no valid datestamp`, {
      field: 'datestamp',
    });
  }
  if (input.identifier === '')
    throw new OaiError('INVALID_ARGUMENT', 'empty identifier', { field: 'identifier' });
  const setSpecs = input.setSpecs ?? [];
  for (const s of setSpecs) {
    if (!SET_SPEC.test(s))
      throw new OaiError('INVALID_ARGUMENT', `bad setSpec "${s}"`, { field: 'setSpecs' });
  }
  const deleted = input.deleted === true || input.record === undefined;
  const header: OaiHeader = { identifier: input.identifier, datestamp, setSpecs, deleted };
  return deleted || input.record === undefined ? { header } : { header, record: input.record };
}

function compareKey(h: OaiHeader, datestamp: number, identifier: string): number {
  if (h.datestamp !== datestamp) return h.datestamp < datestamp ? -1 : 1;
  return h.identifier < identifier ? -1 : h.identifier > identifier ? 1 : 0;
}

function compareItems<T>(a: OaiItem<T>, b: OaiItem<T>): number {
  return compareKey(a.header, b.header.datestamp, b.header.identifier);
}

function withAncestors(sets: readonly OaiSet[]): OaiSet[] {
  const bySpec = new Map<string, OaiSet>();
  for (const s of sets) {
    if (!SET_SPEC.test(s.setSpec)) {
      throw new OaiError('INVALID_ARGUMENT', `bad setSpec "${s.setSpec}"`, { field: 'sets' });
    }
    bySpec.set(s.setSpec, s);
  }
  for (const s of sets) {
    const parts = s.setSpec.split(':');
    for (let n = 1; n < parts.length; n++) {
      const spec = parts.slice(0, n).join(':');
      if (!bySpec.has(spec)) bySpec.set(spec, { setSpec: spec, setName: spec });
    }
  }
  return [...bySpec.values()];
}
