// KohaClient: typed operations from the generated table, an untyped escape hatch, paging.
// Resource helpers (vendors, biblios, reports …) live in their own files and use `call`.
import type { KohaAuth } from './auth.js';
import { bibliosApi } from './biblios.js';
import { KohaError } from './errors.js';
import {
  type KohaOperationId,
  type KohaOperations,
  kohaOperations,
  type OperationMeta,
} from './generated/koha-api.js';
import { hasNextPage, type PageInfo, readPageInfo } from './paging.js';
import { type KohaQuery, serializeKohaQuery } from './query.js';
import { reportsApi } from './reports.js';
import {
  buildOperationRequest,
  encodeParam,
  fillPath,
  httpError,
  type OperationInput,
  readBody,
} from './request.js';
import {
  checkinsApi,
  checkoutsApi,
  holdsApi,
  itemsApi,
  librariesApi,
  patronsApi,
  vendorsApi,
} from './resources.js';
import {
  defaultRetryPolicy,
  defaultSleep,
  exchange,
  type KohaLogEvent,
  type RetryPolicy,
  type TransportConfig,
} from './transport.js';

export interface KohaClientOptions {
  /** Koha's address: `https://koha.example.org` or the API root `https://koha.example.org/api/v1`. */
  baseUrl: string | URL;
  /** `clientCredentials(...)`, `basicAuth(...)`, `bearerToken(...)` or your own strategy. */
  auth?: KohaAuth;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per attempt, in ms (default 30 000). */
  timeoutMs?: number;
  /** Backoff retries for idempotent requests; `false` turns them off. */
  retry?: Partial<RetryPolicy> | false;
  /** Default `x-koha-library` (library context) for every request. */
  library?: string;
  /** Receives one event per response and per retry; events never contain headers or bodies. */
  logger?: (event: KohaLogEvent) => void;
  /** Test hooks: the backoff sleep and the jitter source. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** `x-koha-library` for this request. */
  library?: string;
  /** `x-koha-request-id`: a positive integer (Koha rejects anything else). */
  requestId?: number;
  /** A `q` filter, serialised into the operation's `q` query parameter. */
  filter?: KohaQuery;
  /** Retry POST/PATCH too (only when you know the request is safe to repeat). */
  idempotent?: boolean;
}

export interface KohaResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** `X-Total-Count`, `X-Base-Total-Count`, `Link`. */
  page: PageInfo;
  /** `x-koha-request-id` echoed by Koha, or the one sent. */
  requestId: number | undefined;
  attempts: number;
}

type Ops = KohaOperations;
export type OperationRequest<Id extends KohaOperationId> = Ops[Id]['request'];
type Responses<Id extends KohaOperationId> = Ops[Id]['responses'];
type SuccessStatus<Id extends KohaOperationId> = Extract<keyof Responses<Id>, '200' | '201' | '202' | '204'>;
/** The body of an operation's 2xx answer. */
export type SuccessBody<Id extends KohaOperationId> = Responses<Id>[SuccessStatus<Id>];
/** One element of a list operation's answer. */
export type ItemOf<Id extends KohaOperationId> = SuccessBody<Id> extends readonly (infer E)[] ? E : never;

/** Operations that take `_page` (list routes). */
export type PagedOperationId = {
  [K in KohaOperationId]: 'query' extends keyof OperationRequest<K>
    ? '_page' extends keyof NonNullable<OperationRequest<K>['query' & keyof OperationRequest<K>]>
      ? K
      : never
    : never;
}[KohaOperationId];

/** `[request?, options?]` when every part of the request is optional, else `[request, options?]`. */
export type CallArgs<Id extends KohaOperationId> =
  Partial<OperationRequest<Id>> extends OperationRequest<Id>
    ? [request?: OperationRequest<Id>, options?: CallOptions]
    : [request: OperationRequest<Id>, options?: CallOptions];

export interface PageOptions extends CallOptions {
  /** `_per_page` (default 100). */
  perPage?: number;
  /** First page to read (default 1). */
  startPage?: number;
  /** Stop after this many pages (default: no limit). */
  maxPages?: number;
}

export interface KohaPage<T> {
  items: T[];
  page: number;
  perPage: number;
  info: PageInfo;
}

export interface RawRequestInit {
  /** Values for `{name}` placeholders in the path. */
  path?: Readonly<Record<string, string | number>>;
  /** Arrays are sent as repeated parameters. */
  query?: Readonly<
    Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>
  >;
  headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType`. */
  body?: string | Uint8Array;
  contentType?: string;
  /** Default `application/json`. */
  accept?: string;
  /** How to read a 2xx body (default: JSON when the answer says so, else text). */
  as?: 'auto' | 'text' | 'bytes';
}

export type RawRequestOptions = RawRequestInit & CallOptions;

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_PER_PAGE = 100;

export class KohaClient {
  /** `…/api/v1` without a trailing slash. */
  readonly apiBase: string;
  /** The server's origin plus any path prefix before `/api/v1` (where `/cgi-bin/koha/…` lives). */
  readonly serverBase: string;
  readonly #transport: TransportConfig;
  readonly #library: string | undefined;
  /** `/acquisitions/vendors…`, plus `findByName` and `sync` (the CORAL case). */
  readonly vendors: ReturnType<typeof vendorsApi> = vendorsApi(this);
  readonly patrons: ReturnType<typeof patronsApi> = patronsApi(this);
  readonly holds: ReturnType<typeof holdsApi> = holdsApi(this);
  readonly checkouts: ReturnType<typeof checkoutsApi> = checkoutsApi(this);
  /** `POST /checkins` (Koha bug 24401; not in a Koha release yet, see the README). */
  readonly checkins: ReturnType<typeof checkinsApi> = checkinsApi(this);
  readonly items: ReturnType<typeof itemsApi> = itemsApi(this);
  readonly libraries: ReturnType<typeof librariesApi> = librariesApi(this);
  /** `/biblios…` as JSON or as @bibwire/marcxml records (MARCXML, MARC-in-JSON, ISO 2709, text). */
  readonly biblios: ReturnType<typeof bibliosApi> = bibliosApi(this);
  /** The JSON reports service (`/cgi-bin/koha/svc/report`). */
  readonly reports: ReturnType<typeof reportsApi> = reportsApi(this);

  constructor(options: KohaClientOptions) {
    let base: URL;
    try {
      base = new URL(String(options.baseUrl));
    } catch (cause) {
      throw new KohaError(
        'INVALID_ARGUMENT',
        'baseUrl is not an absolute URL',
        { field: 'baseUrl' },
        { cause },
      );
    }
    if (base.username || base.password) {
      throw new KohaError('INVALID_ARGUMENT', 'baseUrl must not carry credentials; use auth', {
        field: 'baseUrl',
      });
    }
    base.search = '';
    base.hash = '';
    const prefix = base.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
    this.serverBase = `${base.origin}${prefix}`;
    this.apiBase = `${this.serverBase}/api/v1`;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new KohaError('INVALID_ARGUMENT', 'no fetch available; pass options.fetch', { field: 'fetch' });
    }
    const retry: RetryPolicy =
      options.retry === false
        ? { ...defaultRetryPolicy, retries: 0 }
        : { ...defaultRetryPolicy, ...options.retry };
    this.#transport = {
      fetch: (input, init) => fetchImpl(input, init),
      apiBase: this.apiBase,
      auth: options.auth,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      logger: options.logger,
    };
    this.#library = options.library;
  }

  /** Call any operation of the specification by its operationId; resolves to the 2xx body. */
  async call<Id extends KohaOperationId>(id: Id, ...args: CallArgs<Id>): Promise<SuccessBody<Id>> {
    return (await this.callWithResponse(id, ...args)).data;
  }

  /** Like `call`, with status, headers, paging headers and request id. */
  async callWithResponse<Id extends KohaOperationId>(
    id: Id,
    ...args: CallArgs<Id>
  ): Promise<KohaResponse<SuccessBody<Id>>> {
    const [request, options = {}] = args;
    const meta: OperationMeta | undefined = Object.hasOwn(kohaOperations, id)
      ? kohaOperations[id]
      : undefined;
    if (!meta) throw new KohaError('INVALID_ARGUMENT', `unknown operation ${String(id)}`, { field: 'id' });
    const input: OperationInput = { ...((request ?? {}) as OperationInput) };
    if (options.filter !== undefined) {
      if (!Object.hasOwn(meta.query, 'q')) {
        throw new KohaError('INVALID_ARGUMENT', `${id} takes no q filter`, { field: 'filter' });
      }
      const q = serializeKohaQuery(options.filter);
      const existing = (input.query?.q as readonly string[] | undefined) ?? [];
      input.query = { ...input.query, q: [...existing, q] };
    }
    const built = buildOperationRequest(this.apiBase, id, meta, input);
    if (!built.headers.has('accept')) built.headers.set('accept', 'application/json');
    const res = await this.#send(meta.method, built.url, built.headers, built.body, options);
    return res as KohaResponse<SuccessBody<Id>>;
  }

  /**
   * The escape hatch: any method and path under `/api/v1` (or an absolute URL on the same
   * server), untyped. `path` may hold `{name}` placeholders filled from `init.path`.
   */
  async request<T = unknown>(
    method: string,
    path: string,
    init: RawRequestOptions = {},
  ): Promise<KohaResponse<T>> {
    const filled = fillPath(path, init.path);
    const url = this.#resolve(filled);
    for (const [name, value] of Object.entries(init.query ?? {})) {
      for (const v of encodeParam(name, value, 'multi')) url.searchParams.append(name, v);
    }
    if (init.filter !== undefined) url.searchParams.append('q', serializeKohaQuery(init.filter));
    const headers = new Headers(init.headers);
    headers.set('accept', init.accept ?? headers.get('accept') ?? 'application/json');
    let body: string | Uint8Array | undefined;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    } else if (init.body !== undefined) {
      body = init.body;
      if (init.contentType) headers.set('content-type', init.contentType);
    }
    return this.#send(method.toUpperCase(), url, headers, body, init, init.as ?? 'auto') as Promise<
      KohaResponse<T>
    >;
  }

  /** Every page of a list operation, following `Link`/`X-Total-Count` (or short pages). */
  async *pages<Id extends PagedOperationId>(
    id: Id,
    request?: OperationRequest<Id>,
    options: PageOptions = {},
  ): AsyncGenerator<KohaPage<ItemOf<Id>>, void, undefined> {
    const perPage = options.perPage ?? DEFAULT_PER_PAGE;
    if (!Number.isSafeInteger(perPage) || perPage < 1) {
      throw new KohaError('INVALID_ARGUMENT', 'perPage must be a positive integer', { field: 'perPage' });
    }
    let page = options.startPage ?? 1;
    if (!Number.isSafeInteger(page) || page < 1) {
      throw new KohaError('INVALID_ARGUMENT', 'startPage must be a positive integer', { field: 'startPage' });
    }
    const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
    const base = (request ?? {}) as OperationInput;
    // Counted from the records before startPage, so a server that caps _per_page still ends right.
    let seen = (page - 1) * perPage;
    let previousFirst: string | undefined;
    for (let read = 0; read < maxPages; read++) {
      const input = { ...base, query: { ...base.query, _page: page, _per_page: perPage } };
      const res = await this.callWithResponse(id, ...([input, options] as unknown as CallArgs<Id>));
      const items = res.data;
      if (!Array.isArray(items)) {
        throw new KohaError('INVALID_RESPONSE', `${id} page ${page} is not a JSON array`, {
          status: res.status,
        });
      }
      // A server that ignores _page would send the same page forever.
      const first = items.length > 0 ? JSON.stringify(items[0]) : undefined;
      if (first !== undefined && first === previousFirst) {
        throw new KohaError(
          'INVALID_RESPONSE',
          `${id} page ${page} repeats page ${page - 1}: is _page ignored?`,
          {
            status: res.status,
          },
        );
      }
      previousFirst = first;
      seen += items.length;
      yield { items: items as ItemOf<Id>[], page, perPage, info: res.page };
      if (!hasNextPage(res.page, seen, perPage, items.length)) return;
      page++;
    }
  }

  /** Every item of a list operation across all pages. */
  async *all<Id extends PagedOperationId>(
    id: Id,
    request?: OperationRequest<Id>,
    options: PageOptions = {},
  ): AsyncGenerator<ItemOf<Id>, void, undefined> {
    for await (const page of this.pages(id, request, options)) yield* page.items;
  }

  /** Fetch with this client's auth, timeouts and retries; the caller reads the raw Response. */
  async fetchRaw(
    method: string,
    url: URL,
    headers: Headers,
    body: string | Uint8Array | undefined,
    options: CallOptions & { authenticate?: boolean },
  ): Promise<{ response: Response; attempts: number }> {
    if (this.#library !== undefined && !headers.has('x-koha-library'))
      headers.set('x-koha-library', this.#library);
    if (options.library !== undefined) headers.set('x-koha-library', options.library);
    if (options.requestId !== undefined) {
      if (!Number.isSafeInteger(options.requestId) || options.requestId < 1) {
        throw new KohaError('INVALID_ARGUMENT', 'requestId must be a positive integer', {
          field: 'requestId',
        });
      }
      headers.set('x-koha-request-id', String(options.requestId));
    }
    return exchange(this.#transport, {
      method,
      url,
      headers,
      body,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      authenticate: options.authenticate,
      idempotent: options.idempotent,
    });
  }

  async #send(
    method: string,
    url: URL,
    headers: Headers,
    body: string | Uint8Array | undefined,
    options: CallOptions,
    as: 'auto' | 'text' | 'bytes' = 'auto',
  ): Promise<KohaResponse<unknown>> {
    const { response, attempts } = await this.fetchRaw(method, url, headers, body, options);
    const path = url.pathname;
    if (!response.ok) {
      const errorBody = await readBody(response);
      const err = httpError(method, path, response, errorBody, options.requestId);
      Object.defineProperty(err, 'attempts', { value: attempts });
      throw err;
    }
    let data: unknown;
    if (as === 'bytes') data = new Uint8Array(await response.arrayBuffer());
    else if (as === 'text') data = await response.text();
    else {
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      if (text === '') data = undefined;
      else if (/\bjson\b/i.test(type)) {
        try {
          data = JSON.parse(text);
        } catch (cause) {
          throw new KohaError(
            'INVALID_RESPONSE',
            `${method} ${path}: body is not valid JSON`,
            { status: response.status, method, path },
            { cause },
          );
        }
      } else data = text;
    }
    const echoed = Number(response.headers.get('x-koha-request-id') ?? Number.NaN);
    return {
      data,
      status: response.status,
      headers: response.headers,
      page: readPageInfo(response.headers, url),
      requestId: Number.isSafeInteger(echoed) ? echoed : options.requestId,
      attempts,
    };
  }

  #resolve(path: string): URL {
    if (/^https?:\/\//i.test(path)) {
      const url = new URL(path);
      if (url.origin !== new URL(this.apiBase).origin) {
        throw new KohaError('INVALID_ARGUMENT', 'absolute URLs must be on the Koha server', {
          field: 'path',
        });
      }
      return url;
    }
    const rel = path.startsWith('/') ? path : `/${path}`;
    return new URL(`${this.apiBase}${rel.replace(/^\/api\/v1(?=\/|$)/, '')}`);
  }

  /** Avoid printing internals (the auth strategy) when a client is logged. */
  toJSON(): { apiBase: string } {
    return { apiBase: this.apiBase };
  }
}
