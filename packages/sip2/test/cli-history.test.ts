import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build, encodeToString } from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCommand } from '../src/cli/client.js';
import { defaultHistoryPath, maskRawMessage, maskShellLine, openHistory } from '../src/cli/history.js';
import { type Serving, startServe } from '../src/cli/serve.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sip2-history-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('masking secrets (CO login password, AC terminal password, AD patron password)', () => {
  it.each([
    ['patron P0002 5678', 'patron P0002 ****'],
    ['patron P0002', 'patron P0002'],
    ['enable P0002 5678', 'enable P0002 ****'],
    ['info P0002 5678 charged', 'info P0002 **** charged'],
    ['info P0002 charged', 'info P0002 charged'],
    ['login kiosk1 kiosk1pass MAIN', 'login kiosk1 **** MAIN'],
    ['  checkout   P0001 I0002 ', 'checkout P0001 I0002'],
    ['raw 9300CNkiosk1|COkiosk1pass|CPMAIN|', 'raw 9300CNkiosk1|CO****|CPMAIN|'],
    [
      'raw 2300120260101    120000AOMAIN|AAP0002|ACterm|AD5678|AY1AZF00D',
      'raw 2300120260101    120000AOMAIN|AAP0002|AC****|AD****|AY1AZF00D',
    ],
    ['raw 2300120260101    120000AOMAIN|AC|AD|', 'raw 2300120260101    120000AOMAIN|AC|AD|'],
  ])('%s → %s', (line, stored) => {
    expect(maskShellLine(line)).toBe(stored);
  });

  it('looks at variable fields only, with the connection delimiter', () => {
    // CN's value starts with CO and the fixed part of this 63 holds "AD": neither is a secret field.
    expect(maskRawMessage('9300CNCOuser^COpw^', '^')).toBe('9300CNCOuser^CO****^');
    expect(maskRawMessage('63001AD ADADADADADADADADADADAD  AOX|ADpin|')).toBe(
      '63001AD ADADADADADADADADADADAD  AOX|AD****|',
    );
    expect(maskRawMessage('garbage AD')).toBe('garbage AD');
  });

  const secret = fc.string({
    unit: fc.constantFrom(...'abcXYZ#$%&'.split('')),
    minLength: 3,
    maxLength: 12,
  });
  const plain = fc.string({ unit: fc.constantFrom(...'PQRS2345'.split('')), minLength: 1, maxLength: 10 });

  test.prop([secret, secret, secret, plain, plain, fc.constantFrom('|', '^', '~')])(
    'raw messages: AC, AD and CO values never survive, every other field does',
    (terminalPw, patronPw, loginPw, patronId, loginId, delimiter) => {
      const messages = [
        build.patronStatusRequest({
          institutionId: 'MAIN',
          patronIdentifier: patronId,
          terminalPassword: terminalPw,
          patronPassword: patronPw,
        }),
        build.login({ loginUserId: loginId, loginPassword: loginPw, locationCode: patronId }),
      ];
      for (const m of messages) {
        const text = encodeToString(m, { fieldDelimiter: delimiter }).replace(/\r$/, '');
        const masked = maskShellLine(`raw ${text}`, delimiter);
        for (const pw of [terminalPw, patronPw, loginPw]) expect(masked).not.toContain(pw);
        for (const [id, value] of m.fields)
          if (!['AC', 'AD', 'CO'].includes(id)) expect(masked).toContain(`${id}${value}${delimiter}`);
      }
    },
  );

  test.prop([secret, plain, fc.constantFrom('patron', 'enable', 'login', 'info')])(
    'shell commands: the PIN or password argument never survives',
    (pin, id, command) => {
      const masked = maskShellLine(`${command} ${id} ${pin}${command === 'info' ? ' charged' : ''}`);
      expect(masked).not.toContain(pin);
      expect(masked.split(' ')[1]).toBe(id);
    },
  );

  it('defaults to ~/.sip2_history', () => {
    expect(defaultHistoryPath('/home/kiosk')).toBe('/home/kiosk/.sip2_history');
  });
});

describe('history file', () => {
  it('keeps masked lines, bounded, in a file only its owner can read', async () => {
    const file = join(dir, 'bounded');
    const h = await openHistory(file, 3);
    for (const line of ['status', 'patron P1 1234', 'patron P1 1234', '', 'item I1', 'checkin I1', 'end P1'])
      await h.add(line);
    await h.close();
    expect(readFileSync(file, 'utf8')).toBe('item I1\ncheckin I1\nend P1\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await openHistory(file, 3);
    expect(again.lines).toEqual(['end P1', 'checkin I1', 'item I1']); // newest first, for readline
  });

  it('masks secrets in a file written before masking existed', async () => {
    const file = join(dir, 'old');
    writeFileSync(file, 'patron P1 1234\nraw 9300CNk|COpw|\n');
    const h = await openHistory(file);
    expect(h.lines).toEqual(['raw 9300CNk|CO****|', 'patron P1 ****']);
    await h.close();
    expect(readFileSync(file, 'utf8')).not.toMatch(/1234|COpw/);
  });

  it('treats a missing file as empty and keeps nothing without a file', async () => {
    expect((await openHistory(join(dir, 'missing'))).lines).toEqual([]);
    const none = await openHistory(undefined);
    await none.add('patron P1 1234');
    expect(none.lines).toEqual(['patron P1 ****']);
    await none.close();
  });
});

describe('sip2 client shell history across sessions', () => {
  const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
  let serving: Serving;
  const quiet = {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: Readable.from([]),
  };
  beforeAll(async () => {
    serving = await startServe(
      ['--config', example('SIPconfig.xml'), '--data', example('ils.json'), '--port', '0'],
      quiet,
    );
  });
  afterAll(() => serving.server.close());

  const session = async (input: string, extra: string[]) => {
    const out: string[] = [];
    const code = await clientCommand(
      ['--port', String(serving.address.port), '--user', 'kiosk1', '--password', 'kiosk1pass', ...extra],
      {
        stdout: { write: (s: string | Uint8Array) => out.push(String(s)) },
        stderr: { write: (s: string | Uint8Array) => out.push(String(s)) },
        stdin: Readable.from([input]),
        stdinIsTTY: true,
      },
    );
    return { code, out: out.join('') };
  };

  it('stores what was typed with PINs and passwords masked, and appends the next session', async () => {
    const file = join(dir, 'shell');
    const first = await session(
      [
        'patron P0002 5678',
        'login kiosk1 kiosk1pass MAIN',
        'raw 2300120260101    120000AOMAIN|AAP0002|ACterm|AD5678|',
        'info P0002 5678 charged',
        'quit',
      ].join('\n'),
      ['--history', file],
    );
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/CQ validPatronPassword\s+Y/); // the real PIN was sent
    expect(first.out).toMatch(/94 loginResponse/);
    const stored = readFileSync(file, 'utf8');
    expect(stored).toBe(
      [
        'patron P0002 ****',
        'login kiosk1 **** MAIN',
        'raw 2300120260101    120000AOMAIN|AAP0002|AC****|AD****|',
        'info P0002 **** charged',
        'quit',
        '',
      ].join('\n'),
    );
    expect(stored).not.toMatch(/5678|kiosk1pass|term/);

    const second = await session('item I0001\nquit\n', ['--history', file, '--history-size', '3']);
    expect(second.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('quit\nitem I0001\nquit\n');
  });

  it('--no-history writes nothing', async () => {
    const file = join(dir, 'never');
    await session('patron P0002 5678\nquit\n', ['--no-history', '--history', file]);
    expect(() => statSync(file)).toThrow();
  });
});
