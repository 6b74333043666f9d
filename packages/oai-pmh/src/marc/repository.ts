// A repository over MARC records (parsed from a file's bytes or given in memory). Item fields
// (952 in MARC 21, 995 in UNIMARC, as Koha stores them) are kept apart from the bibliographic
// record so formats can add them only when their include-items option is on, as Koha does.
import {
  type DataField,
  detectFlavour,
  getControlValue,
  getFirstValue,
  isDataField,
  type MarcFlavour,
  type MarcRecord,
  parseIso2709,
  parseMarcXml,
} from '@bibwire/marcxml';
import { OaiError } from '../errors.js';
import { type MemoryItemInput, MemoryRepository } from '../server/memory.js';
import type { OaiSet } from '../types.js';

/** What the MARC repository stores per item. */
export interface MarcEntry {
  /** The bibliographic record without its item fields. */
  readonly record: MarcRecord;
  /** The item fields taken out of it (952 / 995 ...). */
  readonly items: readonly DataField[];
  readonly flavour: MarcFlavour;
}

/** Koha-style set mapping: an item is in the set when any rule matches a subfield of the record or its items. */
export interface MarcSetMapping {
  readonly setSpec: string;
  readonly setName: string;
  readonly rules: readonly { readonly tag: string; readonly subfield: string; readonly value: string }[];
}

export interface MarcRepositoryOptions {
  /** Identifiers are `oai:<repositoryIdentifier>:<local id>`; give this or `identifierPrefix`. */
  readonly repositoryIdentifier?: string;
  /** Identifier prefix used instead of `oai:<repositoryIdentifier>:`. */
  readonly identifierPrefix?: string;
  /** Local id of a record; default 001, then 999 $c (Koha biblionumber), then the record's position. */
  readonly localId?: (record: MarcRecord, position: number) => string | undefined;
  /** Datestamp (epoch ms) of a record; default 005 (yyyymmddhhmmss) read as UTC, else `defaultDatestamp`. */
  readonly datestamp?: (record: MarcRecord) => number | undefined;
  /** Datestamp for records without one (default: the epoch, so they are always in range). */
  readonly defaultDatestamp?: number;
  /** Sets by rule; without mappings (and without `setsOf`) the repository has no sets. */
  readonly setMappings?: readonly MarcSetMapping[];
  /** Set membership by function, instead of or besides `setMappings`. */
  readonly setsOf?: (entry: MarcEntry) => readonly string[];
  /** Extra sets to list when `setsOf` is used. */
  readonly sets?: readonly OaiSet[];
  /** Tag of item fields; default 952 (MARC 21) or 995 (UNIMARC). `null` keeps every field in the record. */
  readonly itemTag?: string | null;
  /** MARC 21/UNIMARC leader/05 = 'd' marks a deleted record (default true). */
  readonly leaderDeletes?: boolean;
}

/** Builds a repository from records. */
export function createMarcRepository(
  records: Iterable<MarcRecord>,
  options: MarcRepositoryOptions = {},
): MemoryRepository<MarcEntry> {
  const prefix =
    options.identifierPrefix ??
    (options.repositoryIdentifier !== undefined ? `oai:${options.repositoryIdentifier}:` : undefined);
  if (prefix === undefined) {
    throw new OaiError('INVALID_ARGUMENT', 'give repositoryIdentifier or identifierPrefix', {
      field: 'repositoryIdentifier',
    });
  }
  const seen = new Set<string>();
  const items: MemoryItemInput<MarcEntry>[] = [];
  let position = 0;
  for (const record of records) {
    position++;
    let local = (options.localId ?? defaultLocalId)(record, position)?.trim() || String(position);
    // Two records with one 001 must still be two items: the later one gets its position appended.
    if (seen.has(local)) local = `${local}.${position}`;
    seen.add(local);
    const entry = splitItems(record, options.itemTag);
    const datestamp = (options.datestamp ?? datestampFrom005)(record) ?? options.defaultDatestamp ?? 0;
    const deleted = (options.leaderDeletes ?? true) && record.leader.charAt(5) === 'd';
    items.push({
      identifier: `${prefix}${local}`,
      datestamp,
      setSpecs: setSpecsOf(entry, options),
      ...(deleted ? { deleted: true } : { record: entry }),
    });
  }
  const hasSets = options.setMappings !== undefined || options.setsOf !== undefined;
  const sets = [
    ...(options.setMappings ?? []).map((m) => ({ setSpec: m.setSpec, setName: m.setName })),
    ...(options.sets ?? []),
  ];
  return new MemoryRepository<MarcEntry>({ items, ...(hasSets && { sets }) });
}

/** Parses ISO 2709 or MARCXML bytes (detected) and builds the repository. */
export function marcRepositoryFromBytes(
  bytes: Uint8Array,
  options: MarcRepositoryOptions = {},
): MemoryRepository<MarcEntry> {
  return createMarcRepository(parseMarcBytes(bytes), options);
}

/** ISO 2709 (MARC-8 records converted to UTF-8) or MARCXML, by the first non-blank byte. */
export function parseMarcBytes(bytes: Uint8Array): MarcRecord[] {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x3c ? parseMarcXml(bytes) : parseIso2709(bytes, { toUtf8: true });
}

function defaultLocalId(record: MarcRecord): string | undefined {
  return getControlValue(record, '001') ?? getFirstValue(record, '999', 'c');
}

/** MARC 005 `yyyymmddhhmmss.f` as UTC epoch ms; undefined when absent or malformed. */
export function datestampFrom005(record: MarcRecord): number | undefined {
  const v = getControlValue(record, '005');
  const m = v && /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function splitItems(record: MarcRecord, itemTag: string | null | undefined): MarcEntry {
  const flavour = detectFlavour(record);
  const tag = itemTag === undefined ? (flavour === 'unimarc' ? '995' : '952') : itemTag;
  if (tag === null) return { record, items: [], flavour };
  const items: DataField[] = [];
  const fields = record.fields.filter((f) => {
    if (f.tag === tag && isDataField(f)) {
      items.push(f);
      return false;
    }
    return true;
  });
  return { record: items.length === 0 ? record : { leader: record.leader, fields }, items, flavour };
}

function setSpecsOf(entry: MarcEntry, options: MarcRepositoryOptions): string[] {
  const specs = new Set<string>(options.setsOf?.(entry) ?? []);
  for (const mapping of options.setMappings ?? []) {
    if (mapping.rules.some((rule) => matchesRule(entry, rule))) specs.add(mapping.setSpec);
  }
  return [...specs];
}

function matchesRule(entry: MarcEntry, rule: MarcSetMapping['rules'][number]): boolean {
  const fields = [...entry.record.fields, ...entry.items];
  for (const f of fields) {
    if (f.tag !== rule.tag) continue;
    if (!isDataField(f)) {
      if (rule.subfield === '' && f.value === rule.value) return true;
      continue;
    }
    if (f.subfields.some((s) => s.code === rule.subfield && s.value === rule.value)) return true;
  }
  return false;
}
