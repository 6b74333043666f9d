import pkg from '../../package.json' with { type: 'json' };
import type { CliIo } from './io.js';

export const usage = `marcxml <command>

Commands:
  convert   convert between iso2709, marcxml, json and mrk
  dump      print records readably
  count     count records
  validate  check records against MARC 21 rules
  dc        Dublin Core of each record`;

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
