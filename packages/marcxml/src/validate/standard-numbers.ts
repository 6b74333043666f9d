// ISBN (020) and ISSN (022) checks. The ISBN checks follow MARC::Lint's check_020: it strips
// hyphens, takes the first run of 10 or 13 digits (9 + X) that ends at a word boundary, and
// checks that run; anything before the run, or a hyphen, counts as "invalid characters".
import { END, WORD } from './perl-regex.js';

const LEADING_ISBN = new RegExp(`^[^0-9]*([0-9]{9,12}[X0-9])(?!${WORD})[^\\n]*(?=${END})`, 'u');
const ISBN_SHAPE = new RegExp(`^(?:[0-9]{10}|[0-9]{13}|[0-9]{9}X)${END}`, 'u');

/** The ISBN MARC::Lint reads from a 020 $a/$z value: hyphens removed, qualifiers dropped. */
export function isbnOf(value: string): string {
  return value.replace(/-/g, '').replace(LEADING_ISBN, '$1');
}

/** Why the ISBN in a 020 $a value is bad ("has bad checksum"), or undefined if it is fine. */
export function isbnProblem(value: string): string | undefined {
  const isbn = isbnOf(value);
  if (!ISBN_SHAPE.test(isbn)) return 'has the wrong number of digits';
  // A final newline kept by the pattern makes 11 or 14 characters: MARC::Lint checks neither.
  if (isbn.length === 10) return isbn10Valid(isbn) ? undefined : 'has bad checksum';
  if (isbn.length === 13) return isbn13Valid(isbn) ? undefined : 'has bad checksum (13 digit)';
  return undefined;
}

/** MARC::Lint: the value does not start with the ISBN it holds (hyphens, a prefix such as "ISBN"). */
export function isbnHasInvalidCharacters(value: string): boolean {
  return !value.startsWith(isbnOf(value));
}

/** A parenthesised qualifier must follow the ISBN after one space: `0786816155 (pbk.)`. */
export function isbnQualifierUnspaced(value: string): boolean {
  return value.includes('(') && !/[X0-9] \(/.test(value);
}

/** MARC::Lint's test for a 020 $z (cancelled/invalid ISBN) that holds a valid ISBN-10 after all. */
export function cancelledIsbnIsValid(value: string): boolean {
  if (!/^ISBN/.test(value) && !/^[0-9]*-[0-9]/.test(value)) return false;
  const isbn = isbnOf(value);
  return /^[0-9]{9}[0-9X]$/.test(isbn) && isbn10Valid(isbn);
}

function isbn10Valid(isbn: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (10 - i) * (isbn[i] === 'X' ? 10 : Number(isbn[i]));
  return sum % 11 === 0;
}

function isbn13Valid(isbn: string): boolean {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(isbn[i]);
  return sum % 10 === 0;
}

/** Why an ISSN (`0395-2037`) is bad, or undefined if fine. Not a MARC::Lint check. */
export function issnProblem(value: string): string | undefined {
  const match = /^\s*([0-9]{4})-?([0-9]{3}[0-9Xx])\b/.exec(value);
  if (!match) return 'is not in the form NNNN-NNNC';
  const digits = `${match[1]}${match[2]}`.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (8 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
  return sum % 11 === 0 ? undefined : 'has bad checksum';
}
