// A spec-driven mock of Koha's /api/v1 on loopback: routes by path/method from the shared spec,
// validates every request (400 with Koha's error body otherwise), requires auth, and answers
// with data checked against the response schemas. `violations` lists every refused request.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as circulation from './circulation.js';
import { type Served, serve } from './http.js';
import { evaluateQuery } from './query-eval.js';
import { check, type Schema, sample, type Violation } from './schema.js';
import { loadSpec, type Operation, type Spec } from './spec.js';
import { type ValidRequest, validateRequest } from './validate.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const biblioFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixtures, name)));

export interface MockOptions {
  clientId?: string;
  clientSecret?: string;
  /** HTTP Basic user and password (RESTBasicAuth). */
  basic?: { user: string; password: string };
  tokenLifetimeS?: number;
  /** Number of generated vendors (default 45) besides the named ones. */
  vendorCount?: number;
  /** The `renewalsallowed` circulation rule (default 2). */
  renewalsAllowed?: number;
}

export interface RecordedRequest {
  operationId: string | undefined;
  method: string;
  path: string;
  search: string;
  status: number;
  headers: Headers;
}

export interface KohaMock extends Served {
  spec: Spec;
  violations: Array<{ operationId: string | undefined; method: string; path: string; errors: unknown }>;
  requests: RecordedRequest[];
  tokensIssued: number;
  store: Store;
}

interface Answer {
  status: number;
  body?: unknown;
  raw?: { type: string; bytes: Uint8Array | string };
  headers?: Record<string, string>;
}

type Row = Record<string, unknown>;
interface Store extends circulation.CirculationStore {
  vendors: Row[];
  libraries: Row[];
  issues: Row[];
  attributeTypes: Row[];
  biblios: Map<number, { json: Row; marc: Record<string, Uint8Array> }>;
  config: Row;
  nextId: number;
}

function definition(spec: Spec, name: string): Schema {
  return spec.resolve(`#/definitions/${name}`);
}

function seed(spec: Spec, options: MockOptions): Store {
  const make = (def: string, n: number, idKey: string, extra: (i: number) => Row = () => ({})): Row[] =>
    Array.from({ length: n }, (_, k) => {
      const i = k + 1;
      return { ...(sample(definition(spec, def), spec.resolve, i) as Row), [idKey]: i, ...extra(i) };
    });
  const vendors = make('vendor', options.vendorCount ?? 45, 'id', (i) => ({
    name: `Vendor ${String(i).padStart(2, '0')}`,
  }));
  // The CORAL case: the vendor we look for sits on the last page, behind a similar name.
  vendors.push({ ...vendors[0], id: 100, name: 'Acme Books & Co' });
  vendors.push({
    ...vendors[0],
    id: 101,
    name: 'Acme Books',
    aliases: [{ vendor_alias_id: 1, vendor_id: 101, alias: 'ACME' }],
  });
  const marc: Record<string, Uint8Array> = {
    'application/marcxml+xml': biblioFixture('biblio-1.record.xml'),
    'application/marc-in-json': biblioFixture('biblio-1.json'),
    'application/marc': biblioFixture('biblio-1.mrc'),
    'text/plain': biblioFixture('biblio-1.txt'),
  };
  return {
    vendors,
    patrons: make('patron', 3, 'patron_id', (i) => ({
      surname: `Surname${i}`,
      library_id: 'CPL',
      category_id: 'PT',
    })),
    holds: make('hold', 3, 'hold_id'),
    checkouts: make('checkout', 3, 'checkout_id', (i) => ({ patron_id: i, item_id: i })),
    items: make('item', 3, 'item_id', (i) => ({ biblio_id: 1, external_id: `BC${i}` })),
    libraries: make('library', 2, 'library_id', (i) => ({
      library_id: i === 1 ? 'CPL' : 'MPL',
      name: `Library ${i}`,
    })),
    issues: make('vendor_issue', 2, 'issue_id', () => ({ vendor_id: 1 })),
    attributeTypes: make('extended_attribute_type', 1, 'extended_attribute_type_id', () => ({
      resource_type: 'vendor',
    })),
    biblios: new Map([
      [1, { json: { biblio_id: 1, title: 'The amazing adventures of Kavalier and Clay' }, marc }],
    ]),
    config: sample(definition(spec, 'vendors_config'), spec.resolve, 1) as Row,
    nextId: 1000,
    oldCheckouts: [],
    checkins: [],
    transfers: [],
    passwords: new Map(),
    renewalsAllowed: options.renewalsAllowed ?? 2,
    renewalBlocks: new Map(),
    blockReturnOfLostItems: true,
    blockReturnOfWithdrawnItems: true,
  };
}

function compile(ops: Operation[], basePath: string) {
  return ops
    .map((op) => {
      const names: string[] = [];
      const source = op.path
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{([^}]+)\\?\}/g, (_, n: string) => {
          names.push(n);
          return '([^/]+)';
        });
      return { op, names, re: new RegExp(`^${basePath}${source}$`) };
    })
    .sort((a, b) => a.names.length - b.names.length);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Koha's list behaviour: plain filters, `q`, `_order_by`, `_page`/`_per_page`, paging headers. */
function listAnswer(op: Operation, req: ValidRequest, rows: Row[], url: URL): Answer {
  const match = (req.query._match as string | undefined) ?? 'contains';
  let out = rows.filter((row) =>
    Object.entries(req.query).every(([k, v]) => {
      // Special parameters (checked_in, bookable, old …) select data rather than compare a field.
      if (k.startsWith('_') || k === 'q' || !Object.hasOwn(row, k)) return true;
      const field = row[k];
      if (typeof v !== 'string' || typeof field !== 'string') return field === v;
      const [a, b] = [field.toLowerCase(), v.toLowerCase()];
      if (match === 'exact') return a === b;
      if (match === 'starts_with') return a.startsWith(b);
      if (match === 'ends_with') return a.endsWith(b);
      return a.includes(b);
    }),
  );
  const base = rows.length;
  for (const q of (req.query.q as string[] | undefined) ?? []) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(q);
    } catch {
      return { status: 400, body: { error: 'Invalid query', error_code: 'invalid_query' } };
    }
    const filtered = evaluateQuery(parsed, out);
    if (filtered === undefined)
      return { status: 400, body: { error: 'Invalid query', error_code: 'invalid_query' } };
    out = filtered;
  }
  for (const key of [...((req.query._order_by as string[] | undefined) ?? [])].reverse()) {
    const desc = key.startsWith('-');
    const field = key.replace(/^[-+ ]/, '');
    out = [...out].sort((x, y) => {
      const c = String(x[field] ?? '').localeCompare(String(y[field] ?? ''), 'en', { numeric: true });
      return desc ? -c : c;
    });
  }
  const total = out.length;
  const perPage = (req.query._per_page as number | undefined) ?? 20;
  const page = (req.query._page as number | undefined) ?? 1;
  const headers: Record<string, string> = {
    'x-total-count': String(total),
    'x-base-total-count': String(base),
  };
  if (perPage !== -1) {
    const last = Math.max(1, Math.ceil(total / perPage));
    out = out.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string) => {
      const u = new URL(url);
      u.searchParams.set('_page', String(p));
      u.searchParams.set('_per_page', String(perPage));
      return `<${u.pathname}${u.search}>; rel="${rel}"`;
    };
    const links = [link(1, 'first')];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'));
    links.push(link(last, 'last'));
    headers.link = links.join(', ');
  }
  void op;
  return { status: 200, body: out, headers };
}

const notFound = (what: string): Answer => ({
  status: 404,
  body: { error: `${what} not found`, error_code: 'not_found' },
});

function byId(rows: Row[], key: string, id: unknown, what: string): Answer {
  const row = rows.find((r) => r[key] === id);
  return row ? { status: 200, body: row } : notFound(what);
}

function handle(op: Operation, req: ValidRequest, store: Store, url: URL, accept: string): Answer {
  const p = req.path;
  switch (op.operationId) {
    case 'listVendors':
      return listAnswer(op, req, store.vendors, url);
    case 'getVendor':
      return byId(store.vendors, 'id', p.vendor_id, 'Vendor');
    case 'addVendor': {
      const row = { ...(req.body as Row), id: store.nextId++ };
      store.vendors.push(row);
      return { status: 201, body: row };
    }
    case 'updateVendor': {
      const i = store.vendors.findIndex((r) => r.id === p.vendor_id);
      if (i < 0) return notFound('Vendor');
      const row = { ...(req.body as Row), id: p.vendor_id };
      store.vendors[i] = row;
      return { status: 200, body: row };
    }
    case 'deleteVendor': {
      const i = store.vendors.findIndex((r) => r.id === p.vendor_id);
      if (i < 0) return notFound('Vendor');
      store.vendors.splice(i, 1);
      return { status: 204 };
    }
    case 'listVendorIssues':
      return listAnswer(
        op,
        { ...req, query: { ...req.query } },
        store.issues.filter((r) => r.vendor_id === p.vendor_id),
        url,
      );
    case 'getVendorsconfig':
      return { status: 200, body: store.config };
    case 'listAcquisitionVendorsAdditionalFields':
      return listAnswer(op, req, store.attributeTypes, url);
    case 'listBiblio': {
      if (accept !== 'application/json') {
        const one = store.biblios.get(1);
        if (accept === 'application/marcxml+xml')
          return { status: 200, raw: { type: accept, bytes: biblioFixture('biblio-1.xml') } };
        return { status: 200, raw: { type: accept, bytes: one?.marc[accept] ?? new Uint8Array() } };
      }
      return listAnswer(
        op,
        req,
        [...store.biblios.values()].map((b) => b.json),
        url,
      );
    }
    case 'getBiblio': {
      const b = store.biblios.get(p.biblio_id as number);
      if (!b) return notFound('Bibliographic record');
      if (accept === 'application/json') return { status: 200, body: b.json };
      return { status: 200, raw: { type: accept, bytes: b.marc[accept] ?? new Uint8Array() } };
    }
    case 'addBiblio': {
      const id = store.nextId++;
      store.biblios.set(id, {
        json: { biblio_id: id },
        marc: { [req.rawBodyType ?? '']: req.rawBody ?? new Uint8Array() },
      });
      return { status: 200, body: { id }, headers: { location: `/api/v1/biblios/${id}` } };
    }
    case 'updateBiblio': {
      const b = store.biblios.get(p.biblio_id as number);
      if (!b) return notFound('Bibliographic record');
      b.marc[req.rawBodyType ?? ''] = req.rawBody ?? new Uint8Array();
      return { status: 200, body: { id: p.biblio_id } };
    }
    case 'deleteBiblio':
      return store.biblios.delete(p.biblio_id as number) ? { status: 204 } : notFound('Bibliographic record');
    case 'listBiblioCheckouts':
      return listAnswer(
        op,
        req,
        store.checkouts.filter((c) =>
          store.items.some((i) => i.item_id === c.item_id && i.biblio_id === p.biblio_id),
        ),
        url,
      );
    case 'getBiblioItems':
      return listAnswer(
        op,
        req,
        store.items.filter((i) => i.biblio_id === p.biblio_id),
        url,
      );
    case 'listCheckouts':
      // Koha reads old_issues when checked_in is true, issues otherwise.
      return listAnswer(op, req, req.query.checked_in === true ? store.oldCheckouts : store.checkouts, url);
    case 'addCheckout': {
      const row = circulation.newCheckout(req.body as Row, store.nextId++);
      store.checkouts.push(row);
      return { status: 201, body: row };
    }
    case 'renewCheckout':
    case 'renewsCheckout':
      return circulation.renew(store, req);
    case 'validateUserAndPassword':
      return circulation.validatePassword(store, req);
    case 'deleteHold':
      return circulation.cancelHold(store, req);
    case 'addCheckin':
      return circulation.checkin(store, req);
    case 'getCheckout':
      return byId([...store.checkouts, ...store.oldCheckouts], 'checkout_id', p.checkout_id, 'Checkout');
    case 'availabilityCheckouts':
      return { status: 200, body: { blockers: {}, confirms: {}, warnings: {}, confirmation_token: null } };
    case 'listHolds':
      return listAnswer(op, req, store.holds, url);
    case 'addHold': {
      const row = { ...(req.body as Row), hold_id: store.nextId++, priority: 1 };
      store.holds.push(row);
      return { status: 201, body: row };
    }
    case 'editHold':
    case 'overwriteHold': {
      const i = store.holds.findIndex((r) => r.hold_id === p.hold_id);
      if (i < 0) return notFound('Hold');
      const row = { ...store.holds[i], ...(req.body as Row) };
      store.holds[i] = row;
      return { status: 200, body: row };
    }
    case 'listItems':
      return listAnswer(op, req, store.items, url);
    case 'getItem':
      return byId(store.items, 'item_id', p.item_id, 'Item');
    case 'listLibraries':
      return listAnswer(op, req, store.libraries, url);
    case 'listPatrons':
      return listAnswer(op, req, store.patrons, url);
    case 'getPatron':
      return byId(store.patrons, 'patron_id', p.patron_id, 'Patron');
    case 'addPatron': {
      const row = { ...(req.body as Row), patron_id: store.nextId++ };
      store.patrons.push(row);
      return { status: 201, body: row };
    }
    default:
      return { status: 500, body: { error: `mock has no handler for ${op.operationId}` } };
  }
}

/** Check an answer against the operation's declared responses; the spec's own gaps are noted. */
function checkAnswer(spec: Spec, op: Operation, answer: Answer): Violation[] {
  const declared = op.responses[String(answer.status)];
  // Koha answers 401/404 on every authenticated route even where the subset leaves them out.
  if (!declared)
    return answer.status === 401 || answer.status === 404
      ? []
      : [{ path: '/', message: `status ${answer.status} not declared` }];
  if (answer.raw || !declared.schema || answer.status === 204) return [];
  // The spec's 201 for addPatron is `{items: patron}` without a type: check the patron itself.
  const schema =
    op.operationId === 'addPatron' && answer.status === 201
      ? { $ref: '#/definitions/patron' }
      : declared.schema;
  return check(schema, answer.body, '', { resolve: spec.resolve, mode: 'response' });
}

export async function startKohaMock(options: MockOptions = {}): Promise<KohaMock> {
  const spec = loadSpec();
  const routes = compile(spec.operations, spec.basePath);
  const clientId = options.clientId ?? 'coral';
  const clientSecret = options.clientSecret ?? 's3cret-value';
  const tokens = new Set<string>();
  const mock = {
    spec,
    violations: [],
    requests: [],
    tokensIssued: 0,
    store: seed(spec, options),
  } as unknown as KohaMock;

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const record = (operationId: string | undefined, response: Response) => {
      mock.requests.push({
        operationId,
        method: request.method,
        path: url.pathname,
        search: url.search,
        status: response.status,
        headers: request.headers,
      });
      return response;
    };
    const pathMatches = routes.filter((r) => r.re.test(url.pathname));
    const route = pathMatches.find((r) => r.op.method === request.method);
    if (!route) {
      const errors = [
        { message: pathMatches.length > 0 ? 'Method not allowed.' : 'Not Found.', path: url.pathname },
      ];
      mock.violations.push({ operationId: undefined, method: request.method, path: url.pathname, errors });
      return record(
        undefined,
        json(pathMatches.length > 0 ? 405 : 404, { errors, status: pathMatches.length > 0 ? 405 : 404 }),
      );
    }
    const { op } = route;
    const m = route.re.exec(url.pathname);
    const pathValues = Object.fromEntries(route.names.map((n, i) => [n, m?.[i + 1] ?? '']));

    if (op.operationId !== 'tokenOAuth') {
      const auth = request.headers.get('authorization') ?? '';
      const bearer = /^Bearer (.+)$/.exec(auth)?.[1];
      const basicOk =
        options.basic !== undefined &&
        auth === `Basic ${Buffer.from(`${options.basic.user}:${options.basic.password}`).toString('base64')}`;
      if (!(bearer && tokens.has(bearer)) && !basicOk) {
        return record(op.operationId, json(401, { error: 'Authentication failure.' }));
      }
    }

    const checked = await validateRequest(spec, op, request, pathValues);
    if (!checked.ok) {
      mock.violations.push({
        operationId: op.operationId,
        method: request.method,
        path: url.pathname,
        errors: checked.errors,
      });
      if (checked.status === 406) return record(op.operationId, json(406, checked.errors));
      return record(op.operationId, json(400, { errors: checked.errors, status: 400 }));
    }

    if (op.operationId === 'tokenOAuth') {
      const f = checked.value.form;
      if (f.grant_type !== 'client_credentials')
        return record(op.operationId, json(400, { error: 'Unimplemented grant type' }));
      if (f.client_id !== clientId || f.client_secret !== clientSecret) {
        return record(op.operationId, json(403, { error: 'unauthorized_client' }));
      }
      const token = `tok-${++mock.tokensIssued}-${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      return record(
        op.operationId,
        json(200, { access_token: token, token_type: 'Bearer', expires_in: options.tokenLifetimeS ?? 3600 }),
      );
    }

    const accept =
      (request.headers.get('accept') ?? 'application/json').split(',')[0]?.split(';')[0]?.trim() ?? '';
    const wanted = accept === '*/*' || accept === '' ? 'application/json' : accept;
    if (!op.produces.includes(wanted)) return record(op.operationId, json(406, op.produces));

    const answer = handle(op, checked.value, mock.store, url, wanted);
    const problems = checkAnswer(spec, op, answer);
    if (problems.length > 0) {
      mock.violations.push({
        operationId: op.operationId,
        method: request.method,
        path: url.pathname,
        errors: problems,
      });
      return record(
        op.operationId,
        json(500, { error: 'mock answer does not match the spec', error_code: 'internal_server_error' }),
      );
    }
    const headers: Record<string, string> = { ...answer.headers };
    const requestId = request.headers.get('x-koha-request-id');
    if (requestId !== null) headers['x-koha-request-id'] = requestId;
    if (answer.raw) {
      return record(
        op.operationId,
        new Response(answer.raw.bytes as BodyInit, {
          status: answer.status,
          headers: { ...headers, 'content-type': answer.raw.type },
        }),
      );
    }
    if (answer.status === 204 || answer.body === undefined)
      return record(op.operationId, new Response(null, { status: answer.status, headers }));
    return record(op.operationId, json(answer.status, answer.body, headers));
  };

  const served = await serve(handler);
  return Object.assign(mock, served);
}
