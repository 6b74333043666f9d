import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCommand } from '../src/cli/client.js';
import { type Serving, startServe } from '../src/cli/serve.js';
import { makeTestPki, type TestPki } from './tls-certs.js';

// `sip2 serve` / `sip2 client` with client certificates and a per-account field delimiter.
const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await clientCommand(argv, {
    stdout: { write: (s: string | Uint8Array) => out.push(String(s)) },
    stderr: { write: (s: string | Uint8Array) => err.push(String(s)) },
    stdin: Readable.from([]),
    stdinIsTTY: false,
  });
  return { code, out: out.join(''), err: err.join('') };
};
const quiet = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]) };

let pki: TestPki;
let serving: Serving;
let port: string;
beforeAll(async () => {
  pki = makeTestPki();
  // The example config with one more account that uses `^` after login.
  const config = readFileSync(example('SIPconfig.xml'), 'utf8').replace(
    '<login id="sorter"',
    '<login id="caret" password="caretpass" institution="MAIN" delimiter="^" />\n    <login id="sorter"',
  );
  writeFileSync(join(pki.dir, 'SIPconfig.xml'), config);
  serving = await startServe(
    [
      ...['--config', join(pki.dir, 'SIPconfig.xml'), '--data', example('ils.json'), '--port', '0'],
      ...['--tls-cert', pki.server.certFile, '--tls-key', pki.server.keyFile, '--tls-ca', pki.ca.certFile],
    ],
    quiet,
  );
  port = String(serving.address.port);
});
afterAll(async () => {
  await serving.server.close();
  pki.remove();
});

describe('sip2 serve --tls-ca / sip2 client --tls-cert --tls-key', () => {
  it('a client with a certificate from the CA is served', async () => {
    const r = await run([
      ...['--port', port, '--tls-ca', pki.ca.certFile],
      ...['--tls-cert', pki.kiosk1.certFile, '--tls-key', pki.kiosk1.keyFile],
      ...['--user', 'kiosk1', '--password', 'kiosk1pass', '--send', '9900302.00'],
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).code).toBe('98');
    expect(serving.server.stats.connectionsTotal).toBeGreaterThan(0);
  });

  it('a client without a certificate is refused, without echoing the password', async () => {
    const r = await run([
      ...['--port', port, '--tls-ca', pki.ca.certFile],
      ...['--user', 'kiosk1', '--password', 'kiosk1pass', '--send', '9900302.00'],
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/connection lost|CONNECTION_FAILED/);
    expect(r.err).not.toMatch(/kiosk1pass/);
  });

  it('--tls-cert without --tls-key is a usage error', async () => {
    const r = await run(['--port', port, '--tls-cert', pki.kiosk1.certFile, '--send', '9900302.00']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/go together/);
  });

  it('--delimiter with --login-delimiter talks to an account with its own delimiter', async () => {
    const r = await run([
      ...['--port', port, '--tls-ca', pki.ca.certFile],
      ...['--tls-cert', pki.kiosk1.certFile, '--tls-key', pki.kiosk1.keyFile],
      ...['--user', 'caret', '--password', 'caretpass', '--delimiter', '^', '--login-delimiter', '|'],
      ...['--send', '1720260101    120000AOMAIN^ABI0003^'],
    ]);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).fields).toContainEqual(['AJ', 'The Amazing Adventures of Kavalier & Clay']);
  });

  it('serve refuses --tls-ca without a server certificate', async () => {
    await expect(
      startServe(
        [
          ...['--config', example('SIPconfig.xml'), '--data', example('ils.json'), '--port', '0'],
          ...['--tls-ca', pki.ca.certFile],
        ],
        quiet,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('serve refuses an unusable --delimiter', async () => {
    await expect(
      startServe(
        [
          ...['--config', example('SIPconfig.xml'), '--data', example('ils.json'), '--port', '0'],
          ...['--delimiter', 'X'],
        ],
        quiet,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
  });
});
