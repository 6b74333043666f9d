import { SipClient, type SipClientTlsOptions } from '@bibwire/sip2/client';
import type { SipServer, SipServerEvent } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server-helpers.js';
import { makeTestPki, type Pem, type TestPki } from './tls-certs.js';

let pki: TestPki;

beforeAll(() => {
  pki = makeTestPki();
});
afterAll(() => pki.remove());

const client = (port: number, tls: SipClientTlsOptions | boolean) =>
  new SipClient({ host: '127.0.0.1', port, tls, institutionId: 'MAIN', timeoutMs: 3000, retries: 0 });
const withCert = (pem: Pem): SipClientTlsOptions => ({ ca: pki.ca.cert, cert: pem.cert, key: pem.key });

describe('TLS, server certificate only', () => {
  let server: SipServer;
  let port: number;
  beforeAll(async () => {
    ({ server, port } = await startServer({ tls: { cert: pki.server.cert, key: pki.server.key } }));
  });
  afterAll(() => server.close());

  it('serves a client that trusts the CA', async () => {
    const c = client(port, { ca: pki.ca.cert });
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    expect((await c.scStatus()).code).toBe('98');
    expect(server.connections()[0]?.peer).toBeUndefined();
    await c.close();
  });

  it('refuses a client that does not trust it', async () => {
    const c = client(port, true);
    await expect(c.connect()).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });

  it('checks the name the client asks for', async () => {
    const c = client(port, { ca: pki.ca.cert, servername: 'acs.example.org' });
    await expect(c.connect()).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });
});

describe('TLS with client certificates', () => {
  let server: SipServer;
  let port: number;
  const events: SipServerEvent[] = [];
  beforeAll(async () => {
    ({ server, port } = await startServer({
      tls: { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert },
      logger: (e) => events.push(e),
    }));
  });
  afterAll(() => server.close());

  const good = async () => {
    const c = client(port, withCert(pki.kiosk1));
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    expect((await c.itemInformation({ itemIdentifier: 'I0001' })).code).toBe('18');
    return c;
  };

  it('serves a client with a certificate from the CA and reports its subject', async () => {
    const c = await good();
    const info = server.connections();
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ loginId: 'kiosk1', messages: 2 });
    expect(info[0]?.peer).toMatchObject({
      subject: 'O=Test Library, CN=kiosk1',
      commonName: 'kiosk1',
      issuer: 'CN=Test Library CA',
      authorized: true,
    });
    expect(info[0]?.peer?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const connection = events.find((e) => e.type === 'connection');
    expect(connection).toMatchObject({ peer: { subject: 'O=Test Library, CN=kiosk1' } });
    expect(events.find((e) => e.type === 'login')).toMatchObject({
      ok: true,
      peer: { commonName: 'kiosk1' },
    });
    // Public facts only: no key material, no raw certificate in what the server tells.
    expect(JSON.stringify(events)).not.toMatch(/PRIVATE|BEGIN|pubkey|kiosk1pass/i);
    await c.close();
  });

  it.each([
    ['without a certificate', () => ({ ca: pki.ca.cert })],
    ['with a certificate from another CA', () => withCert(pki.otherCaClient)],
    ['with an expired certificate', () => withCert(pki.expired)],
  ])('refuses a client %s and keeps serving the others', async (_, tls) => {
    const refusedBefore = server.stats.connectionsRefused;
    const c = client(port, tls());
    await expect(
      (async () => {
        await c.connect();
        await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
      })(),
    ).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
    await c.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(server.stats.connectionsRefused).toBe(refusedBefore + 1);
    expect(events.at(-1)).toMatchObject({ type: 'refused', reason: 'tls-handshake' });
    await (await good()).close();
  });
});

describe('TLS: certificates mapped to accounts', () => {
  let server: SipServer;
  let port: number;
  const events: SipServerEvent[] = [];
  const allowed: Record<string, readonly string[]> = { kiosk1: ['kiosk1'], sorter: ['sorter', 'kiosk1'] };
  beforeAll(async () => {
    ({ server, port } = await startServer({
      tls: {
        cert: pki.server.cert,
        key: pki.server.key,
        ca: pki.ca.cert,
        authorizeCertificate: (peer) => allowed[peer?.commonName ?? ''] ?? false,
      },
      logger: (e) => events.push(e),
    }));
  });
  afterAll(() => server.close());

  it('lets a certificate log in as its own accounts only', async () => {
    const c = client(port, withCert(pki.kiosk1));
    await expect(c.login({ user: 'sorter', password: 'sorterpass' })).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
    });
    expect(events.find((e) => e.type === 'login')).toMatchObject({
      loginId: 'sorter',
      ok: false,
      reason: 'certificate',
    });
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    expect((await c.scStatus()).code).toBe('98');
    await c.close();
    const s = client(port, withCert(pki.sorter));
    await s.login({ user: 'sorter', password: 'sorterpass' });
    await s.close();
  });

  it('refuses a certificate the hook does not know, naming its subject', async () => {
    const c = client(port, withCert(pki.stranger));
    await expect(
      (async () => {
        await c.connect();
        await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
      })(),
    ).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
    await c.close();
    expect(events.find((e) => e.type === 'refused')).toMatchObject({
      reason: 'certificate',
      detail: 'O=Test Library, CN=stranger',
    });
  });
});
