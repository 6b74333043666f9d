// A ZeeRex 2.0 record generated from the back end's description, in the layout Zebra/Koha serve
// (serverInfo, databaseInfo, indexInfo with sets and indexes, schemaInfo, configInfo).
import { ALL_RELATIONS } from '../translate/translator.js';
import { escapeXml, textElement } from '../xml/escape.js';
import type { BackendDescription } from './backend.js';
import { type SruVersion, ZEEREX_NS } from './namespaces.js';

export interface ExplainSettings {
  readonly version: SruVersion;
  readonly host: string;
  readonly port: number;
  readonly defaultMaximumRecords: number;
  readonly maxMaximumRecords: number;
  readonly defaultMaximumTerms: number;
  readonly maxMaximumTerms: number;
  readonly defaultContextSet: string;
  readonly implementationVersion: string;
}

const SET_TITLES: Readonly<Record<string, string>> = {
  cql: 'CQL Standard Set',
  dc: 'Dublin Core Set',
  bath: 'Bath Profile Set',
  rec: 'Record Metadata Set',
  sort: 'Sort Set',
  bib: 'Bibliographic Set',
};

export function zeerexRecord(d: BackendDescription, s: ExplainSettings): string {
  const db = d.database;
  let x = `<explain xmlns="${ZEEREX_NS}" authoritative="true">`;
  x += `<serverInfo protocol="SRU" version="${s.version}" transport="http">`;
  x += textElement('host', s.host) + textElement('port', String(s.port));
  const numRecs = d.numberOfRecords === undefined ? '' : ` numRecs="${d.numberOfRecords}"`;
  x += `<database${numRecs}>${escapeXml(db.database ?? 'Default')}</database></serverInfo>`;
  x += `<databaseInfo><title lang="en" primary="true">${escapeXml(db.title)}</title>`;
  if (db.description !== undefined)
    x += `<description lang="en" primary="true">${escapeXml(db.description)}</description>`;
  if (db.author !== undefined) x += textElement('author', db.author);
  if (db.contact !== undefined) x += textElement('contact', db.contact);
  x += `<implementation identifier="bibwire" version="${escapeXml(s.implementationVersion)}"><title>@bibwire/sru-cql</title></implementation>`;
  x += '</databaseInfo>';
  x += '<indexInfo>';
  for (const [name, uri] of Object.entries(d.contextSets)) {
    x += `<set name="${escapeXml(name)}" identifier="${escapeXml(uri)}"><title>${escapeXml(SET_TITLES[name] ?? name)}</title></set>`;
  }
  for (const idx of d.indexes) {
    const flag = (v: boolean | undefined, dflt: boolean) => String(v ?? dflt);
    x += `<index search="${flag(idx.search, true)}" scan="${flag(idx.scan, false)}" sort="${flag(idx.sort, false)}">`;
    x += `<title lang="en">${escapeXml(idx.title)}</title>`;
    x += `<map><name set="${escapeXml(idx.set)}">${escapeXml(idx.name)}</name></map>`;
    if (idx.relations !== undefined) {
      x += '<configInfo>';
      for (const r of idx.relations) x += `<supports type="relation">${escapeXml(r)}</supports>`;
      x += '</configInfo>';
    }
    x += '</index>';
  }
  x += '</indexInfo><schemaInfo>';
  for (const schema of d.schemas) {
    const location = schema.location === undefined ? '' : ` location="${escapeXml(schema.location)}"`;
    x += `<schema identifier="${escapeXml(schema.identifier)}" name="${escapeXml(schema.name)}"${location} sort="${schema.sort === true}" retrieve="true">`;
    x += `<title lang="en">${escapeXml(schema.title)}</title></schema>`;
  }
  x += '</schemaInfo><configInfo>';
  const def = (type: string, v: string | number) =>
    `<default type="${type}">${escapeXml(String(v))}</default>`;
  const set = (type: string, v: string | number) =>
    `<setting type="${type}">${escapeXml(String(v))}</setting>`;
  const sup = (type: string, v?: string) =>
    v === undefined ? `<supports type="${type}"/>` : `<supports type="${type}">${escapeXml(v)}</supports>`;
  x += def('numberOfRecords', s.defaultMaximumRecords);
  x += def('contextSet', s.defaultContextSet);
  x += def('index', 'cql.serverChoice');
  x += def('relation', '=');
  x += def('retrieveSchema', d.schemas[0].name);
  x += def('recordPacking', 'xml');
  x += def('numberOfTerms', s.defaultMaximumTerms);
  x += set('maximumRecords', s.maxMaximumRecords);
  x += set('maximumTerms', s.maxMaximumTerms);
  for (const r of ALL_RELATIONS) x += sup('relation', r);
  for (const m of d.relationModifiers ?? []) x += sup('relationModifier', m);
  if (d.proximityModifiers !== undefined) {
    x += sup('proximity');
    for (const m of d.proximityModifiers) x += sup('proximityModifier', m);
  }
  x += sup('maskingCharacter', '*') + sup('maskingCharacter', '?') + sup('anchoring', '^');
  x += sup('sort') + sup('scan');
  for (const v of ['1.1', '1.2', '2.0']) x += sup('version', v);
  x += '</configInfo></explain>';
  return x;
}
