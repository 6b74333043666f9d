// SRU client over an injectable fetch: typed explain / searchRetrieve / scan, an async iterator over
// every record of a result, fatal diagnostics as SruError, AbortSignal on every call.
import type { CqlQuery } from '../cql/ast.js';
import { toCql } from '../cql/serialize.js';
import { SruError } from '../errors.js';
import { BodyTooLarge, readBoundedText } from '../xml/read-bounded.js';
import {
  type ExplainResponse,
  parseExplainResponse,
  parseScanResponse,
  parseSearchRetrieveResponse,
  type ScanResponse,
  type SearchRetrieveResponse,
  type SruRecord,
} from './parse.js';

export type SruClientVersion = '1.1' | '1.2' | '2.0';

export interface SruClientOptions {
  /** The server's base URL (its own query parameters, e.g. `x-database`, are kept). */
  readonly url: string | URL;
  /** Version asked for (default '1.2', which every SRU server answers). */
  readonly version?: SruClientVersion;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** 'GET' (default) or 'POST' (form-encoded body; SRU 1.2 and 2.0). */
  readonly method?: 'GET' | 'POST';
  /** Extra headers (e.g. authorisation); never logged. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default recordSchema for searches. */
  readonly recordSchema?: string;
  /** Applied to every request besides the per-call signal. */
  readonly signal?: AbortSignal;
  /** Largest response body accepted (default 64 MiB); larger ones fail with BAD_RESPONSE. */
  readonly maxResponseBytes?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Extension parameters (`x-…`) or anything else to send as is. */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface SearchOptions extends CallOptions {
  readonly startRecord?: number;
  readonly maximumRecords?: number;
  readonly recordSchema?: string;
  /** 'xml' (default) or 'string'. */
  readonly recordXMLEscaping?: 'xml' | 'string';
  /** SRU 1.1/2.0 sortKeys parameter; with CQL 1.2 prefer `sortBy` in the query. */
  readonly sortKeys?: string;
  readonly resultSetTTL?: number;
}

export interface ScanOptions extends CallOptions {
  readonly responsePosition?: number;
  readonly maximumTerms?: number;
}

export interface RecordsOptions extends SearchOptions {
  /** Stop after this many records (default: all). */
  readonly limit?: number;
}

function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (!a) return b;
  if (!b) return a;
  return AbortSignal.any([a, b]);
}

export class SruClient {
  private readonly url: URL;
  private readonly version: SruClientVersion;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: SruClientOptions) {
    this.url = new URL(options.url);
    this.version = options.version ?? '1.2';
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
  }

  private async request(params: Record<string, string>, call: CallOptions): Promise<string> {
    const all = new URLSearchParams(this.url.search);
    for (const [k, v] of Object.entries({ ...params, ...call.extra })) all.set(k, v);
    const signal = combine(this.options.signal, call.signal);
    const headers: Record<string, string> = {
      accept: 'application/sru+xml, text/xml, application/xml',
      ...this.options.headers,
    };
    let response: Response;
    const base = new URL(this.url);
    if (this.options.method === 'POST') {
      base.search = '';
      headers['content-type'] = 'application/x-www-form-urlencoded';
      response = await this.fetchFn(base, {
        method: 'POST',
        headers,
        body: all.toString(),
        ...(signal ? { signal } : {}),
      });
    } else {
      base.search = all.toString();
      response = await this.fetchFn(base, { method: 'GET', headers, ...(signal ? { signal } : {}) });
    }
    let text: string;
    try {
      text = await readBoundedText(response.body, this.options.maxResponseBytes ?? 64 * 1024 * 1024);
    } catch (e) {
      if (e instanceof BodyTooLarge)
        throw new SruError('BAD_RESPONSE', `SRU response larger than ${e.limit} bytes`, {}, { cause: e });
      throw e;
    }
    if (!response.ok) {
      // Some servers send diagnostics with a non-2xx status; prefer them to a bare HTTP error.
      if (/<([\w-]+:)?diagnostic[\s>]/.test(text)) return text;
      throw new SruError('HTTP_ERROR', `SRU server answered HTTP ${response.status}`, {
        status: response.status,
      });
    }
    return text;
  }

  private versionParams(operation: string): Record<string, string> {
    return this.version === '2.0' && operation !== 'scan'
      ? { version: '2.0' }
      : { operation, version: this.version };
  }

  async explain(options: CallOptions = {}): Promise<ExplainResponse> {
    return parseExplainResponse(await this.request(this.versionParams('explain'), options));
  }

  async searchRetrieve(
    query: string | CqlQuery,
    options: SearchOptions = {},
  ): Promise<SearchRetrieveResponse> {
    const params: Record<string, string> = {
      ...this.versionParams('searchRetrieve'),
      query: typeof query === 'string' ? query : toCql(query),
    };
    if (options.startRecord !== undefined) params.startRecord = String(options.startRecord);
    if (options.maximumRecords !== undefined) params.maximumRecords = String(options.maximumRecords);
    const schema = options.recordSchema ?? this.options.recordSchema;
    if (schema !== undefined) params.recordSchema = schema;
    if (options.recordXMLEscaping !== undefined) {
      params[this.version === '2.0' ? 'recordXMLEscaping' : 'recordPacking'] = options.recordXMLEscaping;
    }
    if (options.sortKeys !== undefined) params.sortKeys = options.sortKeys;
    if (options.resultSetTTL !== undefined) params.resultSetTTL = String(options.resultSetTTL);
    return parseSearchRetrieveResponse(await this.request(params, options));
  }

  async scan(scanClause: string, options: ScanOptions = {}): Promise<ScanResponse> {
    const params: Record<string, string> = { ...this.versionParams('scan'), scanClause };
    if (options.responsePosition !== undefined) params.responsePosition = String(options.responsePosition);
    if (options.maximumTerms !== undefined) params.maximumTerms = String(options.maximumTerms);
    return parseScanResponse(await this.request(params, options));
  }

  /** Every record of the result, page by page (follows nextRecordPosition). */
  async *records(
    query: string | CqlQuery,
    options: RecordsOptions = {},
  ): AsyncGenerator<SruRecord, void, undefined> {
    let start = options.startRecord ?? 1;
    let yielded = 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    for (;;) {
      const page = await this.searchRetrieve(query, { ...options, startRecord: start });
      for (const record of page.records) {
        if (yielded >= limit) return;
        yield record;
        yielded++;
      }
      const next = page.nextRecordPosition ?? start + page.records.length;
      // Stop at the end, on an empty page, or if a server fails to move forward.
      if (yielded >= limit || page.records.length === 0 || next <= start || next > page.numberOfRecords)
        return;
      start = next;
    }
  }
}

export function createSruClient(options: SruClientOptions): SruClient {
  return new SruClient(options);
}
