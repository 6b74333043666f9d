import { readFileSync } from 'node:fs';
import { Sip2Error } from '@bibwire/sip2';
import { type IlsContext, type IlsData, MemoryIls } from '@bibwire/sip2/server';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

const ctx: IlsContext = { institutionId: 'MAIN', loginId: 'kiosk', locationCode: 'MAIN' };
const DAY = 86_400_000;
const base = (): IlsData => ({
  rules: { loanDays: 14, maxRenewals: 1, finePerDay: 0.5, maxFine: 3, feeLimit: 5, holdItemsLimit: 2 },
  patrons: [
    { id: 'p1', name: 'One', password: 'pw1', homeLibrary: 'MAIN' },
    { id: 'p2', name: 'Two', homeLibrary: 'BRANCH' },
    { id: 'p3', name: 'Blocked', blocked: true },
  ],
  items: [
    { id: 'i1', title: 'A', titleId: 't1', permanentLocation: 'MAIN' },
    { id: 'i2', title: 'A', titleId: 't1', permanentLocation: 'MAIN' },
    { id: 'i3', title: 'B', permanentLocation: 'BRANCH' },
    { id: 'i4', title: 'Lost', status: 'lost' },
  ],
});
const clock = (start = Date.parse('2026-03-01T10:00:00Z')) => {
  let t = start;
  return { now: () => new Date(t), advance: (days: number) => (t += days * DAY) };
};
const co = (patronId: string, itemId: string, extra: object = {}) => ({
  patronId,
  itemId,
  scRenewal: false,
  noBlock: false,
  feeAcknowledged: false,
  cancel: false,
  ...extra,
});
const ci = (itemId: string, returnDate: Date, currentLocation = 'MAIN') => ({
  itemId,
  returnDate,
  currentLocation,
  cancel: false,
  noBlock: false,
});

describe('MemoryIls circulation rules', () => {
  it('lends an item to one borrower at a time, with a due date', async () => {
    const c = clock();
    const ils = new MemoryIls(base(), { now: c.now });
    const r = await ils.checkout(ctx, co('p1', 'i1'));
    expect(r.ok).toBe(true);
    expect(r.dueDate?.getTime()).toBe(c.now().getTime() + 14 * DAY);
    expect((await ils.checkout(ctx, co('p2', 'i1'))).ok).toBe(false);
    expect((await ils.checkout(ctx, co('p1', 'i1'))).ok).toBe(false); // no SC renewal
    const renewal = await ils.checkout(ctx, co('p1', 'i1', { scRenewal: true }));
    expect(renewal).toMatchObject({ ok: true, renewal: true });
    expect((await ils.findItem(ctx, 'i1'))?.circulationStatus).toBe('04');
  });

  it('refuses blocked patrons, wrong passwords, lost items and unknown ids', async () => {
    const ils = new MemoryIls(base());
    expect((await ils.checkout(ctx, co('p3', 'i1'))).ok).toBe(false);
    expect((await ils.checkout(ctx, co('p1', 'i1', { patronPassword: 'nope' }))).ok).toBe(false);
    expect((await ils.checkout(ctx, co('p1', 'i4'))).screenMessage?.[0]).toMatch(/lost/);
    expect((await ils.checkout(ctx, co('zz', 'i1'))).ok).toBe(false);
    expect((await ils.checkout(ctx, co('p1', 'zz'))).ok).toBe(false);
  });

  it('charges capped overdue fines at check-in and blocks borrowing above the fee limit', async () => {
    const c = clock();
    const ils = new MemoryIls({ ...base(), rules: { ...base().rules, maxFine: 100 } }, { now: c.now });
    await ils.checkout(ctx, co('p2', 'i1'));
    c.advance(14 + 12);
    const r = await ils.checkin(ctx, ci('i1', c.now()));
    expect(r.ok).toBe(true);
    expect((await ils.findPatron(ctx, 'p2'))?.feeAmount).toBe(6);
    expect((await ils.checkout(ctx, co('p2', 'i2'))).ok).toBe(false);
    const pay = await ils.payFee(ctx, {
      patronId: 'p2',
      amount: 6,
      currency: 'USD',
      feeType: '01',
      paymentType: '00',
    });
    expect(pay.ok).toBe(true);
    expect((await ils.checkout(ctx, co('p2', 'i2'))).ok).toBe(true);
  });

  it('caps the fine at maxFine and refuses overpayment', async () => {
    const c = clock();
    const ils = new MemoryIls(base(), { now: c.now });
    await ils.checkout(ctx, co('p2', 'i1'));
    c.advance(100);
    await ils.checkin(ctx, ci('i1', c.now()));
    expect((await ils.findPatron(ctx, 'p2'))?.feeAmount).toBe(3);
    expect(
      (
        await ils.payFee(ctx, {
          patronId: 'p2',
          amount: 4,
          currency: 'USD',
          feeType: '01',
          paymentType: '00',
        })
      ).ok,
    ).toBe(false);
  });

  it('queues holds, traps the returned copy for the first in line and routes it', async () => {
    const ils = new MemoryIls(base());
    await ils.checkout(ctx, co('p1', 'i3'));
    const h = await ils.hold(ctx, { mode: 'add', patronId: 'p2', itemId: 'i3', feeAcknowledged: false });
    expect(h).toMatchObject({ ok: true, queuePosition: 1 });
    const back = await ils.checkin(ctx, ci('i3', new Date(), 'MAIN'));
    expect(back).toMatchObject({
      ok: true,
      alert: true,
      alertType: '02',
      holdPatronId: 'p2',
      destinationLocation: 'BRANCH',
    });
    expect((await ils.checkout(ctx, co('p1', 'i3'))).ok).toBe(false); // on hold for p2
    expect((await ils.checkout(ctx, co('p2', 'i3'))).ok).toBe(true);
    expect((await ils.findPatron(ctx, 'p2'))?.holdItems).toEqual([]);
  });

  it('renews within the limit and not over another patron’s hold', async () => {
    const ils = new MemoryIls(base());
    await ils.checkout(ctx, co('p1', 'i1'));
    const req = {
      patronId: 'p1',
      itemId: 'i1',
      thirdPartyAllowed: false,
      noBlock: false,
      feeAcknowledged: false,
    };
    expect((await ils.renew(ctx, req)).ok).toBe(true);
    expect((await ils.renew(ctx, req)).screenMessage?.[0]).toMatch(/limit/);
    await ils.checkout(ctx, co('p2', 'i3'));
    await ils.hold(ctx, { mode: 'add', patronId: 'p1', itemId: 'i3', feeAcknowledged: false });
    expect((await ils.renew(ctx, { ...req, patronId: 'p2', itemId: 'i3' })).ok).toBe(false);
    const all = await ils.renewAll(ctx, { patronId: 'p1', feeAcknowledged: false });
    expect(all).toMatchObject({ ok: true, renewed: [], unrenewed: ['i1'] });
  });

  it('blocks and enables patrons', async () => {
    const ils = new MemoryIls(base());
    await ils.blockPatron(ctx, { patronId: 'p1', cardRetained: true, message: 'Card kept' });
    expect((await ils.findPatron(ctx, 'p1'))?.status.chargePrivilegesDenied).toBe(true);
    await ils.enablePatron(ctx, 'p1');
    expect((await ils.findPatron(ctx, 'p1'))?.status.chargePrivilegesDenied).toBe(false);
  });

  it('loads the README sample data file and rejects broken data with the path named', () => {
    const text = readFileSync(new URL('../examples/ils.json', import.meta.url), 'utf8');
    expect(MemoryIls.fromJson(text).snapshot().items.length).toBeGreaterThan(3);
    const bad = { ...base(), loans: [{ itemId: 'i1', patronId: 'nobody', dueDate: '2026-01-01' }] };
    expect(() => new MemoryIls(bad)).toThrow(/loans\[0\]\.patronId/);
    try {
      new MemoryIls({ ...base(), items: [{ id: 'x', title: 'a|b' }] });
      expect.unreachable();
    } catch (e) {
      expect(Sip2Error.is(e) && e.code).toBe('INVALID_ARGUMENT');
    }
  });
});

// Random sequences of transactions keep the ILS's invariants.
const patronIds = ['p1', 'p2', 'p3', 'zz'];
const itemIds = ['i1', 'i2', 'i3', 'i4', 'zz'];
const op = fc.oneof(
  fc.record({
    k: fc.constant('checkout' as const),
    p: fc.constantFrom(...patronIds),
    i: fc.constantFrom(...itemIds),
    renew: fc.boolean(),
  }),
  fc.record({
    k: fc.constant('checkin' as const),
    i: fc.constantFrom(...itemIds),
    loc: fc.constantFrom('MAIN', 'BRANCH'),
  }),
  fc.record({
    k: fc.constant('renew' as const),
    p: fc.constantFrom(...patronIds),
    i: fc.constantFrom(...itemIds),
  }),
  fc.record({ k: fc.constant('renewAll' as const), p: fc.constantFrom(...patronIds) }),
  fc.record({
    k: fc.constant('hold' as const),
    p: fc.constantFrom(...patronIds),
    i: fc.constantFrom(...itemIds),
    mode: fc.constantFrom('add' as const, 'delete' as const),
  }),
  fc.record({
    k: fc.constant('pay' as const),
    p: fc.constantFrom(...patronIds),
    amount: fc.double({ min: 0.01, max: 10, noNaN: true }),
  }),
  fc.record({ k: fc.constant('time' as const), days: fc.integer({ min: 0, max: 40 }) }),
);

test.prop([fc.array(op, { maxLength: 60 })], { numRuns: 60 })(
  'random transactions keep the invariants',
  async (ops) => {
    const c = clock();
    const ils = new MemoryIls(base(), { now: c.now });
    for (const o of ops) {
      switch (o.k) {
        case 'checkout':
          await ils.checkout(ctx, co(o.p, o.i, { scRenewal: o.renew }));
          break;
        case 'checkin':
          await ils.checkin(ctx, ci(o.i, c.now(), o.loc));
          break;
        case 'renew':
          await ils.renew(ctx, {
            patronId: o.p,
            itemId: o.i,
            thirdPartyAllowed: false,
            noBlock: false,
            feeAcknowledged: false,
          });
          break;
        case 'renewAll':
          await ils.renewAll(ctx, { patronId: o.p, feeAcknowledged: false });
          break;
        case 'hold':
          await ils.hold(ctx, { mode: o.mode, patronId: o.p, itemId: o.i, feeAcknowledged: false });
          break;
        case 'pay':
          await ils.payFee(ctx, {
            patronId: o.p,
            amount: Math.round(o.amount * 100) / 100,
            currency: 'USD',
            feeType: '01',
            paymentType: '00',
          });
          break;
        case 'time':
          c.advance(o.days);
          break;
      }
      const snap = ils.snapshot();
      // One borrower per item.
      const loaned = snap.loans!.map((l) => l.itemId);
      expect(new Set(loaned).size).toBe(loaned.length);
      // Lost items never go out, blocked patrons never borrow.
      expect(loaned).not.toContain('i4');
      expect(snap.loans!.some((l) => l.patronId === 'p3')).toBe(false);
      // Fees stay positive; renewals within the limit.
      expect(snap.fees!.every((f) => f.amount > 0)).toBe(true);
      expect(snap.loans!.every((l) => (l.renewals ?? 0) <= 1)).toBe(true);
      for (const p of ['p1', 'p2', 'p3']) {
        const view = (await ils.findPatron(ctx, p))!;
        expect(view.chargedItems.slice().sort()).toEqual(
          snap
            .loans!.filter((l) => l.patronId === p)
            .map((l) => l.itemId)
            .sort(),
        );
        expect(view.holdItems.length + view.unavailableHoldItems.length).toBe(
          snap.holds!.filter((h) => h.patronId === p).length,
        );
        expect(view.holdItems.length + view.unavailableHoldItems.length).toBeLessThanOrEqual(2);
      }
    }
  },
);
