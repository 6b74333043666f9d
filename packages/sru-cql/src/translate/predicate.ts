// CQL → a predicate over in-memory records. Supports every cql relation, masking/anchoring, and/or/not
// and word proximity; answers SRU diagnostics (15, 16, 18, 19, 20, 27, 32, 39, 41, 42, 45, 46) otherwise.
import type { CqlModifier, CqlNode, CqlPrefixAssignment, CqlQuery, CqlSearchClause } from '../cql/ast.js';
import {
  compileTerm,
  type FoldOptions,
  fold,
  matchGlob,
  normalizeValue,
  type TermPattern,
  unescapeCqlTerm,
  wordsOf,
} from '../cql/terms.js';
import { SruError } from '../errors.js';
import {
  ALL_RELATIONS,
  type CqlTranslator,
  DEFAULT_CONTEXT_SETS,
  type IndexDefinition,
} from './translator.js';

export type RecordPredicate<R> = (record: R) => boolean;

export interface PredicateTranslatorOptions<R> {
  readonly indexes: readonly IndexDefinition<R>[];
  /** Short name → URI of the context sets the server knows (default: DEFAULT_CONTEXT_SETS). */
  readonly contextSets?: Readonly<Record<string, string>>;
  /** Context set of unprefixed index names (default 'cql'; an unprefixed name unique across sets also resolves). */
  readonly defaultContextSet?: string;
}

const SUPPORTED_MODIFIERS = new Set([
  'ignorecase',
  'respectcase',
  'ignoreaccents',
  'respectaccents',
  'masked',
  'unmasked',
  'word',
  'string',
  'number',
  'relevant',
  'isodate',
]);

interface Scope {
  readonly prefixes: ReadonlyMap<string, string>;
  readonly defaultUri: string;
}

function unsupported(diagnostic: number, message: string, details: string): never {
  throw new SruError('UNSUPPORTED', message, { diagnostic, details });
}

function modifierName(m: CqlModifier): string {
  const dot = m.name.lastIndexOf('.');
  return (dot >= 0 ? m.name.slice(dot + 1) : m.name).toLowerCase();
}

function compareValues(a: string, b: string, numeric: boolean): number {
  if (numeric || (/^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b))) {
    const x = Number.parseFloat(a);
    const y = Number.parseFloat(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function trimPunctuation(value: string): string {
  return value.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Word positions where the term's words match consecutively (anchors honoured). */
function phraseStarts(words: readonly string[], pattern: TermPattern): number[] {
  const n = pattern.words.length;
  const last = words.length - n;
  const out: number[] = [];
  for (let i = 0; i <= last; i++) {
    if (pattern.anchorStart && i > 0) break;
    if (pattern.anchorEnd && i !== last) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = matchGlob(pattern.words[k] ?? [], words[i + k] as string);
    if (ok) out.push(i);
  }
  return out;
}

export class PredicateTranslator<R> implements CqlTranslator<RecordPredicate<R>> {
  private readonly byUri = new Map<string, Map<string, IndexDefinition<R>>>();
  private readonly byName = new Map<string, IndexDefinition<R>[]>();
  private readonly sets: Readonly<Record<string, string>>;
  private readonly defaultSet: string;

  constructor(options: PredicateTranslatorOptions<R>) {
    this.sets = { ...DEFAULT_CONTEXT_SETS, ...options.contextSets };
    this.defaultSet = options.defaultContextSet ?? 'cql';
    for (const def of options.indexes) {
      const uri = this.sets[def.set] ?? def.set;
      let m = this.byUri.get(uri);
      if (!m) {
        m = new Map();
        this.byUri.set(uri, m);
      }
      m.set(def.name.toLowerCase(), def);
      const list = this.byName.get(def.name.toLowerCase()) ?? [];
      list.push(def);
      this.byName.set(def.name.toLowerCase(), list);
    }
  }

  translate(query: CqlQuery): RecordPredicate<R> {
    const prefixes = new Map(Object.entries(this.sets));
    const defaultUri = this.sets[this.defaultSet] ?? this.defaultSet;
    return this.node(query.root, { prefixes, defaultUri });
  }

  /** Resolves `prefix.name` (or a bare name) to its definition; diagnostics 15/16 otherwise. */
  resolveIndex(index: string, scope?: Scope): IndexDefinition<R> {
    const s = scope ?? {
      prefixes: new Map(Object.entries(this.sets)),
      defaultUri: this.sets[this.defaultSet] ?? '',
    };
    const dot = index.lastIndexOf('.');
    if (dot > 0) {
      const prefix = index.slice(0, dot);
      const uri = s.prefixes.get(prefix) ?? s.prefixes.get(prefix.toLowerCase());
      if (uri === undefined) unsupported(15, `Unsupported context set '${prefix}'`, prefix);
      const def = this.byUri.get(uri)?.get(index.slice(dot + 1).toLowerCase());
      if (!def) unsupported(16, `Unsupported index '${index}'`, index);
      return def;
    }
    const def = this.byUri.get(s.defaultUri)?.get(index.toLowerCase());
    if (def) return def;
    const candidates = this.byName.get(index.toLowerCase());
    if (candidates?.length === 1) return candidates[0] as IndexDefinition<R>;
    unsupported(16, `Unsupported index '${index}'`, index);
  }

  private scoped(prefixes: readonly CqlPrefixAssignment[], scope: Scope): Scope {
    if (prefixes.length === 0) return scope;
    const map = new Map(scope.prefixes);
    let defaultUri = scope.defaultUri;
    const seen = new Map<string, string>();
    for (const p of prefixes) {
      if (p.prefix === undefined) {
        defaultUri = p.uri;
        continue;
      }
      const earlier = seen.get(p.prefix);
      if (earlier !== undefined && earlier !== p.uri) {
        unsupported(45, `Prefix '${p.prefix}' assigned to multiple identifiers`, p.prefix);
      }
      seen.set(p.prefix, p.uri);
      map.set(p.prefix, p.uri);
    }
    return { prefixes: map, defaultUri };
  }

  private node(node: CqlNode, outer: Scope): RecordPredicate<R> {
    const scope = this.scoped(node.prefixes, outer);
    if (node.type === 'searchClause') return this.clause(node, scope);
    if (node.modifiers.length > 0 && node.operator !== 'prox') {
      unsupported(
        46,
        `Unsupported boolean modifier '${node.modifiers[0]?.name}'`,
        node.modifiers[0]?.name ?? '',
      );
    }
    const left = this.node(node.left, scope);
    const right = this.node(node.right, scope);
    switch (node.operator) {
      case 'and':
        return (r) => left(r) && right(r);
      case 'or':
        return (r) => left(r) || right(r);
      case 'not':
        return (r) => left(r) && !right(r);
      default:
        return this.prox(node, scope);
    }
  }

  /**
   * `a prox/unit=word/distance<=N/ordered b` between two word clauses on the same index: some field
   * value holds both, N words apart or less (adjacent words are 1 apart). Default distance <= 1, unordered.
   */
  private prox(node: CqlNode & { type: 'boolean' }, scope: Scope): RecordPredicate<R> {
    const { left, right } = node;
    if (
      left.type !== 'searchClause' ||
      right.type !== 'searchClause' ||
      left.prefixes.length + right.prefixes.length > 0
    ) {
      unsupported(39, 'Proximity is supported between two search clauses only', 'prox');
    }
    let comparison = '<=';
    let distance = 1;
    let ordered = false;
    for (const m of node.modifiers) {
      const name = modifierName(m);
      if (name === 'unit') {
        if ((m.value ?? '').toLowerCase() !== 'word')
          unsupported(42, 'Unsupported proximity unit', m.value ?? '');
      } else if (name === 'distance') {
        if (m.comparison === undefined || !/^\d+$/.test(m.value ?? ''))
          unsupported(41, 'Unsupported proximity distance', m.value ?? '');
        comparison = m.comparison;
        distance = Number(m.value);
      } else if (name === 'ordered' || name === 'unordered') ordered = name === 'ordered';
      else unsupported(46, `Unsupported boolean modifier '${m.name}'`, m.name);
    }
    const l = this.proxOperand(left, scope);
    const r = this.proxOperand(right, scope);
    if (l.def !== r.def)
      unsupported(18, 'Proximity needs both clauses on the same index', `${left.index} ${right.index}`);
    const values = l.def.values;
    if (values === undefined) unsupported(39, 'Proximity not supported on this index', left.index);
    const fits = (d: number) =>
      comparison === '<'
        ? d < distance
        : comparison === '<='
          ? d <= distance
          : comparison === '>'
            ? d > distance
            : comparison === '>='
              ? d >= distance
              : comparison === '<>'
                ? d !== distance
                : d === distance;
    return (record) =>
      values(record).some((value) => {
        const words = wordsOf(fold(value, l.fold));
        const ls = phraseStarts(words, l.pattern);
        const rs = phraseStarts(words, r.pattern);
        const ln = l.pattern.words.length;
        const rn = r.pattern.words.length;
        return ls.some((i) =>
          rs.some(
            (j) =>
              (j >= i + ln && fits(j - (i + ln - 1))) || (!ordered && i >= j + rn && fits(i - (j + rn - 1))),
          ),
        );
      });
  }

  private proxOperand(clause: CqlSearchClause, scope: Scope) {
    const def = this.resolveIndex(clause.index, scope);
    const relation = clause.relation.name.toLowerCase();
    if (relation !== '=' && relation !== 'adj')
      unsupported(19, `Unsupported relation '${clause.relation.name}' under prox`, clause.relation.name);
    if (clause.relation.modifiers.length > 0)
      unsupported(
        20,
        'Relation modifiers under prox are not supported',
        clause.relation.modifiers[0]?.name ?? '',
      );
    const f: FoldOptions = { ignoreCase: true, ignoreAccents: true };
    return { def, fold: f, pattern: compileTerm(clause.term, f) };
  }

  private clause(clause: CqlSearchClause, scope: Scope): RecordPredicate<R> {
    const def = this.resolveIndex(clause.index, scope);
    const relation = clause.relation.name.replace(/^cql\./i, '').toLowerCase();
    const allowed = def.relations ?? ALL_RELATIONS;
    if (!ALL_RELATIONS.includes(relation) || !allowed.includes(relation)) {
      unsupported(19, `Unsupported relation '${clause.relation.name}'`, clause.relation.name);
    }
    const values = def.values;
    if (values === undefined) return () => true; // cql.allRecords: the term is ignored.
    const mods = new Set<string>();
    for (const m of clause.relation.modifiers) {
      const name = modifierName(m);
      if (!SUPPORTED_MODIFIERS.has(name) || m.comparison !== undefined) {
        unsupported(20, `Unsupported relation modifier '${m.name}'`, m.name);
      }
      mods.add(name);
    }
    const foldOpts: FoldOptions = {
      ignoreCase: !mods.has('respectcase'),
      ignoreAccents: !mods.has('respectaccents'),
    };
    const masked = !mods.has('unmasked');
    const asString = mods.has('string') || (def.kind === 'string' && !mods.has('word'));
    const numeric = mods.has('number') || def.kind === 'number';
    const any =
      (test: (value: string) => boolean): RecordPredicate<R> =>
      (r) =>
        values(r).some(test);

    switch (relation) {
      case '=':
      case 'adj': {
        const pattern = compileTerm(clause.term, foldOpts, masked);
        if (asString) return any((v) => matchGlob(pattern.whole, normalizeValue(v, foldOpts)));
        return any((v) => phraseStarts(wordsOf(fold(v, foldOpts)), pattern).length > 0);
      }
      case '==': {
        const pattern = compileTerm(clause.term, foldOpts, masked);
        return any((v) => matchGlob(pattern.whole, normalizeValue(v, foldOpts)));
      }
      case '<>': {
        const pattern = compileTerm(clause.term, foldOpts, masked);
        return (r) => !values(r).some((v) => matchGlob(pattern.whole, normalizeValue(v, foldOpts)));
      }
      case 'all':
      case 'any': {
        const pattern = compileTerm(clause.term, foldOpts, masked);
        return (r) => {
          const words = values(r).flatMap((v) => wordsOf(fold(v, foldOpts)));
          const hit = (glob: (typeof pattern.words)[number]) => words.some((w) => matchGlob(glob, w));
          return relation === 'all' ? pattern.words.every(hit) : pattern.words.some(hit);
        };
      }
      case '<':
      case '>':
      case '<=':
      case '>=': {
        const term = fold(unescapeCqlTerm(clause.term), foldOpts);
        return any((raw) => {
          const c = compareValues(trimPunctuation(fold(raw, foldOpts)), term, numeric);
          return relation === '<' ? c < 0 : relation === '>' ? c > 0 : relation === '<=' ? c <= 0 : c >= 0;
        });
      }
      default: {
        // within / encloses: ranges written as two words ("1990 2000").
        const bounds = fold(unescapeCqlTerm(clause.term), foldOpts).trim().split(/\s+/);
        if (relation === 'within') {
          if (bounds.length !== 2)
            unsupported(36, 'Term in invalid format for index or relation', clause.term);
          const [lo, hi] = bounds as [string, string];
          return any((raw) => {
            const v = trimPunctuation(fold(raw, foldOpts));
            return compareValues(v, lo, numeric) >= 0 && compareValues(v, hi, numeric) <= 0;
          });
        }
        const point = bounds.join(' ');
        return any((raw) => {
          const range = fold(raw, foldOpts)
            .trim()
            .split(/[\s-]+/);
          if (range.length !== 2) return false;
          const [lo, hi] = range as [string, string];
          return compareValues(point, lo, numeric) >= 0 && compareValues(point, hi, numeric) <= 0;
        });
      }
    }
  }
}

/** A translator from CQL to a predicate over records, given the records' index definitions. */
export function createPredicateTranslator<R>(options: PredicateTranslatorOptions<R>): PredicateTranslator<R> {
  return new PredicateTranslator(options);
}
