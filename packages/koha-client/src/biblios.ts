// Biblios in every form Koha serves (JSON, MARCXML, MARC-in-JSON, ISO 2709, readable text),
// returned as @bibwire/marcxml records; MARC bodies for POST/PUT.
import {
  type MarcRecord,
  parseIso2709,
  parseMarcJson,
  parseMarcXml,
  writeIso2709,
  writeMarcJson,
  writeMarcXml,
} from '@bibwire/marcxml';
import type { CallOptions, KohaClient } from './client.js';
import { KohaError } from './errors.js';
import { parseFormattedMarc } from './marc-text.js';
import type { QueryOf } from './resources.js';

/** The MARC forms Koha negotiates with `Accept` on `/biblios`. */
export type BiblioFormat = 'marcxml' | 'marc-in-json' | 'iso2709' | 'text';
/** Forms Koha accepts as a body for POST/PUT (no readable text). */
export type BiblioBodyFormat = Exclude<BiblioFormat, 'text'>;

export const biblioMediaTypes: Readonly<Record<BiblioFormat, string>> = {
  marcxml: 'application/marcxml+xml',
  'marc-in-json': 'application/marc-in-json',
  iso2709: 'application/marc',
  text: 'text/plain',
};

/** Koha's JSON view of a biblio (the spec gives it no schema). */
export type BiblioJson = Record<string, unknown>;

export interface MarcReadOptions {
  /** Throw on the first defect instead of recovering (default false). */
  strict?: boolean;
}

/** Split `as_formatted()` text of several records (each starts with "LDR "). */
function splitFormatted(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('LDR ') && current.length > 0) {
      out.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.some((l) => l.trim() !== '')) out.push(current.join('\n'));
  return out;
}

/** Records in a body of the given form; pure, so it also serves bodies fetched elsewhere. */
export function decodeBiblioBody(
  format: BiblioFormat,
  body: Uint8Array,
  options: MarcReadOptions = {},
): MarcRecord[] {
  try {
    switch (format) {
      case 'marcxml':
        return parseMarcXml(body, { strict: options.strict ?? false });
      case 'marc-in-json':
        return parseMarcJson(new TextDecoder('utf-8', { fatal: true }).decode(body), {
          strict: options.strict ?? false,
        });
      case 'iso2709':
        return parseIso2709(body, { strict: options.strict ?? false });
      case 'text':
        return splitFormatted(new TextDecoder('utf-8', { fatal: true }).decode(body)).map(parseFormattedMarc);
    }
  } catch (cause) {
    if (KohaError.is(cause)) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new KohaError(
      'MARC_PARSE',
      `cannot read the ${format} body: ${detail}`,
      { field: format },
      { cause },
    );
  }
}

/** A record as a body of the given form. */
export function encodeBiblioBody(format: BiblioBodyFormat, record: MarcRecord): string | Uint8Array {
  switch (format) {
    case 'marcxml':
      return writeMarcXml(record, { declaration: true, indent: false });
    case 'marc-in-json':
      return writeMarcJson(record);
    case 'iso2709':
      return writeIso2709(record);
  }
}

export interface BiblioWriteOptions extends CallOptions {
  /** Body form (default MARCXML). */
  format?: BiblioBodyFormat;
  /** `x-framework-id`: cataloguing framework code. */
  frameworkId?: string;
  /** `x-record-schema`. */
  schema?: 'MARC21' | 'UNIMARC';
  /** `x-confirm-not-duplicate`: create even when duplicate detection matched. */
  confirmNotDuplicate?: boolean;
  /** `x-record-source-id` (POST only). */
  recordSourceId?: string;
}

export interface BiblioWriteResult {
  /** The biblio id Koha reports (`{ "id": n }`), when it does. */
  id: number | undefined;
  /** The `Location` header, when sent. */
  location: string | undefined;
  body: unknown;
}

function writeHeaders(options: BiblioWriteOptions, create: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  if (options.frameworkId !== undefined) h['x-framework-id'] = options.frameworkId;
  if (options.schema !== undefined) h['x-record-schema'] = options.schema;
  if (options.confirmNotDuplicate) h['x-confirm-not-duplicate'] = '1';
  if (create && options.recordSourceId !== undefined) h['x-record-source-id'] = options.recordSourceId;
  return h;
}

function idOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const id = b.id ?? b.biblio_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}

export function bibliosApi(client: KohaClient) {
  async function raw(
    path: string,
    ids: Record<string, number>,
    format: BiblioFormat,
    query: unknown,
    options: CallOptions,
  ) {
    const res = await client.request<Uint8Array>('GET', path, {
      ...options,
      path: ids,
      accept: biblioMediaTypes[format],
      as: 'bytes',
      ...(query !== undefined ? { query: query as Record<string, string | number> } : {}),
    });
    return res.data;
  }
  async function write(
    method: 'POST' | 'PUT',
    path: string,
    ids: Record<string, number>,
    record: MarcRecord,
    options: BiblioWriteOptions,
  ) {
    const format = options.format ?? 'marcxml';
    const res = await client.request(method, path, {
      ...options,
      path: ids,
      body: encodeBiblioBody(format, record),
      contentType: biblioMediaTypes[format],
      headers: writeHeaders(options, method === 'POST'),
    });
    return { id: idOf(res.data), location: res.headers.get('location') ?? undefined, body: res.data };
  }
  return {
    /** Koha's JSON view of a biblio. */
    get(biblioId: number, options: CallOptions = {}): Promise<BiblioJson> {
      return client.call('getBiblio', { path: { biblio_id: biblioId } }, options) as Promise<BiblioJson>;
    },
    /** The record, fetched as `format` (default MARCXML) and parsed. */
    async getRecord(
      biblioId: number,
      options: CallOptions & MarcReadOptions & { format?: BiblioFormat } = {},
    ): Promise<MarcRecord> {
      const format = options.format ?? 'marcxml';
      const records = decodeBiblioBody(format, await this.getRaw(biblioId, format, options), options);
      const [record] = records;
      if (records.length !== 1 || record === undefined) {
        throw new KohaError('MARC_PARSE', `expected one record, got ${records.length}`, { field: format });
      }
      return record;
    },
    /** The body exactly as Koha sent it in `format`. */
    getRaw(biblioId: number, format: BiblioFormat, options: CallOptions = {}): Promise<Uint8Array> {
      return raw('/biblios/{biblio_id}', { biblio_id: biblioId }, format, undefined, options);
    },
    list(query?: QueryOf<'listBiblio'>, options: CallOptions = {}): Promise<BiblioJson[]> {
      return client.call('listBiblio', query !== undefined ? { query } : {}, options) as Promise<
        BiblioJson[]
      >;
    },
    /** One page of `GET /biblios` as records (Koha sends a MARC collection). */
    async listRecords(
      query?: QueryOf<'listBiblio'>,
      options: CallOptions & MarcReadOptions & { format?: BiblioFormat } = {},
    ): Promise<MarcRecord[]> {
      const format = options.format ?? 'marcxml';
      return decodeBiblioBody(format, await raw('/biblios', {}, format, query, options), options);
    },
    /** POST /biblios with a MARC body; Koha answers `{ "id": n }`. */
    create(record: MarcRecord, options: BiblioWriteOptions = {}): Promise<BiblioWriteResult> {
      return write('POST', '/biblios', {}, record, options);
    },
    /** PUT /biblios/{id}: replace the record. */
    update(
      biblioId: number,
      record: MarcRecord,
      options: BiblioWriteOptions = {},
    ): Promise<BiblioWriteResult> {
      return write('PUT', '/biblios/{biblio_id}', { biblio_id: biblioId }, record, options);
    },
    async delete(biblioId: number, options: CallOptions = {}): Promise<void> {
      await client.call('deleteBiblio', { path: { biblio_id: biblioId } }, options);
    },
  };
}
