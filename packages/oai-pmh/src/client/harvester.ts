// The harvester: typed requests over an injectable fetch, resumption tokens followed as an async
// iterator, retries with exponential backoff, 503 Retry-After honoured, AbortSignal throughout.
import { formatUtcDate, type Granularity } from '../dates.js';
import { OaiError, type OaiProtocolErrorCode } from '../errors.js';
import type { DeletedRecordPolicy } from '../types.js';
import { OaiResponseParser, type ResponseEnvelope, type ResponseItem } from './parse.js';
import type {
  HarvestedHeader,
  HarvestedRecord,
  HarvestedSet,
  IdentifyInfo,
  MetadataFormatInfo,
  ResumptionTokenInfo,
} from './types.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HarvesterOptions {
  /** The provider's base URL (no query). */
  readonly baseUrl: string;
  /** Default: globalThis.fetch. */
  readonly fetch?: FetchLike;
  readonly signal?: AbortSignal;
  /** Retries after a network error, 5xx or 503 (default 3). */
  readonly retries?: number;
  /** First backoff delay in ms, doubled each retry (default 1000). */
  readonly backoffMs?: number;
  /** Longest Retry-After the harvester will wait, in seconds (default 600); longer fails with HTTP_STATUS. */
  readonly maxRetryAfterSeconds?: number;
  /** `GET` (default) or `POST` (form-encoded). */
  readonly method?: 'GET' | 'POST';
  /** Sent with every request (e.g. a User-Agent or Authorization). */
  readonly headers?: Record<string, string>;
  /** false: MARC records come back as `marc` only, without their XML in `metadata` (faster). Default true. */
  readonly keepMarcXml?: boolean;
  /** Called after each response page with what it held. */
  readonly onPage?: (page: PageInfo) => void;
  /** Sleep used between retries (tests inject a fake). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface PageInfo {
  readonly verb: string;
  readonly items: number;
  readonly responseDate: string | undefined;
  readonly token: ResumptionTokenInfo | undefined;
}

export interface ListOptions {
  readonly metadataPrefix: string;
  readonly from?: string | Date;
  readonly until?: string | Date;
  readonly set?: string;
  /** Granularity used when from/until are Dates (default day, which every provider supports). */
  readonly granularity?: Granularity;
  /** Resume from a token saved earlier instead of starting the list. */
  readonly resumptionToken?: string;
}

type Args = Record<string, string>;

export class OaiHarvester {
  /** responseDate of the first response of the most recent list request. */
  lastResponseDate: string | undefined;
  private readonly o: HarvesterOptions;

  constructor(options: HarvesterOptions) {
    this.o = options;
    try {
      new URL(options.baseUrl);
    } catch (cause) {
      throw new OaiError('INVALID_ARGUMENT', 'baseUrl is not a URL', { field: 'baseUrl' }, { cause });
    }
  }

  async identify(): Promise<IdentifyInfo> {
    const { envelope } = await this.request({ verb: 'Identify' }, () => {});
    throwErrors(envelope);
    const one = (k: string): string => envelope.identify.get(k)?.[0] ?? '';
    return {
      repositoryName: one('repositoryName'),
      baseUrl: one('baseURL'),
      protocolVersion: one('protocolVersion'),
      adminEmails: envelope.identify.get('adminEmail') ?? [],
      earliestDatestamp: one('earliestDatestamp'),
      deletedRecord: one('deletedRecord') as DeletedRecordPolicy,
      granularity: one('granularity') as Granularity,
      compression: envelope.identify.get('compression') ?? [],
      descriptions: envelope.descriptions,
    };
  }

  async listMetadataFormats(identifier?: string): Promise<MetadataFormatInfo[]> {
    const args: Args = { verb: 'ListMetadataFormats', ...(identifier !== undefined && { identifier }) };
    const { envelope } = await this.request(args, () => {});
    throwErrors(envelope);
    return envelope.formats;
  }

  async getRecord(identifier: string, metadataPrefix: string): Promise<HarvestedRecord> {
    let found: HarvestedRecord | undefined;
    const { envelope } = await this.request({ verb: 'GetRecord', identifier, metadataPrefix }, (item) => {
      if (item.kind === 'record') found ??= item.record;
    });
    throwErrors(envelope);
    if (!found) throw new OaiError('BAD_RESPONSE', 'GetRecord response holds no record');
    return found;
  }

  async *listSets(): AsyncGenerator<HarvestedSet> {
    for await (const item of this.list({ verb: 'ListSets' })) if (item.kind === 'set') yield item.set;
  }

  async *listIdentifiers(options: ListOptions): AsyncGenerator<HarvestedHeader> {
    for await (const item of this.list(listArgs('ListIdentifiers', options))) {
      if (item.kind === 'header') yield item.header;
    }
  }

  async *listRecords(options: ListOptions): AsyncGenerator<HarvestedRecord> {
    for await (const item of this.list(listArgs('ListRecords', options))) {
      if (item.kind === 'record') yield item.record;
    }
  }

  /** Follows resumption tokens; a noRecordsMatch answer is an empty list. */
  private async *list(first: Args): AsyncGenerator<ResponseItem> {
    let args = first;
    let isFirst = true;
    const seen = new Set<string>();
    for (;;) {
      const items: ResponseItem[] = [];
      const { envelope } = await this.request(args, (item) => items.push(item));
      if (isFirst) this.lastResponseDate = envelope.responseDate;
      const noMatch = envelope.errors.length > 0 && envelope.errors.every((e) => e.code === 'noRecordsMatch');
      if (noMatch && isFirst) return;
      throwErrors(envelope);
      isFirst = false;
      yield* items;
      const token = envelope.token?.value;
      if (!token) return;
      // A provider that hands out the same token twice would loop for ever.
      if (seen.has(token)) throw new OaiError('BAD_RESPONSE', 'the provider repeated a resumptionToken');
      seen.add(token);
      args = { verb: first.verb!, resumptionToken: token };
    }
  }

  /** One request with retries; items are handed to `onItem` as they are parsed. */
  private async request(
    args: Args,
    onItem: (item: ResponseItem) => void,
  ): Promise<{ envelope: ResponseEnvelope }> {
    const o = this.o;
    const retries = o.retries ?? 3;
    const sleep = o.sleep ?? delay;
    let backoff = o.backoffMs ?? 1000;
    for (let attempt = 0; ; attempt++) {
      o.signal?.throwIfAborted?.();
      let response: Response;
      let envelope: ResponseEnvelope | undefined;
      const items: ResponseItem[] = [];
      try {
        response = await this.send(args);
        if (response.status === 200) {
          const parser = new OaiResponseParser(o.keepMarcXml === false ? { keepMarcXml: false } : {});
          envelope = await parseBody(response, parser, (item) => items.push(item));
        }
      } catch (cause) {
        if (o.signal?.aborted) throw new OaiError('ABORTED', 'the harvest was aborted', {}, { cause });
        // A malformed document will not improve on retry; a dropped or corrupt transfer may.
        if (OaiError.is(cause)) throw cause;
        if (attempt >= retries) {
          throw new OaiError(
            'NETWORK',
            `request failed: ${(cause as Error)?.message ?? cause}`,
            {},
            { cause },
          );
        }
        await this.wait(sleep, backoff);
        backoff *= 2;
        continue;
      }
      if (envelope) {
        for (const item of items) onItem(item);
        o.onPage?.({
          verb: args.verb ?? '',
          items: items.length,
          responseDate: envelope.responseDate,
          token: envelope.token,
        });
        return { envelope };
      }
      await response.body?.cancel();
      const retryable = response.status === 503 || response.status >= 500 || response.status === 429;
      if (!retryable || attempt >= retries) {
        throw new OaiError('HTTP_STATUS', `the provider answered HTTP ${response.status}`, {
          status: response.status,
        });
      }
      let wait = backoff;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      if (retryAfter !== undefined) {
        if (retryAfter > (o.maxRetryAfterSeconds ?? 600) * 1000) {
          throw new OaiError('HTTP_STATUS', `the provider asks to wait ${Math.round(retryAfter / 1000)} s`, {
            status: response.status,
          });
        }
        wait = retryAfter;
      }
      await this.wait(sleep, wait);
      backoff *= 2;
    }
  }

  private async wait(sleep: (ms: number, signal?: AbortSignal) => Promise<void>, ms: number): Promise<void> {
    try {
      await sleep(ms, this.o.signal);
    } catch (cause) {
      throw new OaiError('ABORTED', 'the harvest was aborted', {}, { cause });
    }
  }

  private send(args: Args): Promise<Response> {
    const o = this.o;
    const fetcher = o.fetch ?? (globalThis.fetch as FetchLike);
    const body = new URLSearchParams(args).toString();
    const headers: Record<string, string> = { accept: 'text/xml, application/xml', ...o.headers };
    const init: RequestInit = { method: o.method ?? 'GET', headers, redirect: 'follow' };
    if (o.signal) init.signal = o.signal;
    if (o.method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = body;
      return fetcher(o.baseUrl, init);
    }
    return fetcher(`${o.baseUrl}${o.baseUrl.includes('?') ? '&' : '?'}${body}`, init);
  }
}

function listArgs(verb: string, o: ListOptions): Args {
  if (o.resumptionToken !== undefined) return { verb, resumptionToken: o.resumptionToken };
  const g = o.granularity ?? 'YYYY-MM-DD';
  const date = (d: string | Date): string => (typeof d === 'string' ? d : formatUtcDate(d, g));
  return {
    verb,
    metadataPrefix: o.metadataPrefix,
    ...(o.from !== undefined && { from: date(o.from) }),
    ...(o.until !== undefined && { until: date(o.until) }),
    ...(o.set !== undefined && { set: o.set }),
  };
}

async function parseBody(
  response: Response,
  parser: OaiResponseParser,
  onItem: (item: ResponseItem) => void,
): Promise<ResponseEnvelope> {
  if (!response.body) throw new OaiError('BAD_RESPONSE', 'empty response body');
  const decoder = new TextDecoder('utf-8');
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const item of parser.write(decoder.decode(value, { stream: true }))) onItem(item);
  }
  for (const item of parser.write(decoder.decode())) onItem(item);
  for (const item of parser.end()) onItem(item);
  return parser.envelope;
}

function throwErrors(envelope: ResponseEnvelope): void {
  const first = envelope.errors[0];
  if (!first) return;
  const all = envelope.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
  throw new OaiError('OAI_PROTOCOL_ERROR', `the provider answered ${all}`, {
    oaiCode: first.code as OaiProtocolErrorCode,
  });
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
