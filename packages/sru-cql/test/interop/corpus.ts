// CQL queries for the peer comparisons and the benchmark. Grouped by who understands them: CQL::Parser
// implements CQL 1.1 (no ==, sortBy, modifier values or named prox modifiers); YAZ implements 1.2
// but resolves prefix maps away and lower-cases reserved words used as terms.
export const COMMON: readonly string[] = [
  'cat',
  '"cat"',
  'dinosaur and bird',
  'a or b and c not d',
  'a and (b or (c not d))',
  '((a and b) or (c and d))',
  'dc.title = "the lord of the rings"',
  'dc.title any "fish frog"',
  'dc.title all "fish frog" or dc.creator any "smith john"',
  'dc.title = (frog or (toad and dc.creator = smith))',
  'dc.date > 1990 and dc.date <= 2000',
  'dc.date >= 1990 and dc.date < 2000 and dc.date <> 1995',
  'dc.title any/relevant "fish frog"',
  'dc.title =/stem/relevant cat',
  'title=frog',
  'dc.title=(frog)',
  'cat*',
  '"cat* ?og ^start"',
  'dc.subject = "computer science" not dc.subject = programming',
  'bath.isbn = 0306406152',
  'rec.id = 12345 or rec.id = 67890',
  'dc.identifier within "1 10"',
  'dc.title encloses x',
  'x and y or z not w and v',
  'dc.creator = kernighan and (dc.title = unix or dc.title = "c programming")',
  'and = x',
  'title = and',
];

export const YAZ_ONLY: readonly string[] = [
  '"a \\"quoted\\" phrase"',
  'dc.creator adj "smith john"',
  'title == "exact phrase"',
  'dc.title =/locale=fr x',
  'cat prox/unit=word/distance<3/ordered hat',
  'dc.creator = kernighan sortBy dc.date/sort.descending dc.title',
  'a sortBy x',
  'a and/rel.combine=sum b',
];

export const PERL_ONLY: readonly string[] = [
  '> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title = x',
  '> "info:default" title = x and y',
  'a and (> x = "uri" x.b = c)',
];

/** Rejected by our parser and both peers. */
export const INVALID: readonly string[] = [
  '(a',
  'a)',
  'a and',
  'title =',
  '= x',
  'a and ()',
  '()',
  'cat dog',
];

export const ALL_VALID: readonly string[] = [...COMMON, ...YAZ_ONLY, ...PERL_ONLY];
