import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { runCli } from '../src/cli/main.js';
import { createRecord, dataField, parseIso2709, parseMarcXml, writeIso2709 } from '../src/index.js';

function memoryIo(stdin: Uint8Array | string = '') {
  const out: (string | Uint8Array)[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (c: string | Uint8Array) => out.push(c) },
      stderr: { write: (c: string | Uint8Array) => err.push(String(c)) },
      stdin: (async function* () {
        yield stdin;
      })(),
    },
    stdout: () => Buffer.concat(out.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)))),
    stderr: () => err.join(''),
  };
}
const file = (...p: string[]) => sharedPath('data', 'marc', ...p);

describe('marcxml CLI', () => {
  it('convert iso2709 → marcxml from a file to stdout', async () => {
    const m = memoryIo();
    expect(
      await runCli(['convert', '--to', 'marcxml', file('iso2709-marc21', 'marc4j-chabon.mrc')], m.io),
    ).toBe(0);
    expect(parseMarcXml(m.stdout())).toEqual(
      parseIso2709(readFileSync(file('iso2709-marc21', 'marc4j-chabon.mrc'))),
    );
  });

  it('convert marcxml → iso2709 from stdin to a file, format detected', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'marcxml-cli-')), 'out.mrc');
    const m = memoryIo(readFileSync(file('marcxml', 'marc4j-chabon.xml')));
    expect(await runCli(['convert', '--to=iso2709', '-', out], m.io)).toBe(0);
    expect(readFileSync(out).equals(readFileSync(file('iso2709-marc21', 'marc4j-chabon.mrc')))).toBe(true);
  });

  it('--to-utf8 decodes MARC-8; warnings go to stderr, --quiet silences them', async () => {
    const m = memoryIo();
    await runCli(['convert', '--to', 'json', '--to-utf8', file('marc8', 'perl-charset-cyrillic.marc')], m.io);
    expect(m.stdout().toString()).toMatch(/[\u0400-\u04ff]/);
    const w = memoryIo();
    await runCli(['count', file('broken', 'perl-badind.usmarc')], w.io);
    expect(w.stderr()).toContain('warning: record 1: field 245');
    const q = memoryIo();
    await runCli(['count', '--quiet', file('broken', 'perl-badind.usmarc')], q.io);
    expect(q.stderr()).toBe('');
  });

  it('shows a progress line on a terminal only', async () => {
    const m = memoryIo();
    (m.io.stderr as { isTTY?: boolean }).isTTY = true;
    await runCli(['convert', '--to', 'json', file('iso2709-marc21', 'marc4j-chabon.mrc')], m.io);
    expect(m.stderr()).toMatch(/\r1 records \[#*\.*\] \d+%/);
    expect(m.stderr()).toContain('2 records done');
    const q = memoryIo();
    await runCli(['convert', '--to', 'json', file('iso2709-marc21', 'marc4j-chabon.mrc')], q.io);
    expect(q.stderr()).toBe('');
  });

  it('count, dump', async () => {
    const c = memoryIo();
    await runCli(['count', file('iso2709-marc21', 'miku-test.mrc'), '--quiet'], c.io);
    expect(c.stdout().toString()).toBe('85\n');
    const d = memoryIo();
    await runCli(['dump', file('iso2709-marc21', 'marc4j-summerland.mrc')], d.io);
    expect(d.stdout().toString()).toContain('245 10 $a Summerland / $c Michael Chabon.');
  });

  it('validate and dc call the validation and Dublin Core modules', async () => {
    const v = memoryIo();
    const code = await runCli(['validate', file('iso2709-marc21', 'marc4j-summerland.mrc')], v.io);
    expect(v.stdout().toString()).toMatch(/^1 records, \d+ errors, \d+ warnings, 0 read problems$/m);
    expect([0, 1]).toContain(code);
    const d = memoryIo();
    expect(await runCli(['dc', file('iso2709-marc21', 'marc4j-summerland.mrc')], d.io)).toBe(0);
    expect(d.stdout().toString()).toContain('<dc:title>');
  });

  it('usage errors and typed failures', async () => {
    const a = memoryIo();
    expect(await runCli(['convert'], a.io)).toBe(2);
    const b = memoryIo();
    expect(await runCli(['convert', '--to', 'pdf', file('iso2709-marc21', 'marc4j-chabon.mrc')], b.io)).toBe(
      1,
    );
    expect(b.stderr()).toContain('UNKNOWN_FORMAT');
    const c = memoryIo();
    expect(await runCli(['count', '--strict', file('broken', 'perl-badind.usmarc')], c.io)).toBe(1);
    expect(c.stderr()).toContain('INVALID_INDICATOR');
    const d = memoryIo();
    expect(await runCli(['count', '/nonexistent/x.mrc'], d.io)).toBe(1);
    expect(d.stderr()).toContain('ENOENT');
    const e = memoryIo();
    expect(await runCli(['frobnicate'], e.io)).toBe(2);
  });

  it('convert --to-marc8 writes MARC-8 and warns about unmappable characters', async () => {
    const record = writeIso2709(
      createRecord('00000nam a2200000 a 4500', [dataField('245', '1', '0', [['a', 'Café ☃']])]),
    );
    const m = memoryIo(record);
    expect(await runCli(['convert', '--to', 'iso2709', '--to-marc8'], m.io)).toBe(0);
    expect(m.stdout()[9]).toBe(0x20);
    const [back] = parseIso2709(m.stdout(), { toUtf8: true });
    expect(back?.fields[0]).toEqual(dataField('245', '1', '0', [['a', 'Cafe\u0301 &#x2603;']]));
    expect(m.stderr()).toContain('record 1: field 245$a: U+2603 at index 5 has no MARC-8 equivalent');
    const q = memoryIo(record);
    expect(await runCli(['convert', '--to', 'iso2709', '--to-marc8', '--quiet'], q.io)).toBe(0);
    expect(q.stderr()).toBe('');
    const x = memoryIo(record);
    expect(await runCli(['convert', '--to', 'marcxml', '--to-marc8'], x.io)).toBe(2);
    expect(x.stderr()).toContain('--to-marc8 needs --to iso2709');
  });

  it('convert file → file through reused read and write buffers: the round trip gives the bytes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marcxml-cli-'));
    const original = readFileSync(file('iso2709-marc21', 'marc4j-065001035.mrc'));
    // Three copies (530 KB): records straddle the 256 KiB reads, the XML spans many output chunks.
    const input = Buffer.concat([original, original, original]);
    writeFileSync(join(dir, 'in.mrc'), input);
    const m = memoryIo();
    expect(
      await runCli(['convert', '--to', 'marcxml', join(dir, 'in.mrc'), join(dir, 'out.xml')], m.io),
    ).toBe(0);
    const xml = readFileSync(join(dir, 'out.xml'));
    expect(parseMarcXml(xml)).toEqual(parseIso2709(input));
    expect(
      await runCli(['convert', '--to', 'iso2709', join(dir, 'out.xml'), join(dir, 'back.mrc')], m.io),
    ).toBe(0);
    expect(readFileSync(join(dir, 'back.mrc')).equals(input)).toBe(true);
    expect(m.stderr()).toBe('');
  });
});
