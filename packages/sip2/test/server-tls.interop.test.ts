// The ACS's TLS with client certificates against another TLS stack: `openssl s_client` as the
// kiosk (TLS 1.2 and 1.3), and `openssl x509` as the reference for the certificate facts the
// server reports (fingerprint, serial, subject).
import { spawn } from 'node:child_process';
import { stampErrorDetection } from '@bibwire/sip2';
import type { SipServer, SipServerEvent } from '@bibwire/sip2/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../testing/peers.js';
import { startServer } from './server-helpers.js';
import { makeTestPki, type Pem, type TestPki } from './tls-certs.js';

/** Runs s_client, writes `input`, and resolves with its stdout once `until` matches or it exits. */
function sClient(
  port: number,
  args: string[],
  input: string,
  until: RegExp,
  timeoutMs = 5000,
): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve) => {
    const p = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-quiet', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const done = (code: number | null) => {
      clearTimeout(timer);
      p.kill();
      resolve({ out, code });
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      if (until.test(out)) done(0);
    });
    p.stderr.resume();
    p.on('exit', (code) => done(code));
    p.stdin.on('error', () => {});
    p.stdin.write(input);
  });
}

describeWithPeers('TLS client certificates with openssl s_client', [commandPeer('openssl')], () => {
  let pki: TestPki;
  let server: SipServer;
  let port: number;
  const events: SipServerEvent[] = [];
  // kiosk1 has error detection on: requests carry AY/AZ.
  const login = `${stampErrorDetection('9300CNkiosk1|COkiosk1pass|CPMAIN|AY0AZ')}\r${stampErrorDetection('9900302.00AY1AZ')}\r`;
  const withCert = (pem: Pem) => ['-cert', pem.certFile, '-key', pem.keyFile, '-CAfile', pki.ca.certFile];

  beforeAll(async () => {
    pki = makeTestPki();
    ({ server, port } = await startServer({
      tls: { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert },
      logger: (e) => events.push(e),
    }));
  });
  afterAll(async () => {
    await server.close();
    pki.remove();
  });

  it.each([['-tls1_3'], ['-tls1_2']])(
    'serves s_client %s with a certificate from the CA',
    async (version) => {
      const r = await sClient(port, [version, ...withCert(pki.kiosk1)], login, /\r98[^\r]*\r/);
      expect(r.out).toMatch(/^941/);
      expect(r.out).toMatch(/\r98Y/);
    },
  );

  it('reports the fingerprint, serial and subject openssl x509 reads from the certificate', async () => {
    events.length = 0;
    await sClient(port, ['-tls1_3', ...withCert(pki.kiosk1)], login, /\r98[^\r]*\r/);
    const peer = events.find((e) => e.type === 'connection')?.peer;
    const fingerprint = runPeer('openssl', [
      'x509',
      '-in',
      pki.kiosk1.certFile,
      '-noout',
      '-fingerprint',
      '-sha256',
    ])
      .toString()
      .trim()
      .replace(/^.*=/, '');
    const serial = runPeer('openssl', ['x509', '-in', pki.kiosk1.certFile, '-noout', '-serial'])
      .toString()
      .trim()
      .replace(/^serial=/, '');
    const subject = runPeer('openssl', [
      'x509',
      '-in',
      pki.kiosk1.certFile,
      '-noout',
      '-subject',
      '-nameopt',
      'RFC2253',
    ])
      .toString()
      .trim()
      .replace(/^subject=/, '');
    expect(peer?.fingerprint256).toBe(fingerprint);
    expect(peer?.serialNumber.replace(/^0+/, '')).toBe(serial.replace(/^0+/, ''));
    // RFC 2253 lists the name last-first; ours keeps the certificate's order.
    expect(peer?.subject).toBe(subject.split(',').reverse().join(', '));
  });

  it.each([
    ['no certificate', () => ['-CAfile', pki.ca.certFile]],
    ['a certificate from another CA', () => withCert(pki.otherCaClient)],
    ['an expired certificate', () => withCert(pki.expired)],
  ])('refuses s_client with %s over TLS 1.2 and 1.3, and goes on serving', async (_, args) => {
    for (const version of ['-tls1_2', '-tls1_3']) {
      const before = server.stats.connectionsRefused;
      const r = await sClient(port, [version, ...args()], login, /\r98/, 1500);
      expect(r.out).not.toMatch(/94|98/);
      expect(r.code).not.toBe(0);
      await new Promise((res) => setTimeout(res, 50));
      expect(server.stats.connectionsRefused).toBe(before + 1);
    }
    const ok = await sClient(port, ['-tls1_3', ...withCert(pki.kiosk1)], login, /\r98[^\r]*\r/);
    expect(ok.out).toMatch(/^941/);
  });
});
