// Parses the generated MARC 21 Bibliographic rules table once, on first use.
import { MARC21_BIB_RULES } from './marc21-bib-rules.js';

export interface TagRule {
  readonly tag: string;
  readonly repeatable: boolean;
  /** Allowed indicator values (' ' for blank); undefined when the table gives none. */
  readonly ind1?: string;
  readonly ind2?: string;
  /** Subfield code → repeatable; undefined when the table only gives repeatability. */
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
    const [tag, rep, ind1, ind2, nr, r] = line.trim().split(/\s+/);
    if (!tag || !rep) continue;
    const repeatable = rep === 'R';
    if (ind1 === undefined || ind2 === undefined || nr === undefined || r === undefined) {
      map.set(tag, { tag, repeatable });
      continue;
    }
    const subfields = new Map<string, boolean>();
    if (nr !== '-') for (const c of nr) subfields.set(c, false);
    if (r !== '-') for (const c of r) subfields.set(c, true);
    const rule: { -readonly [K in keyof TagRule]: TagRule[K] } = { tag, repeatable, subfields };
    // '*' (880: "same as associated field") gives no indicator rule of its own.
    if (ind1 !== '*') rule.ind1 = ind1.replace('b', ' ');
    if (ind2 !== '*') rule.ind2 = ind2.replace('b', ' ');
    map.set(tag, rule);
  }
  return map;
}

/** "blank", "0 or 1", "blank, 0, 1 or 2", "0 thru 9" (MARC::Lint's wording). */
export function describeIndicator(values: string): string {
  if (values === ' ') return 'blank';
  if (values === '0123456789') return '0 thru 9';
  const names = [...values].map((c) => (c === ' ' ? 'blank' : c));
  const last = names.pop() ?? '';
  return names.length === 0 ? last : `${names.join(', ')} or ${last}`;
}
