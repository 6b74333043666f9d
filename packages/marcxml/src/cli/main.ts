import pkg from '../../package.json' with { type: 'json' };
import { toDublinCore } from '../dc/crosswalk.js';
import { toOaiDcXml } from '../dc/oai-dc.js';
import { MarcError, type MarcProblem } from '../errors.js';
import type { MarcFlavour } from '../flavour.js';
import { isControlField, type MarcRecord } from '../record.js';
import { convertRecords } from '../stream/convert.js';
import { assertFormat, type MarcFormat, readRecords } from '../stream/read.js';
import { validateRecord } from '../validate/validate.js';
import { type ParsedArgs, parseArgs } from './args.js';
import { openInput, openOutput } from './files.js';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';

export const usage = `marcxml <command> [options] [in] [out]

Commands:
  convert   convert between iso2709, marcxml, json and mrk
            --to F (required), --from F (detected when omitted), --to-utf8, --flavour marc21|unimarc,
            --to-marc8 (iso2709 output in MARC-8; unmappable characters become &#xXXXX; with a warning),
            --ndjson (json output), --prefix P (marcxml element prefix), --allow-oversize
  dump      print records readably
  count     count records
  validate  check records against MARC 21 rules (--structure for structural checks only)
  dc        Dublin Core of each record as oai_dc XML (--json for JSON lines, --koha for Koha's quirks)

Common options: --from F, --strict (stop at the first defect), --quiet (no warnings on stderr).
in and out default to stdin and stdout.`;

const VALUED = new Set(['from', 'to', 'flavour', 'prefix']);

interface Common {
  args: ParsedArgs;
  io: CliIo;
  problems: number;
}

function readOptions(c: Common) {
  const from = c.args.flags.get('from');
  const flavour = c.args.flags.get('flavour');
  if (flavour !== undefined && flavour !== 'marc21' && flavour !== 'unimarc') {
    throw new MarcError('INVALID_ARGUMENT', '--flavour must be marc21 or unimarc');
  }
  const quiet = c.args.flags.has('quiet');
  return {
    ...(typeof from === 'string' ? { format: assertFormat(from) } : {}),
    ...(typeof flavour === 'string' ? { flavour: flavour as MarcFlavour } : {}),
    strict: c.args.flags.has('strict'),
    toUtf8: c.args.flags.has('to-utf8'),
    onProblem: (p: MarcProblem) => {
      c.problems++;
      if (!quiet) c.io.stderr.write(`warning: record ${p.record}: ${p.message}\n`);
    },
  };
}

function flavourOption(c: Common): { flavour?: MarcFlavour } {
  const f = c.args.flags.get('flavour');
  return f === 'marc21' || f === 'unimarc' ? { flavour: f } : {};
}

function controlNumber(r: MarcRecord): string {
  const f = r.fields.find((x) => x.tag === '001');
  return f && isControlField(f) ? ` (001 ${f.value})` : '';
}

async function convert(c: Common): Promise<number> {
  const to = c.args.flags.get('to');
  if (typeof to !== 'string') {
    c.io.stderr.write('convert: --to iso2709|marcxml|json|mrk is required\n');
    return 2;
  }
  const format: MarcFormat = assertFormat(to);
  const toMarc8 = c.args.flags.has('to-marc8');
  if (toMarc8 && format !== 'iso2709') {
    c.io.stderr.write('convert: --to-marc8 needs --to iso2709\n');
    return 2;
  }
  const [inPath, outPath] = c.args.positionals;
  const input = openInput(inPath, c.io);
  const output = openOutput(outPath, c.io);
  const progress = createProgress(c.io, input.size);
  const prefix = c.args.flags.get('prefix');
  const read = readOptions(c);
  try {
    const chunks = convertRecords(
      input.chunks,
      read,
      {
        format,
        ndjson: c.args.flags.has('ndjson'),
        allowOversize: c.args.flags.has('allow-oversize'),
        ...(typeof prefix === 'string' ? { prefix } : {}),
        ...(toMarc8 ? { encoding: 'marc8' as const, onProblem: read.onProblem } : {}),
      },
      { onRecord: () => progress.tick(input.bytesRead()), reuseOutput: output.synchronous },
    );
    for await (const chunk of chunks) {
      if (output.write(chunk) === false && output.once) {
        const once = output.once;
        await new Promise<void>((resolve) => once('drain', resolve));
      }
    }
  } finally {
    progress.done();
    await output.close();
  }
  return 0;
}

function dumpRecord(r: MarcRecord): string {
  let out = `LDR ${r.leader}\n`;
  for (const f of r.fields) {
    if (isControlField(f)) out += `${f.tag}    ${f.value}\n`;
    else out += `${f.tag} ${f.ind1}${f.ind2} ${f.subfields.map((s) => `$${s.code} ${s.value}`).join(' ')}\n`;
  }
  return out;
}

async function dump(c: Common): Promise<number> {
  const input = openInput(c.args.positionals[0], c.io);
  for await (const r of readRecords(input.chunks, readOptions(c))) c.io.stdout.write(`${dumpRecord(r)}\n`);
  return 0;
}

async function count(c: Common): Promise<number> {
  const input = openInput(c.args.positionals[0], c.io);
  let n = 0;
  for await (const _ of readRecords(input.chunks, readOptions(c))) n++;
  c.io.stdout.write(`${n}\n`);
  return 0;
}

async function validate(c: Common): Promise<number> {
  const input = openInput(c.args.positionals[0], c.io);
  const level = c.args.flags.has('structure') ? 'structure' : 'all';
  let n = 0;
  let errors = 0;
  let warnings = 0;
  for await (const r of readRecords(input.chunks, readOptions(c))) {
    n++;
    const findings = validateRecord(r, { level, ...flavourOption(c) });
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
      c.io.stdout.write(`record ${n}${controlNumber(r)}: ${f.severity} ${f.code}: ${f.message}\n`);
    }
  }
  c.io.stdout.write(`${n} records, ${errors} errors, ${warnings} warnings, ${c.problems} read problems\n`);
  return errors > 0 || c.problems > 0 ? 1 : 0;
}

async function dc(c: Common): Promise<number> {
  const input = openInput(c.args.positionals[0], c.io);
  const opts = {
    compat: c.args.flags.has('koha') ? ('koha' as const) : ('clean' as const),
    ...flavourOption(c),
  };
  if (c.args.flags.has('json')) {
    for await (const r of readRecords(input.chunks, readOptions(c)))
      c.io.stdout.write(`${JSON.stringify(toDublinCore(r, opts))}\n`);
    return 0;
  }
  const records: MarcRecord[] = [];
  for await (const r of readRecords(input.chunks, readOptions(c))) records.push(r);
  c.io.stdout.write(toOaiDcXml(records, { ...opts, declaration: true, collection: records.length !== 1 }));
  return 0;
}

const COMMANDS: Record<string, (c: Common) => Promise<number>> = { convert, dump, count, validate, dc };

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
  if (run === undefined) {
    io.stderr.write(`unknown command: ${command}\n${usage}\n`);
    return 2;
  }
  let args: ParsedArgs;
  try {
    args = parseArgs(rest, VALUED);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (args.flags.has('help')) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    return await run({ args, io, problems: 0 });
  } catch (e) {
    if (MarcError.is(e)) {
      io.stderr.write(`marcxml ${command}: ${e.code}: ${e.message}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code === 'string' && typeof err.path === 'string') {
      io.stderr.write(`marcxml ${command}: cannot open ${err.path} (${err.code})\n`);
      return 1;
    }
    throw e;
  }
}
