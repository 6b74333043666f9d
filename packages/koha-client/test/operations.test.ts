// Every operation the client offers, against the spec-driven mock: the mock refuses any request
// the shared spec does not allow, so an empty `violations` list proves the client sent valid ones.
import { clientCredentials, KohaClient, KohaError, kohaOperations, kq } from '@bibwire/koha-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type KohaMock, startKohaMock } from './mock/koha-mock.js';

let mock: KohaMock;
let client: KohaClient;

beforeAll(async () => {
  mock = await startKohaMock();
  client = new KohaClient({
    baseUrl: mock.url,
    auth: clientCredentials({ clientId: 'coral', clientSecret: 's3cret-value' }),
    retry: false,
  });
});
afterAll(() => mock.close());
afterEach(() => {
  const seen = mock.violations.splice(0);
  expect(seen).toEqual([]);
});

describe('vendors', () => {
  it('lists one page with typed query, q filter, embed and request id', async () => {
    const res = await client.callWithResponse(
      'listVendors',
      {
        query: { _per_page: 5, _order_by: ['-name'], _match: 'contains' },
        headers: { 'x-koha-embed': ['aliases'] },
      },
      { requestId: 7, filter: kq.where<{ name: string }>({ name: kq.like('Vendor 1%') }) },
    );
    expect(res.data).toHaveLength(5);
    expect(res.data.map((v) => v.name)).toEqual([
      'Vendor 19',
      'Vendor 18',
      'Vendor 17',
      'Vendor 16',
      'Vendor 15',
    ]);
    expect(res.page.totalCount).toBe(10);
    expect(res.page.links.next?.searchParams.get('_page')).toBe('2');
    expect(res.requestId).toBe(7);
    const sent = mock.requests.at(-1);
    expect(sent?.headers.get('x-koha-embed')).toBe('aliases');
    expect(sent?.search).toContain('_order_by=-name');
  });

  it('iterates every page', async () => {
    const names: string[] = [];
    for await (const v of client.vendors.all({ name: 'Vendor' }, { perPage: 10 })) names.push(v.name);
    expect(names).toHaveLength(45);
    expect(new Set(names).size).toBe(45);
  });

  it('gets, creates, updates, deletes, lists issues, config and additional fields', async () => {
    const v = await client.vendors.get(3, { embed: ['aliases', 'baskets+count'] });
    expect(v.id).toBe(3);
    const created = await client.vendors.create({
      name: 'Nouvelle Librairie',
      active: true,
      phone: '+33 1 23',
    });
    expect(created.id).toBeGreaterThanOrEqual(1000);
    const updated = await client.vendors.update(created.id as number, {
      name: 'Nouvelle Librairie SA',
      active: false,
    });
    expect(updated.name).toBe('Nouvelle Librairie SA');
    await client.vendors.delete(created.id as number);
    await expect(client.vendors.get(created.id as number)).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      status: 404,
      kohaErrorCode: 'not_found',
    });
    const issues = await client.vendors.issues(1, { _per_page: 10 });
    expect(issues.length).toBe(2);
    const config = await client.vendors.config();
    expect(typeof config).toBe('object');
    const types = await client.vendors.extendedAttributeTypes({ resource_type: 'vendor' });
    expect(types[0]?.resource_type).toBe('vendor');
  });
});

describe('patrons, holds, checkouts, items, libraries', () => {
  it('patrons: list, all, get, create', async () => {
    expect(
      (await client.patrons.list({ surname: 'Surname2', _match: 'exact' })).map((p) => p.patron_id),
    ).toEqual([2]);
    let n = 0;
    for await (const _ of client.patrons.all(undefined, { perPage: 2 })) n++;
    expect(n).toBe(3);
    expect((await client.patrons.get(1, { embed: ['extended_attributes'] })).patron_id).toBe(1);
    const p = await client.patrons.create(
      { surname: 'Öztürk', firstname: 'Ayşe', library_id: 'CPL', category_id: 'PT' },
      { confirmNotDuplicate: true, overrides: ['welcome_no'] },
    );
    expect(p.surname).toBe('Öztürk');
    expect(mock.requests.at(-1)?.headers.get('x-confirm-not-duplicate')).toBe('1');
  });

  it('holds: list, all, create, edit, overwrite', async () => {
    expect(await client.holds.list({ patron_id: 1 })).toHaveLength(1);
    let n = 0;
    for await (const _ of client.holds.all({}, { perPage: 1 })) n++;
    expect(n).toBe(3);
    const h = await client.holds.create(
      { patron_id: 1, biblio_id: 1, pickup_library_id: 'CPL', expiration_date: '2026-12-31' },
      { overrides: ['any'] },
    );
    expect(h.hold_id).toBeGreaterThanOrEqual(1000);
    const edited = await client.holds.edit(h.hold_id as number, { pickup_library_id: 'MPL', priority: 2 });
    expect(edited.pickup_library_id).toBe('MPL');
    const replaced = await client.holds.overwrite(h.hold_id as number, { pickup_library_id: 'CPL' });
    expect(replaced.pickup_library_id).toBe('CPL');
  });

  it('checkouts: list, all, get, create, availability, of a biblio', async () => {
    expect(
      await client.checkouts.list({ patron_id: 2, checked_in: false }, { embed: ['item'] }),
    ).toHaveLength(1);
    let n = 0;
    for await (const _ of client.checkouts.all()) n++;
    expect(n).toBe(3);
    expect((await client.checkouts.get(2, { embed: ['patron'] })).checkout_id).toBe(2);
    const c = await client.checkouts.create(
      { patron_id: 1, item_id: 3 },
      { confirmation: 'jwt.token.value' },
    );
    expect(c.checkout_id).toBeGreaterThanOrEqual(1000);
    expect(mock.requests.at(-1)?.search).toBe('?confirmation=jwt.token.value');
    const a = await client.checkouts.availability(1, 2);
    expect(a.confirmation_token).toBeNull();
    expect((await client.checkouts.ofBiblio(1, { checked_in: false })).length).toBeGreaterThan(0);
  });

  it('items and libraries', async () => {
    expect((await client.items.list({ external_id: 'BC2' })).map((i) => i.item_id)).toEqual([2]);
    let n = 0;
    for await (const _ of client.items.all({}, { embed: ['+strings'] })) n++;
    expect(n).toBe(3);
    expect((await client.items.get(3, { embed: ['+strings'] })).item_id).toBe(3);
    expect((await client.items.ofBiblio(1, { bookable: true })).map((i) => i.item_id)).toEqual([2]);
    expect((await client.libraries.list({ name: 'Library 2' })).map((l) => l.library_id)).toEqual(['MPL']);
    const all: string[] = [];
    for await (const l of client.libraries.all()) all.push(l.library_id);
    expect(all).toEqual(['CPL', 'MPL']);
  });
});

describe('biblios (JSON) and the escape hatch', () => {
  it('lists and deletes biblios through call', async () => {
    const list = await client.call('listBiblio', { query: { _per_page: 5 } });
    expect(Array.isArray(list)).toBe(true);
    await client.call('deleteBiblio', { path: { biblio_id: 1 } }).catch((e: unknown) => {
      throw e;
    });
    await expect(client.call('getBiblio', { path: { biblio_id: 1 } })).rejects.toMatchObject({ status: 404 });
  });

  it('creates and replaces a biblio with a MARC body', async () => {
    const record = {
      leader: '00000nam a2200000 a 4500',
      fields: [{ tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: 'Tïtle' }] }],
    };
    const { id } = await client.biblios.create(record);
    expect(id).toBeGreaterThan(0);
    expect((await client.biblios.update(id as number, record, { format: 'marc-in-json' })).id).toBe(id);
  });

  it('request() reaches any path; the mock refuses what the spec does not allow', async () => {
    const res = await client.request<{ id: number }[]>('GET', '/acquisitions/vendors', {
      query: { name: 'Acme' },
    });
    expect(res.data.map((v) => v.id).sort()).toEqual([100, 101]);
    const bad = await client
      .request('GET', '/acquisitions/vendors', { query: { colour: 'red' } })
      .catch((e: unknown) => e);
    expect(KohaError.is(bad) && bad.status).toBe(400);
    expect(KohaError.is(bad) && bad.kohaError).toContain('/query/colour');
    expect(mock.violations).toHaveLength(1);
    mock.violations.length = 0;
  });

  it('refuses unknown parameters before sending', async () => {
    const before = mock.requests.length;
    const bad = () => client.call('listVendors', { query: { colour: 'red' } as never });
    await expect(bad()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'colour' });
    await expect(client.call('getVendor', { path: {} as never })).rejects.toMatchObject({
      field: 'vendor_id',
    });
    await expect(
      client.call('listVendors', { query: { _per_page: 5 } }, { requestId: 1.5 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'requestId' });
    expect(mock.requests.length).toBe(before);
  });
});

// The additions' operations (renewal, password validation, hold cancellation, check-in) have their
// own file, circulation.test.ts.
const IN_CIRCULATION_TEST = [
  'renewCheckout',
  'renewsCheckout',
  'validateUserAndPassword',
  'deleteHold',
  'addCheckin',
];

it('covers every operation of the spec', () => {
  const seen = new Set(mock.requests.map((r) => r.operationId));
  const missing = Object.keys(kohaOperations).filter(
    (id) => !seen.has(id) && !['addBiblio', 'updateBiblio', ...IN_CIRCULATION_TEST].includes(id),
  );
  expect(missing).toEqual([]);
});
