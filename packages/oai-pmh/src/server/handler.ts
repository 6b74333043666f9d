// The OAI-PMH data provider as a Fetch-standard handler: Request in, streamed Response out.
import { formatUtcDate, type Granularity } from '../dates.js';
import { OaiError } from '../errors.js';
import { createTokenCodec, type ResumptionState, type TokenCodec } from '../token.js';
import type { DeletedRecordPolicy, ListQuery, MetadataFormat, OaiItem, OaiRepository } from '../types.js';
import { escapeText } from '../xml.js';
import {
  CLOSE_ENVELOPE,
  errorElements,
  headerXml,
  openEnvelope,
  resumptionTokenXml,
  setXml,
  type TokenAttributes,
} from './envelope.js';
import {
  checkDates,
  dateRange,
  type OaiArguments,
  type OaiVerb,
  type ProtocolError,
  parseOaiArguments,
} from './request.js';
import { type ContentCoding, chooseEncoding, compress, streamOf } from './stream.js';

export interface OaiProviderOptions<TRecord> {
  readonly repository: OaiRepository<TRecord>;
  /** Formats offered; `oai_dc` should be one of them (the protocol requires it for every item). */
  readonly formats: readonly MetadataFormat<TRecord>[];
  readonly repositoryName: string;
  /** At least one address. */
  readonly adminEmails: readonly string[];
  /** The base URL announced in responses; default: the request URL without its query. */
  readonly baseUrl?: string;
  /** Default `YYYY-MM-DDThh:mm:ssZ`. */
  readonly granularity?: Granularity;
  /** Default `no` (as Koha's default). */
  readonly deletedRecord?: DeletedRecordPolicy;
  /** Items per ListRecords/ListIdentifiers/ListSets response; default 100. */
  readonly pageSize?: number;
  /** HMAC key for resumption tokens. Default: a random key, so tokens die with the process. */
  readonly tokenSecret?: string | Uint8Array;
  /** Token lifetime; default 24 hours. */
  readonly tokenTtlSeconds?: number;
  /** Encodings offered to harvesters; default gzip and deflate. */
  readonly compression?: readonly ContentCoding[];
  /** Declares the `oai:` identifier scheme in Identify (e.g. `library.example.org`). */
  readonly repositoryIdentifier?: string;
  /** Sample identifier for the oai-identifier description; default `oai:<repositoryIdentifier>:1`. */
  readonly sampleIdentifier?: string;
  /** More Identify descriptions, each one XML element from a non-OAI namespace. */
  readonly descriptions?: readonly string[];
  /** Clock for responseDate and token expiry (tests). */
  readonly now?: () => number;
}

export type OaiHandler = (request: Request) => Promise<Response>;

const REPOSITORY_ID = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;
const PREFIX = /^[A-Za-z0-9\-_.!~*'()]+$/;

/** Builds the provider. Configuration errors throw OaiError INVALID_ARGUMENT at once. */
export function createOaiHandler<TRecord>(options: OaiProviderOptions<TRecord>): OaiHandler {
  const provider = new Provider(options);
  return (request) => provider.handle(request);
}

interface Page {
  readonly chunks: Iterable<string>;
}

class Provider<TRecord> {
  private readonly granularity: Granularity;
  private readonly deletedRecord: DeletedRecordPolicy;
  private readonly pageSize: number;
  private readonly ttl: number;
  private readonly tokens: TokenCodec;
  private readonly compression: readonly ContentCoding[];
  private readonly formats: ReadonlyMap<string, MetadataFormat<TRecord>>;
  private readonly now: () => number;

  constructor(private readonly o: OaiProviderOptions<TRecord>) {
    this.granularity = o.granularity ?? 'YYYY-MM-DDThh:mm:ssZ';
    this.deletedRecord = o.deletedRecord ?? 'no';
    this.pageSize = o.pageSize ?? 100;
    if (!Number.isSafeInteger(this.pageSize) || this.pageSize < 1) {
      throw new OaiError('INVALID_ARGUMENT', 'pageSize must be a positive integer', { field: 'pageSize' });
    }
    this.ttl = (o.tokenTtlSeconds ?? 86_400) * 1000;
    this.tokens = createTokenCodec(o.tokenSecret ?? globalThis.crypto.getRandomValues(new Uint8Array(32)));
    this.compression = o.compression ?? ['gzip', 'deflate'];
    this.now = o.now ?? Date.now;
    if (o.adminEmails.length === 0) {
      throw new OaiError('INVALID_ARGUMENT', 'at least one admin email is required', {
        field: 'adminEmails',
      });
    }
    if (o.repositoryIdentifier !== undefined && !REPOSITORY_ID.test(o.repositoryIdentifier)) {
      throw new OaiError('INVALID_ARGUMENT', 'repositoryIdentifier must be a domain name', {
        field: 'repositoryIdentifier',
      });
    }
    const formats = new Map<string, MetadataFormat<TRecord>>();
    for (const f of o.formats) {
      if (!PREFIX.test(f.metadataPrefix) || formats.has(f.metadataPrefix)) {
        throw new OaiError('INVALID_ARGUMENT', `bad or duplicate metadataPrefix "${f.metadataPrefix}"`, {
          field: 'formats',
        });
      }
      formats.set(f.metadataPrefix, f);
    }
    this.formats = formats;
  }

  async handle(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed\n', { status: 405, headers: { allow: 'GET, HEAD, POST' } });
    }
    const url = new URL(request.url);
    const baseUrl = this.o.baseUrl ?? `${url.origin}${url.pathname}`;
    let params = url.searchParams;
    if (request.method === 'POST') {
      const type = request.headers.get('content-type') ?? '';
      if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        return new Response('POST requests must be application/x-www-form-urlencoded\n', { status: 415 });
      }
      params = new URLSearchParams(await request.text());
    }
    const now = this.now();
    const parsed = parseOaiArguments(params, this.granularity);
    let body: Iterable<string> | AsyncIterable<string>;
    if (!parsed.ok) {
      body = [openEnvelope(now, baseUrl, undefined), errorElements(parsed.errors), CLOSE_ENVELOPE];
    } else {
      const echo = { verb: parsed.verb, args: parsed.args };
      const result = await this.run(parsed.verb, parsed.args, now, baseUrl);
      body =
        'errors' in result
          ? [openEnvelope(now, baseUrl, echo), errorElements(result.errors), CLOSE_ENVELOPE]
          : concat(openEnvelope(now, baseUrl, echo), result.chunks, CLOSE_ENVELOPE);
    }
    const headers = new Headers({ 'content-type': 'text/xml; charset=utf-8', vary: 'Accept-Encoding' });
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    let stream = streamOf(body);
    const coding = chooseEncoding(request.headers.get('accept-encoding'), this.compression);
    if (coding) {
      stream = compress(stream, coding);
      headers.set('content-encoding', coding);
    }
    return new Response(stream, { status: 200, headers });
  }

  private async run(
    verb: OaiVerb,
    args: OaiArguments,
    now: number,
    baseUrl: string,
  ): Promise<Page | { errors: readonly ProtocolError[] }> {
    switch (verb) {
      case 'Identify':
        return { chunks: [await this.identify(baseUrl)] };
      case 'ListMetadataFormats':
        return this.listMetadataFormats(args.identifier);
      case 'ListSets':
        return this.listSets(args.resumptionToken, now);
      case 'GetRecord':
        return this.getRecord(args.identifier!, args.metadataPrefix!);
      default:
        return this.listItems(verb, args, now);
    }
  }

  private async identify(baseUrl: string): Promise<string> {
    const o = this.o;
    const earliest = await o.repository.earliestDatestamp();
    let s = '<Identify>';
    s += `<repositoryName>${escapeText(o.repositoryName)}</repositoryName>`;
    s += `<baseURL>${escapeText(baseUrl)}</baseURL>`;
    s += '<protocolVersion>2.0</protocolVersion>';
    for (const e of o.adminEmails) s += `<adminEmail>${escapeText(e)}</adminEmail>`;
    s += `<earliestDatestamp>${formatUtcDate(earliest, this.granularity)}</earliestDatestamp>`;
    s += `<deletedRecord>${this.deletedRecord}</deletedRecord>`;
    s += `<granularity>${this.granularity}</granularity>`;
    for (const c of this.compression) s += `<compression>${c}</compression>`;
    if (o.repositoryIdentifier !== undefined) {
      const sample = o.sampleIdentifier ?? `oai:${o.repositoryIdentifier}:1`;
      s +=
        '<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" ' +
        'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier ' +
        'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">' +
        `<scheme>oai</scheme><repositoryIdentifier>${o.repositoryIdentifier}</repositoryIdentifier>` +
        `<delimiter>:</delimiter><sampleIdentifier>${escapeText(sample)}</sampleIdentifier>` +
        '</oai-identifier></description>';
    }
    for (const d of o.descriptions ?? []) s += `<description>${d}</description>`;
    return `${s}</Identify>\n`;
  }

  private async listMetadataFormats(
    identifier: string | undefined,
  ): Promise<Page | { errors: ProtocolError[] }> {
    let formats = [...this.formats.values()];
    if (identifier !== undefined) {
      const item = await this.visibleItem(identifier);
      if (!item) return { errors: [idDoesNotExist(identifier)] };
      if (!item.header.deleted) formats = formats.filter((f) => f.canDisseminate?.(item) ?? true);
      if (formats.length === 0) {
        return { errors: [{ code: 'noMetadataFormats', message: `no formats for "${identifier}"` }] };
      }
    }
    let s = '<ListMetadataFormats>';
    for (const f of formats) {
      s += `<metadataFormat><metadataPrefix>${escapeText(f.metadataPrefix)}</metadataPrefix>`;
      s += `<schema>${escapeText(f.schema)}</schema>`;
      s += `<metadataNamespace>${escapeText(f.metadataNamespace)}</metadataNamespace></metadataFormat>`;
    }
    return { chunks: [`${s}</ListMetadataFormats>\n`] };
  }

  private async listSets(
    token: string | undefined,
    now: number,
  ): Promise<Page | { errors: ProtocolError[] }> {
    const repo = this.o.repository;
    if (!repo.listSets) return { errors: [noSetHierarchy()] };
    let state: ResumptionState | undefined;
    if (token !== undefined) {
      const decoded = await this.decodeToken(token, 'ListSets', now);
      if ('errors' in decoded) return decoded;
      state = decoded;
    }
    const all = [...(await repo.listSets())].sort((a, b) => compare(a.setSpec, b.setSpec));
    if (all.length === 0) return { errors: [noSetHierarchy()] };
    const after = state?.after;
    const start = typeof after === 'string' ? all.findIndex((s) => s.setSpec > after) : 0;
    const rest = start < 0 ? [] : all.slice(start);
    if (rest.length === 0) return { errors: [badToken('no sets left after this resumptionToken')] };
    const page = rest.slice(0, this.pageSize);
    const cursor = state?.cursor ?? 0;
    let tail = '';
    if (rest.length > page.length || state) {
      const more = rest.length > page.length;
      const last = page[page.length - 1]!.setSpec;
      tail = await this.tokenXml(
        more
          ? { verb: 'ListSets', after: last, cursor: cursor + page.length, completeListSize: all.length }
          : undefined,
        cursor,
        all.length,
        now,
      );
    }
    return { chunks: concat('<ListSets>\n', page.map(setXml), tail, '</ListSets>\n') };
  }

  private async getRecord(identifier: string, prefix: string): Promise<Page | { errors: ProtocolError[] }> {
    const format = this.formats.get(prefix);
    const item = await this.visibleItem(identifier);
    const errors: ProtocolError[] = [];
    if (!item) errors.push(idDoesNotExist(identifier));
    if (!format || (item && !item.header.deleted && !(format.canDisseminate?.(item) ?? true))) {
      errors.push(cannotDisseminate(prefix));
    }
    if (errors.length > 0 || !item || !format) return { errors };
    return { chunks: concat('<GetRecord>', this.recordChunks(item, format), '</GetRecord>\n') };
  }

  private async listItems(
    verb: 'ListRecords' | 'ListIdentifiers',
    args: OaiArguments,
    now: number,
  ): Promise<Page | { errors: readonly ProtocolError[] }> {
    let state: ResumptionState | undefined;
    let query: OaiArguments = args;
    if (args.resumptionToken !== undefined) {
      const decoded = await this.decodeToken(args.resumptionToken, verb, now);
      if ('errors' in decoded) return decoded;
      state = decoded;
      query = decoded;
      // A token made before a granularity change must not smuggle in arguments that are now illegal.
      const dateErrors = checkDates(query.from, query.until, this.granularity);
      if (dateErrors.length > 0) return { errors: [badToken('the token no longer matches this repository')] };
    }
    const prefix = query.metadataPrefix!;
    const format = this.formats.get(prefix);
    if (!format) return { errors: [cannotDisseminate(prefix)] };
    const repo = this.o.repository;
    if (query.set !== undefined && !repo.listSets) return { errors: [noSetHierarchy()] };
    const range = dateRange(query.from, query.until);
    const selection = {
      metadataPrefix: prefix,
      includeDeleted: this.deletedRecord !== 'no',
      ...range,
      ...(query.set !== undefined && { set: query.set }),
    };
    const after = state && typeof state.after !== 'string' ? state.after : undefined;
    const page = await this.fetchPage(selection, after, format);
    if (page.items.length === 0) {
      return {
        errors: [
          state
            ? badToken('nothing left after this resumptionToken')
            : { code: 'noRecordsMatch', message: 'no records match the request' },
        ],
      };
    }
    const cursor = state?.cursor ?? 0;
    let size = state?.completeListSize;
    if (!state && page.more && repo.countItems) size = await repo.countItems(selection);
    let tail = '';
    if (page.more || state) {
      const last = page.items[page.items.length - 1]!.header;
      const next: Omit<ResumptionState, 'expires'> | undefined = page.more
        ? {
            verb,
            metadataPrefix: prefix,
            ...(query.from !== undefined && { from: query.from }),
            ...(query.until !== undefined && { until: query.until }),
            ...(query.set !== undefined && { set: query.set }),
            after: { datestamp: last.datestamp, identifier: last.identifier },
            cursor: cursor + page.items.length,
            ...(size !== undefined && { completeListSize: size }),
          }
        : undefined;
      tail = await this.tokenXml(next, cursor, size, now);
    }
    const granularity = this.granularity;
    const body =
      verb === 'ListIdentifiers'
        ? page.items.map((item) => `${headerXml(item.header, granularity)}\n`)
        : flatMap(page.items, (item) => this.recordChunks(item, format));
    return { chunks: concat(`<${verb}>\n`, body, tail, `</${verb}>\n`) };
  }

  /** One page of disseminable items, fetching on while a format's filter drops items. */
  private async fetchPage(
    selection: Omit<ListQuery, 'after' | 'limit'>,
    after: { datestamp: number; identifier: string } | undefined,
    format: MetadataFormat<TRecord>,
  ): Promise<{ items: OaiItem<TRecord>[]; more: boolean }> {
    const want = this.pageSize + 1;
    const items: OaiItem<TRecord>[] = [];
    let position = after;
    for (;;) {
      const batch = await this.o.repository.listItems({
        ...selection,
        ...(position && { after: position }),
        limit: want,
      });
      for (const item of batch) {
        if (!item.header.deleted && item.record === undefined) continue;
        if (item.header.deleted ? this.deletedRecord === 'no' : !(format.canDisseminate?.(item) ?? true))
          continue;
        items.push(item);
        if (items.length === want) break;
      }
      if (items.length === want || batch.length < want) break;
      const last = batch[batch.length - 1]!.header;
      position = { datestamp: last.datestamp, identifier: last.identifier };
    }
    const more = items.length > this.pageSize;
    if (more) items.length = this.pageSize;
    return { items, more };
  }

  private *recordChunks(item: OaiItem<TRecord>, format: MetadataFormat<TRecord>): Generator<string> {
    yield `<record>${headerXml(item.header, this.granularity)}`;
    if (!item.header.deleted && item.record !== undefined) {
      yield '<metadata>';
      const rendered = format.render(item.record, item.header);
      if (typeof rendered === 'string') yield rendered;
      else yield* rendered;
      yield '</metadata>';
      for (const about of format.about?.(item.record, item.header) ?? []) yield `<about>${about}</about>`;
    }
    yield '</record>\n';
  }

  /** The resumptionToken element: a fresh token when `next` is given, else the empty closing one. */
  private async tokenXml(
    next: Omit<ResumptionState, 'expires'> | undefined,
    cursor: number,
    size: number | undefined,
    now: number,
  ): Promise<string> {
    const attrs: TokenAttributes = {
      token: '',
      cursor,
      ...(size !== undefined && size > 0 && { completeListSize: size }),
    };
    if (!next) return resumptionTokenXml(attrs);
    const expires = now + this.ttl;
    const token = await this.tokens.encode({ ...next, expires });
    return resumptionTokenXml({ ...attrs, token, expirationDate: expires });
  }

  private async decodeToken(
    token: string,
    verb: ResumptionState['verb'],
    now: number,
  ): Promise<ResumptionState | { errors: ProtocolError[] }> {
    try {
      const state = await this.tokens.decode(token, now);
      if (state.verb !== verb) return { errors: [badToken(`this resumptionToken belongs to ${state.verb}`)] };
      return state;
    } catch (error) {
      if (OaiError.is(error) && error.code === 'BAD_RESUMPTION_TOKEN')
        return { errors: [badToken(error.message)] };
      throw error;
    }
  }

  /** The item as the deletedRecord policy lets harvesters see it. */
  private async visibleItem(identifier: string): Promise<OaiItem<TRecord> | undefined> {
    const item = await this.o.repository.getItem(identifier);
    if (!item || (item.header.deleted && this.deletedRecord === 'no')) return undefined;
    if (!item.header.deleted && item.record === undefined) return undefined;
    return item;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function idDoesNotExist(identifier: string): ProtocolError {
  return { code: 'idDoesNotExist', message: `no item "${identifier}"` };
}
function cannotDisseminate(prefix: string): ProtocolError {
  return { code: 'cannotDisseminateFormat', message: `format "${prefix}" is not available` };
}
function noSetHierarchy(): ProtocolError {
  return { code: 'noSetHierarchy', message: 'this repository has no sets' };
}
function badToken(message: string): ProtocolError {
  return { code: 'badResumptionToken', message };
}

function* concat(...parts: (string | Iterable<string>)[]): Generator<string> {
  for (const p of parts) {
    if (typeof p === 'string') yield p;
    else yield* p;
  }
}

function* flatMap<T>(items: readonly T[], f: (item: T) => Iterable<string>): Generator<string> {
  for (const item of items) yield* f(item);
}
