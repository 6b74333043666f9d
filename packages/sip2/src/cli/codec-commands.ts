// `sip2 decode`, `sip2 encode`, `sip2 checksum`.
import { decode } from '../codec/decode.js';
import { encode } from '../codec/encode.js';
import { stampErrorDetection } from '../codec/error-detection.js';
import { Sip2Error } from '../errors.js';
import { parseFlags } from './args.js';
import { readInput, splitLines } from './input.js';
import type { CliIo } from './io.js';
import { fromJson, toJson } from './json.js';

function errorJson(error: Sip2Error, line: number) {
  const e: Record<string, unknown> = { code: error.code, message: error.message, line };
  if (error.offset !== undefined) e.offset = error.offset;
  if (error.field !== undefined) e.field = error.field;
  return { error: e };
}

export async function decodeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') return usageError(flags, io);
  const options = {
    mode: flags.strict ? ('strict' as const) : ('tolerant' as const),
    charset: flags.charset,
    errorDetection: flags.errorDetection,
  };
  let status = 0;
  for (const { bytes, line } of splitLines(await readInput(flags.positional[0], io))) {
    if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue;
    try {
      io.stdout.write(`${JSON.stringify(toJson(decode(bytes, options)))}\n`);
    } catch (error) {
      if (!Sip2Error.is(error)) throw error;
      io.stdout.write(`${JSON.stringify(errorJson(error, line))}\n`);
      status = 1;
    }
  }
  return status;
}

export async function encodeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') return usageError(flags, io);
  const text = new TextDecoder().decode(await readInput(flags.positional[0], io));
  let status = 0;
  text.split('\n').forEach((source, i) => {
    if (source.trim() === '') return;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(source);
      } catch (cause) {
        throw new Sip2Error('INVALID_ARGUMENT', `not JSON: ${(cause as Error).message}`);
      }
      const options = flags.terminator === undefined ? {} : { terminator: flags.terminator };
      io.stdout.write(
        encode(fromJson(parsed), {
          ...options,
          charset: flags.charset,
          illegalCharacters: flags.strict ? 'error' : 'replace',
          unmappable: flags.strict ? 'error' : 'replace',
        }),
      );
    } catch (error) {
      if (!Sip2Error.is(error)) throw error;
      io.stderr.write(`line ${i + 1}: ${error.code}: ${error.message}\n`);
      status = 1;
    }
  });
  return status;
}

export async function checksumCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') return usageError(flags, io);
  if (flags.positional.length !== 1)
    return usageError("checksum takes one message: sip2 checksum '<message>'", io);
  try {
    const options = flags.sequence === undefined ? {} : { sequence: flags.sequence };
    io.stdout.write(`${stampErrorDetection(flags.positional[0]!, { ...options, charset: flags.charset })}\n`);
    return 0;
  } catch (error) {
    if (!Sip2Error.is(error)) throw error;
    io.stderr.write(`sip2 checksum: ${error.code}: ${error.message}\n`);
    return 1;
  }
}

function usageError(message: string, io: CliIo): number {
  io.stderr.write(`sip2: ${message}\n`);
  return 2;
}
