// The canonical one-line form of a CQL tree that yaz-cql.c and cql-parser-canon.pl also print,
// so structures can be compared as strings.
import type { CqlModifier, CqlNode, CqlQuery } from '../../src/index.js';

export interface CanonOptions {
  /** Write prefix assignments as P(name=uri,…) (CQL::Parser keeps them; YAZ resolves them away). */
  readonly prefixes: boolean;
  /** Sort boolean and relation modifiers (YAZ prints them in reverse order). */
  readonly sortModifiers: boolean;
}

function mods(list: readonly CqlModifier[], sort = false): string {
  const parts = list.map(
    (m) => `/${m.name}${m.comparison === undefined ? '' : `${m.comparison}${m.value ?? ''}`}`,
  );
  return (sort ? [...parts].sort() : parts).join('');
}

function node(n: CqlNode, o: CanonOptions): string {
  let body: string;
  if (n.type === 'searchClause') {
    body = `C(${n.index}|${n.relation.name}${mods(n.relation.modifiers, o.sortModifiers)}|${n.term})`;
  } else
    body = `B(${n.operator}${mods(n.modifiers, o.sortModifiers)},${node(n.left, o)},${node(n.right, o)})`;
  if (!o.prefixes) return body;
  for (let i = n.prefixes.length - 1; i >= 0; i--) {
    const p = n.prefixes[i];
    if (p) body = `P(${p.prefix ?? ''}=${p.uri},${body})`;
  }
  return body;
}

export function canon(q: CqlQuery, o: CanonOptions): string {
  const sort =
    q.sortKeys.length === 0
      ? ''
      : ` SORT ${q.sortKeys.map((k) => `${k.index}${mods(k.modifiers, o.sortModifiers)}`).join(' ')}`;
  return node(q.root, o) + sort;
}

/** Reorders the modifier lists of every B(op/…) and C(index|rel/…|) in a peer's line, to compare as sets. */
export function sortModifiers(line: string): string {
  const sorted = (list: string) =>
    list
      .split('/')
      .filter((s) => s !== '')
      .map((s) => `/${s}`)
      .sort()
      .join('');
  const at = line.indexOf(' SORT ');
  if (at >= 0) {
    const keys = line
      .slice(at + 6)
      .split(' ')
      .map((key) => {
        const slash = key.indexOf('/');
        return slash < 0 ? key : key.slice(0, slash) + sorted(key.slice(slash));
      });
    return `${sortModifiers(line.slice(0, at))} SORT ${keys.join(' ')}`;
  }
  return line
    .replace(/B\((\w+)((?:\/[^,/]+)*),/g, (_m, op: string, list: string) => `B(${op}${sorted(list)},`)
    .replace(
      /C\(([^|]*)\|([^/|]+)((?:\/[^/|]+)*)\|/g,
      (_m, index: string, rel: string, list: string) => `C(${index}|${rel}${sorted(list)}|`,
    );
}
