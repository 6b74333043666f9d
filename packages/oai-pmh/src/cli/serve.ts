// `oai-pmh serve --marc FILE [--port P] [--config koha-oai.yaml] ...`: a provider on 127.0.0.1.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DeletedRecordPolicy } from '../index.js';
import { parseKohaOaiConfig } from '../koha-config.js';
import { formatsFromKohaConfig, kohaDefaultFormats } from '../marc/formats.js';
import { marcRepositoryFromBytes } from '../marc/repository.js';
import { serveNode } from '../node/serve.js';
import { createOaiHandler } from '../server/handler.js';
import { parseArgs } from './args.js';
import type { CliIo } from './io.js';

export const serveUsage = `oai-pmh serve --marc FILE [options]
  --marc FILE          ISO 2709 or MARCXML records to serve
  --port P             port on 127.0.0.1 (default 8080; 0 = any free port)
  --config FILE        Koha OAI configuration (YAML, OAI-PMH:ConfFile) declaring the formats
  --id DOMAIN          repository identifier for oai: identifiers (default localhost.localdomain)
  --name NAME          repository name
  --email ADDR         admin email (default admin@localhost.localdomain)
  --page-size N        records per page (default 100)
  --deleted POLICY     no | transient | persistent (default persistent; leader/05 'd' = deleted)
  --secret TEXT        resumption token key (default: random per run; also $OAI_TOKEN_SECRET)`;

const OPTIONS = ['marc', 'port', 'config', 'id', 'name', 'email', 'page-size', 'deleted', 'secret'];

export async function serve(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (typeof args === 'string' || !args.options.get('marc')) {
    io.stderr.write(`${typeof args === 'string' ? args : '--marc is required'}\n${serveUsage}\n`);
    return 2;
  }
  const o = args.options;
  const file = o.get('marc')!;
  const deleted = o.get('deleted') ?? 'persistent';
  if (!['no', 'transient', 'persistent'].includes(deleted)) {
    io.stderr.write(`--deleted must be no, transient or persistent\n`);
    return 2;
  }
  const port = Number(o.get('port') ?? 8080);
  const pageSize = Number(o.get('page-size') ?? 100);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(pageSize) || pageSize < 1) {
    io.stderr.write('--port and --page-size must be whole numbers\n');
    return 2;
  }
  const repositoryIdentifier = o.get('id') ?? 'localhost.localdomain';
  const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
  const repository = marcRepositoryFromBytes(bytes, { repositoryIdentifier, defaultDatestamp: info.mtimeMs });
  const configFile = o.get('config');
  const formats = configFile
    ? formatsFromKohaConfig(
        parseKohaOaiConfig(await readFile(configFile, 'utf8')),
        {},
        {
          skipUnsupported: true,
          onSkip: (prefix, reason) => io.stderr.write(`not serving ${prefix}: ${reason} (XSLT is not run)\n`),
        },
      )
    : kohaDefaultFormats();
  const secret = o.get('secret') ?? process.env.OAI_TOKEN_SECRET;
  const handler = createOaiHandler({
    repository,
    formats,
    repositoryName: o.get('name') ?? `OAI-PMH: ${basename(file)}`,
    adminEmails: [o.get('email') ?? 'admin@localhost.localdomain'],
    deletedRecord: deleted as DeletedRecordPolicy,
    pageSize,
    repositoryIdentifier,
    ...(secret !== undefined && { tokenSecret: secret }),
  });
  const running = await serveNode(handler, { port, path: '/oai' });
  io.stderr.write(
    `serving ${repository.size} records (${formats.map((f) => f.metadataPrefix).join(', ')}) at ${running.url}\n`,
  );
  let stop = (): void => {};
  await new Promise<void>((resolve) => {
    stop = resolve;
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await running.close();
  return 0;
}
