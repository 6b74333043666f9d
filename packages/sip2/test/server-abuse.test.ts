import { connect } from 'node:net';
import { stampErrorDetection } from '@bibwire/sip2';
import type { SipClient } from '@bibwire/sip2/client';
import type { SipServer, SipServerEvent } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient, rawSocket, startServer } from './server-helpers.js';

// Abusive peers must not stop the server from serving a well-behaved kiosk.
let server: SipServer;
let port: number;
let good: SipClient;
const events: SipServerEvent[] = [];

beforeAll(async () => {
  ({ server, port } = await startServer({
    limits: {
      maxMessageBytes: 4096,
      idleTimeoutMs: 400,
      loginTimeoutMs: 600,
      maxConnections: 40,
      maxConsecutiveErrors: 10,
      maxFailedLogins: 3,
      lockoutMs: 60_000,
    },
    logger: (e) => events.push(e),
  }));
  good = await loggedInClient(port, { heartbeatMs: 150 });
});
afterAll(async () => {
  await good.close();
  await server.close();
});

const stillServes = async () =>
  expect((await good.itemInformation({ itemIdentifier: 'I0001' })).code).toBe('18');

describe('abuse', () => {
  it('survives garbage bytes', async () => {
    const raw = await rawSocket(port);
    raw.send(new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    await raw.closed;
    await stillServes();
  });

  it('drops a 1 MiB line without terminator and keeps memory bounded', async () => {
    const before = process.memoryUsage().rss;
    const raw = await rawSocket(port);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    for (let i = 0; i < 16; i++) raw.send(chunk);
    await raw.closed; // idle timeout: the line never completes
    expect(server.stats.connectionsOpen).toBeLessThanOrEqual(2);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    await stillServes();
  });

  it('closes a slowloris connection that never completes a message', async () => {
    const raw = await rawSocket(port);
    const timer = setInterval(() => raw.send('9'), 50);
    await raw.closed;
    clearInterval(timer);
    await stillServes();
  });

  it('refuses a connection flood beyond maxConnections and recovers', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: 60 },
        () =>
          new Promise<ReturnType<typeof connect>>((res) => {
            const s = connect({ host: '127.0.0.1', port }, () => res(s));
            s.on('error', () => res(s));
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(server.stats.connectionsOpen).toBeLessThanOrEqual(40);
    expect(server.stats.connectionsRefused).toBeGreaterThan(0);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    await stillServes();
  });

  it('answers a checksum storm with 96 and then closes the connection', async () => {
    const raw = await rawSocket(port);
    const bad = `${stampErrorDetection('9900302.00AY1AZ').slice(0, -4)}0000\r`;
    for (let i = 0; i < 12; i++) raw.send(bad);
    const first = await raw.next();
    expect(first.message.code).toBe('96');
    await raw.closed;
    await stillServes();
  });

  it('locks out an address after repeated failed logins, without logging passwords', async () => {
    for (let i = 0; i < 4; i++) {
      const raw = await rawSocket(port);
      raw.send(`9300CNkiosk1|COguess${i}|\r`);
      expect((await raw.next()).message.fixed).toMatchObject({ ok: '0' });
      raw.socket.destroy();
    }
    const raw = await rawSocket(port);
    raw.send('9300CNkiosk1|COkiosk1pass|\r'); // right password, but locked out
    expect((await raw.next()).message.fixed).toMatchObject({ ok: '0' });
    raw.socket.destroy();
    expect(events.some((e) => e.type === 'lockout')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/guess|kiosk1pass/);
    expect(server.stats.loginFailures).toBeGreaterThanOrEqual(3);
  });

  it('keeps per-code counters and latency percentiles', () => {
    expect(server.stats.messages['17']).toBeGreaterThan(0);
    expect(server.stats.latency.count).toBeGreaterThan(0);
    expect(server.stats.latency.percentile(99)).toBeGreaterThan(0);
  });
});
