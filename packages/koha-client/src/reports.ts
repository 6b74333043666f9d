// Koha's JSON reports service (`/cgi-bin/koha/svc/report`), outside `/api/v1`: saved SQL
// reports by id or name, with `<<placeholder>>` values as repeated `sql_params`.
import type { CallOptions, KohaClient } from './client.js';
import { KohaError } from './errors.js';
import { httpError } from './request.js';

export interface ReportRequest extends CallOptions {
  /** Saved report id… */
  id?: number;
  /** …or its name (one of the two). */
  name?: string;
  /** One value per `<<…>>` placeholder, in order. */
  params?: readonly (string | number)[];
  /**
   * `staff` (default): `<staff>/cgi-bin/koha/svc/report`, needs a staff session (see `cookie`);
   * `opac`: `<opac>/cgi-bin/koha/svc/report`, only reports marked public, no credentials sent.
   */
  interface?: 'staff' | 'opac';
  /** Base URL of the OPAC (for `interface: 'opac'`); default: the client's server. */
  opacUrl?: string | URL;
  /** Base URL of the staff interface; default: the client's server. */
  staffUrl?: string | URL;
  /**
   * A staff session cookie (`CGISESSID=…`). Without it the client's API credentials are
   * sent; whether a Koha instance accepts those on svc/report depends on its version.
   */
  cookie?: string;
}

/** Rows as arrays of column values (default) … */
export type ReportRows = unknown[][];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Build the svc/report URL (exported for tests and for callers who fetch it themselves). */
export function reportUrl(
  base: string | URL,
  request: Omit<ReportRequest, keyof CallOptions>,
  annotated: boolean,
): URL {
  const hasId = request.id !== undefined;
  const hasName = request.name !== undefined && request.name !== '';
  if (hasId === hasName) {
    throw new KohaError('INVALID_ARGUMENT', 'a report needs exactly one of id or name', { field: 'id' });
  }
  if (hasId && (!Number.isSafeInteger(request.id) || (request.id as number) < 1)) {
    throw new KohaError('INVALID_ARGUMENT', 'report id must be a positive integer', { field: 'id' });
  }
  const root = new URL(String(base));
  const prefix = root.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  const url = new URL(`${root.origin}${prefix}/cgi-bin/koha/svc/report`);
  if (hasId) url.searchParams.set('id', String(request.id));
  else url.searchParams.set('name', request.name as string);
  for (const p of request.params ?? []) url.searchParams.append('sql_params', String(p));
  if (annotated) url.searchParams.set('annotated', '1');
  return url;
}

async function runReport(client: KohaClient, request: ReportRequest, annotated: boolean): Promise<unknown[]> {
  const opac = request.interface === 'opac';
  const base = (opac ? request.opacUrl : request.staffUrl) ?? client.serverBase;
  const url = reportUrl(base, request, annotated);
  const headers = new Headers({ accept: 'application/json' });
  if (!opac && request.cookie !== undefined) headers.set('cookie', request.cookie);
  const { response } = await client.fetchRaw('GET', url, headers, undefined, {
    ...request,
    authenticate: !opac && request.cookie === undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Koha dies with an HTML page for unknown reports; keep the text as the body.
    }
    const err = httpError('GET', url.pathname, response, body);
    throw new KohaError('REPORT_FAILED', err.message, {
      status: response.status,
      method: 'GET',
      path: url.pathname,
      body,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new KohaError(
      'REPORT_FAILED',
      'the reports service did not answer JSON (unknown report, not public, or not logged in?)',
      { status: response.status, method: 'GET', path: url.pathname, body: text.slice(0, 2000) },
      { cause },
    );
  }
  if (!Array.isArray(data)) {
    // SQL errors come back with status 200 as a JSON error structure instead of rows.
    const message = isRecord(data) && typeof data.error === 'string' ? data.error : 'report failed';
    throw new KohaError('REPORT_FAILED', `report failed: ${message}`, {
      status: response.status,
      method: 'GET',
      path: url.pathname,
      body: data,
    });
  }
  return data;
}

export function reportsApi(client: KohaClient) {
  return {
    /** Rows as arrays of column values, typed by the caller (`run<[string, number]>(…)`). */
    async run<Row extends readonly unknown[] = unknown[]>(request: ReportRequest): Promise<Row[]> {
      const rows = await runReport(client, request, false);
      if (!rows.every(Array.isArray)) {
        throw new KohaError('REPORT_FAILED', 'report rows are not arrays', { body: rows });
      }
      return rows as unknown as Row[];
    },
    /** `annotated=1`: rows as objects keyed by column name, typed by the caller. */
    async runAnnotated<Row extends object = Record<string, unknown>>(request: ReportRequest): Promise<Row[]> {
      const rows = await runReport(client, request, true);
      if (!rows.every(isRecord)) {
        throw new KohaError('REPORT_FAILED', 'annotated report rows are not objects', { body: rows });
      }
      return rows as Row[];
    },
  };
}
