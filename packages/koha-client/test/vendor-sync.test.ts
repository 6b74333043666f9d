// The CORAL case against the spec-driven mock: search across all pages, create when absent,
// read by id; names are URL-encoded and compared exactly (not "contains").
import { clientCredentials, KohaClient, sameVendorName } from '@bibwire/koha-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type KohaMock, startKohaMock } from './mock/koha-mock.js';

let mock: KohaMock;
let client: KohaClient;
beforeAll(async () => {
  mock = await startKohaMock();
  client = new KohaClient({
    baseUrl: mock.url,
    auth: clientCredentials({ clientId: 'coral', clientSecret: 's3cret-value' }),
  });
});
afterAll(() => mock.close());
afterEach(() => {
  expect(mock.violations.splice(0)).toEqual([]);
});

describe('vendor sync', () => {
  it('finds the exact name on a later page, not the first "contains" hit', async () => {
    const before = mock.requests.length;
    const result = await client.vendors.sync('acme books', { perPage: 1, embed: ['aliases'] });
    expect(result).toMatchObject({ created: false, vendor: { id: 101, name: 'Acme Books' } });
    const calls = mock.requests
      .slice(before)
      .filter((r) => r.operationId !== 'tokenOAuth')
      .map((r) => `${r.operationId} ${r.search}`);
    expect(calls).toEqual([
      'listVendors ?name=acme+books&_page=1&_per_page=1',
      'listVendors ?name=acme+books&_page=2&_per_page=1',
      'getVendor ',
    ]);
    expect(mock.requests.at(-1)?.headers.get('x-koha-embed')).toBe('aliases');
  });

  it('creates a missing vendor once, then finds it', async () => {
    const name = '  Éditions Dupont & Fils / Paris?  ';
    const first = await client.vendors.sync(name, { create: { active: true, list_currency: 'EUR' } });
    expect(first.created).toBe(true);
    expect(first.vendor).toMatchObject({
      name: 'Éditions Dupont & Fils / Paris?',
      active: true,
      list_currency: 'EUR',
    });
    const again = await client.vendors.sync('éditions dupont & fils / paris?');
    expect(again).toMatchObject({ created: false, vendor: { id: first.vendor.id } });
    const search = mock.requests.filter((r) => r.operationId === 'listVendors').at(-1)?.search ?? '';
    expect(new URLSearchParams(search).get('name')).toBe('éditions dupont & fils / paris?');
  });

  it('findByName: undefined when absent, aliases on request', async () => {
    expect(await client.vendors.findByName('No Such Vendor')).toBeUndefined();
    expect(await client.vendors.findByName('ACME')).toBeUndefined();
    expect((await client.vendors.findByName('acme', { matchAliases: true, perPage: 20 }))?.id).toBe(101);
  });

  it('compares names trimmed, space-collapsed and case-folded', () => {
    expect(sameVendorName(' Acme  Books ', 'acme books')).toBe(true);
    expect(sameVendorName('Acme Books & Co', 'Acme Books')).toBe(false);
    expect(sameVendorName('Cafe\u0301', 'Café')).toBe(true);
  });
});
