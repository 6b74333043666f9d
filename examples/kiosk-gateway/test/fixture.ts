// The Koha mock (from @bibwire/koha-client's tests) with the patrons and items the gateway tests use.
import { clientCredentials, KohaClient } from '@bibwire/koha-client';
import type { IlsContext } from '@bibwire/sip2/server';
import { type KohaMock, startKohaMock } from '../../../packages/koha-client/test/mock/koha-mock.js';

export type Row = Record<string, unknown>;

export interface MockStore {
  patrons: Row[];
  items: Row[];
  holds: Row[];
  checkouts: Row[];
  checkins: Row[];
  passwords: Map<number, string>;
  renewalBlocks: Map<number, string>;
}

export const ctx: IlsContext = { institutionId: 'CPL', loginId: 'kiosk1', locationCode: undefined };
export const PIN = '1234';

export interface Fixture {
  mock: KohaMock;
  store: MockStore;
  koha: KohaClient;
  /** A client whose fetch can be swapped (to play a Koha without a route). */
  kohaWith(fetch: typeof globalThis.fetch): KohaClient;
  /** Non-GET requests other than the token request since `since`. */
  writesSince(since: number): string[];
}

export async function startFixture(): Promise<Fixture> {
  const mock = await startKohaMock({ clientId: 'gw', clientSecret: 'gw-secret', renewalsAllowed: 1 });
  const store = mock.store as unknown as MockStore;
  const patron = (id: number, cardnumber: string, extra: Row) => ({
    ...store.patrons[0],
    patron_id: id,
    cardnumber,
    userid: `user${id}`,
    library_id: 'CPL',
    expiry_date: '2099-01-01',
    ...extra,
  });
  store.patrons.push(
    patron(601, 'CARD-OK', { firstname: 'Grace', surname: 'Hopper' }),
    patron(602, 'CARD-OLD', { firstname: 'Old', surname: 'Card', expiry_date: '2001-01-01' }),
    patron(603, 'CARD-TWO', { firstname: 'Ada', surname: 'Lovelace' }),
    // Koha matches a validation identifier as a userid first: this userid is another patron's card.
    patron(604, 'CARD-SHADOW', { firstname: 'Shadow', surname: 'User', userid: 'CARD-OK' }),
  );
  // The seeded sample holds sit on record 1, where every test item is: they would block renewals.
  store.holds.splice(0, store.holds.length);
  store.passwords.set(601, PIN);
  store.passwords.set(603, 'abcd');
  store.passwords.set(604, 'shadow');
  const item = (id: number, barcode: string, biblioId: number, extra: Row = {}) => ({
    ...store.items[0],
    item_id: id,
    biblio_id: biblioId,
    external_id: barcode,
    lost_status: 0,
    withdrawn: 0,
    home_library_id: 'CPL',
    holding_library_id: 'CPL',
    ...extra,
  });
  store.items.push(
    item(601, 'ITEM-1', 1, { callnumber: 'QA 1' }),
    item(602, 'ITEM-LOST', 1, { lost_status: 1 }),
    item(603, 'ITEM-2', 1),
    item(604, 'ITEM-3', 1),
    item(605, 'ITEM-WD', 1, { withdrawn: 1 }),
    item(606, 'ITEM-MPL', 1, { home_library_id: 'MPL' }),
    item(607, 'ITEM-4', 1),
    item(608, 'ITEM-5', 1),
    item(609, 'ITEM-6', 1),
  );
  const kohaWith = (fetch: typeof globalThis.fetch) =>
    new KohaClient({
      baseUrl: mock.url,
      auth: clientCredentials({ clientId: 'gw', clientSecret: 'gw-secret' }),
      retry: false,
      fetch,
    });
  return {
    mock,
    store,
    koha: kohaWith((input, init) => fetch(input, init)),
    kohaWith,
    writesSince: (since) =>
      mock.requests
        .slice(since)
        .filter((r) => r.method !== 'GET' && r.operationId !== 'tokenOAuth')
        .map((r) => r.operationId ?? r.path),
  };
}

export const checkoutRequest = (patronId: string, itemId: string, extra: Row = {}) => ({
  patronId,
  itemId,
  scRenewal: false,
  noBlock: false,
  feeAcknowledged: false,
  cancel: false,
  ...extra,
});

export const checkinRequest = (itemId: string) => ({
  itemId,
  returnDate: new Date(),
  currentLocation: 'CPL',
  cancel: false,
  noBlock: false,
});

export const renewRequest = (patronId: string, itemId: string, patronPassword?: string) => ({
  patronId,
  itemId,
  thirdPartyAllowed: false,
  noBlock: false,
  feeAcknowledged: false,
  ...(patronPassword !== undefined ? { patronPassword } : {}),
});
