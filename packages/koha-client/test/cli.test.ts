import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { type KohaMock, startKohaMock } from './mock/koha-mock.js';

let mock: KohaMock;
beforeAll(async () => {
  mock = await startKohaMock({ basic: { user: 'api', password: 'pw' } });
});
afterAll(() => mock.close());
afterEach(() => {
  expect(mock.violations.splice(0)).toEqual([]);
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (c: string | Uint8Array) => (stdout += String(c)) },
    stderr: { write: (c: string | Uint8Array) => (stderr += String(c)) },
    stdin: (async function* () {})(),
  };
  const code = await runCli(argv, io, { env });
  return { code, stdout, stderr };
}

const oauth = () => ['--base', mock.url, '--client-id', 'coral', '--client-secret', 's3cret-value'];

describe('koha-client CLI', () => {
  it('vendors search NAME reads every page', async () => {
    const r = await cli(['vendors', 'search', 'Vendor', ...oauth()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(45);
  });

  it('vendors get / patrons get with credentials from the environment', async () => {
    const env = { KOHA_BASE_URL: mock.url, KOHA_CLIENT_ID: 'coral', KOHA_CLIENT_SECRET: 's3cret-value' };
    const v = await cli(['vendors', 'get', '101'], env);
    expect(JSON.parse(v.stdout)).toMatchObject({ id: 101, name: 'Acme Books' });
    const p = await cli(['patrons', 'get', '2'], env);
    expect(JSON.parse(p.stdout)).toMatchObject({ patron_id: 2 });
  });

  it('biblios get in JSON, MARCXML and mrk', async () => {
    const basic = ['--base', mock.url, '--user', 'api', '--password', 'pw'];
    expect(JSON.parse((await cli(['biblios', 'get', '1', ...basic])).stdout)).toMatchObject({ biblio_id: 1 });
    const xml = await cli(['biblios', 'get', '1', '--format', 'marcxml', ...basic]);
    expect(xml.stdout).toContain('<datafield tag="245" ind1="1" ind2="4">');
    const mrk = await cli(['biblios', 'get', '1', '--format=mrk', ...basic]);
    expect(mrk.stdout.startsWith('=LDR  00759cam\\a2200229\\a\\4500')).toBe(true);
    expect(mrk.stdout).toContain(
      '=245  14$aThe amazing adventures of Kavalier and Clay :$ba novel /$cMichael Chabon.',
    );
  });

  it('usage errors exit 2; Koha errors exit 1 without secrets', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect((await cli(['vendors', 'get', 'x', ...oauth()])).code).toBe(2);
    expect((await cli(['vendors', 'get', '1', '--colour', 'red'])).stderr).toContain(
      'unknown option --colour',
    );
    expect((await cli(['vendors', 'get', '1'])).stderr).toContain('KOHA_BASE_URL');
    expect((await cli(['biblios', 'get', '1', '--format', 'pdf', ...oauth()])).code).toBe(2);
    expect((await cli(['report', ...oauth()])).code).toBe(2);
    const missing = await cli(['vendors', 'get', '9999', ...oauth()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('HTTP 404');
    const refused = await cli([
      'vendors',
      'get',
      '1',
      '--base',
      mock.url,
      '--client-id',
      'coral',
      '--client-secret',
      'WRONG-secret-9',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('TOKEN_REQUEST_FAILED');
    expect(refused.stderr).not.toContain('WRONG-secret-9');
  });
});
