// sru-search against another implementation's SRU server: YAZ's yaz-ztest (its test database answers
// any term with generated MARC records, and cannot render DC, which it says with surrogate diagnostics).
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers } from '../../../testing/peers.js';
import { search } from '../src/search.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`yaz-ztest did not listen on ${port}`);
}

describeWithPeers('sru-search against yaz-ztest', [commandPeer('yaz-ztest')], () => {
  let ztest: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    ztest = spawn('yaz-ztest', [`tcp:127.0.0.1:${port}`], { stdio: 'ignore' });
    await waitForPort(port);
    url = `http://127.0.0.1:${port}/Default`;
  });
  afterAll(() => {
    ztest?.kill();
  });

  it('prints MARCXML records as mnemonic and follows pages up to --max', async () => {
    const out: string[] = [];
    const outcome = await search({ url, query: 'computer', max: 3, schema: 'marcxml' }, (s) => out.push(s));
    expect(outcome.total).toBeGreaterThan(3);
    expect(outcome.shown).toBe(3);
    expect(out.join('')).toContain('=245  10$aHow to program a computer');
  });

  it('shows surrogate diagnostics for records the server cannot deliver', async () => {
    const out: string[] = [];
    await search({ url, query: 'computer', max: 1, schema: 'dc' }, (s) => out.push(s));
    expect(out.join('')).toMatch(/1\. \(not delivered: info:srw\/diagnostic\/1\/\d+/);
  });
});
