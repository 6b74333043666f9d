// Whatever a kiosk sends as card, barcode or PIN, the back end answers with a result (ok or a
// refusal with a screen message) and never throws; the mock sees no request the spec refuses.
import type { SipIls } from '@bibwire/sip2/server';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, expect } from 'vitest';
import { createKohaIls } from '../src/koha-ils.js';
import { checkinRequest, ctx, type Fixture, renewRequest, startFixture } from './fixture.js';

let f: Fixture;
let ils: Required<SipIls>;
beforeAll(async () => {
  f = await startFixture();
  ils = createKohaIls(f.koha) as Required<SipIls>;
});
afterAll(() => f.mock.close());

const id = fc.oneof(
  fc.constantFrom('CARD-OK', 'CARD-TWO', 'ITEM-1', 'ITEM-WD', ''),
  fc.string({ maxLength: 16 }),
);

test.prop([id, id, fc.option(fc.string({ maxLength: 8 }), { nil: undefined })], { numRuns: 25 })(
  'renew, renew all, check-in, hold cancel and the PIN check answer and never throw',
  async (card, barcode, pin) => {
    const results = [
      await ils.renew(ctx, renewRequest(card, barcode, pin)),
      await ils.renewAll(ctx, {
        patronId: card,
        feeAcknowledged: false,
        ...(pin ? { patronPassword: pin } : {}),
      }),
      await ils.checkin(ctx, checkinRequest(barcode)),
      await ils.hold(ctx, { mode: 'delete', patronId: card, itemId: barcode, feeAcknowledged: false }),
    ];
    for (const r of results) {
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.screenMessage?.length ?? 0).toBeGreaterThan(0);
    }
    expect(typeof (await ils.checkPatronPassword(ctx, card, pin ?? ''))).toBe('boolean');
    expect(f.mock.violations).toEqual([]);
  },
);
