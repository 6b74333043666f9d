// A JSON-schema checker for the Swagger 2.0 dialect Koha uses (type arrays with "null",
// readOnly, formats date/date-time), and a generator of sample values that pass it.

export type Schema = Record<string, unknown>;
export interface Violation {
  path: string;
  message: string;
}

export type Resolve = (ref: string) => Schema;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(want: string, v: unknown): boolean {
  const got = typeOf(v);
  if (want === 'number') return got === 'number' || got === 'integer';
  return want === got;
}

export interface CheckOptions {
  resolve: Resolve;
  /** In requests, readOnly properties are refused (Koha's validator says "Read-only."). */
  mode: 'request' | 'response';
}

export function check(
  schema: Schema | undefined,
  value: unknown,
  path: string,
  opts: CheckOptions,
): Violation[] {
  const out: Violation[] = [];
  walk(schema, value, path, opts, out);
  return out;
}

function walk(
  schema: Schema | undefined,
  v: unknown,
  path: string,
  opts: CheckOptions,
  out: Violation[],
): void {
  if (!schema) return;
  if (typeof schema.$ref === 'string') {
    walk(opts.resolve(schema.$ref), v, path, opts, out);
    return;
  }
  const types = ([] as string[]).concat((schema.type as string | string[] | undefined) ?? []);
  if (types.length > 0 && !types.some((t) => typeMatches(t, v))) {
    out.push({ path, message: `Expected ${types.join('/')} - got ${typeOf(v)}.` });
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === v)) {
    out.push({ path, message: `Not in enum list: ${schema.enum.join(', ')}.` });
  }
  if (typeof v === 'string') {
    if (typeof schema.maxLength === 'number' && [...v].length > schema.maxLength) {
      out.push({ path, message: `String is too long: ${[...v].length}/${schema.maxLength}.` });
    }
    if (typeof schema.minLength === 'number' && [...v].length < schema.minLength) {
      out.push({ path, message: `String is too short: ${[...v].length}/${schema.minLength}.` });
    }
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) {
      out.push({ path, message: `String does not match ${schema.pattern}.` });
    }
    if (schema.format === 'date' && !DATE.test(v)) out.push({ path, message: 'Does not match date format.' });
    if (schema.format === 'date-time' && !DATE_TIME.test(v)) {
      out.push({ path, message: 'Does not match date-time format.' });
    }
  }
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number' && v < schema.minimum)
      out.push({ path, message: `${v} < minimum(${schema.minimum})` });
    if (typeof schema.maximum === 'number' && v > schema.maximum)
      out.push({ path, message: `${v} > maximum(${schema.maximum})` });
  }
  if (Array.isArray(v) && schema.items && typeof schema.items === 'object') {
    v.forEach((item, i) => {
      walk(schema.items as Schema, item, `${path}/${i}`, opts, out);
    });
  }
  if (typeOf(v) === 'object') {
    const obj = v as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const req of (schema.required as string[] | undefined) ?? []) {
      if (!Object.hasOwn(obj, req)) out.push({ path: `${path}/${req}`, message: 'Missing property.' });
    }
    for (const [k, val] of Object.entries(obj)) {
      const p = Object.hasOwn(props, k) ? props[k] : undefined;
      if (p) {
        if (opts.mode === 'request' && p.readOnly === true)
          out.push({ path: `${path}/${k}`, message: 'Read-only.' });
        else walk(p, val, `${path}/${k}`, opts, out);
      } else if (schema.additionalProperties === false) {
        out.push({ path: `${path}/${k}`, message: 'Properties not allowed.' });
      } else if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
        walk(schema.additionalProperties as Schema, val, `${path}/${k}`, opts, out);
      }
    }
  }
}

/** A deterministic sample value that satisfies `schema` (every property filled, non-null when allowed). */
export function sample(schema: Schema | undefined, resolve: Resolve, seed = 1, depth = 0): unknown {
  if (!schema) return null;
  if (typeof schema.$ref === 'string') return sample(resolve(schema.$ref), resolve, seed, depth);
  if (Array.isArray(schema.enum)) return schema.enum[seed % schema.enum.length];
  const types = ([] as string[]).concat(
    (schema.type as string | string[] | undefined) ?? (schema.properties ? 'object' : []),
  );
  const t = types.find((x) => x !== 'null') ?? types[0];
  switch (t) {
    case 'integer':
      return Math.max(typeof schema.minimum === 'number' ? schema.minimum : 0, seed);
    case 'number':
      return seed + 0.5;
    case 'boolean':
      return seed % 2 === 0;
    case 'string': {
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T10:00:00+00:00';
      const text = `s${seed}`;
      return typeof schema.maxLength === 'number' ? text.slice(0, schema.maxLength) : text;
    }
    case 'array':
      return depth > 2 || !schema.items ? [] : [sample(schema.items as Schema, resolve, seed, depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 3) return out;
      for (const [k, p] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        out[k] = sample(p, resolve, seed, depth + 1);
      }
      return out;
    }
    case 'null':
      return null;
    default:
      return null;
  }
}
