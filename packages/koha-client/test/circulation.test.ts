// Renewal, password validation, hold cancellation and check-in (the operations of
// spec/koha-api-v1.additions.json) against the mock, which answers them as Koha's controllers do.
import {
  clientCredentials,
  isMissingRoute,
  KohaClient,
  KohaError,
  renewalRefusalReason,
} from '@bibwire/koha-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type KohaMock, startKohaMock } from './mock/koha-mock.js';

type Row = Record<string, unknown>;
let mock: KohaMock;
let client: KohaClient;
const sentBodies: string[] = [];
let store: {
  patrons: Row[];
  items: Row[];
  holds: Row[];
  checkouts: Row[];
  passwords: Map<number, string>;
  renewalBlocks: Map<number, string>;
};

const SECRET = 'pin-4711-do-not-log';

beforeAll(async () => {
  mock = await startKohaMock({ renewalsAllowed: 2 });
  client = new KohaClient({
    baseUrl: mock.url,
    auth: clientCredentials({ clientId: 'coral', clientSecret: 's3cret-value' }),
    retry: false,
    // Keep what was sent, to check request bodies (the mock records headers only).
    fetch: (input, init) => {
      if (typeof init?.body === 'string') sentBodies.push(init.body);
      return fetch(input, init);
    },
  });
  store = mock.store as unknown as typeof store;
  store.patrons.push(
    { ...store.patrons[0], patron_id: 700, cardnumber: 'C700', userid: 'ada' },
    // Koha matches the userid before the card number: this patron's userid is another one's card.
    { ...store.patrons[0], patron_id: 701, cardnumber: 'C701', userid: 'C700' },
  );
  store.passwords.set(700, SECRET);
  store.passwords.set(701, 'other');
  store.items.push(
    { ...store.items[0], item_id: 700, biblio_id: 70, external_id: 'B700', withdrawn: 0, lost_status: 0 },
    { ...store.items[0], item_id: 701, biblio_id: 71, external_id: 'B701', withdrawn: 1, lost_status: 0 },
    {
      ...store.items[0],
      item_id: 702,
      biblio_id: 72,
      external_id: 'B702',
      withdrawn: 0,
      lost_status: 0,
      home_library_id: 'MPL',
    },
    { ...store.items[0], item_id: 703, biblio_id: 73, external_id: 'B703', withdrawn: 0, lost_status: 0 },
  );
});
afterAll(() => mock.close());
afterEach(() => {
  expect(mock.violations.splice(0)).toEqual([]);
});

async function caught(p: Promise<unknown>): Promise<KohaError> {
  try {
    await p;
  } catch (error) {
    if (KohaError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a KohaError');
}

describe('checkouts.renew', () => {
  it('renews until the renewal limit, then reports too_many as Koha does (403)', async () => {
    const made = await client.checkouts.create({ patron_id: 700, item_id: 700 });
    const id = made.checkout_id as number;
    const first = await client.checkouts.renew(id);
    expect(first.renewals_count).toBe(1);
    expect(Date.parse(first.due_date ?? '')).toBeGreaterThanOrEqual(Date.parse(made.due_date ?? ''));
    const second = await client.checkouts.renew(id, { seen: false });
    expect(second).toMatchObject({ renewals_count: 2, unseen_renewals: 1 });
    expect(mock.requests.at(-1)?.search).toBe('?seen=0');
    const refused = await caught(client.checkouts.renew(id));
    expect(refused).toMatchObject({ code: 'HTTP_STATUS', status: 403 });
    expect(refused.kohaError).toBe('Renewal not authorized (too_many)');
    expect(renewalRefusalReason(refused)).toBe('too_many');
  });

  it('refuses a renewal when another patron holds the record (on_reserve)', async () => {
    const made = await client.checkouts.create({ patron_id: 700, item_id: 702 });
    const hold = await client.holds.create({ patron_id: 701, biblio_id: 72, pickup_library_id: 'CPL' });
    expect(renewalRefusalReason(await caught(client.checkouts.renew(made.checkout_id as number)))).toBe(
      'on_reserve',
    );
    expect(await client.holds.cancel(hold.hold_id as number)).toBe('cancelled');
    store.renewalBlocks.set(made.checkout_id as number, 'restriction');
    expect(renewalRefusalReason(await caught(client.checkouts.renew(made.checkout_id as number)))).toBe(
      'restriction',
    );
    store.renewalBlocks.delete(made.checkout_id as number);
    expect((await client.checkouts.renew(made.checkout_id as number)).renewals_count).toBe(1);
  });

  it('renews through the newer /renewals name too', async () => {
    const made = await client.checkouts.create({ patron_id: 701, item_id: 701 });
    const renewed = await client.call('renewsCheckout', {
      path: { checkout_id: made.checkout_id as number },
    });
    expect(renewed.renewals_count).toBe(1);
    expect(mock.requests.at(-1)?.path).toBe(`/api/v1/checkouts/${made.checkout_id}/renewals`);
  });

  it('answers 404 for an unknown checkout, which is not a missing route', async () => {
    const e = await caught(client.checkouts.renew(987_654));
    expect(e).toMatchObject({ status: 404, kohaErrorCode: 'not_found' });
    expect(renewalRefusalReason(e)).toBeUndefined();
    expect(isMissingRoute(e)).toBe(false);
  });
});

describe('patrons.validatePassword', () => {
  it('accepts the right password by card number or userid (201)', async () => {
    expect(await client.patrons.validatePassword('ada', SECRET)).toEqual({
      valid: true,
      patronId: 700,
      cardnumber: 'C700',
      userid: 'ada',
    });
    expect(await client.patrons.validatePassword('C701', 'other')).toMatchObject({
      valid: true,
      patronId: 701,
      cardnumber: 'C701',
    });
    expect(await client.patrons.validatePassword('ada', SECRET, { by: 'userid' })).toMatchObject({
      valid: true,
      patronId: 700,
    });
    const sent = mock.requests.at(-1);
    expect(sent).toMatchObject({ operationId: 'validateUserAndPassword', status: 201 });
  });

  it('matches the userid first, as Koha does: a card number can name another patron', async () => {
    // 'C700' is patron 701's userid, so Koha checks the password against patron 701.
    expect(await client.patrons.validatePassword('C700', 'other')).toMatchObject({ patronId: 701 });
  });

  it('turns Koha’s 400 into valid: false and never shows the password', async () => {
    const wrong = await client.patrons.validatePassword('ada', `${SECRET}x`);
    expect(wrong).toEqual({ valid: false, reason: 'Validation failed' });
    expect(await client.patrons.validatePassword('nobody', SECRET)).toEqual({
      valid: false,
      reason: 'Validation failed',
    });
    expect(await client.patrons.validatePassword('nobody', SECRET, { by: 'userid' })).toMatchObject({
      valid: false,
    });
    expect(JSON.stringify(wrong)).not.toContain(SECRET);
  });

  it('throws other failures without the password in message, fields or body', async () => {
    const unauthorised = new KohaClient({ baseUrl: mock.url, retry: false });
    const e = await caught(unauthorised.patrons.validatePassword('C700', SECRET));
    expect(e).toMatchObject({ code: 'HTTP_STATUS', status: 401 });
    expect(`${e.message} ${JSON.stringify({ ...e, body: e.body })}`).not.toContain(SECRET);
    expect((await caught(client.patrons.validatePassword('', SECRET))).field).toBe('identifier');
    expect(
      (await caught(client.patrons.validatePassword('C700', undefined as unknown as string))).field,
    ).toBe('password');
  });
});

describe('holds.cancel', () => {
  it('deletes a hold (204), records a request for a waiting one (202), 404 for unknown', async () => {
    const hold = await client.holds.create({ patron_id: 700, biblio_id: 70, pickup_library_id: 'CPL' });
    expect(await client.holds.cancel(hold.hold_id as number)).toBe('cancelled');
    expect(store.holds.some((h) => h.hold_id === hold.hold_id)).toBe(false);
    const waiting = await client.holds.create({ patron_id: 700, biblio_id: 71, pickup_library_id: 'CPL' });
    const row = store.holds.find((h) => h.hold_id === waiting.hold_id) as Row;
    row.status = 'W';
    expect(await client.holds.cancel(waiting.hold_id as number, { cancellationRequest: true })).toBe(
      'requested',
    );
    expect(mock.requests.at(-1)?.headers.get('x-koha-override')).toBe('cancellation-request-flow');
    expect(row.cancellation_requested).toBe(true);
    store.holds.splice(store.holds.indexOf(row), 1);
    const e = await caught(client.holds.cancel(waiting.hold_id as number));
    expect(e).toMatchObject({ status: 404, kohaError: 'Hold not found' });
  });
});

describe('checkins.create', () => {
  it('returns a checked-out item by barcode and closes the checkout', async () => {
    const made = await client.checkouts.create({ patron_id: 701, item_id: 703 });
    const checkin = await client.checkins.create(
      { barcode: 'B703', libraryId: 'CPL', returnDate: new Date('2026-11-20T10:00:00Z') },
      { embed: ['checkout'] },
    );
    expect(checkin).toMatchObject({ item_id: 703, checkout_id: made.checkout_id, local_use: false });
    expect((checkin.checkout as Row | null)?.checkin_date).toEqual(expect.any(String));
    const open = await client.checkouts.list({ patron_id: 701 });
    expect(open.some((c) => c.checkout_id === made.checkout_id)).toBe(false);
    const old = await client.checkouts.list({ patron_id: 701, checked_in: true });
    expect(old.some((c) => c.checkout_id === made.checkout_id)).toBe(true);
    expect(JSON.parse(sentBodies.at(-1) ?? '')).toMatchObject({
      external_id: 'B703',
      return_date: '2026-11-20T10:00:00.000Z',
    });
  });

  it('traps a hold and reports a transfer home', async () => {
    await client.holds.create({ patron_id: 700, biblio_id: 70, pickup_library_id: 'MPL' });
    const held = await client.checkins.create(
      { itemId: 700, libraryId: 'CPL' },
      { embed: ['hold', 'transfer'] },
    );
    expect(held.hold_id).toEqual(expect.any(Number));
    expect(held.transfer).toMatchObject({ to_library_id: 'MPL' });
    const home = await client.checkins.create({ barcode: 'B702', libraryId: 'CPL' }, { embed: ['transfer'] });
    expect(home).toMatchObject({ local_use: false, hold_id: null });
    expect(home.transfer).toMatchObject({ to_library_id: 'MPL' });
  });

  it('refuses blocked returns (403 checkin_blocked), unknown items (404) and bad requests', async () => {
    const blocked = await caught(client.checkins.create({ barcode: 'B701' }));
    expect(blocked).toMatchObject({ status: 403, kohaErrorCode: 'checkin_blocked' });
    expect(blocked.body).toMatchObject({ blockers: { withdrawn: 1 } });
    const unknown = await caught(client.checkins.create({ barcode: 'NOPE' }));
    expect(unknown).toMatchObject({ status: 404, kohaErrorCode: 'not_found' });
    expect(isMissingRoute(unknown)).toBe(false);
    expect((await caught(client.checkins.create({}))).field).toBe('barcode');
    expect((await caught(client.checkins.create({ barcode: 'B700', itemId: 700 }))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('recognises a Koha without the route', async () => {
    const old = new KohaClient({
      baseUrl: 'http://koha.test',
      retry: false,
      fetch: async () =>
        new Response(JSON.stringify({ errors: [{ message: 'Not Found.', path: '/' }], status: 404 }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        }),
    });
    expect(isMissingRoute(await caught(old.checkins.create({ barcode: 'B700' })))).toBe(true);
    expect(isMissingRoute(new Error('x'))).toBe(false);
  });
});
