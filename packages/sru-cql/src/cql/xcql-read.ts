// XCQL in (both the LoC 1.x and the OASIS 2.0 forms, with or without namespace) → the same tree
// parseCql gives for the equivalent CQL.
import { SruError } from '../errors.js';
import { child, childText, parseXml, type XmlElement } from '../xml/dom.js';
import type { Comparitor, CqlModifier, CqlNode, CqlPrefixAssignment, CqlQuery, CqlSortKey } from './ast.js';
import { COMPARITORS, SERVER_CHOICE } from './ast.js';

const OPERATORS = new Set(['and', 'or', 'not', 'prox']);

function bad(message: string): never {
  throw new SruError('XCQL_INVALID', `Invalid XCQL: ${message}`, { diagnostic: 10 });
}

function required(el: XmlElement, name: string): string {
  const v = childText(el, name);
  if (v === undefined) bad(`<${el.name}> has no <${name}>`);
  return v;
}

function readModifiers(el: XmlElement): readonly CqlModifier[] {
  const list = child(el, 'modifiers');
  if (!list) return [];
  return list.children
    .filter((m) => m.name === 'modifier')
    .map((m) => {
      // CQL::Parser writes a bare relation modifier as <modifier><value>name</value></modifier>.
      const type = childText(m, 'type');
      if (type === undefined && childText(m, 'comparison') === undefined)
        return { name: required(m, 'value') };
      const name = type ?? required(m, 'type');
      const comparison = childText(m, 'comparison');
      if (comparison === undefined) return { name };
      if (!(COMPARITORS as readonly string[]).includes(comparison)) bad(`unknown comparison '${comparison}'`);
      return { name, comparison: comparison as Comparitor, value: childText(m, 'value') ?? '' };
    });
}

function readPrefixes(el: XmlElement): CqlPrefixAssignment[] {
  const list = child(el, 'prefixes');
  if (!list) return [];
  return list.children
    .filter((p) => p.name === 'prefix')
    .map((p) => {
      const name = childText(p, 'name');
      const uri = required(p, 'identifier');
      return name === undefined || name === '' ? { uri } : { prefix: name, uri };
    });
}

function readSortKeys(el: XmlElement): CqlSortKey[] {
  const list = child(el, 'sortKeys');
  if (!list) return [];
  return list.children
    .filter((k) => k.name === 'key')
    .map((k) => ({ index: required(k, 'index'), modifiers: readModifiers(k) }));
}

function readSearchClause(el: XmlElement): CqlNode {
  const term = required(el, 'term');
  const relation = child(el, 'relation');
  const index = childText(el, 'index');
  return {
    type: 'searchClause',
    prefixes: readPrefixes(el),
    index: index ?? SERVER_CHOICE,
    relation: relation
      ? { name: required(relation, 'value'), modifiers: readModifiers(relation) }
      : { name: '=', modifiers: [] },
    term,
  };
}

function readOperand(el: XmlElement, depth: number): CqlNode {
  const inner = el.children[0];
  if (!inner) bad(`empty <${el.name}>`);
  return readNode(inner, depth + 1);
}

function readNode(el: XmlElement, depth: number): CqlNode {
  if (depth > 1000) bad('nested too deeply');
  if (el.name === 'searchClause') return readSearchClause(el);
  if (el.name !== 'triple') bad(`unexpected <${el.name}>`);
  const boolean = child(el, 'boolean') ?? child(el, 'Boolean');
  if (!boolean) {
    // 2.0: a triple may hold a single searchClause (or, leniently, another triple).
    const only = child(el, 'searchClause') ?? child(el, 'triple');
    if (!only) bad('<triple> without <boolean> or <searchClause>');
    const node = readNode(only, depth + 1);
    const prefixes = readPrefixes(el);
    return prefixes.length === 0 ? node : { ...node, prefixes: [...prefixes, ...node.prefixes] };
  }
  const operator = required(boolean, 'value').toLowerCase();
  if (!OPERATORS.has(operator)) bad(`unknown boolean '${operator}'`);
  const left = child(el, 'leftOperand');
  const right = child(el, 'rightOperand');
  if (!left || !right) bad('<triple> without both operands');
  return {
    type: 'boolean',
    prefixes: readPrefixes(el),
    operator: operator as 'and',
    modifiers: readModifiers(boolean),
    left: readOperand(left, depth),
    right: readOperand(right, depth),
  };
}

/** Reads XCQL 1.x (`<searchClause>`/`<triple>` root) or 2.0 (`<xcql>` root). Throws SruError XCQL_INVALID. */
export function parseXcql(xml: string): CqlQuery {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    throw new SruError(
      'XCQL_INVALID',
      `Invalid XCQL: ${(e as Error).message}`,
      { diagnostic: 10 },
      { cause: e },
    );
  }
  if (root.name === 'xcql') {
    const triple = child(root, 'triple') ?? child(root, 'searchClause');
    if (!triple) bad('<xcql> without <triple>');
    const node = readNode(triple, 0);
    const prefixes = readPrefixes(root);
    return {
      root: prefixes.length === 0 ? node : { ...node, prefixes: [...prefixes, ...node.prefixes] },
      sortKeys: readSortKeys(root),
    };
  }
  return { root: readNode(root, 0), sortKeys: readSortKeys(root) };
}
