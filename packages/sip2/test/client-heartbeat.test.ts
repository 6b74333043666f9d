import { SipClient, type SipClientEvent } from '@bibwire/sip2/client';
import { createSipServer, MemoryIls, type SipServer } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from './server-helpers.js';

let server: SipServer;
let port: number;
const start = async (p = 0) => {
  server = createSipServer({
    ils: new MemoryIls({ patrons: [], items: [] }),
    accounts: config.accounts,
    institutions: config.institutions,
  });
  port = (await server.listen(p)).port;
};
beforeAll(() => start());
afterAll(() => server.close());

describe('SipClient heartbeat and reconnect', () => {
  it('sends 99 when idle', async () => {
    const c = new SipClient({ host: '127.0.0.1', port, heartbeatMs: 50, timeoutMs: 1000 });
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    const before = server.stats.messages['99'] ?? 0;
    await new Promise((r) => setTimeout(r, 400));
    expect((server.stats.messages['99'] ?? 0) - before).toBeGreaterThanOrEqual(2);
    await c.close();
  });

  it('reconnects with backoff and logs in again after the server restarts', async () => {
    const events: SipClientEvent[] = [];
    const c = new SipClient({
      host: '127.0.0.1',
      port,
      timeoutMs: 1000,
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
      onEvent: (e) => events.push(e),
    });
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    const oldPort = port;
    await server.close();
    await start(oldPort);
    for (let i = 0; i < 40 && !c.connected; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100));
    expect(events.some((e) => e.type === 'reconnect')).toBe(true);
    expect((await c.scStatus()).code).toBe('98');
    expect(server.stats.messages['93']).toBe(1); // logged in again on the new server
    await c.close();
  });

  it('a call made while the connection is gone logs in again before it is sent', async () => {
    const c = new SipClient({ host: '127.0.0.1', port, timeoutMs: 1000 });
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    const oldPort = port;
    await server.close(); // drops the connection; no reconnect option: the next call reconnects
    await start(oldPort);
    await new Promise((r) => setTimeout(r, 50));
    const [status, item] = await Promise.all([
      c.scStatus(),
      c.itemInformation({ itemIdentifier: 'I0001', institutionId: 'MAIN' }),
    ]);
    expect(status.code).toBe('98');
    expect(item.code).toBe('18');
    expect(server.stats.messages['93']).toBe(1);
    expect(server.stats.connectionsRefused).toBe(0); // nothing was sent before the 93
    await c.close();
  });

  it('a refused re-login fails the waiting calls with LOGIN_FAILED', async () => {
    const c = new SipClient({ host: '127.0.0.1', port, timeoutMs: 1000 });
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    const oldPort = port;
    await server.close();
    server = createSipServer({
      ils: new MemoryIls({ patrons: [], items: [] }),
      accounts: config.accounts.map((a) => ({ ...a, password: 'changed' })),
      institutions: config.institutions,
    });
    port = (await server.listen(oldPort)).port;
    await new Promise((r) => setTimeout(r, 50));
    await expect(c.itemInformation({ itemIdentifier: 'I0001' })).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
    });
    await c.close();
  });
});
