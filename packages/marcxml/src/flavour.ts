// MARC 21 vs UNIMARC: detection heuristic and flavour-aware helpers (spec notes §1.6, §6).
import { getControlValue, getDataFields, getSubfields } from './accessors.js';
import type { DataField, MarcRecord } from './record.js';

export type MarcFlavour = 'marc21' | 'unimarc';

const MARC21_TAGS = new Set(['008', '245', '260', '264', '040']);
const UNIMARC_TAGS = new Set(['200', '101', '210', '215', '801']);

/**
 * Flavour from the tags alone (so the ISO 2709 reader can use it on a directory): MARC 21 has 008,
 * 245, 260/264, 040; UNIMARC has 200, 101, 210, 215, 801. Ties go by leader/23 (blank in UNIMARC).
 */
export function flavourFromTags(tags: Iterable<string>, leader: string): MarcFlavour {
  let score = 0;
  for (const t of tags) {
    if (MARC21_TAGS.has(t)) score--;
    else if (UNIMARC_TAGS.has(t)) score++;
  }
  if (score !== 0) return score > 0 ? 'unimarc' : 'marc21';
  return leader[23] === ' ' ? 'unimarc' : 'marc21';
}

/** Flavour is not recorded in a record; this guesses it (see flavourFromTags). */
export function detectFlavour(record: MarcRecord): MarcFlavour {
  return flavourFromTags(
    record.fields.map((f) => f.tag),
    record.leader,
  );
}

const TRAILING_ISBD = /[\s]*[/:;,.=]+\s*$/;

function clean(text: string): string {
  return text.replace(TRAILING_ISBD, '').trim();
}

function joined(field: DataField, codes: string): string {
  return clean(getSubfields(field, codes).map(clean).join(' '));
}

function pick(record: MarcRecord, flavour: MarcFlavour | undefined): MarcFlavour {
  return flavour ?? detectFlavour(record);
}

/** Title proper and remainder: 245$a$b (MARC 21), 200$a$e (UNIMARC); ISBD punctuation trimmed. */
export function getTitle(record: MarcRecord, flavour?: MarcFlavour): string | undefined {
  const fl = pick(record, flavour);
  const f = getDataFields(record, fl === 'marc21' ? '245' : '200')[0];
  if (!f) return undefined;
  const parts = getSubfields(f, fl === 'marc21' ? 'abnp' : 'aehi')
    .map(clean)
    .filter((s) => s !== '');
  return parts.length === 0 ? undefined : parts.join(fl === 'marc21' ? ' ' : ' : ');
}

function firstWords(values: string[]): string[] {
  // ISBN/ISSN subfields often carry qualifiers ("0123456789 (pbk.)"): keep the identifier only.
  return values.map((v) => v.trim().split(/\s+/)[0] ?? '').filter((v) => v !== '');
}

export function getIsbns(record: MarcRecord, flavour?: MarcFlavour): string[] {
  const tag = pick(record, flavour) === 'marc21' ? '020' : '010';
  return firstWords(getDataFields(record, tag).flatMap((f) => getSubfields(f, 'a')));
}

export function getIssns(record: MarcRecord, flavour?: MarcFlavour): string[] {
  const tag = pick(record, flavour) === 'marc21' ? '022' : '011';
  return firstWords(getDataFields(record, tag).flatMap((f) => getSubfields(f, 'a')));
}

/** Personal and corporate names, main entry first: 1XX + 70X/71X (MARC 21), 70X/71X (UNIMARC, $a + $b). */
export function getAuthors(record: MarcRecord, flavour?: MarcFlavour): string[] {
  if (pick(record, flavour) === 'marc21') {
    return getDataFields(record, /^(100|110|111|700|710|711)$/)
      .sort((a, b) => (a.tag < '700' ? 0 : 1) - (b.tag < '700' ? 0 : 1))
      .map((f) => joined(f, 'abcdq'))
      .filter((s) => s !== '');
  }
  return getDataFields(record, /^(700|701|702|710|711|712)$/)
    .map((f) => {
      const a = clean(getSubfields(f, 'a').join(' '));
      const b = clean(getSubfields(f, 'b').join(' '));
      return b === '' ? a : `${a}, ${b}`;
    })
    .filter((s) => s !== '');
}

export function getPublisher(record: MarcRecord, flavour?: MarcFlavour): string | undefined {
  const fl = pick(record, flavour);
  const fields = fl === 'marc21' ? getDataFields(record, /^26[04]$/) : getDataFields(record, /^21[04]$/);
  for (const f of fields) {
    const v = getSubfields(f, fl === 'marc21' ? 'b' : 'c')[0];
    if (v !== undefined) return clean(v);
  }
  return undefined;
}

export function getPublicationDate(record: MarcRecord, flavour?: MarcFlavour): string | undefined {
  const fl = pick(record, flavour);
  const fields = fl === 'marc21' ? getDataFields(record, /^26[04]$/) : getDataFields(record, /^21[04]$/);
  for (const f of fields) {
    const v = getSubfields(f, fl === 'marc21' ? 'c' : 'd')[0];
    if (v !== undefined) return clean(v);
  }
  return undefined;
}

/** Language of the text: 008/35-37 (MARC 21) or 101$a (UNIMARC). */
export function getLanguage(record: MarcRecord, flavour?: MarcFlavour): string | undefined {
  if (pick(record, flavour) === 'marc21') {
    const lang = getControlValue(record, '008')?.slice(35, 38).trim();
    return lang === undefined || lang === '' ? undefined : lang;
  }
  return getDataFields(record, '101').flatMap((f) => getSubfields(f, 'a'))[0];
}

export function getSubjects(record: MarcRecord, flavour?: MarcFlavour): string[] {
  const pattern = pick(record, flavour) === 'marc21' ? /^6[0-9][0-9]$/ : /^60[0-8]$/;
  return getDataFields(record, pattern)
    .map((f) =>
      getSubfields(f, 'abcdqvxyz')
        .map(clean)
        .filter((s) => s !== '')
        .join(' -- '),
    )
    .filter((s) => s !== '');
}
