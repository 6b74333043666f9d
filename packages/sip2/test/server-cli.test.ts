import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { stampErrorDetection } from '@bibwire/sip2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCommand } from '../src/cli/client.js';
import { type Serving, startServe } from '../src/cli/serve.js';

const file = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const io = (input = '') => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (s: string | Uint8Array) => out.push(String(s)) },
      stderr: { write: (s: string | Uint8Array) => err.push(String(s)) },
      stdin: Readable.from([input]),
    },
  };
};

let serving: Serving;
beforeAll(async () => {
  serving = await startServe(
    ['--config', file('SIPconfig.xml'), '--data', file('ils.json'), '--port', '0'],
    io().io,
  );
});
afterAll(() => serving.server.close());

describe('sip2 serve / sip2 client', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(serving.address.address).toBe('127.0.0.1');
  });

  it('scripted mode prints one JSON reply per --send', async () => {
    const t = io();
    const code = await clientCommand(
      [
        '--port',
        String(serving.address.port),
        '--user',
        'kiosk1',
        '--password',
        'kiosk1pass',
        '--send',
        '9900302.00',
        '--send',
        '1720260101    120000AOMAIN|ABI0003|',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const replies = t.out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(replies.map((r) => r.code)).toEqual(['98', '18']);
    expect(replies[1].fields).toContainEqual(['AJ', 'The Amazing Adventures of Kavalier & Clay']);
    expect(replies[1].checksum.valid).toBe(true);
  });

  it('reads messages from stdin when it is not a terminal', async () => {
    const t = io(`${stampErrorDetection('9900302.00AY0AZ')}\r\n`);
    expect(
      await clientCommand(
        ['--port', String(serving.address.port), '--user', 'kiosk1', '--password', 'kiosk1pass'],
        t.io,
      ),
    ).toBe(0);
    expect(JSON.parse(t.out.join('')).name).toBe('acsStatus');
  });

  it('the shell runs named commands and shows readable replies', async () => {
    const t = io('checkout P0001 I0002\nitem I0002\nbogus\nquit\n');
    const code = await clientCommand(
      [
        '--port',
        String(serving.address.port),
        '--user',
        'kiosk1',
        '--password',
        'kiosk1pass',
        '--no-history',
      ],
      { ...t.io, stdinIsTTY: true },
    );
    expect(code).toBe(0);
    const text = t.out.join('');
    expect(text).toMatch(/12 checkoutResponse AY\d checksum ok/);
    expect(text).toMatch(/AB itemIdentifier\s+I0002/);
    expect(text).toMatch(/circulationStatus="04"/);
    expect(text).toMatch(/unknown command bogus/);
    expect(text).not.toMatch(/kiosk1pass/);
  });

  it('reports a refused login without echoing the password', async () => {
    const t = io();
    const code = await clientCommand(
      [
        '--port',
        String(serving.address.port),
        '--user',
        'kiosk1',
        '--password',
        'sekret',
        '--send',
        '9900302.00',
      ],
      t.io,
    );
    expect(code).toBe(1);
    expect(t.err.join('')).toMatch(/login refused/);
    expect(t.err.join('') + t.out.join('')).not.toMatch(/sekret/);
  });
});
