import { connect } from 'node:net';
import {
  createFramer,
  decode,
  getField,
  getFields,
  type Sip2Decoded,
  stampErrorDetection,
} from '@bibwire/sip2';
import { SipClient, type SipClientOptions } from '@bibwire/sip2/client';
import { createSipServer, MemoryIls, type SipServer, type SipServerOptions } from '@bibwire/sip2/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Field delimiters other than `|`: Koha's global `delimiter` (the 93 too) and per-account ones
// (after login; the 93 itself keeps the listener's `|`).
const ils = () => {
  const memory = new MemoryIls({
    patrons: [
      { id: 'P1', name: 'Ada^Lovelace', password: '1234' },
      { id: 'P2', name: 'Alan Turing', password: '5678' },
    ],
    items: [
      { id: 'I1', title: 'Pipes and filters' },
      { id: 'I2', title: 'Summerland' },
      { id: 'I3', title: 'Kavalier & Clay' },
    ],
    loans: [{ itemId: 'I3', patronId: 'P2', dueDate: '2099-01-01T12:00:00Z' }],
  });
  // A back end whose title holds a `|` (the memory ILS's data file refuses one).
  const findItem = memory.findItem.bind(memory);
  memory.findItem = async (ctx, id) => {
    const item = await findItem(ctx, id);
    return item && id === 'I1' ? { ...item, title: 'Pipes | and filters' } : item;
  };
  return memory;
};

const accounts = [
  { loginId: 'pipe', password: 'pipepass', institutionId: 'MAIN' },
  {
    loginId: 'caret',
    password: 'caretpass',
    institutionId: 'MAIN',
    delimiter: '^',
    errorDetection: 'on' as const,
  },
  { loginId: 'tilde', password: 'tildepass', institutionId: 'MAIN', delimiter: '~' },
];

async function start(extra: Partial<SipServerOptions> = {}): Promise<{ server: SipServer; port: number }> {
  const server = createSipServer({
    ils: ils(),
    accounts,
    institutions: [{ id: 'MAIN', name: 'Main' }],
    ...extra,
  });
  return { server, port: (await server.listen(0)).port };
}

/** Raw bytes on a socket, replies split at CR and kept as text. */
async function wire(port: number) {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((res, rej) => socket.once('connect', res).once('error', rej));
  const lines: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  let buffer = '';
  socket.on('data', (chunk) => {
    buffer += chunk.toString('latin1');
    let at = buffer.indexOf('\r');
    while (at >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
      at = buffer.indexOf('\r');
    }
  });
  return {
    send: (text: string) => socket.write(text),
    next: () =>
      new Promise<string>((resolve, reject) => {
        const l = lines.shift();
        if (l !== undefined) return resolve(l);
        const timer = setTimeout(() => reject(new Error('no reply')), 2000);
        waiting.push((line) => {
          clearTimeout(timer);
          resolve(line);
        });
      }),
    close: () => socket.destroy(),
  };
}

describe('per-account delimiter (listener keeps |)', () => {
  let server: SipServer;
  let port: number;
  let client: SipClient;
  const open = async (user: string, password: string, options: Partial<SipClientOptions>) => {
    const c = new SipClient({ host: '127.0.0.1', port, institutionId: 'MAIN', timeoutMs: 2000, ...options });
    await c.login({ user, password });
    return c;
  };
  beforeAll(async () => {
    ({ server, port } = await start());
    client = await open('caret', 'caretpass', { fieldDelimiter: '^', loginFieldDelimiter: '|' });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('99 → 98', async () => {
    const r = await client.scStatus();
    expect(getField(r, 'AO')).toBe('MAIN');
    expect(getField(r, 'AM')).toBe('Main');
    expect(getField(r, 'BX')).toMatch(/^[YN]{16}$/);
  });

  it('23 → 24 and 63 → 64 (repeated AU, a value holding the delimiter)', async () => {
    const s = await client.patronStatus({ patronIdentifier: 'P2', patronPassword: '5678' });
    expect(getField(s, 'AE')).toBe('Alan Turing');
    expect(getField(s, 'CQ')).toBe('Y');
    const i = await client.patronInformation({ patronIdentifier: 'P2', summary: 'chargedItems' });
    expect(getFields(i, 'AU')).toEqual(['I3']);
    // `^` cannot travel inside a value on a `^` connection: it is sent as a space.
    const ada = await client.patronStatus({ patronIdentifier: 'P1' });
    expect(getField(ada, 'AE')).toBe('Ada Lovelace');
  });

  it('17 → 18, 11 → 12, 29 → 30, 09 → 10 (a `|` in a value is an ordinary character)', async () => {
    const info = await client.itemInformation({ itemIdentifier: 'I1' });
    expect(getField(info, 'AJ')).toBe('Pipes | and filters');
    const out = await client.checkout({ patronIdentifier: 'P1', itemIdentifier: 'I1' });
    expect(out.fixed.ok).toBe('1');
    expect(getField(out, 'AB')).toBe('I1');
    const renew = await client.renew({ patronIdentifier: 'P1', itemIdentifier: 'I1' });
    expect(renew.fixed.ok).toBe('1');
    const back = await client.checkin({ itemIdentifier: 'I1', currentLocation: 'MAIN' });
    expect(back.fixed.ok).toBe('1');
    expect(getField(back, 'AB')).toBe('I1');
  });

  it('15 → 16, 37 → 38, 35 → 36', async () => {
    const hold = await client.hold({ holdMode: 'add', patronIdentifier: 'P1', itemIdentifier: 'I3' });
    expect(hold.fixed.ok).toBe('1');
    const end = await client.endPatronSession({ patronIdentifier: 'P1' });
    expect(end.fixed.endSession).toBe('Y');
    const fee = await client.feePaid({ patronIdentifier: 'P2', feeAmount: 0, currencyType: 'USD' });
    expect(getField(fee, 'AA')).toBe('P2');
  });

  it('puts `^` on the wire after login and `|` for other accounts', async () => {
    const w = await wire(port);
    w.send(`${stampErrorDetection('9300CNcaret|COcaretpass|AY1AZ')}\r`);
    expect(await w.next()).toMatch(/^941AY1AZ/);
    w.send(`${stampErrorDetection('1720260101    120000AOMAIN^ABI2^AY2AZ')}\r`);
    const reply = await w.next();
    expect(reply).toContain('^ABI2^');
    expect(reply).toContain('^AJSummerland^');
    expect(reply).not.toContain('|');
    expect(decode(reply, { fieldDelimiter: '^' }).checksum.valid).toBe(true);
    w.close();
    const p = await wire(port);
    p.send('9300CNpipe|COpipepass|\r');
    expect(await p.next()).toMatch(/^941/);
    p.send('1720260101    120000AOMAIN|ABI2|\r');
    expect(await p.next()).toContain('|AJSummerland|');
    p.close();
  });

  it('reads a request sent in the same packet as the 93 with the account delimiter', async () => {
    const w = await wire(port);
    w.send(`9300CNtilde|COtildepass|\r1720260101    120000AOMAIN~ABI2~\r`);
    expect(await w.next()).toMatch(/^941/);
    const reply = await w.next();
    expect(reply).toMatch(/^18/);
    expect(reply).toContain('~AJSummerland~');
    w.close();
  });

  it('a client on the wrong delimiter gets no usable answer, and the server stays up', async () => {
    const wrong = await open('caret', 'caretpass', { loginFieldDelimiter: '|', timeoutMs: 300, retries: 0 });
    // Written with `|`, the 17 is one unknown field to a `^` reader: no AB, so no item.
    const info = await wrong.itemInformation({ itemIdentifier: 'I2' }).catch((e: Error) => e);
    expect(info instanceof Error || getField(info, 'AJ') !== 'Summerland').toBe(true);
    await wrong.close();
    expect((await client.itemInformation({ itemIdentifier: 'I2' })).code).toBe('18');
  });
});

describe('global delimiter (Koha: <acsconfig delimiter="^">, the 93 too)', () => {
  let server: SipServer;
  let port: number;
  beforeAll(async () => {
    ({ server, port } = await start({ delimiter: '^' }));
  });
  afterAll(() => server.close());

  it('logs in and transacts with `^` throughout', async () => {
    const c = new SipClient({
      host: '127.0.0.1',
      port,
      institutionId: 'MAIN',
      fieldDelimiter: '^',
      timeoutMs: 2000,
    });
    await c.login({ user: 'pipe', password: 'pipepass', location: 'DESK' });
    expect(getField(await c.scStatus(), 'AN')).toBe('DESK');
    const out = await c.checkout({ patronIdentifier: 'P2', itemIdentifier: 'I2' });
    expect(out.fixed.ok).toBe('1');
    expect(getField(out, 'AA')).toBe('P2');
    await c.close();
  });

  it('reads the 93 with `^` on the wire', async () => {
    const w = await wire(port);
    w.send('9300CNpipe^COpipepass^\r');
    expect(await w.next()).toMatch(/^941/);
    w.close();
  });

  it('an account with its own delimiter switches to it after login', async () => {
    const c = new SipClient({
      host: '127.0.0.1',
      port,
      institutionId: 'MAIN',
      loginFieldDelimiter: '^',
      fieldDelimiter: '~',
      timeoutMs: 2000,
    });
    await c.login({ user: 'tilde', password: 'tildepass' });
    expect(getField(await c.itemInformation({ itemIdentifier: 'I2' }), 'AJ')).toBe('Summerland');
    await c.close();
  });
});

describe('delimiter configuration', () => {
  it.each(['A', '7', '||', '', ' ', '.', '\r'])('refuses %j at start-up with INVALID_CONFIG', (d) => {
    const make = (o: Partial<SipServerOptions>) => () =>
      createSipServer({ ils: ils(), accounts, institutions: [{ id: 'MAIN' }], ...o });
    expect(make({ delimiter: d })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(
      make({ accounts: [{ loginId: 'x', password: 'y', institutionId: 'MAIN', delimiter: d }] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => new SipClient({ host: 'h', port: 1, fieldDelimiter: d })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });

  it('the framer of a test peer agrees on `^` replies', () => {
    const framer = createFramer({ fieldDelimiter: '^' });
    const bytes = new TextEncoder().encode('18030001202601011200001I2^AJSummerland^\r');
    const items = framer.push(bytes);
    const decoded = (items[0] as { decoded: Sip2Decoded }).decoded;
    expect(getField(decoded.message, 'AJ')).toBe('Summerland');
  });
});
