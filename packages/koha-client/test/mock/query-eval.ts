// Evaluates Koha `q` filters over in-memory rows (SQL::Abstract semantics, the subset the
// client can build). Returns undefined for a filter Koha would refuse with `invalid_query`.
type Row = Record<string, unknown>;

const likeToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    'is',
  );

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function fieldValue(row: Row, field: string): unknown {
  let v: unknown = row;
  for (const part of field.replace(/^me\./, '').split('.'))
    v = v && typeof v === 'object' ? (v as Row)[part] : undefined;
  return v;
}

class Invalid extends Error {}

function cond(value: unknown, c: unknown, row: Row): boolean {
  if (c === null) return value === null || value === undefined;
  if (typeof c !== 'object') return value === c || String(value) === String(c);
  if (Array.isArray(c)) return c.some((x) => cond(value, x, row));
  return Object.entries(c as Row).every(([op, v]) => {
    switch (op) {
      case '=':
        return cond(value, v, row);
      case '!=':
      case '-not':
        return !cond(value, v, row);
      case '<':
        return compare(value, v) < 0;
      case '>':
        return compare(value, v) > 0;
      case '<=':
        return compare(value, v) <= 0;
      case '>=':
        return compare(value, v) >= 0;
      case '-like':
        return typeof value === 'string' && likeToRegExp(String(v)).test(value);
      case '-not_like':
        return !(typeof value === 'string' && likeToRegExp(String(v)).test(value));
      case '-in':
        if (!Array.isArray(v)) throw new Invalid();
        return v.some((x) => cond(value, x, row));
      case '-not_in':
        if (!Array.isArray(v)) throw new Invalid();
        return !v.some((x) => cond(value, x, row));
      case '-between':
      case '-not_between': {
        if (!Array.isArray(v) || v.length !== 2) throw new Invalid();
        const inside = compare(value, v[0]) >= 0 && compare(value, v[1]) <= 0;
        return op === '-between' ? inside : !inside;
      }
      case '-ident':
        return value === fieldValue(row, String(v));
      case '-regexp':
        return typeof value === 'string' && new RegExp(String(v)).test(value);
      case '-and':
        if (!Array.isArray(v)) throw new Invalid();
        return v.every((x) => cond(value, x, row));
      case '-or':
        if (!Array.isArray(v)) throw new Invalid();
        return v.some((x) => cond(value, x, row));
      default:
        throw new Invalid();
    }
  });
}

function matches(q: unknown, row: Row): boolean {
  if (Array.isArray(q)) return q.length === 0 || q.some((part) => matches(part, row));
  if (typeof q !== 'object' || q === null) throw new Invalid();
  return Object.entries(q as Row).every(([k, v]) => {
    if (k === '-and') {
      if (!Array.isArray(v)) throw new Invalid();
      return v.every((part) => matches(part, row));
    }
    if (k === '-or') {
      if (!Array.isArray(v)) throw new Invalid();
      return v.length === 0 || v.some((part) => matches(part, row));
    }
    if (k.startsWith('-')) throw new Invalid();
    return cond(fieldValue(row, k), v, row);
  });
}

export function evaluateQuery(q: unknown, rows: Row[]): Row[] | undefined {
  try {
    return rows.filter((row) => matches(q, row));
  } catch (e) {
    if (e instanceof Invalid) return undefined;
    throw e;
  }
}
