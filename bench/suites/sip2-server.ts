import { type ChildProcess, spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { BenchCase, BenchSuite, Contender, RoundResult } from '../lib/types.js';

// The ACS runs in its own process (as in production). The load generator — SipClient connections,
// closed loop (each sends its next request when the reply to the last one is decoded) or paced —
// runs in worker threads of this process, so the harness's own thread never delays a reply.
// Latency is taken from just before the request is handed to the client to the decoded reply.
// Besides round trips/s and latency, CPU time per round trip of each side is reported: unlike
// latency it barely moves when other work shares the cores.
const SERVER = `
const { createSipServer, MemoryIls } = require('@bibwire/sip2/server');
const items = Array.from({ length: 200 }, (_, i) => ({ id: 'I' + i, title: 'Title ' + i }));
const ils = new MemoryIls({ patrons: [{ id: 'P1', name: 'Bench' }], items });
const server = createSipServer({ ils, accounts: [{ loginId: 'k', password: 'p', institutionId: 'MAIN' }], institutions: [{ id: 'MAIN' }], limits: { maxConnections: 1000 } });
process.on('message', (m) => { if (m === 'cpu') process.send(process.cpuUsage()); });
server.listen(0).then((a) => console.log(a.port));`;

// One load-generator thread: opens its connections once, then runs one round per message.
const LOADER = `
const { parentPort, workerData } = require('node:worker_threads');
const { build } = require('@bibwire/sip2');
const { SipClient } = require('@bibwire/sip2/client');
const message = build.itemInformation({ institutionId: 'MAIN', itemIdentifier: 'I7' });
let pool;
parentPort.on('message', async ({ perClient, intervalMs }) => {
  pool ??= await Promise.all(Array.from({ length: workerData.clients }, async () => {
    const c = new SipClient({ host: '127.0.0.1', port: workerData.port, institutionId: 'MAIN', timeoutMs: 5000 });
    await c.login({ user: 'k', password: 'p' });
    return c;
  }));
  const latencies = new Float64Array(pool.length * perClient);
  let n = 0;
  const start = performance.now();
  if (!intervalMs) {
    await Promise.all(pool.map(async (c) => {
      for (let i = 0; i < perClient; i++) {
        const t0 = performance.now();
        await c.request(message);
        latencies[n++] = performance.now() - t0;
      }
    }));
  } else {
    // Paced: one 1 ms ticker starts each idle client's request when it is due (clients spread over
    // one interval); a client that fell behind sends at the first tick after its last reply.
    await new Promise((done) => {
      const state = pool.map((c, k) => ({ c, offset: (k / pool.length) * intervalMs, sent: 0, busy: false }));
      let remaining = pool.length * perClient;
      const timer = setInterval(() => {
        const now = performance.now();
        for (const s of state) {
          if (s.busy || s.sent >= perClient || start + s.offset + s.sent * intervalMs > now) continue;
          s.busy = true;
          s.sent++;
          const t0 = performance.now();
          s.c.request(message).then(() => {
            latencies[n++] = performance.now() - t0;
            s.busy = false;
            if (--remaining === 0) {
              clearInterval(timer);
              done();
            }
          });
        }
      }, 1);
    });
  }
  parentPort.postMessage(latencies, [latencies.buffer]);
});`;

let child: ChildProcess | undefined;
let port = 0;

async function startServer(): Promise<void> {
  child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  port = await new Promise<number>((resolve) =>
    child!.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  process.once('exit', () => child?.kill());
}

function serverCpu(): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    child!.once('message', (m) => resolve(m as NodeJS.CpuUsage));
    child!.send('cpu');
  });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const cpuUs = (u: NodeJS.CpuUsage) => u.user + u.system;

/**
 * `clients` connections spread over `threads` load-generator threads, `perClient` round trips each
 * per round; with `ratePerClient`, each client sends at that many requests per second.
 */
function load(
  name: string,
  clients: number,
  threads: number,
  perClient: number,
  ratePerClient?: number,
): Contender {
  let workers: Worker[] = [];
  return {
    name,
    ours: true,
    async run(): Promise<RoundResult> {
      if (workers.length === 0) {
        workers = Array.from({ length: threads }, (_, t) => {
          const share = Math.floor(clients / threads) + (t < clients % threads ? 1 : 0);
          const w = new Worker(LOADER, { eval: true, workerData: { port, clients: share } });
          w.unref();
          return w;
        });
      }
      const s0 = await serverCpu();
      const c0 = process.cpuUsage();
      const parts = await Promise.all(
        workers.map(
          (w) =>
            new Promise<Float64Array>((resolve, reject) => {
              w.once('message', resolve);
              w.once('error', reject);
              w.postMessage({ perClient, intervalMs: ratePerClient ? 1000 / ratePerClient : 0 });
            }),
        ),
      );
      const clientCpu = cpuUs(process.cpuUsage(c0));
      const s1 = await serverCpu();
      const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      all.sort();
      const metrics = {
        'p50 ms': percentile(all, 50),
        'p99 ms': percentile(all, 99),
        'p99.9 ms': percentile(all, 99.9),
        'server CPU µs/rt': (cpuUs(s1) - cpuUs(s0)) / all.length,
        'client CPU µs/rt': clientCpu / all.length,
      };
      console.log(`    round: p50 ${metrics['p50 ms'].toFixed(2)} p99 ${metrics['p99 ms'].toFixed(2)} ms`);
      return { work: all.length, metrics };
    },
  };
}

export default {
  name: 'sip2-server',
  description:
    'SIP2 ACS round trips (17 → 18) per second and latency over loopback: the ACS in its own process, ' +
    'SipClient connections in worker threads of the bench process',
  goal: 'at least 20,000 round trips per second with 50 clients, p99 under 2 ms',
  setup: startServer,
  cases: (): BenchCase[] => [
    {
      name: '1 client, closed loop',
      unit: 'round trips',
      contenders: [load('@bibwire/sip2 client → server, 1 connection', 1, 1, 5000)],
    },
    {
      name: '50 clients, closed loop',
      unit: 'round trips',
      contenders: [
        load('50 connections, load generator on 1 thread', 50, 1, 400),
        load('50 connections, load generator on 2 threads', 50, 2, 400),
      ],
    },
    {
      name: '50 clients paced at 400 requests/s each (20,000/s offered)',
      unit: 'round trips',
      contenders: [load('50 connections, 1 thread, paced', 50, 1, 400, 400)],
    },
  ],
} satisfies BenchSuite;
