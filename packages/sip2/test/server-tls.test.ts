import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SipClient } from '@bibwire/sip2/client';
import type { SipServer } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server-helpers.js';

let dir: string;
let server: SipServer;
let port: number;
let cert: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sip2-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'));
  ({ server, port } = await startServer({ tls: { cert, key: readFileSync(join(dir, 'key.pem')) } }));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS', () => {
  it('serves a client that trusts the certificate', async () => {
    const c = new SipClient({
      host: '127.0.0.1',
      port,
      tls: { ca: cert, servername: 'localhost' },
      institutionId: 'MAIN',
      timeoutMs: 3000,
    });
    await c.login({ user: 'kiosk1', password: 'kiosk1pass' });
    expect((await c.scStatus()).code).toBe('98');
    await c.close();
  });

  it('refuses a client that does not trust it', async () => {
    const c = new SipClient({ host: '127.0.0.1', port, tls: true, timeoutMs: 3000 });
    await expect(c.connect()).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });
});
