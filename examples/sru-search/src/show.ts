// Turns SRU records into terminal text: Dublin Core as title / authors, MARCXML as MARC mnemonic
// (MarcEdit's .mrk lines), anything else as its XML.
import { mrkRecord, parseMarcXmlRecord } from '@bibwire/marcxml';
import type { SruRecord } from '@bibwire/sru-cql/client';

const DC_NS = 'http://purl.org/dc/elements/1.1/';
const MARC_NS = 'http://www.loc.gov/MARC21/slim';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Values of one DC element, whatever prefix the server bound to the DC namespace. */
export function dcValues(xml: string, element: string): string[] {
  const prefixes = [...xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)]
    .filter((m) => m[2] === DC_NS)
    .map((m) => (m[1] === undefined ? '' : `${m[1]}:`));
  const out: string[] = [];
  for (const prefix of new Set(prefixes)) {
    const re = new RegExp(
      `<${escapeRegExp(prefix)}${element}(?:\\s[^>]*)?>([\\s\\S]*?)</${escapeRegExp(prefix)}${element}\\s*>`,
      'g',
    );
    for (const m of xml.matchAll(re)) {
      const value = decodeText((m[1] ?? '').replace(/<[^>]*>/g, '')).trim();
      if (value !== '') out.push(value);
    }
  }
  return out;
}

export type RecordKind = 'dc' | 'marc' | 'other';

export function recordKind(record: SruRecord): RecordKind {
  if (record.data.includes(MARC_NS)) return 'marc';
  if (record.data.includes(DC_NS)) return 'dc';
  return 'other';
}

/** Lines to print for one record; `n` is its position in the result. */
export function showRecord(record: SruRecord, n: number): string {
  const head = `${n}.`;
  // A surrogate diagnostic: the server matched the record but could not deliver it in this schema.
  if (record.diagnostic) {
    const d = record.diagnostic;
    const text = [d.message, d.details].filter((s) => s !== undefined && s !== '').join(': ');
    return `${head} (not delivered: ${d.uri}${text ? ` ${text}` : ''})\n`;
  }
  switch (recordKind(record)) {
    case 'dc': {
      const title = dcValues(record.data, 'title')[0] ?? '(no title)';
      const authors = dcValues(record.data, 'creator');
      const date = dcValues(record.data, 'date')[0];
      return `${head} ${title}\n${authors.length > 0 ? `   by ${authors.join('; ')}\n` : ''}${date ? `   ${date}\n` : ''}`;
    }
    case 'marc':
      return `${head}\n${mrkRecord(parseMarcXmlRecord(record.data), { lineEnding: '\n' })}\n`;
    default:
      return `${head} [${record.schema}]\n${record.data}\n`;
  }
}
