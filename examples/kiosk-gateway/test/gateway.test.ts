import { clientCredentials, KohaClient } from '@bibwire/koha-client';
import type { IlsContext } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KohaMock, startKohaMock } from '../../../packages/koha-client/test/mock/koha-mock.js';
import { main, parseAccount } from '../src/cli.js';
import { DEMO, describeReply, runDemo } from '../src/demo.js';
import { createKohaIls } from '../src/koha-ils.js';

type Row = Record<string, unknown>;
const ctx: IlsContext = { institutionId: 'CPL', loginId: 'kiosk1', locationCode: undefined };
let mock: KohaMock;
let koha: KohaClient;

beforeAll(async () => {
  mock = await startKohaMock({ clientId: 'gw', clientSecret: 'gw-secret' });
  const store = mock.store as unknown as { patrons: Row[]; items: Row[] };
  store.patrons.push(
    {
      ...store.patrons[0],
      patron_id: 601,
      cardnumber: 'CARD-OK',
      firstname: 'Grace',
      surname: 'Hopper',
      expiry_date: '2099-01-01',
    },
    {
      ...store.patrons[0],
      patron_id: 602,
      cardnumber: 'CARD-OLD',
      firstname: 'Old',
      surname: 'Card',
      expiry_date: '2001-01-01',
    },
  );
  store.items.push(
    {
      ...store.items[0],
      item_id: 601,
      biblio_id: 1,
      external_id: 'ITEM-1',
      lost_status: 0,
      withdrawn: 0,
      callnumber: 'QA 1',
    },
    { ...store.items[0], item_id: 602, biblio_id: 1, external_id: 'ITEM-LOST', lost_status: 1, withdrawn: 0 },
  );
  koha = new KohaClient({
    baseUrl: mock.url,
    auth: clientCredentials({ clientId: 'gw', clientSecret: 'gw-secret' }),
    retry: false,
  });
});
afterAll(() => mock.close());

describe('the Koha back end', () => {
  it('finds patrons by card number and marks expired cards', async () => {
    const ils = createKohaIls(koha, { now: () => new Date('2026-06-01T00:00:00Z') });
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

  it('checks out through availability + addCheckout, then reports the item charged to the patron', async () => {
    const ils = createKohaIls(koha);
    expect(await ils.findItem(ctx, 'ITEM-LOST')).toMatchObject({ circulationStatus: '12' });
    expect(await ils.findItem(ctx, 'ITEM-1')).toMatchObject({
      circulationStatus: '03',
      title: DEMO.title,
      callNumber: 'QA 1',
    });
    const result = await ils.checkout(ctx, {
      patronId: 'CARD-OK',
      itemId: 'ITEM-1',
      scRenewal: false,
      noBlock: false,
      feeAcknowledged: false,
      cancel: false,
    });
    expect(result).toMatchObject({ ok: true, title: DEMO.title });
    const sent = mock.requests.filter(
      (r) => r.operationId === 'availabilityCheckouts' || r.operationId === 'addCheckout',
    );
    expect(sent.map((r) => r.operationId)).toEqual(['availabilityCheckouts', 'addCheckout']);
    expect(await ils.findItem(ctx, 'ITEM-1')).toMatchObject({ circulationStatus: '04' });
    expect((await ils.findPatron(ctx, 'CARD-OK'))?.chargedItems).toEqual(['ITEM-1']);
    expect(mock.violations).toEqual([]);
  });

  it('refuses unknown cards and items, cancels and returns without calling Koha to write', async () => {
    const ils = createKohaIls(koha);
    const base = { scRenewal: false, noBlock: false, feeAcknowledged: false, cancel: false };
    const writes = () =>
      mock.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'tokenOAuth').length;
    const before = writes();
    expect(await ils.checkout(ctx, { ...base, patronId: 'NOPE', itemId: 'ITEM-1' })).toEqual({
      ok: false,
      screenMessage: ['Unknown card.'],
    });
    expect(await ils.checkout(ctx, { ...base, patronId: 'CARD-OK', itemId: 'NOPE' })).toEqual({
      ok: false,
      screenMessage: ['Unknown item.'],
    });
    expect(
      (await ils.checkout(ctx, { ...base, cancel: true, patronId: 'CARD-OK', itemId: 'ITEM-1' })).ok,
    ).toBe(false);
    const checkin = await ils.checkin(ctx, {
      itemId: 'ITEM-LOST',
      returnDate: new Date(),
      currentLocation: 'CPL',
      cancel: false,
      noBlock: false,
    });
    expect(checkin).toMatchObject({ ok: false, title: DEMO.title });
    expect(checkin.screenMessage?.[0]).toMatch(/returns desk/);
    expect(writes()).toBe(before);
  });

  it('places holds on the item’s record at the pickup library', async () => {
    const ils = createKohaIls(koha, { pickupLibrary: 'MPL' });
    const result = await ils.hold?.(ctx, {
      mode: 'add',
      patronId: 'CARD-OK',
      itemId: 'ITEM-1',
      feeAcknowledged: false,
    });
    expect(result).toMatchObject({ ok: true, pickupLocation: 'MPL' });
    const hold = (mock.store as unknown as { holds: Row[] }).holds.at(-1);
    expect(hold).toMatchObject({ patron_id: 601, biblio_id: 1, pickup_library_id: 'MPL' });
    expect(
      (
        await ils.hold?.(ctx, {
          mode: 'delete',
          patronId: 'CARD-OK',
          itemId: 'ITEM-1',
          feeAcknowledged: false,
        })
      )?.ok,
    ).toBe(false);
  });

  it('checks PINs only through the given hook', async () => {
    expect(createKohaIls(koha).checkPatronPassword).toBeUndefined();
    const ils = createKohaIls(koha, {
      verifyPassword: async (card, pin) => card === 'CARD-OK' && pin === '1234',
    });
    expect(await ils.checkPatronPassword?.(ctx, 'CARD-OK', '1234')).toBe(true);
    expect(await ils.checkPatronPassword?.(ctx, 'CARD-OK', '9999')).toBe(false);
  });
});

describe('the offline demonstration', () => {
  it('logs in, shows the patron, checks out, places a hold and is refused the check-in', async () => {
    const lines: string[] = [];
    const exchanges = await runDemo((l) => lines.push(l));
    const reply = (step: string, n = 0) =>
      exchanges.filter((e) => e.step === step)[n]?.reply as {
        fixed: Record<string, string>;
        fields: [string, string][];
      };
    expect(reply('checkout').fixed.ok).toBe('1');
    expect(reply('checkout').fields).toContainEqual(['AJ', DEMO.title]);
    expect(reply('item info').fixed.circulationStatus).toBe('04');
    expect(reply('hold').fixed.ok).toBe('1');
    expect(reply('checkin').fixed.ok).toBe('0');
    expect(reply('patron info', 0).fixed.chargedItemsCount).toBe('0000');
    expect(reply('patron info', 1).fixed.chargedItemsCount).toBe('0001');
    expect(reply('patron info', 1).fixed.holdItemsCount).toBe('0001');
    expect(lines.at(-1)).toMatch(/1 OAuth2 token\(s\), 0 refused by the spec/);
  });

  it('main without arguments runs it and exits 0', async () => {
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => {} } };
    expect(await main([], io)).toBe(0);
    expect(out.join('')).toContain('12 ok=1');
  });
});

describe('command line', () => {
  it('reads kiosk accounts', () => {
    expect(parseAccount('kiosk1:pass:CPL')).toEqual({
      loginId: 'kiosk1',
      password: 'pass',
      institutionId: 'CPL',
    });
    expect(() => parseAccount('kiosk1:pass')).toThrow(/login:password:LIBRARY/);
  });

  it('exits 2 on bad or missing arguments', async () => {
    const err: string[] = [];
    const io = { stdout: { write: () => {} }, stderr: { write: (s: string) => err.push(s) }, env: {} };
    expect(await main(['--account', 'x'], io)).toBe(2);
    expect(await main(['--koha-url', 'http://127.0.0.1:9', '--account', 'a:b:C'], io)).toBe(2);
    expect(err.join('')).toContain('KOHA_CLIENT_SECRET');
  });

  it('formats replies compactly', () => {
    expect(describeReply({ code: '94', fixed: { ok: '1' } })).toBe('94 ok=1');
    expect(
      describeReply({
        code: '18',
        fixed: { circulationStatus: '03', transactionDate: 'x' },
        fields: [['AB', 'I1']],
      }),
    ).toBe('18 circulationStatus=03 | AB=I1');
  });
});
