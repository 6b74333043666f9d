import { getField } from '@bibwire/sip2';
import { SipClient } from '@bibwire/sip2/client';
import { createSipServer, MemoryIls, type SipServer } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue.js';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS } from '../src/sip.js';

const catalogue = loadCatalogue();
let server: SipServer;
let port: number;
beforeAll(async () => {
  server = createSipServer({
    ils: new MemoryIls(catalogue.ilsData),
    accounts: DEMO_ACCOUNTS,
    institutions: DEMO_INSTITUTIONS,
  });
  port = (await server.listen(0)).port;
});
afterAll(() => server.close());

describe('demo SIP2 ACS', () => {
  it('lets the documented kiosk account check an item out and in', async () => {
    const c = new SipClient({ host: '127.0.0.1', port, institutionId: 'MAIN', timeoutMs: 3000 });
    await c.login({ user: 'kiosk', password: 'kiosk' });
    const patron = catalogue.patrons[0]!;
    const item = catalogue.items[0]!;
    const out = await c.checkout({
      patronIdentifier: patron.cardnumber,
      itemIdentifier: item.barcode,
      patronPassword: patron.pin,
    });
    expect(out.fixed.ok).toBe('1');
    expect(getField(out, 'AJ')).toBe(catalogue.ilsData.items[0]!.title);
    const info = await c.patronInformation({
      patronIdentifier: patron.cardnumber,
      patronPassword: patron.pin,
      summary: 'chargedItems',
    });
    expect(getField(info, 'AU')).toBe(item.barcode);
    expect((await c.checkin({ itemIdentifier: item.barcode, currentLocation: 'MAIN' })).fixed.ok).toBe('1');
    await c.close();
  });
});
