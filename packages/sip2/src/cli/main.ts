import pkg from '../../package.json' with { type: 'json' };
import type { CliIo } from './io.js';

export const usage = `sip2 <command>

Commands:
  decode [file]      decode SIP2 messages (one per line) to JSON lines
  encode [file]      encode JSON lines back to SIP2 messages
  checksum <msg>     stamp AY/AZ onto a message
  serve              run an ACS server (see --help of serve)
  client             interactive / scripted SIP2 client`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  io.stderr.write(`unknown command: ${command}\n${usage}\n`);
  return 2;
}
