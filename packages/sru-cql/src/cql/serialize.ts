// CQL text from the tree. Quotes only when needed, parenthesises only where left-associativity or a
// scoped prefix assignment requires it, so parseCql(toCql(q)) deep-equals q.
import type { CqlModifier, CqlNode, CqlPrefixAssignment, CqlQuery, CqlRelation } from './ast.js';
import { COMPARITORS, SERVER_CHOICE } from './ast.js';

const RESERVED = new Set(['and', 'or', 'not', 'prox', 'sortby']);
const NEEDS_QUOTES = /[\s()=<>"/]/;

/** Raw text with every `"` escaped and no dangling backslash (what the parser yields). */
function escapeRaw(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const d = raw[i + 1];
      out += d === undefined ? '\\\\' : `\\${d}`;
      i++;
    } else if (c === '"') out += '\\"';
    else out += c;
  }
  return out;
}

/** A term, index, URI or modifier name/value as CQL: quoted if it would not lex as one word. */
export function quoteCqlTerm(raw: string): string {
  if (raw === '' || NEEDS_QUOTES.test(raw) || RESERVED.has(raw.toLowerCase()) || raw.endsWith('\\')) {
    return `"${escapeRaw(raw)}"`;
  }
  return escapeRaw(raw);
}

function modifiersToCql(modifiers: readonly CqlModifier[]): string {
  let out = '';
  for (const m of modifiers) {
    out += `/${quoteCqlTerm(m.name)}`;
    if (m.comparison !== undefined) out += `${m.comparison}${quoteCqlTerm(m.value ?? '')}`;
  }
  return out;
}

function relationToCql(relation: CqlRelation): string {
  const name = (COMPARITORS as readonly string[]).includes(relation.name)
    ? relation.name
    : quoteCqlTerm(relation.name);
  return name + modifiersToCql(relation.modifiers);
}

function prefixesToCql(prefixes: readonly CqlPrefixAssignment[]): string {
  let out = '';
  for (const p of prefixes) {
    out +=
      p.prefix === undefined
        ? `> ${quoteCqlTerm(p.uri)} `
        : `> ${quoteCqlTerm(p.prefix)} = ${quoteCqlTerm(p.uri)} `;
  }
  return out;
}

function nodeToCql(node: CqlNode, parens: boolean): string {
  let body: string;
  if (node.type === 'searchClause') {
    const bare =
      node.index === SERVER_CHOICE && node.relation.name === '=' && node.relation.modifiers.length === 0;
    body = bare
      ? quoteCqlTerm(node.term)
      : `${quoteCqlTerm(node.index)} ${relationToCql(node.relation)} ${quoteCqlTerm(node.term)}`;
  } else {
    const left = nodeToCql(node.left, node.left.prefixes.length > 0);
    const right = nodeToCql(node.right, node.right.type === 'boolean' || node.right.prefixes.length > 0);
    body = `${left} ${node.operator}${modifiersToCql(node.modifiers)} ${right}`;
  }
  const text = prefixesToCql(node.prefixes) + body;
  return parens ? `(${text})` : text;
}

/** CQL text for a query tree (the inverse of parseCql up to whitespace and redundant parentheses). */
export function toCql(query: CqlQuery | CqlNode): string {
  if ('type' in query) return nodeToCql(query, false);
  let out = nodeToCql(query.root, false);
  if (query.sortKeys.length > 0) {
    out += ' sortBy';
    for (const key of query.sortKeys) out += ` ${quoteCqlTerm(key.index)}${modifiersToCql(key.modifiers)}`;
  }
  return out;
}
