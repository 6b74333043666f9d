// MARC::Lint's checks are Perl regexes run on character strings (Unicode semantics). These are
// the pieces of Perl syntax whose meaning differs in JavaScript, spelled out for `u`-flag regexes.

/** Perl `\w` on a character string: \p{Word}. */
export const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`;
/** Perl `\s` (Unicode whitespace, including U+0085 and VT, not U+FEFF). */
export const SPACE = String.raw`[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
/** Perl `\S`. */
export const NON_SPACE = String.raw`[^\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
/** Perl `$` without /m: the end, or just before a final newline. */
export const END = String.raw`\n?$`;

/** Perl truth of a value: undefined, '' and '0' are false (MARC::Lint tests `if ($field->subfield('c'))`). */
export function perlTrue(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== '0';
}

/** Perl `length`: code points, not UTF-16 units. */
export function perlLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}
