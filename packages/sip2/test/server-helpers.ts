// Test helpers: a server on 127.0.0.1:0 over the sample data, raw sockets for protocol-level tests.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { createFramer, type Sip2Decoded } from '@bibwire/sip2';
import { SipClient, type SipClientOptions } from '@bibwire/sip2/client';
import {
  createSipServer,
  MemoryIls,
  parseSipConfigXml,
  type SipServer,
  type SipServerOptions,
} from '@bibwire/sip2/server';

export const config = parseSipConfigXml(
  readFileSync(new URL('../examples/SIPconfig.xml', import.meta.url), 'utf8'),
);
export const sampleData = () =>
  MemoryIls.fromJson(readFileSync(new URL('../examples/ils.json', import.meta.url), 'utf8'));

export async function startServer(
  overrides: Partial<SipServerOptions> = {},
): Promise<{ server: SipServer; port: number; ils: MemoryIls }> {
  const ils = sampleData();
  const server = createSipServer({
    ils,
    accounts: config.accounts,
    institutions: config.institutions,
    ...overrides,
  });
  const { port } = await server.listen(0);
  return { server, port, ils };
}

export async function loggedInClient(
  port: number,
  options: Partial<SipClientOptions> = {},
): Promise<SipClient> {
  const client = new SipClient({
    host: '127.0.0.1',
    port,
    institutionId: 'MAIN',
    timeoutMs: 2000,
    ...options,
  });
  await client.connect();
  await client.login({ user: 'kiosk1', password: 'kiosk1pass', location: 'MAIN' });
  return client;
}

/** A raw socket that collects decoded replies, for byte-level protocol tests. */
export async function rawSocket(port: number): Promise<{
  socket: Socket;
  send(text: string | Uint8Array): void;
  next(timeoutMs?: number): Promise<Sip2Decoded>;
  closed: Promise<void>;
}> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((res, rej) => socket.once('connect', res).once('error', rej));
  const framer = createFramer();
  const replies: Sip2Decoded[] = [];
  const waiting: ((d: Sip2Decoded) => void)[] = [];
  socket.on('data', (chunk) => {
    for (const item of framer.push(chunk)) {
      if (item.kind !== 'message') continue;
      const w = waiting.shift();
      if (w) w(item.decoded);
      else replies.push(item.decoded);
    }
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((res) => socket.once('close', () => res()));
  return {
    socket,
    closed,
    send: (text) => socket.write(text),
    next: (timeoutMs = 2000) =>
      new Promise((resolve, reject) => {
        const r = replies.shift();
        if (r) return resolve(r);
        const timer = setTimeout(() => reject(new Error('no reply')), timeoutMs);
        waiting.push((d) => {
          clearTimeout(timer);
          resolve(d);
        });
      }),
  };
}
