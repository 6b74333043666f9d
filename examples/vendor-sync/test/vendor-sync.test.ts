import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientCredentials, KohaClient } from '@bibwire/koha-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KohaMock, startKohaMock } from '../../../packages/koha-client/test/mock/koha-mock.js';
import { memoryIo as sharedMemoryIo } from '../../../testing/memory-io.js';
import { main, SAMPLE_VENDORS } from '../src/cli.js';
import { syncVendors } from '../src/sync.js';
import { parseCsv, parseVendorList, VendorListError } from '../src/vendor-list.js';

const SECRET = 'never-print-me';
let mock: KohaMock;
const client = (secret = SECRET) =>
  new KohaClient({
    baseUrl: mock.url,
    auth: clientCredentials({ clientId: 'coral', clientSecret: secret }),
    retry: false,
  });

beforeAll(async () => {
  mock = await startKohaMock({ clientId: 'coral', clientSecret: SECRET });
});
afterAll(() => mock.close());

const memoryIo = (env: Record<string, string> = {}) => sharedMemoryIo({ env });

describe('vendor list', () => {
  it('reads CSV with quotes, commas, doubled quotes and CRLF', () => {
    expect(parseCsv('name,notes\r\n"Smith, Jones & Co","say ""hi"""\r\n\r\nPlain,\n')).toEqual([
      ['name', 'notes'],
      ['Smith, Jones & Co', 'say "hi"'],
      ['Plain', ''],
    ]);
    expect(parseVendorList('\uFEFFName,Type,URL\nAcme,Books,https://acme.example\n', 'csv')).toEqual([
      { name: 'Acme', type: 'Books', url: 'https://acme.example' },
    ]);
  });

  it('reads JSON names and objects', () => {
    expect(parseVendorList('["A", {"name": " B ", "phone": "1", "other": 2}]', 'json')).toEqual([
      { name: 'A' },
      { name: 'B', phone: '1' },
    ]);
  });

  it('refuses lists it cannot read, naming the line', () => {
    expect(() => parseVendorList('vendor\nA\n', 'csv')).toThrow(VendorListError);
    expect(() => parseVendorList('name,type\nA,x\n"",Books\n', 'csv')).toThrow(
      /line 3: vendor without a name/,
    );
    expect(() => parseVendorList('name\n"open\n', 'csv')).toThrow(/unterminated/);
    expect(() => parseVendorList('{"name":"A"}', 'json')).toThrow(/JSON array/);
    expect(() => parseVendorList('[', 'json')).toThrow(/not JSON/);
  });
});

describe('syncVendors against the Koha mock', () => {
  it('finds a vendor on the last page by exact name, creates the missing ones once', async () => {
    const koha = client();
    const before = mock.store.vendors.length;
    const first = await syncVendors(koha, SAMPLE_VENDORS);
    expect(first.map((o) => o.action)).toEqual(['found', 'found', 'found', 'created', 'created']);
    // 'Acme Books & Co' contains the name too; the exact one (id 101) must win.
    expect(first[0]).toMatchObject({ action: 'found', id: 101 });
    expect(first[1]).toMatchObject({ name: '  ACME   books ', id: 101 });
    expect(mock.store.vendors.length).toBe(before + 2);
    const created = mock.store.vendors.find((v) => v.name === 'Harrassowitz');
    expect(created).toMatchObject({ type: 'Serials', url: 'https://www.harrassowitz.de', active: true });
    const second = await syncVendors(koha, SAMPLE_VENDORS);
    expect(second.every((o) => o.action === 'found')).toBe(true);
    expect(mock.store.vendors.length).toBe(before + 2);
    expect(mock.violations).toEqual([]);
  });

  it('only looks up in a dry run', async () => {
    const before = mock.store.vendors.length;
    const outcomes = await syncVendors(client(), [{ name: 'Dry Run Vendor' }, { name: 'Acme Books' }], {
      dryRun: true,
    });
    expect(outcomes).toEqual([
      { name: 'Dry Run Vendor', action: 'missing' },
      { name: 'Acme Books', action: 'found', id: 101 },
    ]);
    expect(mock.store.vendors.length).toBe(before);
  });

  it('reports a failure per vendor without leaking the secret', async () => {
    const outcomes = await syncVendors(client('wrong-secret'), [{ name: 'X' }]);
    expect(outcomes[0]?.action).toBe('failed');
    expect(JSON.stringify(outcomes)).not.toContain('wrong-secret');
  });
});

describe('command line', () => {
  it('without arguments runs the offline demonstration and exits 0', async () => {
    const m = memoryIo();
    expect(await main([], m.io)).toBe(0);
    expect(m.out()).toContain('3 found, 2 created, 0 missing, 0 failed');
    expect(m.out()).toContain('5 found, 0 created, 0 missing, 0 failed');
    expect(m.out()).toMatch(/1 token\(s\) issued/);
  });

  it('synchronises a CSV file against a given Koha with the secret from the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vendors-'));
    const file = join(dir, 'vendors.csv');
    await writeFile(file, 'name,type\nCLI Vendor,Books\nAcme Books,\n');
    const m = memoryIo({ KOHA_CLIENT_SECRET: SECRET });
    expect(await main([file, '--url', mock.url, '--client-id', 'coral'], m.io)).toBe(0);
    expect(m.out()).toMatch(/created +CLI Vendor/);
    expect(m.out()).toMatch(/found +Acme Books \(vendor 101\)/);
  });

  it('exits 1 when Koha refuses the credentials and never prints the secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vendors-'));
    const file = join(dir, 'vendors.json');
    await writeFile(file, '["Someone"]');
    const m = memoryIo({ KOHA_CLIENT_SECRET: 'bad-secret-42' });
    expect(await main([file, '--url', mock.url, '--client-id', 'coral'], m.io)).toBe(1);
    expect(m.out()).toContain('FAILED');
    expect(m.out() + m.err()).not.toContain('bad-secret-42');
  });

  it('exits 2 without credentials', async () => {
    const m = memoryIo();
    expect(await main(['x.csv'], m.io)).toBe(2);
    expect(m.err()).toContain('KOHA_CLIENT_SECRET');
  });
});
