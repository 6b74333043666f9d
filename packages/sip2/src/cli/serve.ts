// `sip2 serve --config SIPconfig.xml --data ils.json [--tls-cert F --tls-key F] [--host H] [--port P]`
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { parseSipConfigXml } from '../config/sipconfig-xml.js';
import { Sip2Error } from '../errors.js';
import { MemoryIls } from '../ils/memory.js';
import { createSipServer, type SipServer } from '../server/server.js';
import type { CliIo } from './io.js';

export const serveUsage = `sip2 serve --config SIPconfig.xml --data ils.json [options]

  --config FILE      Koha/Evergreen SIPconfig.xml (accounts, institutions, policy, listener port)
  --data FILE        in-memory ILS data (JSON; format in the README)
  --host H           address to bind (default 127.0.0.1)
  --port P           port (default: the config's RAW service, else 6001)
  --tls-cert FILE    serve TLS with this certificate (PEM) ...
  --tls-key FILE     ... and key
  --tls-ca FILE      require client certificates signed by this CA (refused: none, other CA, expired)
  --delimiter C      field delimiter before login (default: the config's, else |); accounts may
                     set their own for after login (SIPconfig.xml login delimiter="^")
  --log              print connection and message events (never passwords) on stderr`;

export interface Serving {
  readonly server: SipServer;
  readonly address: AddressInfo;
}

/** Starts the server described by the arguments (the CLI and tests share this). */
export async function startServe(argv: readonly string[], io: CliIo): Promise<Serving> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-ca': { type: 'string' },
      delimiter: { type: 'string' },
      log: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.config || !values.data)
    throw new Sip2Error('INVALID_ARGUMENT', '--config and --data are required');
  if (!!values['tls-cert'] !== !!values['tls-key'])
    throw new Sip2Error('INVALID_ARGUMENT', '--tls-cert and --tls-key go together');
  if (values['tls-ca'] && !values['tls-cert'])
    throw new Sip2Error('INVALID_ARGUMENT', '--tls-ca needs --tls-cert and --tls-key');
  const config = parseSipConfigXml(await readFile(values.config, 'utf8'));
  const ils = MemoryIls.fromJson(await readFile(values.data, 'utf8'));
  const listener = config.listeners.find((l) => l.transport.toUpperCase() === 'RAW');
  const port = values.port !== undefined ? Number(values.port) : (listener?.port ?? 6001);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Sip2Error('INVALID_ARGUMENT', `bad --port ${values.port}`);
  const tls = values['tls-cert']
    ? {
        cert: await readFile(values['tls-cert']),
        key: await readFile(values['tls-key']!),
        ...(values['tls-ca'] ? { ca: await readFile(values['tls-ca']) } : {}),
      }
    : undefined;
  const delimiter = values.delimiter ?? config.delimiter;
  const server = createSipServer({
    ils,
    accounts: config.accounts,
    institutions: config.institutions,
    ...(tls ? { tls } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    limits: {
      ...(listener?.idleTimeoutMs ? { idleTimeoutMs: listener.idleTimeoutMs } : {}),
      ...(listener?.loginTimeoutMs ? { loginTimeoutMs: listener.loginTimeoutMs } : {}),
    },
    ...(values.log ? { logger: (e) => io.stderr.write(`${JSON.stringify(e)}\n`) } : {}),
  });
  const address = await server.listen(port, values.host);
  return { server, address };
}

export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help')) {
    io.stdout.write(`${serveUsage}\n`);
    return 0;
  }
  let serving: Serving;
  try {
    serving = await startServe(argv, io);
  } catch (error) {
    io.stderr.write(`sip2 serve: ${(error as Error).message}\n`);
    return 2;
  }
  const { address, server } = serving;
  const tls = argv.includes('--tls-cert') ? ' (TLS)' : '';
  io.stdout.write(`sip2 ACS listening on ${address.address}:${address.port}${tls}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
