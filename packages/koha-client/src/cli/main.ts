import { writeMrk } from '@bibwire/marcxml';
import pkg from '../../package.json' with { type: 'json' };
import { basicAuth, clientCredentials, type KohaAuth } from '../auth.js';
import { KohaClient } from '../client.js';
import { KohaError } from '../errors.js';
import type { CliIo } from './io.js';

export const usage = `koha-client [connection] <command>

Connection (or environment variables):
  --base URL             Koha address (KOHA_BASE_URL)
  --client-id ID         OAuth2 client id (KOHA_CLIENT_ID)
  --client-secret S      OAuth2 client secret (KOHA_CLIENT_SECRET)
  --user U --password P  HTTP Basic instead (KOHA_USER, KOHA_PASSWORD)
  --library CODE         x-koha-library
  --timeout MS           per-request timeout

Commands (JSON on stdout):
  vendors search NAME    every vendor whose name contains NAME (all pages)
  vendors get ID
  patrons get ID
  biblios get ID [--format json|marcxml|mrk|marc-in-json|text]
  report --id N | --name NAME [--param V]... [--annotated] [--opac URL]`;

export interface CliDeps {
  env?: Readonly<Record<string, string | undefined>>;
  fetch?: typeof fetch;
}

class UsageError extends Error {}

interface Parsed {
  flags: Map<string, string[]>;
  positional: string[];
}

const VALUE_FLAGS = new Set([
  'base',
  'client-id',
  'client-secret',
  'user',
  'password',
  'library',
  'timeout',
  'format',
  'id',
  'name',
  'param',
  'opac',
]);
const BOOLEAN_FLAGS = new Set(['annotated', 'help', 'version']);

function parseArgs(argv: readonly string[]): Parsed {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (BOOLEAN_FLAGS.has(name)) {
      flags.set(name, ['true']);
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { flags, positional };
}

function one(p: Parsed, name: string): string | undefined {
  return p.flags.get(name)?.at(-1);
}

function positiveInt(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${what} must be a positive integer`);
  }
  return n;
}

function makeClient(p: Parsed, deps: CliDeps): KohaClient {
  const env = deps.env ?? {};
  const base = one(p, 'base') ?? env.KOHA_BASE_URL;
  if (!base) throw new UsageError('no Koha address: use --base or KOHA_BASE_URL');
  const clientId = one(p, 'client-id') ?? env.KOHA_CLIENT_ID;
  const clientSecret = one(p, 'client-secret') ?? env.KOHA_CLIENT_SECRET;
  const user = one(p, 'user') ?? env.KOHA_USER;
  const password = one(p, 'password') ?? env.KOHA_PASSWORD;
  let auth: KohaAuth | undefined;
  if (clientId && clientSecret) auth = clientCredentials({ clientId, clientSecret });
  else if (user && password !== undefined) auth = basicAuth(user, password);
  else if (clientId || clientSecret)
    throw new UsageError('OAuth2 needs both --client-id and --client-secret');
  const timeout = one(p, 'timeout');
  const library = one(p, 'library');
  return new KohaClient({
    baseUrl: base,
    ...(auth ? { auth } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(timeout !== undefined ? { timeoutMs: positiveInt(timeout, '--timeout') } : {}),
    ...(library !== undefined ? { library } : {}),
  });
}

const BIBLIO_FORMATS = ['json', 'marcxml', 'mrk', 'marc-in-json', 'text'] as const;

async function run(p: Parsed, io: CliIo, deps: CliDeps): Promise<number> {
  const [group, action, arg] = p.positional;
  const out = (value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  const client = () => makeClient(p, deps);
  if (group === 'vendors' && action === 'search' && arg !== undefined) {
    const found = [];
    for await (const v of client().vendors.all({ name: arg })) found.push(v);
    out(found);
    return 0;
  }
  if (group === 'vendors' && action === 'get') {
    out(await client().vendors.get(positiveInt(arg, 'vendor id')));
    return 0;
  }
  if (group === 'patrons' && action === 'get') {
    out(await client().patrons.get(positiveInt(arg, 'patron id')));
    return 0;
  }
  if (group === 'biblios' && action === 'get') {
    const id = positiveInt(arg, 'biblio id');
    const format = one(p, 'format') ?? 'json';
    if (!(BIBLIO_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${BIBLIO_FORMATS.join(', ')}`);
    }
    const c = client();
    if (format === 'json') out(await c.biblios.get(id));
    else if (format === 'mrk')
      io.stdout.write(writeMrk(await c.biblios.getRecord(id, { format: 'marcxml' })));
    else {
      const raw = await c.biblios.getRaw(id, format as 'marcxml' | 'marc-in-json' | 'text');
      io.stdout.write(new TextDecoder().decode(raw));
      if (raw.at(-1) !== 0x0a) io.stdout.write('\n');
    }
    return 0;
  }
  if (group === 'report') {
    const idText = one(p, 'id');
    const name = one(p, 'name');
    if ((idText === undefined) === (name === undefined))
      throw new UsageError('report needs --id N or --name NAME');
    const opac = one(p, 'opac');
    const request = {
      ...(idText !== undefined ? { id: positiveInt(idText, '--id') } : { name: name as string }),
      params: p.flags.get('param') ?? [],
      ...(opac !== undefined ? { interface: 'opac' as const, opacUrl: opac } : {}),
    };
    const c = client();
    out(one(p, 'annotated') ? await c.reports.runAnnotated(request) : await c.reports.run(request));
    return 0;
  }
  throw new UsageError(`unknown command: ${p.positional.join(' ') || '(none)'}`);
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    io.stderr.write(`koha-client: ${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  if (parsed.flags.has('help') || parsed.positional[0] === 'help') {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  if (parsed.flags.has('version')) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (parsed.positional.length === 0) {
    io.stderr.write(`${usage}\n`);
    return 2;
  }
  try {
    return await run(parsed, io, deps);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`koha-client: ${e.message}\n${usage}\n`);
      return 2;
    }
    if (KohaError.is(e)) {
      io.stderr.write(`koha-client: ${e.message} [${e.code}]\n`);
      return 1;
    }
    throw e;
  }
}
