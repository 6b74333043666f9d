import { getField, getFields, readFields, Sip2Error, stampErrorDetection } from '@bibwire/sip2';
import { SipClient } from '@bibwire/sip2/client';
import type { SipServer } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient, rawSocket, startServer } from './server-helpers.js';

let server: SipServer;
let port: number;
let client: SipClient;

beforeAll(async () => {
  ({ server, port } = await startServer());
  client = await loggedInClient(port);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe('client against server, every message pair', () => {
  it('99 → 98 reports the institution policy and supported messages', async () => {
    const r = await client.scStatus();
    expect(r.code).toBe('98');
    expect(r.fixed).toMatchObject({
      onlineStatus: 'Y',
      checkinOk: 'Y',
      checkoutOk: 'Y',
      acsRenewalPolicy: 'Y',
      statusUpdateOk: 'Y',
      timeoutPeriod: '100',
      retriesAllowed: '005',
      protocolVersion: '2.00',
    });
    expect(getField(r, 'AO')).toBe('MAIN');
    expect(getField(r, 'BX')).toBe('YYYYYYYYYYYYYYYY');
    expect(r.sequence).toBeTypeOf('number');
  });

  it('23 → 24 and 63 → 64 with counts equal to the lists', async () => {
    const s = await client.patronStatus({ patronIdentifier: 'P0002', patronPassword: '5678' });
    expect(readFields(s)).toMatchObject({
      personalName: 'Alan Turing',
      validPatron: 'Y',
      validPatronPassword: 'Y',
      feeAmount: '2.50',
    });
    const i = await client.patronInformation({
      patronIdentifier: 'P0002',
      patronPassword: '5678',
      summary: 'chargedItems',
    });
    expect(i.fixed.chargedItemsCount).toBe('0001');
    expect(getFields(i, 'AU')).toEqual(['I0004']);
    const bad = await client.patronStatus({ patronIdentifier: 'P0002', patronPassword: 'wrong' });
    expect(getField(bad, 'CQ')).toBe('N');
    const unknown = await client.patronStatus({ patronIdentifier: 'NOPE' });
    expect(getField(unknown, 'BL')).toBe('N');
  });

  it('11 → 12, 17 → 18, 29 → 30, 65 → 66, 09 → 10', async () => {
    const out = await client.checkout({ patronIdentifier: 'P0001', itemIdentifier: 'I0003' });
    expect(out.fixed.ok).toBe('1');
    expect(getField(out, 'AH')).toMatch(/^\d{8}/);
    const info = await client.itemInformation({ itemIdentifier: 'I0003' });
    expect(info.fixed.circulationStatus).toBe('04');
    const renew = await client.renew({ patronIdentifier: 'P0001', itemIdentifier: 'I0003' });
    expect(renew.fixed).toMatchObject({ ok: '1', renewalOk: 'Y' });
    const all = await client.renewAll({ patronIdentifier: 'P0001' });
    expect(all.fixed.ok).toBe('1');
    expect(Number(all.fixed.renewedCount) + Number(all.fixed.unrenewedCount)).toBe(1);
    const back = await client.checkin({ itemIdentifier: 'I0003', currentLocation: 'MAIN' });
    expect(back.fixed.ok).toBe('1');
    expect(getField(back, 'AQ')).toBe('MAIN');
    const magnetic = await client.checkout({ patronIdentifier: 'P0001', itemIdentifier: 'I0005' });
    expect(magnetic.fixed).toMatchObject({ magneticMedia: 'Y', desensitize: 'N' });
  });

  it('15 → 16 holds, trapped at check-in with an alert', async () => {
    await client.checkout({ patronIdentifier: 'P0005', itemIdentifier: 'I0001' });
    const h = await client.hold({
      holdMode: 'add',
      patronIdentifier: 'P0002',
      itemIdentifier: 'I0001',
      pickupLocation: 'MAIN',
    });
    expect(h.fixed.ok).toBe('1');
    expect(getField(h, 'BR')).toBe('1');
    const back = await client.checkin({ itemIdentifier: 'I0001', currentLocation: 'MAIN' });
    expect(back.fixed.alert).toBe('Y');
    expect(getField(back, 'CY')).toBe('P0002');
    const cancel = await client.hold({
      holdMode: 'delete',
      patronIdentifier: 'P0001',
      titleIdentifier: 'B3',
    });
    expect(cancel.fixed.ok).toBe('1');
  });

  it('37 → 38, 35 → 36, 19 → 20, 01 → 24, 25 → 26', async () => {
    const fee = await client.feePaid({ patronIdentifier: 'P0002', feeAmount: 2.5, currencyType: 'USD' });
    expect(fee.fixed.paymentAccepted).toBe('Y');
    expect(getField(fee, 'BK')).toBeTruthy();
    const end = await client.endPatronSession({ patronIdentifier: 'P0002' });
    expect(end.fixed.endSession).toBe('Y');
    const upd = await client.itemStatusUpdate({ itemIdentifier: 'I0002', itemProperties: 'torn cover' });
    expect(upd.fixed.itemPropertiesOk).toBe('1');
    const blocked = await client.blockPatron({ patronIdentifier: 'P0005', blockedCardMessage: 'kept' });
    expect(blocked.code).toBe('24');
    expect(blocked.fixed.patronStatus[0]).toBe('Y');
    const enabled = await client.patronEnable({ patronIdentifier: 'P0005' });
    expect(enabled.code).toBe('26');
    expect(enabled.fixed.patronStatus[0]).toBe(' ');
  });

  it('refuses checkout by a blocked patron with a screen message', async () => {
    const r = await client.checkout({ patronIdentifier: 'P0003', itemIdentifier: 'I0002' });
    expect(r.fixed.ok).toBe('0');
    expect(getField(r, 'AF')).toMatch(/front desk/);
  });
});

describe('error detection and session rules', () => {
  it('answers a wrong checksum with 96 and does not act on it', async () => {
    const raw = await rawSocket(port);
    raw.send(`${stampErrorDetection('9300CNkiosk1|COkiosk1pass|CPMAIN|AY1AZ').slice(0, -4)}0000\r`);
    expect((await raw.next()).message.code).toBe('96');
    raw.socket.destroy();
  });

  it('echoes the sequence number and answers 97 with the last response', async () => {
    const raw = await rawSocket(port);
    raw.send(`${stampErrorDetection('9300CNkiosk1|COkiosk1pass|CPMAIN|AY7AZ')}\r`);
    const login = await raw.next();
    expect(login.message).toMatchObject({ code: '94', sequence: 7 });
    expect(login.checksum.valid).toBe(true);
    raw.send('97AZFEF5\r');
    const again = await raw.next();
    expect(again.message).toMatchObject({ code: '94', sequence: 7 });
    raw.socket.destroy();
  });

  it('closes a connection that sends a transaction before logging in, but answers 99', async () => {
    const raw = await rawSocket(port);
    raw.send('9900302.00\r');
    expect((await raw.next()).message.code).toBe('98');
    raw.send('1720260101    120000AOMAIN|ABI0001|\r');
    await raw.closed;
  });

  it('fails a wrong login with 94 ok=0 and the client throws LOGIN_FAILED', async () => {
    const c = new SipClient({ host: '127.0.0.1', port, timeoutMs: 2000 });
    await c.connect();
    await expect(c.login({ user: 'kiosk1', password: 'wrong' })).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
    });
    await c.close();
  });

  it('times out with a typed error and honours AbortSignal', async () => {
    const raw = await rawSocket(port); // a peer that never answers: use the client against a silent server
    raw.socket.destroy();
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const silentPort = (silent.address() as { port: number }).port;
    const c = new SipClient({ host: '127.0.0.1', port: silentPort, timeoutMs: 100, retries: 1 });
    await expect(c.scStatus()).rejects.toMatchObject({ code: 'TIMEOUT' });
    const ac = new AbortController();
    const p = c.scStatus({}, { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toSatisfy((e) => Sip2Error.is(e) && e.code === 'ABORTED');
    await c.close();
    silent.close();
  });
});
