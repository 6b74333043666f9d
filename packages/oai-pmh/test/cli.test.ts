import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIso2709, parseMarcXml } from '@bibwire/marcxml';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { runCli } from '../src/cli/main.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  let onErr: (text: string) => void = () => {};
  return {
    io: {
      stdout: {
        write: (c: string | Uint8Array) =>
          out.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')),
      },
      stderr: {
        write: (c: string | Uint8Array) => {
          const text = typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
          err.push(text);
          onErr(text);
        },
      },
      stdin: (async function* () {})(),
    },
    out,
    err,
    waitForStderr(pattern: RegExp): Promise<string> {
      return new Promise((resolve) => {
        const hit = err.join('').match(pattern);
        if (hit) resolve(hit[0]);
        else
          onErr = () => {
            const m = err.join('').match(pattern);
            if (m) resolve(m[0]);
          };
      });
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'oai-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withServer(args: string[], body: (url: string) => Promise<void>): Promise<string> {
  const m = memoryIo();
  const controller = new AbortController();
  const done = runCli(['serve', ...args, '--port', '0'], m.io, { signal: controller.signal });
  const url = (await Promise.race([
    m.waitForStderr(/http:\/\/127\.0\.0\.1:\d+\/oai/),
    done.then(() => ''),
  ])) as string;
  try {
    expect(url, m.err.join('')).not.toBe('');
    await body(url);
  } finally {
    controller.abort();
    expect(await done).toBe(0);
  }
  return m.err.join('');
}

describe('oai-pmh CLI', () => {
  it('prints usage, version, and refuses unknown commands and options', async () => {
    const m = memoryIo();
    expect(await runCli(['--help'], m.io)).toBe(0);
    expect(m.out.join('')).toContain('harvest URL --prefix P');
    expect(await runCli(['frobnicate'], m.io)).toBe(2);
    expect(await runCli(['serve'], m.io)).toBe(2);
    expect(await runCli(['harvest', 'http://x', '--prefix', 'oai_dc', '--bogus', '1'], m.io)).toBe(2);
    expect(m.err.join('')).toContain('unknown option --bogus');
    expect(await runCli(['serve', '--marc', join(dir, 'missing.mrc')], m.io)).toBe(1);
  });

  it('serve + harvest to .mrc and .xml round-trips the records', async () => {
    const file = sharedPath('data', 'marc', 'iso2709-marc21', 'perl-camel.usmarc');
    const source = parseIso2709(readFileSync(file));
    const log = await withServer(['--marc', file, '--page-size', '3'], async (url) => {
      const m = memoryIo();
      const mrc = join(dir, 'out.mrc');
      expect(await runCli(['harvest', url, '--prefix', 'marc21', '--out', mrc], m.io)).toBe(0);
      expect(m.err.join('')).toContain(`harvested ${source.length} records`);
      expect(m.err.join('')).toMatch(/page: 3 records \(cursor 0 of 10\)/);
      // The provider lists in datestamp (005) order, not file order.
      const ids = (records: typeof source) => records.map((r) => JSON.stringify(r.fields[0])).sort();
      expect(ids(parseIso2709(readFileSync(mrc)))).toEqual(ids(source));
      const xml = join(dir, 'out.xml');
      expect(await runCli(['harvest', url, '--prefix', 'marcxml', '--out', xml], memoryIo().io)).toBe(0);
      expect(parseMarcXml(readFileSync(xml, 'utf8'))).toHaveLength(source.length);
      const dc = memoryIo();
      expect(await runCli(['harvest', url, '--prefix', 'oai_dc'], dc.io)).toBe(0);
      expect(dc.out.join('').match(/<record>/g)).toHaveLength(source.length);
    });
    expect(log).toContain('serving 10 records (oai_dc, marc21, marcxml)');
  });

  it('serve --config reads a Koha OAI configuration file (the Koha manual sample)', async () => {
    const config = fileURLToPath(new URL('./fixtures/koha-oai.yaml', import.meta.url));
    const file = sharedPath('data', 'marc', 'marcxml', 'marc4j-chabon.xml');
    const log = await withServer(['--marc', file, '--config', config], async (url) => {
      const m = memoryIo();
      expect(await runCli(['harvest', url, '--prefix', 'marc21'], m.io)).toBe(0);
      expect(parseMarcXml(m.out.join(''))).toHaveLength(2);
    });
    expect(log).toContain('not serving vs: format "vs" needs the XSLT /usr/local/koha/xslt/vs.xsl');
    expect(log).toContain('(marc21, marcxml, oai_dc)');
  });

  it('a failing harvest is exit 1 with the reason', async () => {
    const m = memoryIo();
    await withServer(
      ['--marc', sharedPath('data', 'marc', 'iso2709-marc21', 'marc4j-chabon.mrc')],
      async (url) => {
        expect(await runCli(['harvest', url, '--prefix', 'mods'], m.io)).toBe(1);
      },
    );
    expect(m.err.join('')).toContain('cannotDisseminateFormat');
  });
});
