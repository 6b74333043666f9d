// Turning a typed operation request into URL, headers and body, and a Koha answer into data or
// a KohaError. Pure: no fetch here.
import { KohaError } from './errors.js';
import type { OperationMeta, ParamFormat } from './generated/koha-api.js';

export type ParamValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];

export interface BuiltRequest {
  url: URL;
  headers: Headers;
  body?: string | Uint8Array;
}

export interface OperationInput {
  path?: Readonly<Record<string, unknown>>;
  query?: Readonly<Record<string, unknown>>;
  headers?: Readonly<Record<string, unknown>>;
  form?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

/** Fill `{name}` placeholders with URL-encoded values; every placeholder must be given. */
export function fillPath(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null || v === '') {
      throw new KohaError('INVALID_ARGUMENT', `path parameter ${name} is required`, { field: name });
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new KohaError('INVALID_ARGUMENT', `path parameter ${name} must be a finite number`, {
        field: name,
      });
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new KohaError('INVALID_ARGUMENT', `path parameter ${name} must be a string or a number`, {
        field: name,
      });
    }
    return encodeURIComponent(String(v));
  });
}

const SEPARATORS: Record<Exclude<ParamFormat, 'single' | 'multi'>, string> = {
  csv: ',',
  ssv: ' ',
  tsv: '\t',
  pipes: '|',
};

function scalar(name: string, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new KohaError(
    'INVALID_ARGUMENT',
    `parameter ${name} must be a string, a finite number or a boolean`,
    {
      field: name,
    },
  );
}

/** Values of one parameter as they go on the wire (several entries for `multi`). */
export function encodeParam(name: string, value: unknown, format: ParamFormat): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    const parts = value.map((v) => scalar(name, v));
    if (format === 'multi') return parts;
    if (format === 'single') {
      throw new KohaError('INVALID_ARGUMENT', `parameter ${name} takes one value, not a list`, {
        field: name,
      });
    }
    return parts.length === 0 ? [] : [parts.join(SEPARATORS[format])];
  }
  return [scalar(name, value)];
}

/**
 * Build the request for an operation from its runtime description. Names the operation does
 * not declare are refused here, so the client never sends what Koha would reject with 400.
 */
export function buildOperationRequest(
  apiBase: string,
  id: string,
  meta: OperationMeta,
  input: OperationInput,
): BuiltRequest {
  const url = new URL(`${apiBase}${fillPath(meta.path, input.path)}`);
  for (const [name, value] of Object.entries(input.query ?? {})) {
    const format = Object.hasOwn(meta.query, name) ? meta.query[name] : undefined;
    if (format === undefined) {
      throw new KohaError('INVALID_ARGUMENT', `${id} has no query parameter ${name}`, { field: name });
    }
    for (const v of encodeParam(name, value, format)) url.searchParams.append(name, v);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    const format = Object.hasOwn(meta.headers, name) ? meta.headers[name] : undefined;
    if (format === undefined) {
      throw new KohaError('INVALID_ARGUMENT', `${id} has no header parameter ${name}`, { field: name });
    }
    const encoded = encodeParam(name, value, format === 'multi' ? 'csv' : format);
    if (encoded.length > 0) headers.set(name, encoded.join(','));
  }
  const built: BuiltRequest = { url, headers };
  if (input.form !== undefined) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(input.form)) {
      if (!meta.form.includes(name)) {
        throw new KohaError('INVALID_ARGUMENT', `${id} has no form field ${name}`, { field: name });
      }
      for (const v of encodeParam(name, value, 'single')) form.append(name, v);
    }
    headers.set('content-type', 'application/x-www-form-urlencoded');
    built.body = form.toString();
  }
  if (input.body !== undefined) {
    if (!meta.body) throw new KohaError('INVALID_ARGUMENT', `${id} takes no JSON body`, { field: 'body' });
    headers.set('content-type', 'application/json');
    built.body = JSON.stringify(input.body);
  }
  return built;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read a body as JSON when it says so, else as text; an empty body is undefined. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/\bjson\b/i.test(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Koha's error answer as a KohaError: `error`/`error_code`, or the validator's `errors` list. */
export function httpError(
  method: string,
  path: string,
  response: Response,
  body: unknown,
  sentRequestId?: number,
): KohaError {
  let kohaError: string | undefined;
  let kohaErrorCode: string | undefined;
  if (isRecord(body)) {
    if (typeof body.error === 'string') kohaError = body.error;
    if (typeof body.error_code === 'string') kohaErrorCode = body.error_code;
    if (kohaError === undefined && Array.isArray(body.errors)) {
      kohaError = body.errors
        .filter(isRecord)
        .map((e) => `${typeof e.path === 'string' ? `${e.path}: ` : ''}${String(e.message ?? '')}`)
        .join('; ');
    }
  }
  const echoed = Number(response.headers.get('x-koha-request-id') ?? Number.NaN);
  const requestId = Number.isSafeInteger(echoed) ? echoed : sentRequestId;
  const detail = kohaError ? `: ${kohaError.slice(0, 300)}` : '';
  return new KohaError('HTTP_STATUS', `${method} ${path} answered HTTP ${response.status}${detail}`, {
    status: response.status,
    method,
    path,
    ...(kohaError !== undefined ? { kohaError } : {}),
    ...(kohaErrorCode !== undefined ? { kohaErrorCode } : {}),
    body,
    ...(requestId !== undefined ? { requestId } : {}),
  });
}
