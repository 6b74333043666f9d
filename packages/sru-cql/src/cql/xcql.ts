// XCQL out: the LoC 1.x form (prefixes on the node they scope, sortKeys on the top node) and the
// OASIS 2.0 form (root <xcql>, capital <Boolean>, prefixes only at the root).
import { escapeXml } from '../xml/escape.js';
import type { CqlModifier, CqlNode, CqlPrefixAssignment, CqlQuery, CqlSortKey } from './ast.js';

export const XCQL_NS_1 = 'http://www.loc.gov/zing/cql/xcql/';
export const XCQL_NS_2 = 'http://docs.oasis-open.org/ns/search-ws/xcql';

export interface XcqlWriteOptions {
  /** '1.2' (LoC, default) or '2.0' (OASIS). */
  readonly version?: '1.1' | '1.2' | '2.0';
  /** Pretty-print with this many spaces per level (default 0: one line). */
  readonly indent?: number;
  /** Declare the XCQL namespace on the root element (default true). */
  readonly namespace?: boolean;
  /** 2.0 only: omit the <xcql> wrapper (the content of an SRU <xQuery>). */
  readonly fragment?: boolean;
}

class Out {
  private text = '';
  private depth = 0;
  constructor(private readonly indent: number) {}
  private pad(): string {
    return this.indent > 0 ? `${this.text === '' ? '' : '\n'}${' '.repeat(this.depth * this.indent)}` : '';
  }
  open(name: string, attrs = ''): void {
    this.text += `${this.pad()}<${name}${attrs}>`;
    this.depth++;
  }
  close(name: string): void {
    this.depth--;
    this.text += `${this.pad()}</${name}>`;
  }
  leaf(name: string, value: string): void {
    this.text += `${this.pad()}<${name}>${escapeXml(value)}</${name}>`;
  }
  toString(): string {
    return this.text;
  }
}

function writeModifiers(out: Out, modifiers: readonly CqlModifier[]): void {
  if (modifiers.length === 0) return;
  out.open('modifiers');
  for (const m of modifiers) {
    out.open('modifier');
    out.leaf('type', m.name);
    if (m.comparison !== undefined) {
      out.leaf('comparison', m.comparison);
      out.leaf('value', m.value ?? '');
    }
    out.close('modifier');
  }
  out.close('modifiers');
}

function writePrefixes(out: Out, prefixes: readonly CqlPrefixAssignment[]): void {
  if (prefixes.length === 0) return;
  out.open('prefixes');
  for (const p of prefixes) {
    out.open('prefix');
    out.leaf('name', p.prefix ?? '');
    out.leaf('identifier', p.uri);
    out.close('prefix');
  }
  out.close('prefixes');
}

function writeSortKeys(out: Out, keys: readonly CqlSortKey[]): void {
  if (keys.length === 0) return;
  out.open('sortKeys');
  for (const key of keys) {
    out.open('key');
    out.leaf('index', key.index);
    writeModifiers(out, key.modifiers);
    out.close('key');
  }
  out.close('sortKeys');
}

function writeSearchClauseBody(out: Out, node: CqlNode & { type: 'searchClause' }): void {
  out.leaf('index', node.index);
  out.open('relation');
  out.leaf('value', node.relation.name);
  writeModifiers(out, node.relation.modifiers);
  out.close('relation');
  out.leaf('term', node.term);
}

function writeNode1(out: Out, node: CqlNode, attrs: string, sortKeys: readonly CqlSortKey[]): void {
  const name = node.type === 'searchClause' ? 'searchClause' : 'triple';
  out.open(name, attrs);
  writePrefixes(out, node.prefixes);
  if (node.type === 'searchClause') writeSearchClauseBody(out, node);
  else {
    out.open('boolean');
    out.leaf('value', node.operator);
    writeModifiers(out, node.modifiers);
    out.close('boolean');
    out.open('leftOperand');
    writeNode1(out, node.left, '', []);
    out.close('leftOperand');
    out.open('rightOperand');
    writeNode1(out, node.right, '', []);
    out.close('rightOperand');
  }
  writeSortKeys(out, sortKeys);
  out.close(name);
}

function collectPrefixes(node: CqlNode, into: CqlPrefixAssignment[]): void {
  into.push(...node.prefixes);
  if (node.type === 'boolean') {
    collectPrefixes(node.left, into);
    collectPrefixes(node.right, into);
  }
}

/** 2.0: <triple> wraps either a searchClause or Boolean + operands; operands hold either directly. */
function writeOperand2(out: Out, node: CqlNode): void {
  if (node.type === 'searchClause') {
    out.open('searchClause');
    writeSearchClauseBody(out, node);
    out.close('searchClause');
  } else {
    out.open('triple');
    writeTripleBody2(out, node);
    out.close('triple');
  }
}

function writeTripleBody2(out: Out, node: CqlNode): void {
  if (node.type === 'searchClause') {
    writeOperand2(out, node);
    return;
  }
  out.open('Boolean');
  out.leaf('value', node.operator);
  writeModifiers(out, node.modifiers);
  out.close('Boolean');
  out.open('leftOperand');
  writeOperand2(out, node.left);
  out.close('leftOperand');
  out.open('rightOperand');
  writeOperand2(out, node.right);
  out.close('rightOperand');
}

/**
 * XCQL for a query. In the 2.0 form every prefix assignment is written once at the root, because the
 * OASIS schema has no place for scoped ones (a prefix rebound inside parentheses is not representable).
 */
export function toXcql(query: CqlQuery, options: XcqlWriteOptions = {}): string {
  const out = new Out(options.indent ?? 0);
  const withNs = options.namespace ?? true;
  if (options.version === '2.0') {
    const wrap = options.fragment !== true;
    if (wrap) out.open('xcql', withNs ? ` xmlns="${XCQL_NS_2}"` : '');
    const prefixes: CqlPrefixAssignment[] = [];
    collectPrefixes(query.root, prefixes);
    writePrefixes(out, prefixes);
    out.open('triple');
    writeTripleBody2(out, query.root);
    out.close('triple');
    writeSortKeys(out, query.sortKeys);
    if (wrap) out.close('xcql');
  } else {
    writeNode1(out, query.root, withNs ? ` xmlns="${XCQL_NS_1}"` : '', query.sortKeys);
  }
  return out.toString();
}
