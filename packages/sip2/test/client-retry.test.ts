import { createServer, type Server } from 'node:net';
import { Duplex } from 'node:stream';
import { createFramer, stampErrorDetection } from '@bibwire/sip2';
import { SipClient, type SipClientEvent } from '@bibwire/sip2/client';
import { afterEach, describe, expect, it } from 'vitest';

// A scripted ACS: for each request it gets, `answer` returns the raw replies to write.
async function scriptedAcs(
  answer: (request: string, n: number) => string[],
): Promise<{ port: number; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((socket) => {
    const framer = createFramer();
    socket.on('data', (chunk) => {
      for (const item of framer.push(chunk)) {
        const text = Buffer.from(item.raw).toString('latin1');
        seen.push(text);
        for (const reply of answer(text, seen.length)) socket.write(reply);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as { port: number }).port, seen, server };
}

const seqOf = (req: string) => Number(/AY(\d)AZ/.exec(req)?.[1] ?? 0);
const status = (seq: number) =>
  `${stampErrorDetection(`98YYYYNN10000320260101    1200002.00AOMAIN|BXYYYYYYYYYYYYYYYY|AY${seq}AZ`)}\r`;
let acs: Awaited<ReturnType<typeof scriptedAcs>> | undefined;
afterEach(() => acs?.server.close());

describe('SipClient resilience', () => {
  it('asks for a resend (97) when a reply fails its checksum', async () => {
    acs = await scriptedAcs((req, n) => {
      if (n === 1) return [`${status(seqOf(req)).slice(0, -5)}0000\r`]; // corrupt AZ
      return req.startsWith('97') ? [status(0)] : [];
    });
    const events: SipClientEvent[] = [];
    const c = new SipClient({
      host: '127.0.0.1',
      port: acs.port,
      timeoutMs: 1000,
      onEvent: (e) => events.push(e),
    });
    const r = await c.scStatus();
    expect(r.code).toBe('98');
    expect(acs.seen[1]).toMatch(/^97/);
    expect(events).toContainEqual({ type: 'retry', code: '99', reason: 'checksum' });
    await c.close();
  });

  it('resends the request after a 96', async () => {
    acs = await scriptedAcs((req, n) => (n === 1 ? ['96AZFEF6\r'] : [status(seqOf(req))]));
    const c = new SipClient({ host: '127.0.0.1', port: acs.port, timeoutMs: 1000 });
    expect((await c.scStatus()).code).toBe('98');
    expect(acs.seen[0]).toBe(acs.seen[1]);
    await c.close();
  });

  it('ignores a stale reply with another sequence number and numbers requests 0–9 with wrap', async () => {
    acs = await scriptedAcs((req) => [status((seqOf(req) + 5) % 10), status(seqOf(req))]);
    const c = new SipClient({ host: '127.0.0.1', port: acs.port, timeoutMs: 1000 });
    for (let i = 0; i < 12; i++) expect((await c.scStatus()).sequence).toBe(i % 10);
    expect(acs.seen.map(seqOf)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    await c.close();
  });

  it('gives UNEXPECTED_RESPONSE after the ACS keeps asking for resends', async () => {
    acs = await scriptedAcs(() => ['96AZFEF6\r']);
    const c = new SipClient({ host: '127.0.0.1', port: acs.port, timeoutMs: 1000, retries: 2 });
    await expect(c.scStatus()).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    expect(acs.seen.length).toBe(3);
    await c.close();
  });

  it('works over an injected duplex (no sockets)', async () => {
    const writes: string[] = [];
    const duplex: Duplex = new Duplex({
      read() {},
      write(chunk: Buffer, _enc, cb) {
        const text = chunk.toString('latin1');
        writes.push(text);
        duplex.push(status(seqOf(text)));
        cb();
      },
    });
    const c = new SipClient({ connect: () => duplex, timeoutMs: 1000, terminator: '\r\n' });
    expect((await c.scStatus()).code).toBe('98');
    expect(writes).toHaveLength(1); // one write per message
    expect(writes[0]).toMatch(/\r\n$/);
    await c.close();
  });

  it('queues concurrent calls one at a time, in order, and an unencodable one fails alone', async () => {
    acs = await scriptedAcs((req) => [status(seqOf(req))]);
    const c = new SipClient({ host: '127.0.0.1', port: acs.port, timeoutMs: 1000 });
    const bad = {
      code: '99',
      fixed: { statusCode: 'xx', maxPrintWidth: '030', protocolVersion: '2.00' },
      fields: [],
    };
    const calls = [
      c.scStatus(),
      c.request(bad as never).then(
        () => 'sent',
        (e: { code?: string }) => e.code,
      ),
      c.scStatus(),
      c.scStatus(),
    ];
    const [a, refused, b, d] = await Promise.all(calls);
    expect(refused).toBe('INVALID_ARGUMENT');
    expect([a, b, d].map((r) => (r as { sequence?: number }).sequence)).toEqual([0, 1, 2]);
    expect(acs.seen).toHaveLength(3);
    await c.close();
  });

  it('aborting a queued call removes it before it is sent', async () => {
    acs = await scriptedAcs((req) => [status(seqOf(req))]);
    const c = new SipClient({ host: '127.0.0.1', port: acs.port, timeoutMs: 1000 });
    const ac = new AbortController();
    const first = c.scStatus();
    const second = c.scStatus({}, { signal: ac.signal });
    ac.abort();
    await expect(second).rejects.toMatchObject({ code: 'ABORTED' });
    expect((await first).code).toBe('98');
    expect((await c.scStatus()).code).toBe('98');
    expect(acs.seen).toHaveLength(2);
    await c.close();
  });

  it('close() fails the call in flight and the queued ones with CONNECTION_FAILED', async () => {
    acs = await scriptedAcs(() => []);
    const c = new SipClient({ host: '127.0.0.1', port: acs.port, timeoutMs: 5000 });
    await c.connect();
    const pending = Promise.allSettled([c.scStatus(), c.scStatus()]);
    await new Promise((r) => setTimeout(r, 20));
    await c.close();
    const results = await pending;
    expect(results.map((r) => r.status === 'rejected' && (r.reason as { code?: string }).code)).toEqual([
      'CONNECTION_FAILED',
      'CONNECTION_FAILED',
    ]);
  });
});
