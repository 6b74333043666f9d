// JSON form of the tree: the AST itself, checked on the way in so a hand-written document cannot
// smuggle a malformed node into a translator.
import { SruError } from '../errors.js';
import type { CqlModifier, CqlNode, CqlPrefixAssignment, CqlQuery, CqlSortKey } from './ast.js';
import { COMPARITORS } from './ast.js';

export function toCqlJson(query: CqlQuery, indent?: number): string {
  return JSON.stringify(query, null, indent);
}

function bad(path: string, what: string): never {
  throw new SruError('XCQL_INVALID', `Invalid CQL JSON at ${path}: ${what}`, { details: path });
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(path, 'expected an object');
  return v as Record<string, unknown>;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') bad(path, 'expected a string');
  return v;
}

function arr(v: unknown, path: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) bad(path, 'expected an array');
  return v;
}

function modifiers(v: unknown, path: string): CqlModifier[] {
  return arr(v, path).map((m, i) => {
    const o = obj(m, `${path}[${i}]`);
    const name = str(o.name, `${path}[${i}].name`);
    if (o.comparison === undefined) return { name };
    const comparison = str(o.comparison, `${path}[${i}].comparison`);
    if (!(COMPARITORS as readonly string[]).includes(comparison))
      bad(`${path}[${i}].comparison`, 'unknown comparison');
    return {
      name,
      comparison: comparison as CqlModifier['comparison'] & string,
      value: str(o.value, `${path}[${i}].value`),
    };
  });
}

function prefixes(v: unknown, path: string): CqlPrefixAssignment[] {
  return arr(v, path).map((p, i) => {
    const o = obj(p, `${path}[${i}]`);
    const uri = str(o.uri, `${path}[${i}].uri`);
    return o.prefix === undefined ? { uri } : { prefix: str(o.prefix, `${path}[${i}].prefix`), uri };
  });
}

function node(v: unknown, path: string, depth: number): CqlNode {
  if (depth > 1000) bad(path, 'nested too deeply');
  const o = obj(v, path);
  if (o.type === 'searchClause') {
    const rel = obj(o.relation, `${path}.relation`);
    return {
      type: 'searchClause',
      prefixes: prefixes(o.prefixes, `${path}.prefixes`),
      index: str(o.index, `${path}.index`),
      relation: {
        name: str(rel.name, `${path}.relation.name`),
        modifiers: modifiers(rel.modifiers, `${path}.relation.modifiers`),
      },
      term: str(o.term, `${path}.term`),
    };
  }
  if (o.type === 'boolean') {
    const op = str(o.operator, `${path}.operator`);
    if (op !== 'and' && op !== 'or' && op !== 'not' && op !== 'prox')
      bad(`${path}.operator`, 'unknown boolean');
    return {
      type: 'boolean',
      prefixes: prefixes(o.prefixes, `${path}.prefixes`),
      operator: op,
      modifiers: modifiers(o.modifiers, `${path}.modifiers`),
      left: node(o.left, `${path}.left`, depth + 1),
      right: node(o.right, `${path}.right`, depth + 1),
    };
  }
  bad(`${path}.type`, "expected 'searchClause' or 'boolean'");
}

/** Reads the JSON form (a string or an already-parsed value). Throws SruError XCQL_INVALID. */
export function parseCqlJson(json: string | unknown): CqlQuery {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new SruError('XCQL_INVALID', `Invalid CQL JSON: ${(e as Error).message}`, {}, { cause: e });
    }
  }
  const o = obj(value, '$');
  const sortKeys: CqlSortKey[] = arr(o.sortKeys, '$.sortKeys').map((k, i) => {
    const ko = obj(k, `$.sortKeys[${i}]`);
    return {
      index: str(ko.index, `$.sortKeys[${i}].index`),
      modifiers: modifiers(ko.modifiers, `$.sortKeys[${i}].modifiers`),
    };
  });
  return { root: node(o.root, '$.root', 0), sortKeys };
}
