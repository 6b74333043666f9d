import pkg from '../../package.json' with { type: 'json' };
import type { CliIo } from './io.js';

export const usage = `sru-cql <command>

Commands:
  parse     parse CQL to xcql, json or cql
  search    searchRetrieve against an SRU server
  explain   fetch an SRU server's Explain record
  serve     serve MARC records over SRU on 127.0.0.1`;

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
