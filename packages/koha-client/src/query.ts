// Koha's `q` filter: a JSON document in SQL::Abstract style. The builder only makes
// shapes Koha accepts; `parseKohaQuery` checks a JSON text against the same grammar, so
// `parseKohaQuery(serializeKohaQuery(q))` gives `q` back.
import { KohaError } from './errors.js';

export type QueryScalar = string | number | boolean | null;

/** Comparison operators with one scalar operand. */
export type ScalarOperator =
  | '='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '-not'
  | '-like'
  | '-not_like'
  | '-regexp'
  | '-ident';
/** Operators whose operand is a list of values. */
export type ListOperator = '-in' | '-not_in';
/** Operators whose operand is exactly two values. */
export type RangeOperator = '-between' | '-not_between';

export type OperatorCondition<V extends QueryScalar = QueryScalar> =
  | { readonly [K in Exclude<ScalarOperator, '-ident'>]?: V | null }
  | { readonly '-ident': string }
  | { readonly [K in ListOperator]?: readonly V[] }
  | { readonly [K in RangeOperator]?: readonly [V, V] };

/**
 * What a field may be compared with: a value (equality), an operator object, a list of
 * conditions (any of them), or `{ '-and': [...] }` / `{ '-or': [...] }` over conditions.
 */
export type FieldCondition<V extends QueryScalar = QueryScalar> =
  | V
  | null
  | OperatorCondition<V>
  | readonly FieldCondition<V>[]
  | { readonly '-and': readonly FieldCondition<V>[] }
  | { readonly '-or': readonly FieldCondition<V>[] };

/** Fields of `T` (plus dotted names of embedded data, `"biblio.title"`) mapped to conditions. */
export type QueryFields<T = Record<string, unknown>> = {
  readonly [K in keyof T & string]?: FieldCondition<
    Extract<NonNullable<T[K]>, QueryScalar> | Extract<T[K], null>
  >;
} & { readonly [dotted: `${string}.${string}`]: FieldCondition | undefined };

/** A whole query: fields side by side (AND), an array (OR), or explicit `-and` / `-or` groups. */
export type KohaQuery =
  | { readonly [field: string]: FieldCondition | KohaQueryGroup | undefined }
  | readonly KohaQuery[]
  | KohaQueryGroup;

export type KohaQueryGroup =
  | { readonly '-and': readonly KohaQuery[] }
  | { readonly '-or': readonly KohaQuery[] };

/** Builder for typed `q` filters; `kq.where<Vendor>({ name: kq.like('Acme%') })`. */
export const kq = {
  where<T = Record<string, unknown>>(fields: QueryFields<T>): KohaQuery {
    // fromEntries defines own properties, so even a field called `__proto__` stays data.
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as KohaQuery;
  },
  and(...parts: readonly KohaQuery[]): KohaQueryGroup {
    return { '-and': parts };
  },
  or(...parts: readonly KohaQuery[]): KohaQueryGroup {
    return { '-or': parts };
  },
  eq<V extends QueryScalar>(value: V): OperatorCondition<V> {
    return { '=': value };
  },
  ne<V extends QueryScalar>(value: V): OperatorCondition<V> {
    return { '!=': value };
  },
  lt<V extends QueryScalar>(value: V): OperatorCondition<V> {
    return { '<': value };
  },
  gt<V extends QueryScalar>(value: V): OperatorCondition<V> {
    return { '>': value };
  },
  le<V extends QueryScalar>(value: V): OperatorCondition<V> {
    return { '<=': value };
  },
  ge<V extends QueryScalar>(value: V): OperatorCondition<V> {
    return { '>=': value };
  },
  not<V extends QueryScalar>(value: V): OperatorCondition<V> {
    return { '-not': value };
  },
  /** SQL LIKE: `%` matches any run of characters, `_` one character. */
  like(pattern: string): OperatorCondition<string> {
    return { '-like': pattern };
  },
  notLike(pattern: string): OperatorCondition<string> {
    return { '-not_like': pattern };
  },
  in<V extends QueryScalar>(values: readonly V[]): OperatorCondition<V> {
    return { '-in': values };
  },
  notIn<V extends QueryScalar>(values: readonly V[]): OperatorCondition<V> {
    return { '-not_in': values };
  },
  between<V extends QueryScalar>(low: V, high: V): OperatorCondition<V> {
    return { '-between': [low, high] };
  },
  notBetween<V extends QueryScalar>(low: V, high: V): OperatorCondition<V> {
    return { '-not_between': [low, high] };
  },
  /** Compare with another field (`{ date_due: { '-ident': 'returndate' } }`). */
  ident(field: string): OperatorCondition<never> {
    return { '-ident': field };
  },
  regexp(pattern: string): OperatorCondition<string> {
    return { '-regexp': pattern };
  },
  anyOf<V extends QueryScalar>(...conditions: readonly FieldCondition<V>[]): FieldCondition<V> {
    return { '-or': conditions };
  },
  allOf<V extends QueryScalar>(...conditions: readonly FieldCondition<V>[]): FieldCondition<V> {
    return { '-and': conditions };
  },
} as const;

const SCALAR_OPS = new Set<string>([
  '=',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '-not',
  '-like',
  '-not_like',
  '-regexp',
]);
const LIST_OPS = new Set<string>(['-in', '-not_in']);
const RANGE_OPS = new Set<string>(['-between', '-not_between']);
const MAX_DEPTH = 64;

/** The JSON text Koha expects in `q` (after checking the query against the grammar). */
export function serializeKohaQuery(query: KohaQuery): string {
  checkQuery(query, '$', 0);
  return JSON.stringify(query);
}

/** Parse and check a `q` JSON text; throws `KohaError` `INVALID_QUERY` with the JSON path at fault. */
export function parseKohaQuery(text: string): KohaQuery {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new KohaError('INVALID_QUERY', 'q is not valid JSON', { field: '$' }, { cause });
  }
  checkQuery(value, '$', 0);
  return value as KohaQuery;
}

function fail(path: string, what: string): never {
  throw new KohaError('INVALID_QUERY', `invalid q at ${path}: ${what}`, { field: path });
}

function isScalar(v: unknown): v is QueryScalar {
  if (typeof v === 'number') return Number.isFinite(v);
  return v === null || typeof v === 'string' || typeof v === 'boolean';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkQuery(q: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) fail(path, 'nested too deeply');
  if (Array.isArray(q)) {
    for (const [i, part] of q.entries()) checkQuery(part, `${path}[${i}]`, depth + 1);
    return;
  }
  if (!isPlainObject(q)) fail(path, 'expected an object or an array');
  for (const [key, value] of Object.entries(q)) {
    const at = `${path}.${key}`;
    if (key === '-and' || key === '-or') {
      if (!Array.isArray(value)) fail(at, `${key} needs an array`);
      for (const [i, part] of value.entries()) checkQuery(part, `${at}[${i}]`, depth + 1);
    } else if (key.startsWith('-')) fail(at, `unknown operator ${key}`);
    else if (key === '') fail(at, 'empty field name');
    else if (value === undefined) fail(at, 'undefined value');
    else checkCondition(value, at, depth + 1);
  }
}

function checkCondition(c: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) fail(path, 'nested too deeply');
  if (isScalar(c)) return;
  if (typeof c === 'number') fail(path, 'numbers must be finite');
  if (Array.isArray(c)) {
    for (const [i, part] of c.entries()) checkCondition(part, `${path}[${i}]`, depth + 1);
    return;
  }
  if (!isPlainObject(c)) fail(path, 'expected a value, an operator object or an array');
  const keys = Object.keys(c);
  if (keys.length === 0) fail(path, 'empty condition');
  for (const op of keys) {
    const v = c[op];
    const at = `${path}.${op}`;
    if (SCALAR_OPS.has(op)) {
      if (!isScalar(v)) fail(at, `${op} needs a string, number, boolean or null`);
    } else if (op === '-ident') {
      if (typeof v !== 'string' || v === '') fail(at, '-ident needs a field name');
    } else if (LIST_OPS.has(op)) {
      if (!Array.isArray(v) || !v.every(isScalar)) fail(at, `${op} needs an array of values`);
    } else if (RANGE_OPS.has(op)) {
      if (!Array.isArray(v) || v.length !== 2 || !v.every(isScalar)) fail(at, `${op} needs two values`);
    } else if (op === '-and' || op === '-or') {
      if (!Array.isArray(v)) fail(at, `${op} needs an array`);
      for (const [i, part] of v.entries()) checkCondition(part, `${at}[${i}]`, depth + 1);
    } else fail(at, `unknown operator ${op}`);
  }
}
