// An SRU back end over records held in memory: CQL runs through the predicate translator, sorting
// and scanning use the same index definitions that feed Explain.
import type { CqlModifier, CqlSortKey } from '../cql/ast.js';
import { fold, wordsOf } from '../cql/terms.js';
import { SruError } from '../errors.js';
import { PredicateTranslator } from '../translate/predicate.js';
import { DEFAULT_CONTEXT_SETS, type IndexDefinition } from '../translate/translator.js';
import type {
  BackendDescription,
  DatabaseInfo,
  RecordSchemaInfo,
  ScanRequest,
  ScanTerm,
  SearchRequest,
  SearchResult,
  SruBackend,
} from './backend.js';

export interface MemorySchema<R> extends RecordSchemaInfo {
  /** The record as XML in this schema (one element, no XML declaration). */
  render(record: R): string;
}

export interface MemoryBackendOptions<R> {
  readonly records: readonly R[];
  readonly indexes: readonly IndexDefinition<R>[];
  readonly schemas: readonly [MemorySchema<R>, ...MemorySchema<R>[]];
  readonly database: DatabaseInfo;
  readonly contextSets?: Readonly<Record<string, string>>;
  readonly defaultContextSet?: string;
  /** Record identifier (for `recordIdentifier`); optional. */
  readonly identify?: (record: R) => string | undefined;
}

const RELATION_MODIFIERS = [
  'ignoreCase',
  'respectCase',
  'ignoreAccents',
  'respectAccents',
  'masked',
  'unmasked',
  'word',
  'string',
  'number',
  'relevant',
];

function sortModifier(m: CqlModifier): string {
  const dot = m.name.lastIndexOf('.');
  return (dot >= 0 ? m.name.slice(dot + 1) : m.name).toLowerCase();
}

export class MemoryBackend<R> implements SruBackend {
  private readonly translator: PredicateTranslator<R>;
  private readonly contextSets: Readonly<Record<string, string>>;

  constructor(private readonly options: MemoryBackendOptions<R>) {
    this.contextSets = { ...DEFAULT_CONTEXT_SETS, ...options.contextSets };
    this.translator = new PredicateTranslator({
      indexes: options.indexes,
      contextSets: this.contextSets,
      ...(options.defaultContextSet === undefined ? {} : { defaultContextSet: options.defaultContextSet }),
    });
  }

  describe(): BackendDescription {
    const used = new Set(this.options.indexes.map((i) => i.set));
    const contextSets: Record<string, string> = {};
    for (const set of used) contextSets[set] = this.contextSets[set] ?? set;
    return {
      database: this.options.database,
      indexes: this.options.indexes.map(({ values, kind, ...info }) => ({
        ...info,
        sort: info.sort ?? values !== undefined,
        scan: info.scan ?? values !== undefined,
      })),
      contextSets,
      schemas: this.options.schemas,
      numberOfRecords: this.options.records.length,
      relationModifiers: RELATION_MODIFIERS,
      proximityModifiers: ['unit', 'distance', 'ordered', 'unordered'],
    };
  }

  search(request: SearchRequest): SearchResult {
    const predicate = this.translator.translate(request.query);
    let hits: R[] = [];
    for (const r of this.options.records) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (predicate(r)) hits.push(r);
    }
    if (request.sortKeys.length > 0) hits = this.sort(hits, request.sortKeys);
    const schema =
      this.options.schemas.find((s) => s.identifier === request.schema.identifier) ?? this.options.schemas[0];
    const start = request.startRecord - 1;
    const page = hits.slice(start, start + request.maximumRecords);
    return {
      numberOfRecords: hits.length,
      records: page.map((r) => {
        const identifier = this.options.identify?.(r);
        return identifier === undefined ? { xml: schema.render(r) } : { xml: schema.render(r), identifier };
      }),
    };
  }

  private sort(records: R[], keys: readonly CqlSortKey[]): R[] {
    const plans = keys.map((key) => {
      const def = this.translator.resolveIndex(key.index);
      if (def.values === undefined || def.sort === false) {
        throw new SruError('UNSUPPORTED', `Unsupported path for sort '${key.index}'`, {
          diagnostic: 88,
          details: key.index,
        });
      }
      let descending = false;
      let ignoreCase = true;
      let missingHigh = false;
      for (const m of key.modifiers) {
        const name = sortModifier(m);
        if (name === 'descending') descending = true;
        else if (name === 'ascending') descending = false;
        else if (name === 'respectcase') ignoreCase = false;
        else if (name === 'ignorecase') ignoreCase = true;
        else if (name === 'missinghigh') missingHigh = true;
        else if (name === 'missinglow') missingHigh = false;
        else if (name !== 'ignoreaccents' && name !== 'respectaccents') {
          throw new SruError('UNSUPPORTED', `Unsupported sort modifier '${m.name}'`, {
            diagnostic: 82,
            details: m.name,
          });
        }
      }
      const values = def.values;
      const numeric = def.kind === 'number';
      return { key: (r: R) => values(r)[0], descending, ignoreCase, missingHigh, numeric };
    });
    const decorated = records.map((r, i) => ({ r, i, keys: plans.map((p) => p.key(r)) }));
    decorated.sort((a, b) => {
      for (let k = 0; k < plans.length; k++) {
        const p = plans[k] as (typeof plans)[number];
        const x = a.keys[k];
        const y = b.keys[k];
        if (x === undefined || y === undefined) {
          if (x === y) continue;
          return (x === undefined) === p.missingHigh ? 1 : -1;
        }
        let c: number;
        if (p.numeric) c = Number.parseFloat(x) - Number.parseFloat(y);
        else {
          const fx = fold(x, { ignoreCase: p.ignoreCase, ignoreAccents: true });
          const fy = fold(y, { ignoreCase: p.ignoreCase, ignoreAccents: true });
          c = fx < fy ? -1 : fx > fy ? 1 : 0;
        }
        if (c !== 0 && !Number.isNaN(c)) return p.descending ? -c : c;
      }
      return a.i - b.i;
    });
    return decorated.map((d) => d.r);
  }

  scan(request: ScanRequest): readonly ScanTerm[] {
    const def = this.translator.resolveIndex(request.clause.index);
    const values = def.values;
    if (values === undefined || def.scan === false) {
      throw new SruError('UNSUPPORTED', `Unsupported index for scan '${request.clause.index}'`, {
        diagnostic: 16,
        details: request.clause.index,
      });
    }
    const f = { ignoreCase: true, ignoreAccents: true };
    const counts = new Map<string, number>();
    for (const r of this.options.records) {
      const seen = new Set<string>();
      for (const v of values(r)) {
        const keys =
          def.kind === 'string' || def.kind === 'number' ? [fold(v.trim(), f)] : wordsOf(fold(v, f));
        for (const k of keys) seen.add(k);
      }
      for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const sorted = [...counts.keys()].sort();
    const start = fold(request.clause.term, f);
    let at = sorted.findIndex((t) => t >= start);
    if (at < 0) at = sorted.length;
    const from = Math.max(0, at - (request.responsePosition - 1));
    return sorted
      .slice(from, from + request.maximumTerms)
      .map((value) => ({ value, numberOfRecords: counts.get(value) ?? 0 }));
  }
}

export function createMemoryBackend<R>(options: MemoryBackendOptions<R>): MemoryBackend<R> {
  return new MemoryBackend(options);
}
