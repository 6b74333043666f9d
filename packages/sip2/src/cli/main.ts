import pkg from '../../package.json' with { type: 'json' };
import { clientCommand } from './client.js';
import { checksumCommand, decodeCommand, encodeCommand } from './codec-commands.js';
import type { CliIo } from './io.js';
import { serveCommand } from './serve.js';

export const usage = `sip2 <command>

Commands:
  decode [file]      decode SIP2 messages (one per line, or CR-separated) to JSON lines
  encode [file]      encode JSON lines (the decode format) back to SIP2 messages
  checksum <msg>     print the message with AY/AZ stamped
  serve              run an ACS server (see --help of serve)
  client             interactive / scripted SIP2 client

Codec options:
  --charset <name>        ascii | cp850 | iso-8859-1 | utf-8 (default utf-8)
  --strict                defects are errors (decode), illegal or unmappable characters are errors (encode)
  --require-checksum      decode: a message without AY/AZ is a defect
  --sequence <0-9>        checksum: AY digit (default: the message's, else 0)
  --terminator cr|crlf|lf encode: overrides the terminator (default: the JSON's, else CR)`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  switch (command) {
    case 'decode':
      return decodeCommand(rest, io);
    case 'encode':
      return encodeCommand(rest, io);
    case 'checksum':
      return checksumCommand(rest, io);
    case 'serve':
      return serveCommand(rest, io);
    case 'client':
      return clientCommand(rest, io);
  }
  io.stderr.write(`unknown command: ${command}\n${usage}\n`);
  return 2;
}
