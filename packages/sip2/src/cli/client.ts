// `sip2 client`: an interactive shell with named commands, history and readable replies, and a
// scripted mode (--send, or messages on stdin) printing one decoded JSON reply per line.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SipClient, type SipClientTlsOptions } from '../client/client.js';
import { build } from '../codec/build.js';
import { charsetOf } from '../codec/charset.js';
import { decode } from '../codec/decode.js';
import { SIP2_FIELDS } from '../codec/fields.js';
import { messageName } from '../codec/specs.js';
import type { Sip2Decoded, Sip2Message } from '../codec/types.js';
import { Sip2Error } from '../errors.js';
import {
  DEFAULT_HISTORY_SIZE,
  defaultHistoryPath,
  INFO_LISTS,
  openHistory,
  type ShellHistory,
} from './history.js';
import type { CliIo } from './io.js';
import { toJson } from './json.js';

export const clientUsage = `sip2 client --host H --port P [options]

  --tls                      connect with TLS (--insecure skips checking the ACS: tests only)
  --tls-ca FILE              trust this CA for the ACS's certificate (implies --tls)
  --tls-cert FILE --tls-key FILE
                             present this client certificate (implies --tls)
  --tls-servername NAME      name the ACS's certificate must carry (default: --host unless an IP)
  --user U --password P      log in (93) first; --location L sets CP
  --institution AO           institution id for requests (default: the 98's AO)
  --charset C                ascii | cp850 | iso-8859-1 | utf-8 (default utf-8)
  --crlf                     end messages with CRLF
  --delimiter C              field delimiter (default |), e.g. ^ for an account with delimiter="^"
  --login-delimiter C        delimiter of the 93 when it differs (an ACS whose listener keeps |)
  --no-checksum              do not send AY/AZ
  --timeout MS               per attempt (default 5000)
  --send MESSAGE             send a raw message (repeatable); replies print as JSON lines.
                             Without --send, messages are read from stdin when it is not a terminal.
  --history FILE             shell history file (default ~/.sip2_history); --no-history keeps none.
                             Passwords and PINs (CO, AC, AD, shell PIN arguments) are masked.
  --history-size N           lines kept (default ${DEFAULT_HISTORY_SIZE})

Shell commands: status | login USER PASSWORD [LOCATION] | patron ID [PIN] | enable ID [PIN]
  | info ID [PIN] [charged|overdue|hold|fine|recall|unavailable] | checkout PATRON ITEM
  | checkin ITEM | renew PATRON ITEM | renewall PATRON | item ITEM | hold add|delete PATRON ITEM
  | pay PATRON AMOUNT [CURRENCY] | end PATRON | raw MESSAGE | help | quit`;

const SUMMARY: Record<string, string> = {
  hold: 'holdItems',
  overdue: 'overdueItems',
  charged: 'chargedItems',
  fine: 'fineItems',
  recall: 'recallItems',
  unavailable: 'unavailableHoldItems',
};

/** A reply shown for people: code and name, fixed fields, then each field with its name. */
export function readable(d: Sip2Decoded): string {
  const m = d.message;
  const check = d.checksum.present ? (d.checksum.valid ? ' checksum ok' : ' CHECKSUM BAD') : '';
  const seq = m.sequence !== undefined ? ` AY${m.sequence}` : '';
  const lines = [`${m.code} ${messageName(m.code)}${seq}${check}`];
  const fixed = Object.entries(m.fixed as Record<string, string>).map(
    ([k, v]) => `${k}=${JSON.stringify(v)}`,
  );
  if (fixed.length) lines.push(`  ${fixed.join(' ')}`);
  for (const [id, value] of m.fields)
    lines.push(`  ${id} ${(SIP2_FIELDS[id]?.name ?? '?').padEnd(22)} ${value}`);
  for (const w of d.warnings) lines.push(`  ! ${w.code}: ${w.message}`);
  return lines.join('\n');
}

function command(line: string, institutionId: string, delimiter: string): Sip2Message | string {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const [cmd, a, b, c] = words;
  const inst = { institutionId };
  switch (cmd) {
    case 'status':
      return build.scStatus({});
    case 'login':
      if (!a || b === undefined) return 'usage: login USER PASSWORD [LOCATION]';
      return build.login({ loginUserId: a, loginPassword: b, ...(c ? { locationCode: c } : {}) });
    case 'enable':
      if (!a) return 'usage: enable ID [PIN]';
      return build.patronEnable({ ...inst, patronIdentifier: a, ...(b ? { patronPassword: b } : {}) });
    case 'patron':
      if (!a) return 'usage: patron ID [PIN]';
      return build.patronStatusRequest({ ...inst, patronIdentifier: a, ...(b ? { patronPassword: b } : {}) });
    case 'info': {
      if (!a) return 'usage: info ID [PIN] [list]';
      const list = SUMMARY[c ?? b ?? ''];
      const pin = b && !INFO_LISTS.has(b) ? b : undefined;
      return build.patronInformation({
        ...inst,
        patronIdentifier: a,
        ...(pin ? { patronPassword: pin } : {}),
        ...(list ? { summary: list as 'chargedItems' } : {}),
      });
    }
    case 'checkout':
      if (!a || !b) return 'usage: checkout PATRON ITEM';
      return build.checkout({ ...inst, patronIdentifier: a, itemIdentifier: b });
    case 'checkin':
      if (!a) return 'usage: checkin ITEM';
      return build.checkin({ ...inst, itemIdentifier: a });
    case 'renew':
      if (!a || !b) return 'usage: renew PATRON ITEM';
      return build.renew({ ...inst, patronIdentifier: a, itemIdentifier: b });
    case 'renewall':
      if (!a) return 'usage: renewall PATRON';
      return build.renewAll({ ...inst, patronIdentifier: a });
    case 'item':
      if (!a) return 'usage: item ITEM';
      return build.itemInformation({ ...inst, itemIdentifier: a });
    case 'hold':
      if ((a !== 'add' && a !== 'delete') || !b || !c) return 'usage: hold add|delete PATRON ITEM';
      return build.hold({ ...inst, holdMode: a, patronIdentifier: b, itemIdentifier: c });
    case 'pay':
      if (!a || !b || !Number.isFinite(Number(b))) return 'usage: pay PATRON AMOUNT [CURRENCY]';
      return build.feePaid({
        ...inst,
        patronIdentifier: a,
        feeAmount: Number(b),
        currencyType: words[3] ?? 'USD',
      });
    case 'end':
      if (!a) return 'usage: end PATRON';
      return build.endPatronSession({ ...inst, patronIdentifier: a });
    case 'raw': {
      // The message as typed: fixed fields hold runs of spaces (dates) that must survive.
      const text = line.trim().slice(3).trimStart();
      try {
        return decode(text, { fieldDelimiter: delimiter }).message;
      } catch (e) {
        return `not a SIP2 message: ${(e as Error).message}`;
      }
    }
    default:
      return `unknown command ${cmd ?? ''}; try help`;
  }
}

export async function clientCommand(
  argv: readonly string[],
  io: CliIo & { stdinIsTTY?: boolean },
): Promise<number> {
  if (argv.includes('--help')) {
    io.stdout.write(`${clientUsage}\n`);
    return 0;
  }
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '6001' },
      tls: { type: 'boolean', default: false },
      'tls-ca': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-servername': { type: 'string' },
      insecure: { type: 'boolean', default: false },
      user: { type: 'string' },
      password: { type: 'string' },
      location: { type: 'string' },
      institution: { type: 'string' },
      charset: { type: 'string', default: 'utf-8' },
      crlf: { type: 'boolean', default: false },
      delimiter: { type: 'string', default: '|' },
      'login-delimiter': { type: 'string' },
      history: { type: 'string' },
      'no-history': { type: 'boolean', default: false },
      'history-size': { type: 'string', default: String(DEFAULT_HISTORY_SIZE) },
      'no-checksum': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '5000' },
      send: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const charset = charsetOf(values.charset);
  if (!charset) {
    io.stderr.write(`unknown charset ${values.charset}\n`);
    return 2;
  }
  if (!!values['tls-cert'] !== !!values['tls-key']) {
    io.stderr.write('--tls-cert and --tls-key go together\n');
    return 2;
  }
  const historySize = Number(values['history-size']);
  if (!Number.isInteger(historySize) || historySize < 1) {
    io.stderr.write('--history-size takes a positive whole number\n');
    return 2;
  }
  let tls: SipClientTlsOptions | undefined;
  let client: SipClient;
  try {
    tls = await tlsOptions(values);
    client = new SipClient({
      host: values.host,
      port: Number(values.port),
      ...(tls ? { tls } : {}),
      charset,
      terminator: values.crlf ? '\r\n' : '\r',
      fieldDelimiter: values.delimiter,
      ...(values['login-delimiter'] ? { loginFieldDelimiter: values['login-delimiter'] } : {}),
      errorDetection: !values['no-checksum'],
      timeoutMs: Number(values.timeout),
      retries: 1,
    });
  } catch (e) {
    io.stderr.write(`sip2 client: ${(e as Error).message}\n`);
    return 2;
  }
  let institutionId = values.institution ?? '';
  try {
    await client.connect();
    if (values.user)
      await client.login({
        user: values.user,
        password: values.password ?? '',
        ...(values.location ? { location: values.location } : {}),
      });
    const tty = io.stdinIsTTY ?? (io.stdin as { isTTY?: boolean }).isTTY === true;
    const scripted = values.send ?? (tty ? undefined : await readLines(io.stdin));
    if (scripted) {
      let failures = 0;
      for (const line of scripted) {
        if (!line.trim()) continue;
        try {
          const reply = await client.request(decode(line, { fieldDelimiter: values.delimiter }).message);
          io.stdout.write(`${JSON.stringify(toJson(reply))}\n`);
        } catch (e) {
          failures++;
          io.stderr.write(`${Sip2Error.is(e) ? e.code : 'ERROR'}: ${(e as Error).message}\n`);
        }
      }
      return failures > 0 ? 1 : 0;
    }
    if (!institutionId)
      institutionId = (await client.scStatus()).fields.find(([id]) => id === 'AO')?.[1] ?? '';
    const history = await openHistory(
      values['no-history'] ? undefined : (values.history ?? defaultHistoryPath()),
      historySize,
      values.delimiter,
    );
    try {
      await shell(client, institutionId, io, history, values.delimiter);
    } finally {
      await history.close();
    }
    return 0;
  } catch (e) {
    io.stderr.write(`sip2 client: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await client.close();
  }
}

async function readLines(stdin: AsyncIterable<string | Uint8Array>): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(chunks)
    .toString('utf8')
    .split(/\r\n|\r|\n/);
}

/** TLS options from --tls, --tls-ca, --tls-cert/--tls-key, --tls-servername, --insecure. */
async function tlsOptions(values: {
  tls?: boolean;
  'tls-ca'?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
  'tls-servername'?: string;
  insecure?: boolean;
}): Promise<SipClientTlsOptions | undefined> {
  if (!values.tls && !values['tls-ca'] && !values['tls-cert']) return undefined;
  const file = (f: string | undefined) => (f ? readFile(f) : undefined);
  const [ca, cert, key] = await Promise.all([
    file(values['tls-ca']),
    file(values['tls-cert']),
    file(values['tls-key']),
  ]);
  return {
    ...(ca ? { ca } : {}),
    ...(cert && key ? { cert, key } : {}),
    ...(values['tls-servername'] ? { servername: values['tls-servername'] } : {}),
    rejectUnauthorized: !values.insecure,
  };
}

async function shell(
  client: SipClient,
  institutionId: string,
  io: CliIo,
  history: ShellHistory,
  delimiter: string,
): Promise<void> {
  const rl = createInterface({
    input: io.stdin as NodeJS.ReadableStream,
    output: io.stdout as NodeJS.WritableStream,
    prompt: 'sip2> ',
    history: [...history.lines],
    historySize: Math.max(history.lines.length, DEFAULT_HISTORY_SIZE),
  });
  io.stdout.write(`connected; institution ${institutionId || '(none)'}. Type help.\n`);
  rl.prompt();
  for await (const line of rl) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      rl.prompt();
      continue;
    }
    await history.add(line);
    if (words[0] === 'quit' || words[0] === 'exit') break;
    if (words[0] === 'help') {
      io.stdout.write(`${clientUsage.slice(clientUsage.indexOf('Shell commands'))}\n`);
    } else {
      const message = command(line, institutionId, delimiter);
      if (typeof message === 'string') io.stdout.write(`${message}\n`);
      else {
        try {
          io.stdout.write(`${readable(await client.request(message))}\n`);
        } catch (e) {
          io.stdout.write(`${Sip2Error.is(e) ? e.code : 'ERROR'}: ${(e as Error).message}\n`);
        }
      }
    }
    rl.prompt();
  }
  rl.close();
}
