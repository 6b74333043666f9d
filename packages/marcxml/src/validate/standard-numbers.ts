// ISBN and ISSN check digits, as MARC::Lint checks 020 $a (with Business::ISBN) and 022 $a.

/** Why an ISBN as catalogued (`0786816155 (pbk.)`, hyphens allowed) is bad, or undefined if fine. */
export function isbnProblem(value: string): string | undefined {
  const match = /^\s*([0-9][0-9-]{8,16}[0-9Xx])\b/.exec(value);
  const digits = match?.[1]?.replace(/-/g, '').toUpperCase();
  if (!digits || !/^([0-9]{9}[0-9X]|[0-9]{13})$/.test(digits)) return 'has the wrong number of digits';
  if (digits.length === 10) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
    return sum % 11 === 0 ? undefined : 'has bad checksum';
  }
  if (digits.includes('X')) return 'has the wrong number of digits';
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(digits[i]);
  return sum % 10 === 0 ? undefined : 'has bad checksum (13 digit)';
}

/** Why an ISSN (`0395-2037`) is bad, or undefined if fine. */
export function issnProblem(value: string): string | undefined {
  const match = /^\s*([0-9]{4})-?([0-9]{3}[0-9Xx])\b/.exec(value);
  if (!match) return 'is not in the form NNNN-NNNC';
  const digits = `${match[1]}${match[2]}`.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (8 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
  return sum % 11 === 0 ? undefined : 'has bad checksum';
}
