import { SruError } from '../errors.js';

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string>;
}

/** `--name value` / `--name=value` flags (all take values) and positional arguments. */
export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!known.includes(name)) throw new SruError('INVALID_ARGUMENT', `unknown option --${name}`);
    const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined) throw new SruError('INVALID_ARGUMENT', `--${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function intFlag(args: ParsedArgs, name: string): number | undefined {
  const v = args.flags.get(name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new SruError('INVALID_ARGUMENT', `--${name} must be a non-negative integer`);
  return Number(v);
}
