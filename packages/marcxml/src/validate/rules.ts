// Parses the MARC 21 Bibliographic rules table once, on first use.
import { MARC21_BIB_RULES } from './marc21-bib-rules.js';

export interface TagRule {
  readonly tag: string;
  readonly repeatable: boolean;
  /** Allowed indicator values (' ' for blank); undefined when the table only gives repeatability. */
  readonly ind1?: string;
  readonly ind2?: string;
  /** Subfield code → repeatable. */
  readonly subfields?: ReadonlyMap<string, boolean>;
}

let table: Map<string, TagRule> | undefined;

export function marc21BibRule(tag: string): TagRule | undefined {
  if (!table) table = parseRules(MARC21_BIB_RULES);
  return table.get(tag);
}

function parseRules(text: string): Map<string, TagRule> {
  const map = new Map<string, TagRule>();
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    const [tag, rep, ind1, ind2, nr, r] = parts;
    if (!tag || !rep) continue;
    const repeatable = rep === 'R';
    if (ind1 === undefined || ind2 === undefined || nr === undefined || r === undefined) {
      map.set(tag, { tag, repeatable });
      continue;
    }
    const subfields = new Map<string, boolean>();
    if (nr !== '-') for (const c of nr) subfields.set(c, false);
    if (r !== '-') for (const c of r) subfields.set(c, true);
    map.set(tag, { tag, repeatable, ind1: indicatorValues(ind1), ind2: indicatorValues(ind2), subfields });
  }
  return map;
}

function indicatorValues(spec: string): string {
  if (spec === '-') return ' ';
  if (spec === '0-9') return '0123456789';
  return spec.replace('b', ' ');
}

/** MARC::Lint's wording: "blank", "0 or 1", "blank, 0, 1 or 2", "0 thru 9". */
export function describeIndicator(values: string): string {
  if (values === ' ') return 'blank';
  if (values === '0123456789') return '0 thru 9';
  const names = [...values].map((c) => (c === ' ' ? 'blank' : c));
  const last = names.pop()!;
  return names.length === 0 ? last : `${names.join(', ')} or ${last}`;
}
