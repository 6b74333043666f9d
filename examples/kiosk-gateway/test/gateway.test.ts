// The whole gateway over TCP: the offline demonstration (SipClient ↔ gateway ↔ Koha mock) and the
// command line. The back end's single transactions are in koha-ils.test.ts and circulation.test.ts.
import { SipClient } from '@bibwire/sip2/client';
import { describe, expect, it } from 'vitest';
import { startKohaMock } from '../../../packages/koha-client/test/mock/koha-mock.js';
import { main, parseAccount } from '../src/cli.js';
import { DEMO, describeReply, runDemo } from '../src/demo.js';
import { createGateway } from '../src/gateway.js';

describe('the offline demonstration', () => {
  it('checks the PIN, checks out, renews, returns and places a hold through Koha', async () => {
    const lines: string[] = [];
    const exchanges = await runDemo((l) => lines.push(l));
    type Reply = { fixed: Record<string, string>; fields: [string, string][] };
    const reply = (step: string, n = 0) => exchanges.filter((e) => e.step === step)[n]?.reply as Reply;
    const field = (r: Reply, id: string) => r.fields.filter(([f]) => f === id).map(([, v]) => v);
    // 98: check-in and renewal on, and announced in BX (09 is the 3rd, 29 the 15th, 65 the 16th).
    expect(reply('status').fixed).toMatchObject({ onlineStatus: 'Y', checkinOk: 'Y' });
    const bx = field(reply('status'), 'BX')[0] ?? '';
    expect([bx[2], bx[14], bx[15]]).toEqual(['Y', 'Y', 'Y']);
    expect(field(reply('patron status'), 'CQ')).toEqual(['Y']);
    expect(field(reply('patron info', 0), 'CQ')).toEqual(['Y']);
    expect(reply('checkout').fixed.ok).toBe('1');
    expect(field(reply('checkout'), 'AJ')).toEqual([DEMO.title]);
    expect(reply('item info').fixed.circulationStatus).toBe('04');
    expect(reply('renew', 0).fixed).toMatchObject({ ok: '1', renewalOk: 'Y' });
    expect(reply('renew all').fixed).toMatchObject({ ok: '1', renewedCount: '0001', unrenewedCount: '0000' });
    expect(reply('checkin').fixed).toMatchObject({ ok: '1', alert: 'N' });
    expect(field(reply('checkin'), 'AA')).toEqual([DEMO.cardnumber]);
    expect(reply('renew', 1).fixed.ok).toBe('0');
    expect(field(reply('renew', 1), 'AF')).toEqual(['Item not checked out to Ada Lovelace']);
    expect(reply('hold').fixed.ok).toBe('1');
    expect(reply('patron info', 1).fixed.chargedItemsCount).toBe('0000');
    expect(reply('patron info', 1).fixed.holdItemsCount).toBe('0001');
    expect(lines.join('\n')).not.toContain(DEMO.pin);
    expect(lines.at(-1)).toMatch(/1 OAuth2 token\(s\), 0 refused by the spec/);
  });

  it('announces check-in as not allowed with checkin: off, and refuses 09 without asking Koha', async () => {
    const mock = await startKohaMock({ clientId: 'gw', clientSecret: 'gw-secret' });
    const account = { loginId: 'k', password: 'kp', institutionId: 'CPL' };
    const gateway = createGateway({
      kohaUrl: mock.url,
      clientId: 'gw',
      clientSecret: 'gw-secret',
      accounts: [account],
      checkin: 'off',
    });
    const { port } = await gateway.listen(0, '127.0.0.1');
    const client = new SipClient({ host: '127.0.0.1', port, institutionId: 'CPL' });
    try {
      await client.login({ user: 'k', password: 'kp' });
      const status = await client.scStatus();
      expect(status.fixed).toMatchObject({ checkinOk: 'N', acsRenewalPolicy: 'Y' });
      const bx = status.fields.find(([id]) => id === 'BX')?.[1] ?? '';
      expect([bx[2], bx[14], bx[15]]).toEqual(['N', 'Y', 'Y']);
      const checkin = await client.checkin({ itemIdentifier: 'BC1' });
      expect(checkin.fixed.ok).toBe('0');
      expect(mock.requests.some((r) => r.operationId === 'addCheckin')).toBe(false);
    } finally {
      await client.close();
      await gateway.close();
      await mock.close();
    }
  });

  it('main without arguments runs it and exits 0', async () => {
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => {} } };
    expect(await main([], io)).toBe(0);
    expect(out.join('')).toContain('12 ok=1');
  });
});

describe('command line', () => {
  it('reads kiosk accounts', () => {
    expect(parseAccount('kiosk1:pass:CPL')).toEqual({
      loginId: 'kiosk1',
      password: 'pass',
      institutionId: 'CPL',
    });
    expect(() => parseAccount('kiosk1:pass')).toThrow(/login:password:LIBRARY/);
  });

  it('exits 2 on bad or missing arguments', async () => {
    const err: string[] = [];
    const io = { stdout: { write: () => {} }, stderr: { write: (s: string) => err.push(s) }, env: {} };
    expect(await main(['--account', 'x'], io)).toBe(2);
    expect(await main(['--checkin', 'maybe'], io)).toBe(2);
    expect(err.join('')).toContain('--checkin must be rest or off');
    expect(await main(['--koha-url', 'http://127.0.0.1:9', '--account', 'a:b:C'], io)).toBe(2);
    expect(err.join('')).toContain('KOHA_CLIENT_SECRET');
  });

  it('formats replies compactly', () => {
    expect(describeReply({ code: '94', fixed: { ok: '1' } })).toBe('94 ok=1');
    expect(
      describeReply({
        code: '18',
        fixed: { circulationStatus: '03', transactionDate: 'x' },
        fields: [['AB', 'I1']],
      }),
    ).toBe('18 circulationStatus=03 | AB=I1');
  });
});
