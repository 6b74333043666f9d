// The Koha back end against the Koha mock: look-ups, checkout, holds (place and cancel) and PINs.
import type { SipIls } from '@bibwire/sip2/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/demo.js';
import { createKohaIls } from '../src/koha-ils.js';
import { checkoutRequest, ctx, type Fixture, PIN, startFixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.mock.close());
afterEach(() => {
  expect(f.mock.violations.splice(0)).toEqual([]);
});

describe('look-ups', () => {
  it('finds patrons by card number and marks expired cards', async () => {
    const ils = createKohaIls(f.koha, { now: () => new Date('2026-06-01T00:00:00Z') });
    expect(await ils.findPatron(ctx, 'NO-SUCH-CARD')).toBeUndefined();
    expect(await ils.findPatron(ctx, 'CARD-OK')).toMatchObject({
      id: 'CARD-OK',
      name: 'Grace Hopper',
      valid: true,
      chargedItems: [],
    });
    const old = await ils.findPatron(ctx, 'CARD-OLD');
    expect(old).toMatchObject({ valid: false, status: { chargePrivilegesDenied: true } });
    expect(old?.screenMessage?.[0]).toMatch(/expired/);
  });
});

describe('checkout', () => {
  it('checks out through availability + addCheckout, then reports the item charged', async () => {
    const ils = createKohaIls(f.koha);
    expect(await ils.findItem(ctx, 'ITEM-LOST')).toMatchObject({ circulationStatus: '12' });
    expect(await ils.findItem(ctx, 'ITEM-1')).toMatchObject({
      circulationStatus: '03',
      title: DEMO.title,
      callNumber: 'QA 1',
    });
    const before = f.mock.requests.length;
    const result = await ils.checkout(ctx, checkoutRequest('CARD-OK', 'ITEM-1'));
    expect(result).toMatchObject({ ok: true, title: DEMO.title, desensitize: true });
    expect(result.dueDate).toBeInstanceOf(Date);
    expect(f.writesSince(before)).toEqual(['addCheckout']);
    expect(f.mock.requests.slice(before).some((r) => r.operationId === 'availabilityCheckouts')).toBe(true);
    expect(await ils.findItem(ctx, 'ITEM-1')).toMatchObject({ circulationStatus: '04' });
    expect((await ils.findPatron(ctx, 'CARD-OK'))?.chargedItems).toEqual(['ITEM-1']);
  });

  it('refuses with Koha SIP’s messages and writes nothing', async () => {
    const ils = createKohaIls(f.koha);
    const before = f.mock.requests.length;
    const refused = async (card: string, item: string, extra = {}) =>
      (await ils.checkout(ctx, checkoutRequest(card, item, extra))).screenMessage;
    expect(await refused('NOPE', 'ITEM-2')).toEqual(['Invalid Patron']);
    expect(await refused('CARD-OLD', 'ITEM-2')).toEqual(['Patron Blocked']);
    expect(await refused('CARD-OK', 'NOPE')).toEqual(['Invalid Item']);
    expect(await refused('CARD-TWO', 'ITEM-1')).toEqual(['Item checked out to another patron']);
    expect(await refused('CARD-OK', 'ITEM-2', { patronPassword: '9999' })).toEqual([
      'Invalid patron password.',
    ]);
    expect((await ils.checkout(ctx, checkoutRequest('CARD-OK', 'ITEM-2', { cancel: true }))).ok).toBe(false);
    // Password validation is a POST, but it writes nothing.
    expect(f.writesSince(before)).toEqual(['validateUserAndPassword']);
  });

  it('renews when the patron checks out what they already have, as Koha’s SIP server does', async () => {
    const ils = createKohaIls(f.koha);
    expect((await ils.checkout(ctx, checkoutRequest('CARD-TWO', 'ITEM-4'))).ok).toBe(true);
    const again = await ils.checkout(ctx, checkoutRequest('CARD-TWO', 'ITEM-4', { patronPassword: 'abcd' }));
    expect(again).toMatchObject({ ok: true, renewal: true, desensitize: false });
    expect(again.screenMessage).toEqual(['Item already checked out to you: renewing item.']);
    // The rule allows one renewal: the next is refused with Koha SIP's wording.
    const third = await ils.checkout(ctx, checkoutRequest('CARD-TWO', 'ITEM-4'));
    expect(third).toMatchObject({ ok: false });
    expect(third.screenMessage).toEqual([
      'Item already checked out to you: renewing item.',
      'Item has reached maximum renewals',
    ]);
  });
});

describe('holds', () => {
  it('places a hold on the item’s record at the pickup library and cancels it', async () => {
    const ils = createKohaIls(f.koha, { pickupLibrary: 'MPL' });
    const hold = (mode: 'add' | 'delete' | 'change', card = 'CARD-OK', item = 'ITEM-3', pin?: string) =>
      ils.hold?.(ctx, {
        mode,
        patronId: card,
        itemId: item,
        feeAcknowledged: false,
        ...(pin !== undefined ? { patronPassword: pin } : {}),
      });
    expect(await hold('add')).toMatchObject({ ok: true, pickupLocation: 'MPL', itemId: 'ITEM-3' });
    const placed = f.store.holds.at(-1);
    expect(placed).toMatchObject({ patron_id: 601, biblio_id: 1, pickup_library_id: 'MPL' });
    expect(await hold('delete', 'CARD-OK', 'ITEM-3', 'wrong')).toMatchObject({
      ok: false,
      screenMessage: ['Invalid patron password.'],
    });
    expect(await hold('delete', 'CARD-OK', 'ITEM-3', PIN)).toMatchObject({
      ok: true,
      screenMessage: ['Hold Cancelled.'],
    });
    expect(f.store.holds.includes(placed as Record<string, unknown>)).toBe(false);
    expect(await hold('delete')).toMatchObject({
      ok: false,
      screenMessage: ['No such hold on patron record.'],
    });
    expect(await hold('add', 'NOPE')).toMatchObject({ screenMessage: ['Invalid Patron.'] });
    expect(await hold('add', 'CARD-OK', 'NOPE')).toMatchObject({ screenMessage: ['No such item.'] });
    expect(await hold('add', 'CARD-OK', 'ITEM-3', 'wrong')).toMatchObject({
      screenMessage: ['Invalid Patron.'],
    });
    expect((await hold('change'))?.ok).toBe(false);
  });
});

describe('PINs (AD)', () => {
  it('checks PINs through Koha’s password validation by default', async () => {
    f.mock.requests.splice(0);
    const ils = createKohaIls(f.koha);
    const check = (card: string, pin: string) =>
      (ils as Required<SipIls>).checkPatronPassword(ctx, card, pin);
    expect(await check('CARD-OK', PIN)).toBe(true);
    expect(await check('CARD-OK', '9999')).toBe(false);
    expect(await check('NO-SUCH-CARD', PIN)).toBe(false);
    expect(await check('CARD-OK', '')).toBe(false);
    // 'CARD-OK' is also patron 604's userid, which Koha would match first: the gateway validates
    // the card holder's own userid, so neither patron's password is confused with the other's.
    expect(await check('CARD-OK', 'shadow')).toBe(false);
    expect(await check('CARD-SHADOW', 'shadow')).toBe(true);
    const sent = f.mock.requests.filter((r) => r.operationId === 'validateUserAndPassword');
    expect(sent.map((r) => r.status)).toEqual([201, 400, 400, 201]);
  });

  it('lets a verifyPassword hook replace the Koha check', async () => {
    const before = f.mock.requests.length;
    const ils = createKohaIls(f.koha, {
      verifyPassword: async (card, pin) => card === 'CARD-OK' && pin === 'hook-pin',
    });
    expect(await ils.checkPatronPassword?.(ctx, 'CARD-OK', 'hook-pin')).toBe(true);
    expect(await ils.checkPatronPassword?.(ctx, 'CARD-OK', PIN)).toBe(false);
    expect(f.mock.requests.length).toBe(before);
  });
});
