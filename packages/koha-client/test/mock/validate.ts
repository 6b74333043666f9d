// Request validation against the spec, the way Koha's OpenAPI plugin answers: 400 with
// `{"errors":[{"message","path"}],"status":400}`; unknown query parameters are refused too.
import { check, type Violation } from './schema.js';
import type { Operation, Parameter, Spec } from './spec.js';

export interface ValidRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  form: Record<string, unknown>;
  body: unknown;
  rawBody: Uint8Array | undefined;
  rawBodyType: string | undefined;
}

const PAGING_NAMES = new Set(['_page', '_per_page', '_match', '_order_by', 'q']);

function coerce(p: Parameter, raw: string, at: string, out: Violation[]): unknown {
  const t = ([] as string[]).concat(p.type ?? 'string').find((x) => x !== 'null') ?? 'string';
  if (t === 'integer') {
    if (!/^-?\d+$/.test(raw)) out.push({ path: at, message: `Expected integer - got string.` });
    return Number(raw);
  }
  if (t === 'number') {
    if (raw.trim() === '' || !Number.isFinite(Number(raw)))
      out.push({ path: at, message: 'Expected number - got string.' });
    return Number(raw);
  }
  if (t === 'boolean') {
    if (!['true', 'false', '1', '0'].includes(raw))
      out.push({ path: at, message: 'Expected boolean - got string.' });
    return raw === 'true' || raw === '1';
  }
  return raw;
}

const SEPARATOR: Record<string, string> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' };

/** Values of one non-body parameter from its raw strings, checked like Koha's validator. */
function readParam(p: Parameter, raws: string[], at: string, spec: Spec, out: Violation[]): unknown {
  if (p.type === 'array') {
    const format = p.collectionFormat ?? 'csv';
    const parts = format === 'multi' ? raws : raws.flatMap((r) => r.split(SEPARATOR[format] ?? ','));
    const itemParam = { ...(p.items ?? {}), name: p.name, in: p.in } as Parameter;
    const values = parts.map((v, i) => coerce(itemParam, v, `${at}/${i}`, out));
    values.forEach((v, i) => {
      out.push(...check(p.items, v, `${at}/${i}`, { resolve: spec.resolve, mode: 'request' }));
    });
    return values;
  }
  if (raws.length > 1) {
    out.push({ path: at, message: 'Expected a single value - got several.' });
    return raws;
  }
  const value = coerce(p, raws[0] ?? '', at, out);
  const { name: _n, in: _i, required: _r, description: _d, ...schema } = p;
  out.push(...check(schema, value, at, { resolve: spec.resolve, mode: 'request' }));
  return value;
}

export async function validateRequest(
  spec: Spec,
  op: Operation,
  request: Request,
  pathValues: Record<string, string>,
): Promise<
  { ok: true; value: ValidRequest } | { ok: false; status: number; errors: Violation[] | string[] }
> {
  const errors: Violation[] = [];
  const url = new URL(request.url);
  const result: ValidRequest = {
    path: {},
    query: {},
    headers: {},
    form: {},
    body: undefined,
    rawBody: undefined,
    rawBodyType: undefined,
  };
  const declared = (where: Parameter['in']) => op.parameters.filter((p) => p.in === where);

  for (const p of declared('path')) {
    const raw = pathValues[p.name];
    if (raw === undefined) errors.push({ path: `/${p.name}`, message: 'Missing property.' });
    else result.path[p.name] = readParam(p, [decodeURIComponent(raw)], `/${p.name}`, spec, errors);
  }

  const queryNames = new Set(declared('query').map((p) => p.name));
  for (const name of new Set(url.searchParams.keys())) {
    if (!queryNames.has(name)) {
      errors.push({
        path: `/query/${name}`,
        message: `Unknown query parameter${PAGING_NAMES.has(name) ? ' (not paged)' : ''}.`,
      });
    }
  }
  for (const p of declared('query')) {
    const raws = url.searchParams.getAll(p.name);
    if (raws.length === 0) {
      if (p.required) errors.push({ path: `/${p.name}`, message: 'Missing property.' });
      continue;
    }
    result.query[p.name] = readParam(p, raws, `/${p.name}`, spec, errors);
  }

  for (const p of declared('header')) {
    const raw = request.headers.get(p.name);
    if (raw === null) {
      if (p.required) errors.push({ path: `/${p.name}`, message: 'Missing property.' });
      continue;
    }
    result.headers[p.name] = readParam(p, [raw], `/${p.name}`, spec, errors);
  }

  const bytes =
    request.method === 'GET' || request.method === 'HEAD'
      ? getBody(request)
      : new Uint8Array(await request.arrayBuffer());
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const formParams = declared('formData');
  const bodyParam = declared('body')[0];
  if (formParams.length > 0) {
    if (contentType !== 'application/x-www-form-urlencoded') {
      errors.push({
        path: '/body',
        message: `Expected application/x-www-form-urlencoded - got ${contentType || 'nothing'}.`,
      });
    } else {
      const form = new URLSearchParams(new TextDecoder().decode(bytes));
      const names = new Set(formParams.map((p) => p.name));
      for (const name of new Set(form.keys())) {
        if (!names.has(name)) errors.push({ path: `/formData/${name}`, message: 'Unknown form field.' });
      }
      for (const p of formParams) {
        const raws = form.getAll(p.name);
        if (raws.length === 0) {
          if (p.required) errors.push({ path: `/${p.name}`, message: 'Missing property.' });
          continue;
        }
        result.form[p.name] = readParam(p, raws, `/${p.name}`, spec, errors);
      }
    }
  } else if (op.rawBodyTypes.length > 0) {
    if (!op.rawBodyTypes.includes(contentType)) {
      return { ok: false, status: 406, errors: op.rawBodyTypes };
    }
    if (bytes.length === 0) errors.push({ path: '/body', message: 'Missing body.' });
    result.rawBody = bytes;
    result.rawBodyType = contentType;
  } else if (bodyParam) {
    if (bytes.length === 0) {
      if (bodyParam.required) errors.push({ path: '/body', message: 'Missing property.' });
    } else if (contentType !== 'application/json') {
      errors.push({ path: '/body', message: `Expected application/json - got ${contentType || 'nothing'}.` });
    } else {
      try {
        result.body = JSON.parse(new TextDecoder().decode(bytes));
        errors.push(
          ...check(bodyParam.schema, result.body, '/body', { resolve: spec.resolve, mode: 'request' }),
        );
      } catch {
        errors.push({ path: '/body', message: 'Invalid JSON.' });
      }
    }
  } else if (bytes.length > 0) {
    errors.push({ path: '/body', message: 'This operation takes no body.' });
  }

  return errors.length > 0 ? { ok: false, status: 400, errors } : { ok: true, value: result };
}

function getBody(request: Request): Uint8Array {
  const b = (request as unknown as { getBody?: Uint8Array }).getBody;
  return b ?? new Uint8Array();
}
