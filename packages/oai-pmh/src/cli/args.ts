// Tiny argv reader: `--name value` options and positionals; unknown options are errors.
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string>;
}

export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs | string {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!known.includes(name)) return `unknown option --${name}`;
    const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined) return `--${name} needs a value`;
    options.set(name, value);
  }
  return { positionals, options };
}
