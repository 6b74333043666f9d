import pkg from '../../package.json' with { type: 'json' };
import { SruError } from '../errors.js';
import type { CliIo } from './io.js';
import { parseCommand } from './parse-command.js';

export const usage = `sru-cql <command>

Commands:
  parse [--to xcql|json|cql] [--xcql-version 1.2|2.0] [--from json] [QUERY...]
            parse CQL (or one query per stdin line; --from json: one JSON tree per line);
            errors print as "ERROR <diag> <message>"
  search URL QUERY [--max N] [--start N] [--schema S] [--version V]
            searchRetrieve against an SRU server; records to stdout
  explain URL [--version V]
            print the server's Explain (ZeeRex) record
  scan URL SCANCLAUSE [--max N] [--position P]
            browse an index
  serve --marc FILE [--port P]
            serve MARC records (ISO 2709 or MARCXML) over SRU on 127.0.0.1`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

// Network commands load lazily: `parse` starts fast and needs neither node:http nor the MARC reader.
const net = () => import('./net-commands.js');
const COMMANDS: Readonly<Record<string, Command>> = {
  parse: parseCommand,
  search: async (argv, io) => (await net()).searchCommand(argv, io),
  explain: async (argv, io) => (await net()).explainCommand(argv, io),
  scan: async (argv, io) => (await net()).scanCommand(argv, io),
  serve: async (argv, io) => (await net()).serveCommand(argv, io),
};

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
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`unknown command: ${command}\n${usage}\n`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (!SruError.is(e)) throw e;
    io.stderr.write(`sru-cql ${command}: ${e.message}\n`);
    return e.code === 'INVALID_ARGUMENT' ? 2 : 1;
  }
}
