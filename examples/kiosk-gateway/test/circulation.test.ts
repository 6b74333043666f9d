// Check-in, renewal and renew all through Koha, success and refusal, with Koha SIP's messages.
import type { SipIls } from '@bibwire/sip2/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKohaIls } from '../src/koha-ils.js';
import {
  checkinRequest,
  checkoutRequest,
  ctx,
  type Fixture,
  PIN,
  renewRequest,
  startFixture,
} from './fixture.js';

let f: Fixture;
let ils: Required<SipIls>;
beforeAll(async () => {
  f = await startFixture();
  ils = createKohaIls(f.koha) as Required<SipIls>;
});
afterAll(() => f.mock.close());
afterEach(() => {
  expect(f.mock.violations.splice(0)).toEqual([]);
});

const checkOut = async (card: string, barcode: string) =>
  expect((await ils.checkout(ctx, checkoutRequest(card, barcode))).ok).toBe(true);

describe('checkin (09)', () => {
  it('returns a loan through POST /checkins and names the patron who had it', async () => {
    await checkOut('CARD-OK', 'ITEM-2');
    const before = f.mock.requests.length;
    const result = await ils.checkin(ctx, checkinRequest('ITEM-2'));
    expect(result).toMatchObject({ ok: true, patronId: 'CARD-OK', permanentLocation: 'CPL' });
    expect(result.alert).toBeUndefined();
    expect(f.writesSince(before)).toEqual(['addCheckin']);
    expect(await ils.findItem(ctx, 'ITEM-2')).toMatchObject({ circulationStatus: '03' });
    expect((await ils.findPatron(ctx, 'CARD-OK'))?.chargedItems).not.toContain('ITEM-2');
  });

  it('returns an item that was not on loan but answers ok=0 unless checked_in_ok', async () => {
    const refused = await ils.checkin(ctx, checkinRequest('ITEM-2'));
    expect(refused).toMatchObject({ ok: false, screenMessage: ['Item not checked out'] });
    const lenient = createKohaIls(f.koha, { checkedInOk: true }) as Required<SipIls>;
    const accepted = await lenient.checkin(ctx, checkinRequest('ITEM-2'));
    expect(accepted.ok).toBe(true);
    expect(accepted.screenMessage).toBeUndefined();
  });

  it('alerts when the return fills a hold (01 here, 02 elsewhere) or goes home (04)', async () => {
    await checkOut('CARD-OK', 'ITEM-5');
    await ils.hold(ctx, {
      mode: 'add',
      patronId: 'CARD-TWO',
      itemId: 'ITEM-5',
      pickupLocation: 'CPL',
      feeAcknowledged: false,
    });
    expect(await ils.checkin(ctx, checkinRequest('ITEM-5'))).toMatchObject({
      ok: true,
      alert: true,
      alertType: '01',
      destinationLocation: 'CPL',
    });
    await checkOut('CARD-OK', 'ITEM-6');
    await ils.hold(ctx, {
      mode: 'add',
      patronId: 'CARD-TWO',
      itemId: 'ITEM-6',
      pickupLocation: 'MPL',
      feeAcknowledged: false,
    });
    expect(await ils.checkin(ctx, checkinRequest('ITEM-6'))).toMatchObject({
      alert: true,
      alertType: '02',
      destinationLocation: 'MPL',
    });
    await checkOut('CARD-OK', 'ITEM-MPL');
    expect(await ils.checkin(ctx, checkinRequest('ITEM-MPL'))).toMatchObject({
      ok: true,
      alert: true,
      alertType: '04',
      destinationLocation: 'MPL',
    });
  });

  it('refuses unknown, withdrawn and lost items with Koha SIP’s messages', async () => {
    expect(await ils.checkin(ctx, checkinRequest('NOPE'))).toEqual({
      ok: false,
      alert: true,
      alertType: '99',
      screenMessage: ['Invalid Item'],
    });
    expect((await ils.checkin(ctx, checkinRequest('ITEM-WD'))).screenMessage).toEqual([
      'Item withdrawn, return not allowed',
    ]);
    expect((await ils.checkin(ctx, checkinRequest('ITEM-LOST'))).screenMessage).toEqual([
      'Item lost, return not allowed',
    ]);
  });

  it('sends the kiosk to the returns desk when Koha has no /checkins route', async () => {
    const noRoute = f.kohaWith(async (input, init) => {
      if (String(input).endsWith('/api/v1/checkins')) {
        return new Response(JSON.stringify({ errors: [{ message: 'Not Found.', path: '/' }], status: 404 }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        });
      }
      return fetch(input, init);
    });
    const old = createKohaIls(noRoute) as Required<SipIls>;
    const result = await old.checkin(ctx, checkinRequest('ITEM-1'));
    expect(result).toMatchObject({ ok: false, screenMessage: [expect.stringMatching(/returns desk/)] });
    const off = createKohaIls(f.koha, { checkin: 'off' }) as Required<SipIls>;
    const before = f.mock.requests.length;
    expect((await off.checkin(ctx, checkinRequest('ITEM-1'))).ok).toBe(false);
    expect(f.mock.requests.length).toBe(before);
  });
});

describe('renew (29)', () => {
  it('renews a loan through Koha’s renewal route, then relays the limit', async () => {
    await checkOut('CARD-TWO', 'ITEM-3');
    const before = f.mock.requests.length;
    const renewed = await ils.renew(ctx, renewRequest('CARD-TWO', 'ITEM-3', 'abcd'));
    expect(renewed).toMatchObject({ ok: true, renewal: true, desensitize: false, title: expect.any(String) });
    expect(renewed.dueDate).toBeInstanceOf(Date);
    expect(f.writesSince(before)).toEqual(['validateUserAndPassword', 'renewCheckout']);
    expect(await ils.renew(ctx, renewRequest('CARD-TWO', 'ITEM-3'))).toMatchObject({
      ok: false,
      screenMessage: ['Item has reached maximum renewals'],
    });
  });

  it('relays holds and other Koha reasons', async () => {
    await checkOut('CARD-TWO', 'ITEM-4');
    await ils.hold(ctx, { mode: 'add', patronId: 'CARD-OK', itemId: 'ITEM-4', feeAcknowledged: false });
    expect((await ils.renew(ctx, renewRequest('CARD-TWO', 'ITEM-4'))).screenMessage).toEqual([
      'Item unavailable due to outstanding holds',
    ]);
    const loan = f.store.checkouts.find((c) => c.item_id === 607 && c.checkin_date == null);
    f.store.holds.splice(0, f.store.holds.length);
    f.store.renewalBlocks.set(loan?.checkout_id as number, 'auto_too_soon');
    expect((await ils.renew(ctx, renewRequest('CARD-TWO', 'ITEM-4'))).screenMessage).toEqual([
      'auto_too_soon',
    ]);
    f.store.renewalBlocks.set(loan?.checkout_id as number, 'too_soon');
    expect((await ils.renew(ctx, renewRequest('CARD-TWO', 'ITEM-4'))).screenMessage).toEqual([
      'Item cannot be renewed yet',
    ]);
    f.store.renewalBlocks.clear();
  });

  it('refuses before asking Koha to renew: card, expiry, PIN, loan', async () => {
    const before = f.mock.requests.length;
    const text = async (card: string, item: string, pin?: string) =>
      (await ils.renew(ctx, renewRequest(card, item, pin))).screenMessage;
    expect(await text('NOPE', 'ITEM-3')).toEqual(['Invalid patron barcode.']);
    expect(await text('CARD-OLD', 'ITEM-3')).toEqual(['Renewals not allowed.']);
    expect(await text('CARD-TWO', 'ITEM-3', 'wrong')).toEqual(['Invalid patron password.']);
    expect(await text('CARD-OK', 'ITEM-3')).toEqual(['Item not checked out to Grace Hopper']);
    expect(await text('CARD-OK', 'NOPE')).toEqual(['Item not checked out to Grace Hopper']);
    expect(f.writesSince(before)).toEqual(['validateUserAndPassword']);
  });
});

describe('renew all (65)', () => {
  it('renews every loan and lists what was and was not renewed', async () => {
    const mine = await ils.findPatron(ctx, 'CARD-TWO');
    expect(mine?.chargedItems).toEqual(expect.arrayContaining(['ITEM-3', 'ITEM-4']));
    await checkOut('CARD-TWO', 'ITEM-1');
    const result = await ils.renewAll(ctx, {
      patronId: 'CARD-TWO',
      patronPassword: 'abcd',
      feeAcknowledged: false,
    });
    expect(result.ok).toBe(true);
    // ITEM-1 is a fresh loan, ITEM-4's renewals were all refused, ITEM-3 is at the limit.
    expect(result.renewed).toEqual(expect.arrayContaining(['ITEM-1']));
    expect(result.unrenewed).toEqual(expect.arrayContaining(['ITEM-3']));
    expect([...result.renewed, ...result.unrenewed].sort()).toEqual(['ITEM-1', 'ITEM-3', 'ITEM-4']);
  });

  it('refuses an unknown card, an expired card and a wrong PIN', async () => {
    const all = (card: string, pin?: string) =>
      ils.renewAll(ctx, { patronId: card, feeAcknowledged: false, ...(pin ? { patronPassword: pin } : {}) });
    expect(await all('NOPE')).toEqual({
      ok: false,
      renewed: [],
      unrenewed: [],
      screenMessage: ['Invalid patron barcode.'],
    });
    expect((await all('CARD-OLD')).screenMessage).toEqual(['Renewals not allowed.']);
    expect((await all('CARD-OK', `${PIN}0`)).screenMessage).toEqual(['Invalid patron password.']);
  });
});
