// Command line: kiosk-gateway [--koha-url URL --client-id ID --account login:password:LIBRARY …]
// [--port 6001] [--host 127.0.0.1]; the Koha client secret comes from KOHA_CLIENT_SECRET.
// Without --koha-url it runs the offline demonstration and exits.
import { parseArgs } from 'node:util';
import type { SipAccount, SipServer } from '@bibwire/sip2/server';
import { runDemo } from './demo.js';
import { createGateway } from './gateway.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const USAGE = `usage: kiosk-gateway [--koha-url URL --client-id ID --account login:password:LIBRARY …] [--port 6001] [--host 127.0.0.1]
       [--checkin rest|off] [--checked-in-ok]
The Koha API client secret is read from KOHA_CLIENT_SECRET. Without --koha-url: an offline demonstration.
`;

export function parseAccount(spec: string): SipAccount {
  const [loginId, password, institutionId, ...rest] = spec.split(':');
  if (!loginId || !password || !institutionId || rest.length > 0) {
    throw new Error('--account must be login:password:LIBRARY');
  }
  return { loginId, password, institutionId };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      'koha-url': { type: 'string' },
      'client-id': { type: 'string' },
      account: { type: 'string', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      checkin: { type: 'string' },
      'checked-in-ok': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Starts the gateway against a real Koha; resolves with the running server (the caller stops it). */
export async function startFromArgs(argv: readonly string[], io: CliIo): Promise<SipServer | number> {
  let values: ReturnType<typeof parse>['values'];
  let accounts: SipAccount[];
  try {
    ({ values } = parse(argv));
    accounts = (values.account ?? []).map(parseAccount);
    if (values.port !== undefined && !/^\d{1,5}$/.test(values.port))
      throw new Error('--port must be a number');
    if (values.checkin !== undefined && values.checkin !== 'rest' && values.checkin !== 'off')
      throw new Error('--checkin must be rest or off');
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const kohaUrl = values['koha-url'];
  if (kohaUrl === undefined) {
    await runDemo((line) => io.stdout.write(`${line}\n`));
    return 0;
  }
  const clientId = values['client-id'] ?? io.env?.KOHA_CLIENT_ID;
  const clientSecret = io.env?.KOHA_CLIENT_SECRET;
  if (!clientId || !clientSecret || accounts.length === 0) {
    io.stderr.write(`need --client-id, KOHA_CLIENT_SECRET and at least one --account\n${USAGE}`);
    return 2;
  }
  const gateway = createGateway({
    kohaUrl,
    clientId,
    clientSecret,
    accounts,
    checkin: values.checkin === 'off' ? 'off' : 'rest',
    checkedInOk: values['checked-in-ok'] === true,
    // Events carry no passwords, PINs or raw messages (see @bibwire/sip2's logger).
    logger: (event) => io.stderr.write(`${JSON.stringify(event)}\n`),
  });
  const address = await gateway.listen(Number(values.port ?? 6001), values.host ?? '127.0.0.1');
  io.stdout.write(`SIP2 gateway for ${kohaUrl} on ${address.address}:${address.port}; Ctrl-C stops it\n`);
  return gateway;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const started = await startFromArgs(argv, io);
    if (typeof started === 'number') return started;
    await new Promise<void>((resolve) => {
      const stop = () => void started.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } catch (error) {
    io.stderr.write(`kiosk-gateway failed: ${(error as Error).message}\n`);
    return 1;
  }
}
