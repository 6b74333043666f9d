// Command line: sru-search [URL QUERY] [--max N] [--schema dc|marcxml|…] [--version 1.1|1.2|2.0].
// Without URL and query it serves a small catalogue on 127.0.0.1 and runs a few searches against it.
import { parseArgs } from 'node:util';
import { SruError } from '@bibwire/sru-cql';
import type { SruClientVersion } from '@bibwire/sru-cql/client';
import { startSampleServer } from './sample-server.js';
import { search } from './search.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const USAGE = `usage: sru-search [URL QUERY] [--max 10] [--schema dc|marcxml] [--version 1.1|1.2|2.0]
Without URL and QUERY: serves a sample catalogue on 127.0.0.1 and searches it.
`;
const VERSIONS: readonly string[] = ['1.1', '1.2', '2.0'];

function describe(error: unknown): string {
  // SruError messages already name the diagnostic; the code tells a script what happened.
  return SruError.is(error) ? `${error.message} [${error.code}]` : (error as Error).message;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parse(argv));
    if (values.version !== undefined && !VERSIONS.includes(values.version))
      throw new Error(`unknown SRU version ${values.version}`);
    if (values.max !== undefined && !/^[1-9][0-9]{0,5}$/.test(values.max))
      throw new Error('--max must be a positive integer');
    if (positionals.length === 1 || positionals.length > 2)
      throw new Error('give both URL and QUERY, or neither');
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const common = {
    ...(values.max !== undefined ? { max: Number(values.max) } : {}),
    ...(values.version !== undefined ? { version: values.version as SruClientVersion } : {}),
  };
  const print = (text: string) => io.stdout.write(text);
  const [url, query] = positionals;
  try {
    if (url !== undefined && query !== undefined) {
      await search(
        { url, query, ...common, ...(values.schema !== undefined ? { schema: values.schema } : {}) },
        print,
      );
      return 0;
    }
    const server = await startSampleServer();
    try {
      io.stdout.write(`sample SRU server on ${server.url}\n\n`);
      await search(
        { url: server.url, query: 'dc.title any perl', max: 4, schema: values.schema ?? 'dc', ...common },
        print,
      );
      io.stdout.write('\n');
      await search(
        { url: server.url, query: 'dc.creator = chabon', max: 1, schema: 'marcxml', ...common },
        print,
      );
      io.stdout.write('\na query the server cannot parse is answered with a diagnostic:\n');
      try {
        await search({ url: server.url, query: 'dc.title = "unbalanced', ...common }, print);
      } catch (error) {
        io.stdout.write(`  ${describe(error)}\n`);
      }
    } finally {
      await server.close();
    }
    return 0;
  } catch (error) {
    io.stderr.write(`search failed: ${describe(error)}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      max: { type: 'string' },
      schema: { type: 'string' },
      version: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
