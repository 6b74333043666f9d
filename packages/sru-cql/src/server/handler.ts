// The SRU server as a Fetch-standard handler: Request in, Response out, for explain,
// searchRetrieve and scan in SRU 1.1, 1.2 and 2.0 over GET and POST.
import type { CqlModifier, CqlQuery, CqlSortKey } from '../cql/ast.js';
import { SERVER_CHOICE } from '../cql/ast.js';
import { parseCql } from '../cql/parser.js';
import { diagnostic, type SruDiagnostic } from '../diagnostics.js';
import { SruError } from '../errors.js';
import { BodyTooLarge } from '../xml/read-bounded.js';
import type { RecordSchemaInfo, SruBackend } from './backend.js';
import { zeerexRecord } from './explain.js';
import type { SruVersion } from './namespaces.js';
import {
  FatalDiagnostic,
  fatal,
  intParam,
  negotiateVersion,
  readParams,
  type SruOperation,
  unknownParameter,
} from './params.js';
import { explainResponse, scanResponse, searchRetrieveResponse, type XmlEscaping } from './responses.js';

export interface SruServerOptions {
  readonly backend: SruBackend;
  /** Version used when the request names none (default '2.0'). */
  readonly defaultVersion?: SruVersion;
  /** Records per page when maximumRecords is absent (default 10). */
  readonly defaultMaximumRecords?: number;
  /** Upper bound on maximumRecords; larger requests are capped (default 100). */
  readonly maxMaximumRecords?: number;
  readonly defaultMaximumTerms?: number;
  readonly maxMaximumTerms?: number;
  /** Host and port named in Explain (default: from the request URL). */
  readonly host?: string;
  readonly port?: number;
  /** Context set of unprefixed indexes, for Explain (default 'cql'). */
  readonly defaultContextSet?: string;
  /** Longest query accepted (default 10,000 characters; diagnostic 12 beyond). */
  readonly maxQueryLength?: number;
  /** Called with unexpected back-end errors (answered as diagnostic 1 without details). */
  readonly onError?: (error: unknown) => void;
  /** Largest POST body accepted (default 1 MiB); larger ones get HTTP 413. */
  readonly maxBodyBytes?: number;
}

export type SruHandler = (request: Request) => Promise<Response>;

const VERSION = '0.0.0';

interface Context {
  readonly params: URLSearchParams;
  readonly version: SruVersion;
  readonly operation: SruOperation;
  readonly stylesheet: string | undefined;
  readonly url: URL;
}

function toDiagnostic(error: unknown, onError?: (e: unknown) => void): SruDiagnostic {
  if (error instanceof FatalDiagnostic) return error.diagnostic;
  if (SruError.is(error) && error.diagnostic !== undefined) {
    return diagnostic(
      error.diagnostic,
      error.details ?? (error.offset === undefined ? undefined : String(error.offset)),
    );
  }
  onError?.(error);
  return diagnostic(1);
}

function mediaType(params: URLSearchParams, version: SruVersion): string {
  const accept = params.get('httpAccept');
  if (version === '2.0' && accept !== null && /^application\/(sru\+)?xml$/.test(accept.trim()))
    return accept.trim();
  return 'text/xml';
}

/** SRU 1.1/2.0 `sortKeys` parameter (`path,schema,ascending,caseSensitive,missingValue` …) as CQL sort keys. */
export function sortKeysFromParameter(value: string): CqlSortKey[] {
  return value
    .trim()
    .split(/\s+/)
    .filter((k) => k !== '')
    .map((spec) => {
      const [path = '', , ascending, caseSensitive, missing] = spec.split(',');
      if (path === '') throw fatal(6, 'sortKeys');
      const modifiers: CqlModifier[] = [];
      if (ascending === '0' || ascending === 'false') modifiers.push({ name: 'sort.descending' });
      if (caseSensitive === '1' || caseSensitive === 'true') modifiers.push({ name: 'sort.respectCase' });
      if (missing === 'highValue') modifiers.push({ name: 'sort.missingHigh' });
      else if (missing === 'lowValue') modifiers.push({ name: 'sort.missingLow' });
      else if (missing !== undefined && missing !== '') throw fatal(92, missing);
      return { index: path, modifiers };
    });
}

export function createSruHandler(options: SruServerOptions): SruHandler {
  const backend = options.backend;
  const defaultVersion = options.defaultVersion ?? '2.0';
  const defaultMax = options.defaultMaximumRecords ?? 10;
  const maxMax = options.maxMaximumRecords ?? 100;
  const defaultTerms = options.defaultMaximumTerms ?? 20;
  const maxTerms = options.maxMaximumTerms ?? 100;
  const maxQueryLength = options.maxQueryLength ?? 10_000;

  function respond(ctx: Pick<Context, 'params' | 'version'>, body: string): Response {
    return new Response(body, {
      status: 200,
      headers: { 'content-type': `${mediaType(ctx.params, ctx.version)}; charset=utf-8` },
    });
  }

  function escaping(ctx: Context): XmlEscaping {
    let value = ctx.params.get(ctx.version === '2.0' ? 'recordXMLEscaping' : 'recordPacking');
    if (ctx.version === '2.0') {
      const packing = ctx.params.get('recordPacking');
      // A 1.x client that sent no version means recordPacking=xml|string in the old sense.
      if (value === null && (packing === 'xml' || packing === 'string')) value = packing;
      else if (packing !== null && packing !== 'packed' && packing !== 'unpacked') throw fatal(71, packing);
    }
    if (value === null || value === '' || value === 'xml') return 'xml';
    if (value === 'string') return 'string';
    throw fatal(71, value);
  }

  function resolveSchema(ctx: Context): RecordSchemaInfo {
    const schemas = backend.describe().schemas;
    const wanted = ctx.params.get('recordSchema');
    if (wanted === null || wanted === '') return schemas[0];
    const found = schemas.find((s) => s.name === wanted || s.identifier === wanted);
    if (!found) throw fatal(66, wanted);
    return found;
  }

  function explain(ctx: Context, diagnostics: readonly SruDiagnostic[] = []): string {
    const zeerex = zeerexRecord(backend.describe(), {
      version: ctx.version,
      host: options.host ?? ctx.url.hostname,
      port: options.port ?? (Number(ctx.url.port) || (ctx.url.protocol === 'https:' ? 443 : 80)),
      defaultMaximumRecords: defaultMax,
      maxMaximumRecords: maxMax,
      defaultMaximumTerms: defaultTerms,
      maxMaximumTerms: maxTerms,
      defaultContextSet: options.defaultContextSet ?? 'cql',
      implementationVersion: VERSION,
    });
    let esc: XmlEscaping = 'xml';
    try {
      esc = escaping(ctx);
    } catch (e) {
      diagnostics = [...diagnostics, toDiagnostic(e)];
    }
    return explainResponse({
      version: ctx.version,
      zeerex,
      escaping: esc,
      diagnostics,
      ...(ctx.stylesheet === undefined ? {} : { stylesheet: ctx.stylesheet }),
    });
  }

  function parseQuery(ctx: Context): CqlQuery {
    const query = ctx.params.get('query');
    if (query === null) throw fatal(7, 'query');
    const queryType = ctx.version === '2.0' ? (ctx.params.get('queryType') ?? 'cql') : 'cql';
    if (queryType === 'searchTerms') {
      // OpenSearch-style keywords: every word must appear somewhere.
      const words = query.trim();
      if (words === '') throw fatal(27);
      return {
        root: {
          type: 'searchClause',
          prefixes: [],
          index: SERVER_CHOICE,
          relation: { name: 'all', modifiers: [] },
          term: words,
        },
        sortKeys: [],
      };
    }
    if (queryType !== 'cql') throw fatal(11, queryType);
    return parseCql(query, { maxLength: maxQueryLength });
  }

  async function searchRetrieve(ctx: Context, signal: AbortSignal): Promise<string> {
    const p = ctx.params;
    const echo = {
      ...(p.get('query') === null ? {} : { query: p.get('query') as string }),
      ...(p.get('queryType') === null ? {} : { queryType: p.get('queryType') as string }),
      ...(p.get('startRecord') === null ? {} : { startRecord: p.get('startRecord') as string }),
      ...(p.get('maximumRecords') === null ? {} : { maximumRecords: p.get('maximumRecords') as string }),
      ...(p.get('recordSchema') === null ? {} : { recordSchema: p.get('recordSchema') as string }),
      ...(p.get('recordPacking') === null ? {} : { recordPacking: p.get('recordPacking') as string }),
      ...(p.get('recordXMLEscaping') === null
        ? {}
        : { recordXMLEscaping: p.get('recordXMLEscaping') as string }),
      ...(p.get('resultSetTTL') === null ? {} : { resultSetTTL: p.get('resultSetTTL') as string }),
      ...(p.get('sortKeys') === null ? {} : { sortKeys: p.get('sortKeys') as string }),
      ...(ctx.stylesheet === undefined ? {} : { stylesheet: ctx.stylesheet }),
    };
    let parsed: CqlQuery | undefined;
    try {
      parsed = parseQuery(ctx);
      const startRecord = intParam(p, 'startRecord', 1, 1);
      const maximumRecords = Math.min(intParam(p, 'maximumRecords', defaultMax, 0), maxMax);
      const esc = escaping(ctx);
      const schema = resolveSchema(ctx);
      const sortParam = p.get('sortKeys');
      const sortKeys =
        parsed.sortKeys.length > 0 || sortParam === null ? parsed.sortKeys : sortKeysFromParameter(sortParam);
      if (ctx.version === '2.0' && p.get('renderedBy') === 'server') throw fatal(110);
      const xpath = p.get('recordXPath');
      if (xpath !== null && xpath !== '') throw fatal(72, xpath);
      const result = await backend.search({
        query: parsed,
        startRecord,
        maximumRecords,
        schema,
        sortKeys,
        signal,
      });
      if (result.numberOfRecords > 0 && startRecord > result.numberOfRecords)
        throw fatal(61, String(startRecord));
      return searchRetrieveResponse({
        version: ctx.version,
        numberOfRecords: result.numberOfRecords,
        records: result.records,
        startRecord,
        schemaIdentifier: schema.identifier,
        escaping: esc,
        diagnostics: result.diagnostics ?? [],
        echo: { ...echo, parsed },
        ...(ctx.stylesheet === undefined ? {} : { stylesheet: ctx.stylesheet }),
      });
    } catch (e) {
      if (signal.aborted) throw e;
      return searchRetrieveResponse({
        version: ctx.version,
        numberOfRecords: 0,
        records: [],
        startRecord: 1,
        schemaIdentifier: '',
        escaping: 'xml',
        diagnostics: [toDiagnostic(e, options.onError)],
        echo: parsed === undefined ? echo : { ...echo, parsed },
        ...(ctx.stylesheet === undefined ? {} : { stylesheet: ctx.stylesheet }),
      });
    }
  }

  async function scan(ctx: Context, signal: AbortSignal): Promise<string> {
    const p = ctx.params;
    const scanClause = p.get('scanClause');
    const echo = {
      ...(scanClause === null ? {} : { scanClause }),
      ...(p.get('responsePosition') === null
        ? {}
        : { responsePosition: p.get('responsePosition') as string }),
      ...(p.get('maximumTerms') === null ? {} : { maximumTerms: p.get('maximumTerms') as string }),
      ...(ctx.stylesheet === undefined ? {} : { stylesheet: ctx.stylesheet }),
    };
    try {
      if (scanClause === null) throw fatal(7, 'scanClause');
      if (!backend.scan) throw fatal(4, 'scan');
      const parsed = parseCql(scanClause, { maxLength: maxQueryLength });
      if (parsed.root.type !== 'searchClause' || parsed.sortKeys.length > 0) throw fatal(10, 'scanClause');
      const responsePosition = intParam(p, 'responsePosition', 1, 0);
      const maximumTerms = intParam(p, 'maximumTerms', defaultTerms, 1);
      if (maximumTerms > maxTerms) throw fatal(121, String(maximumTerms));
      if (responsePosition > maximumTerms + 1) throw fatal(120, String(responsePosition));
      const terms = await backend.scan({ clause: parsed.root, responsePosition, maximumTerms, signal });
      return scanResponse({ version: ctx.version, terms, diagnostics: [], ...echo });
    } catch (e) {
      if (signal.aborted) throw e;
      return scanResponse({
        version: ctx.version,
        terms: [],
        diagnostics: [toDiagnostic(e, options.onError)],
        ...echo,
      });
    }
  }

  return async function handleSru(request: Request): Promise<Response> {
    const url = new URL(request.url);
    let params: URLSearchParams;
    try {
      params = await readParams(request, options.maxBodyBytes ?? 1024 * 1024);
    } catch (e) {
      if (e instanceof BodyTooLarge) return new Response('request body too large', { status: 413 });
      throw e;
    }
    const stylesheet = params.get('stylesheet') ?? undefined;
    const requestedVersion = params.get('version');
    const negotiated = requestedVersion === null ? defaultVersion : negotiateVersion(requestedVersion);
    const version = negotiated ?? (defaultVersion === '2.0' ? '1.2' : defaultVersion);
    const opParam = params.get('operation');
    let operation: SruOperation | undefined;
    if (opParam === 'explain' || opParam === 'searchRetrieve' || opParam === 'scan') operation = opParam;
    else if (opParam === null) {
      if (params.has('query')) operation = 'searchRetrieve';
      else if (params.has('scanClause')) operation = 'scan';
      else operation = 'explain';
    }
    const base = { params, version, stylesheet, url };
    const fail = (n: number, details?: string) =>
      respond(
        base,
        searchRetrieveResponse({
          version,
          numberOfRecords: 0,
          records: [],
          startRecord: 1,
          schemaIdentifier: '',
          escaping: 'xml',
          diagnostics: [diagnostic(n, details)],
          ...(stylesheet === undefined ? {} : { stylesheet }),
        }),
      );
    if (negotiated === undefined) return fail(5, requestedVersion ?? undefined);
    if (operation === undefined) return fail(4, opParam ?? undefined);
    // 1.x requires `operation` once any parameter is given; 2.0 infers it.
    if (
      opParam === null &&
      version !== '2.0' &&
      [...params.keys()].length > 0 &&
      !(params.size === 1 && params.has('version'))
    ) {
      return fail(7, 'operation');
    }
    const ctx: Context = { ...base, operation };
    const unknown = unknownParameter(params, operation, version);
    if (operation === 'explain') {
      return respond(ctx, explain(ctx, unknown === undefined ? [] : [diagnostic(8, unknown)]));
    }
    if (unknown !== undefined) return fail(8, unknown);
    const signal = request.signal;
    const body = operation === 'searchRetrieve' ? await searchRetrieve(ctx, signal) : await scan(ctx, signal);
    return respond(ctx, body);
  };
}
