import { type ChildProcess, spawn } from 'node:child_process';
import { build } from '@bibwire/sip2';
import { SipClient } from '@bibwire/sip2/client';
import type { BenchCase, BenchSuite, Contender } from '../lib/types.js';

// The ACS runs in its own process (as in production), the clients in this one, over loopback.
const SERVER = `
const { createSipServer, MemoryIls } = require('@bibwire/sip2/server');
const items = Array.from({ length: 200 }, (_, i) => ({ id: 'I' + i, title: 'Title ' + i }));
const ils = new MemoryIls({ patrons: [{ id: 'P1', name: 'Bench' }], items });
const server = createSipServer({ ils, accounts: [{ loginId: 'k', password: 'p', institutionId: 'MAIN' }], institutions: [{ id: 'MAIN' }], limits: { maxConnections: 1000 } });
server.listen(0).then((a) => console.log(a.port));`;

let child: ChildProcess | undefined;
let port = 0;

async function startServer(): Promise<void> {
  child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) =>
    child!.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  process.once('exit', () => child?.kill());
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function clients(n: number, perClient: number): Contender {
  let pool: SipClient[] = [];
  return {
    name: `@bibwire/sip2 client → server, ${n} connection${n > 1 ? 's' : ''}`,
    ours: true,
    async run() {
      if (pool.length === 0) {
        pool = await Promise.all(
          Array.from({ length: n }, async () => {
            const c = new SipClient({ host: '127.0.0.1', port, institutionId: 'MAIN', timeoutMs: 5000 });
            await c.login({ user: 'k', password: 'p' });
            return c;
          }),
        );
      }
      const latencies: number[] = [];
      const message = build.itemInformation({ institutionId: 'MAIN', itemIdentifier: 'I7' });
      await Promise.all(
        pool.map(async (c) => {
          for (let i = 0; i < perClient; i++) {
            const t0 = performance.now();
            await c.request(message);
            latencies.push(performance.now() - t0);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return {
        work: latencies.length,
        metrics: { 'p50 ms': percentile(latencies, 50), 'p99 ms': percentile(latencies, 99) },
      };
    },
  };
}

export default {
  name: 'sip2-server',
  description:
    'SIP2 ACS round trips (17 → 18) per second and latency over loopback, 1 and 50 concurrent clients',
  goal: 'at least 20,000 round trips per second with 50 clients, p99 under 2 ms',
  setup: startServer,
  cases: (): BenchCase[] => [
    { name: '1 client', unit: 'round trips', contenders: [clients(1, 5000)] },
    { name: '50 clients', unit: 'round trips', contenders: [clients(50, 400)] },
  ],
} satisfies BenchSuite;
