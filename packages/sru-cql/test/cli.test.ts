import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';

function memoryIo(stdinText = '', extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (c) => out.push(String(c)) },
    stderr: { write: (c) => err.push(String(c)) },
    stdin: (async function* () {
      yield stdinText;
    })(),
    ...extra,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('sru-cql CLI', () => {
  it('parse --to cql|json|xcql for an argument', async () => {
    const m = memoryIo();
    expect(await runCli(['parse', '--to', 'cql', '(a  and b)'], m.io)).toBe(0);
    expect(m.out()).toBe('a and b\n');
    const j = memoryIo();
    await runCli(['parse', '--to', 'json', 'x'], j.io);
    expect(JSON.parse(j.out()).root.term).toBe('x');
    const x = memoryIo();
    await runCli(['parse', 'dc.title = x'], x.io);
    expect(x.out()).toContain(
      '<searchClause xmlns="http://www.loc.gov/zing/cql/xcql/">\n  <index>dc.title</index>',
    );
  });

  it('parse reads one query per stdin line and reports errors in line', async () => {
    const m = memoryIo('a or b\n(c\n\nd\n');
    expect(await runCli(['parse', '--to', 'cql'], m.io)).toBe(1);
    expect(m.out().split('\n')).toEqual([
      'a or b',
      "ERROR 13 Missing ')' (the '(' is at offset 0) at offset 2",
      'd',
      '',
    ]);
  });

  it('parse --from json reads trees, --xcql-version 2.0 writes OASIS XCQL', async () => {
    const tree = JSON.stringify({
      root: {
        type: 'searchClause',
        prefixes: [],
        index: 'dc.title',
        relation: { name: 'any', modifiers: [] },
        term: 'a b',
      },
      sortKeys: [],
    });
    const m = memoryIo(`${tree}\n{"root":1}\n`);
    expect(await runCli(['parse', '--from', 'json', '--to', 'cql'], m.io)).toBe(1);
    expect(m.out().split('\n')[0]).toBe('dc.title any "a b"');
    expect(m.out().split('\n')[1]).toMatch(/^ERROR 10 Invalid CQL JSON at \$\.root/);
    const x = memoryIo();
    await runCli(['parse', '--xcql-version', '2.0', 'a or b'], x.io);
    expect(x.out()).toContain('<xcql xmlns="http://docs.oasis-open.org/ns/search-ws/xcql">');
    expect(x.out()).toContain('<Boolean>');
  });

  it('rejects unknown commands and options', async () => {
    const m = memoryIo();
    expect(await runCli(['frob'], m.io)).toBe(2);
    expect(await runCli(['parse', '--nope', 'x'], m.io)).toBe(2);
    expect(m.err()).toContain('unknown option --nope');
  });

  it('serve, then search / explain / scan against it', async () => {
    const stop = new AbortController();
    const server = memoryIo('', { signal: stop.signal });
    const done = runCli(
      ['serve', '--marc', sharedPath('data', 'marc', 'iso2709-marc21', 'perl-camel.usmarc')],
      server.io,
    );
    let url = '';
    for (let i = 0; i < 100 && url === ''; i++) {
      await new Promise((r) => setTimeout(r, 20));
      url = server.out().match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0] ?? '';
    }
    try {
      const s = memoryIo();
      expect(await runCli(['search', url, 'dc.title = perl', '--max', '2', '--schema', 'dc'], s.io)).toBe(0);
      expect(s.err()).toContain('numberOfRecords: 9');
      expect(
        s
          .out()
          .split('\n')
          .filter((l) => l.startsWith('<srw_dc:dc')),
      ).toHaveLength(2);
      const e = memoryIo();
      expect(await runCli(['explain', url], e.io)).toBe(0);
      expect(e.out()).toContain('<database numRecs="10">Default</database>');
      const sc = memoryIo();
      expect(await runCli(['scan', url, 'dc.title = perl', '--max', '1'], sc.io)).toBe(0);
      expect(sc.out()).toBe('perl\t9\n');
      const bad = memoryIo();
      expect(await runCli(['search', url, 'dc.nothing = 1'], bad.io)).toBe(1);
      expect(bad.err()).toContain('SRU diagnostic 16');
    } finally {
      stop.abort();
      expect(await done).toBe(0);
    }
  });
});
