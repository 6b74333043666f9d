// `sru-cql parse`: CQL → xcql | json | cql, from an argument or one query per stdin line.
import { parseCqlJson, toCqlJson } from '../cql/json.js';
import { parseCql } from '../cql/parser.js';
import { toCql } from '../cql/serialize.js';
import { toXcql } from '../cql/xcql.js';
import { SruError } from '../errors.js';
import { type ParsedArgs, parseArgs } from './args.js';
import type { CliIo } from './io.js';

type Target = 'xcql' | 'json' | 'cql';

function render(query: string, to: Target, xcqlVersion: '1.2' | '2.0'): string {
  const parsed = parseCql(query);
  if (to === 'json') return toCqlJson(parsed);
  if (to === 'cql') return toCql(parsed);
  return toXcql(parsed, { version: xcqlVersion, indent: 2 });
}

async function* lines(stdin: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of stdin) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      yield buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  }
  buffer += decoder.decode();
  if (buffer !== '') yield buffer.replace(/\r$/, '');
}

export async function parseCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args: ParsedArgs = parseArgs(argv, ['to', 'xcql-version', 'from']);
  const to = (args.flags.get('to') ?? 'xcql') as Target;
  if (to !== 'xcql' && to !== 'json' && to !== 'cql')
    throw new SruError('INVALID_ARGUMENT', '--to must be xcql, json or cql');
  const xcqlVersion = args.flags.get('xcql-version') === '2.0' ? '2.0' : '1.2';
  const fromJson = args.flags.get('from') === 'json';
  let failures = 0;
  const one = (query: string) => {
    try {
      const text = fromJson
        ? render(toCql(parseCqlJson(query)), to, xcqlVersion)
        : render(query, to, xcqlVersion);
      io.stdout.write(`${text}\n`);
    } catch (e) {
      if (!SruError.is(e)) throw e;
      failures++;
      io.stdout.write(`ERROR ${e.diagnostic ?? 10} ${e.message}\n`);
    }
  };
  if (args.positional.length > 0) {
    for (const q of args.positional) one(q);
  } else {
    for await (const line of lines(io.stdin)) if (line.trim() !== '') one(line);
  }
  return failures === 0 ? 0 : 1;
}
