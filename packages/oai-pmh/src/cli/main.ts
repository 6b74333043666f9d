import { MarcError } from '@bibwire/marcxml';
import pkg from '../../package.json' with { type: 'json' };
import { OaiError } from '../errors.js';
import { harvest } from './harvest.js';
import type { CliIo } from './io.js';
import { serve } from './serve.js';

export const usage = `oai-pmh <command>

Commands:
  serve     serve MARC records over OAI-PMH on 127.0.0.1
            oai-pmh serve --marc FILE [--port P] [--config koha-oai.yaml]
  harvest   harvest an OAI-PMH provider
            oai-pmh harvest URL --prefix P [--set S --from D --until D] [--out FILE.xml|.mrc]

Run a command with --help for its options.`;

export interface CliOptions {
  /** Stops `serve` (tests); the process signals SIGINT/SIGTERM do too. */
  readonly signal?: AbortSignal;
}

export async function runCli(argv: readonly string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if ((command === 'serve' || command === 'harvest') && (rest.includes('--help') || rest.includes('-h'))) {
    const { serveUsage } = await import('./serve.js');
    const { harvestUsage } = await import('./harvest.js');
    io.stdout.write(`${command === 'serve' ? serveUsage : harvestUsage}\n`);
    return 0;
  }
  try {
    if (command === 'serve') return await serve(rest, io, options.signal);
    if (command === 'harvest') return await harvest(rest, io, options.signal);
  } catch (error) {
    if (OaiError.is(error) || MarcError.is(error) || isFsError(error)) {
      io.stderr.write(`oai-pmh ${command}: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
  io.stderr.write(`unknown command: ${command}\n${usage}\n`);
  return 2;
}

function isFsError(error: unknown): boolean {
  return (
    error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error
  );
}
