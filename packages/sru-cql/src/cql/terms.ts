// Interpretation of raw CQL terms (CQL 1.2 masking): `*` any run, `?` one character, `^` anchors
// at either end, `\` makes the next character literal. Kept apart from the parser, which never
// resolves escapes, so servers that pass terms through (Zebra-style) see them as written.
// Matching is a linear-backtracking glob, not a RegExp: `a*a*a*a*b` cannot blow up.
import { SruError } from '../errors.js';

/** A term with escapes removed and no masking applied: what comparisons (<, >=, within) use. */
export function unescapeCqlTerm(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\' && i + 1 < raw.length) {
      out += raw[i + 1];
      i++;
    } else out += c;
  }
  return out;
}

/** `*` in a glob. */
export const ANY_RUN: unique symbol = Symbol('*');
/** `?` in a glob. */
export const ANY_ONE: unique symbol = Symbol('?');
/** A compiled masked term: literal code points and the two masks. */
export type TermGlob = readonly (string | typeof ANY_RUN | typeof ANY_ONE)[];

export interface TermPattern {
  /** Field must start with the term (`^` first). */
  readonly anchorStart: boolean;
  /** Field must end with the term (`^` last). */
  readonly anchorEnd: boolean;
  /** One glob per word of the term (already case/accent folded). */
  readonly words: readonly TermGlob[];
  /** Glob for the whole term, word separators collapsed to one space (compare with `normalizeValue`). */
  readonly whole: TermGlob;
}

export interface FoldOptions {
  readonly ignoreCase: boolean;
  readonly ignoreAccents: boolean;
}

/** Case and accent folding shared by index values and terms, so both sides compare alike. */
export function fold(text: string, options: FoldOptions): string {
  let s = text;
  if (options.ignoreAccents) s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  if (options.ignoreCase) s = s.toLowerCase();
  return s.normalize('NFC');
}

/** Words of a field value: runs of letters and digits. */
export function wordsOf(value: string): string[] {
  return value.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** A folded value with every run of non-word characters turned into one space (for whole-value globs). */
export function normalizeValue(value: string, options: FoldOptions): string {
  return fold(value, options)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Glob match over code points: O(pattern × text) at worst. */
export function matchGlob(glob: TermGlob, text: string): boolean {
  const t = Array.from(text);
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < t.length) {
    const p = glob[i];
    if (i < glob.length && p !== ANY_RUN && (p === ANY_ONE || p === t[j])) {
      i++;
      j++;
    } else if (p === ANY_RUN) {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (glob[i] === ANY_RUN) i++;
  return i === glob.length;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Compiles a raw term. `masked: false` (the /unmasked modifier) takes every character literally.
 * Throws SruError UNSUPPORTED: diagnostic 32 for `^` anywhere but the ends, 27 for an empty term.
 */
export function compileTerm(raw: string, foldOptions: FoldOptions, masked = true): TermPattern {
  let anchorStart = false;
  let anchorEnd = false;
  const words: TermGlob[] = [];
  let word: (string | typeof ANY_RUN | typeof ANY_ONE)[] = [];
  const whole: (string | typeof ANY_RUN | typeof ANY_ONE)[] = [];
  let pendingSpace = false;
  const push = (token: string | typeof ANY_RUN | typeof ANY_ONE) => {
    if (pendingSpace && whole.length > 0) whole.push(' ');
    pendingSpace = false;
    // Consecutive `*` mean the same as one.
    if (token === ANY_RUN && word[word.length - 1] === ANY_RUN) return;
    word.push(token);
    whole.push(token);
  };
  const endWord = () => {
    if (word.length > 0) words.push(word);
    word = [];
    pendingSpace = true;
  };
  const chars = Array.from(raw);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) {
      const literal = chars[++i] as string;
      if (WORD_CHAR.test(literal)) for (const f of fold(literal, foldOptions)) push(f);
      else endWord();
    } else if (masked && c === '*') push(ANY_RUN);
    else if (masked && c === '?') push(ANY_ONE);
    else if (masked && c === '^') {
      if (i === 0) anchorStart = true;
      else if (i === chars.length - 1) anchorEnd = true;
      else
        throw new SruError('UNSUPPORTED', 'Anchoring character in unsupported position', {
          diagnostic: 32,
          details: raw,
        });
    } else if (WORD_CHAR.test(c)) for (const f of fold(c, foldOptions)) push(f);
    else endWord();
  }
  if (word.length > 0) words.push(word);
  if (words.length === 0)
    throw new SruError('UNSUPPORTED', 'Empty term unsupported', { diagnostic: 27, details: raw });
  return { anchorStart, anchorEnd, words, whole };
}
