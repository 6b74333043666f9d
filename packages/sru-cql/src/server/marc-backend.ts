// The in-memory back end over MARC records: the usual CQL indexes (cql, dc, bath, rec) computed
// with @bibwire/marcxml's accessors, and two record schemas, MARCXML and SRU Dublin Core.
import {
  getAuthors,
  getControlValue,
  getIsbns,
  getIssns,
  getLanguage,
  getPublicationDate,
  getPublisher,
  getSubjects,
  getTitle,
  isDataField,
  type MarcRecord,
  toDublinCore,
  writeMarcXml,
} from '@bibwire/marcxml';
import type { IndexDefinition } from '../translate/translator.js';
import { escapeXml } from '../xml/escape.js';
import type { DatabaseInfo } from './backend.js';
import { createMemoryBackend, type MemoryBackend, type MemorySchema } from './memory-backend.js';

const present = (v: string | undefined): string[] => (v === undefined || v === '' ? [] : [v]);

/** Every subfield and control value: what a bare term (cql.serverChoice) searches. */
function allValues(record: MarcRecord): string[] {
  const out: string[] = [];
  for (const f of record.fields) {
    if (isDataField(f)) for (const s of f.subfields) out.push(s.value);
    else if (f.tag !== '005' && f.tag !== '008') out.push(f.value);
  }
  return out;
}

/** ISBNs as written and without hyphens or qualifiers ("0-306-40615-2 (pbk.)" → "0306406152"). */
function isbnValues(record: MarcRecord): string[] {
  const out: string[] = [];
  for (const isbn of getIsbns(record)) {
    const first = isbn.trim().split(/\s+/)[0] ?? '';
    out.push(first, first.replace(/-/g, ''));
  }
  return out.filter((v) => v !== '');
}

function years(record: MarcRecord): string[] {
  const f008 = getControlValue(record, '008');
  const y008 = f008?.slice(7, 11);
  if (y008 !== undefined && /^\d{4}$/.test(y008)) return [y008];
  const m = getPublicationDate(record)?.match(/\d{4}/);
  return m ? [m[0]] : [];
}

const cache = new WeakMap<MarcRecord, Map<string, readonly string[]>>();
/** Index values are computed once per record and index: searches re-read them many times. */
function memo(
  key: string,
  compute: (r: MarcRecord) => readonly string[],
): (r: MarcRecord) => readonly string[] {
  return (r) => {
    let m = cache.get(r);
    if (!m) {
      m = new Map();
      cache.set(r, m);
    }
    let v = m.get(key);
    if (v === undefined) {
      v = compute(r);
      m.set(key, v);
    }
    return v;
  };
}

export const MARC_INDEXES: readonly IndexDefinition<MarcRecord>[] = [
  { set: 'cql', name: 'serverChoice', title: 'Server choice (all fields)', values: memo('all', allValues) },
  { set: 'cql', name: 'keywords', title: 'Keywords (all fields)', values: memo('all', allValues) },
  { set: 'cql', name: 'allRecords', title: 'All records', relations: ['='], scan: false, sort: false },
  { set: 'dc', name: 'title', title: 'Title', values: memo('title', (r) => present(getTitle(r))) },
  { set: 'dc', name: 'creator', title: 'Creator', values: memo('creator', (r) => getAuthors(r)) },
  { set: 'dc', name: 'subject', title: 'Subject', values: memo('subject', (r) => getSubjects(r)) },
  {
    set: 'dc',
    name: 'publisher',
    title: 'Publisher',
    values: memo('publisher', (r) => present(getPublisher(r))),
  },
  { set: 'dc', name: 'date', title: 'Date of publication', kind: 'number', values: memo('date', years) },
  {
    set: 'dc',
    name: 'language',
    title: 'Language',
    kind: 'string',
    values: memo('lang', (r) => present(getLanguage(r))),
  },
  {
    set: 'dc',
    name: 'identifier',
    title: 'Identifier (ISBN, ISSN, control number)',
    kind: 'string',
    values: memo('ident', (r) => [...isbnValues(r), ...getIssns(r), ...present(getControlValue(r, '001'))]),
  },
  { set: 'bath', name: 'isbn', title: 'ISBN', kind: 'string', values: memo('isbn', isbnValues) },
  { set: 'bath', name: 'issn', title: 'ISSN', kind: 'string', values: memo('issn', (r) => getIssns(r)) },
  { set: 'bath', name: 'name', title: 'Name', values: memo('creator', (r) => getAuthors(r)) },
  { set: 'bath', name: 'subject', title: 'Subject', values: memo('subject', (r) => getSubjects(r)) },
  {
    set: 'rec',
    name: 'id',
    title: 'Record identifier (001)',
    kind: 'string',
    values: memo('id', (r) => present(getControlValue(r, '001'))),
  },
];

/** SRU Dublin Core (info:srw/schema/1/dc-v1.1): @bibwire/marcxml's LoC MARC → DC crosswalk in the srw_dc wrapper. */
export function marcToSrwDc(record: MarcRecord): string {
  const dc = toDublinCore(record);
  let parts = '';
  for (const [element, values] of Object.entries(dc)) {
    for (const v of values) parts += `<dc:${element}>${escapeXml(v)}</dc:${element}>`;
  }
  return `<srw_dc:dc xmlns:srw_dc="info:srw/schema/1/dc-schema" xmlns:dc="http://purl.org/dc/elements/1.1/">${parts}</srw_dc:dc>`;
}

export const MARCXML_SCHEMA: MemorySchema<MarcRecord> = {
  name: 'marcxml',
  identifier: 'info:srw/schema/1/marcxml-v1.1',
  title: 'MARCXML',
  location: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
  render: (r) => writeMarcXml(r, { indent: false, collection: false, invalidChars: 'replace' }),
};

export const DC_SCHEMA: MemorySchema<MarcRecord> = {
  name: 'dc',
  identifier: 'info:srw/schema/1/dc-v1.1',
  title: 'Dublin Core',
  location: 'http://www.loc.gov/standards/sru/recordSchemas/dc-schema.xsd',
  render: marcToSrwDc,
};

export interface MarcBackendOptions {
  readonly database?: DatabaseInfo;
  /** Extra or replacement indexes (same set and name replace a built-in one). */
  readonly indexes?: readonly IndexDefinition<MarcRecord>[];
}

/** An SRU back end serving MARC records from memory (schemas marcxml, dc). */
export function createMarcBackend(
  records: readonly MarcRecord[],
  options: MarcBackendOptions = {},
): MemoryBackend<MarcRecord> {
  const extra = options.indexes ?? [];
  const indexes = [
    ...MARC_INDEXES.filter((i) => !extra.some((e) => e.set === i.set && e.name === i.name)),
    ...extra,
  ];
  return createMemoryBackend({
    records,
    indexes,
    schemas: [MARCXML_SCHEMA, DC_SCHEMA],
    database: options.database ?? {
      title: 'MARC records',
      description: 'In-memory MARC records served by @bibwire/sru-cql',
      database: 'Default',
    },
    identify: (r) => getControlValue(r, '001'),
  });
}
