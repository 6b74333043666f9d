// `sru-cql search | explain | scan | serve`.
import { readFile } from 'node:fs/promises';
import { type MarcRecord, parseIso2709, parseMarcXml } from '@bibwire/marcxml';
import { SruClient, type SruClientVersion } from '../client/client.js';
import { SruError } from '../errors.js';
import { createSruHandler } from '../server/handler.js';
import { createMarcBackend } from '../server/marc-backend.js';
import { serveNode } from '../server/node.js';
import { intFlag, parseArgs } from './args.js';
import type { CliIo } from './io.js';

function client(url: string | undefined, version: string | undefined, io: CliIo): SruClient {
  if (url === undefined) throw new SruError('INVALID_ARGUMENT', 'missing server URL');
  if (version !== undefined && version !== '1.1' && version !== '1.2' && version !== '2.0') {
    throw new SruError('INVALID_ARGUMENT', '--version must be 1.1, 1.2 or 2.0');
  }
  return new SruClient({
    url,
    ...(version === undefined ? {} : { version: version as SruClientVersion }),
    ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
  });
}

export async function searchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['max', 'schema', 'start', 'version', 'all']);
  const [url, query] = args.positional;
  if (query === undefined)
    throw new SruError('INVALID_ARGUMENT', 'usage: search URL QUERY [--max N] [--schema S]');
  const c = client(url, args.flags.get('version'), io);
  const max = intFlag(args, 'max');
  const start = intFlag(args, 'start');
  const schema = args.flags.get('schema');
  const opts = {
    ...(max === undefined ? {} : { maximumRecords: max }),
    ...(start === undefined ? {} : { startRecord: start }),
    ...(schema === undefined ? {} : { recordSchema: schema }),
  };
  const page = await c.searchRetrieve(query, opts);
  io.stderr.write(`numberOfRecords: ${page.numberOfRecords}\n`);
  for (const d of page.diagnostics)
    io.stderr.write(`diagnostic: ${d.uri} ${d.message ?? ''} ${d.details ?? ''}\n`);
  for (const r of page.records) io.stdout.write(`${r.data}\n`);
  return 0;
}

export async function explainCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['version']);
  const res = await client(args.positional[0], args.flags.get('version'), io).explain();
  io.stdout.write(`${res.record}\n`);
  return 0;
}

export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['version', 'max', 'position']);
  const [url, clause] = args.positional;
  if (clause === undefined)
    throw new SruError('INVALID_ARGUMENT', 'usage: scan URL SCANCLAUSE [--max N] [--position P]');
  const max = intFlag(args, 'max');
  const position = intFlag(args, 'position');
  const res = await client(url, args.flags.get('version'), io).scan(clause, {
    ...(max === undefined ? {} : { maximumTerms: max }),
    ...(position === undefined ? {} : { responsePosition: position }),
  });
  for (const t of res.terms) io.stdout.write(`${t.value}\t${t.numberOfRecords ?? ''}\n`);
  return 0;
}

async function loadMarc(path: string): Promise<MarcRecord[]> {
  const bytes = await readFile(path);
  let i = 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 ||
      bytes[i] === 0x0a ||
      bytes[i] === 0x0d ||
      bytes[i] === 0x09 ||
      bytes[i] === 0xef ||
      bytes[i] === 0xbb ||
      bytes[i] === 0xbf)
  )
    i++;
  return bytes[i] === 0x3c ? parseMarcXml(bytes) : parseIso2709(bytes);
}

export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['marc', 'port', 'title']);
  const files = [args.flags.get('marc'), ...args.positional].filter((f): f is string => f !== undefined);
  if (files.length === 0) throw new SruError('INVALID_ARGUMENT', 'usage: serve --marc FILE [--port P]');
  const records = (await Promise.all(files.map(loadMarc))).flat();
  const title = args.flags.get('title') ?? 'MARC records';
  const handler = createSruHandler({
    backend: createMarcBackend(records, { database: { title, database: 'Default' } }),
    onError: (e) => io.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`),
  });
  const server = await serveNode(handler, { port: intFlag(args, 'port') ?? 0, host: '127.0.0.1' });
  io.stdout.write(`SRU server with ${records.length} records at ${server.url}\n`);
  await new Promise<void>((resolve) => {
    if (!io.signal) return;
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return 0;
}
