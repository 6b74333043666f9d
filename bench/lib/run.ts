// Runs one suite: every case, every contender, several rounds; writes bench/results/<suite>.md.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchSuite, Contender } from './types.js';

interface Row {
  contender: string;
  ours: boolean;
  median: number;
  min: number;
  max: number;
  rss?: number | undefined;
  skipped?: string | undefined;
  metrics?: Record<string, number>;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));
const mib = (b: number | undefined) => (b === undefined ? '' : `${(b / 1048576).toFixed(1)} MiB`);

async function measure(
  c: Contender,
  rounds: number,
): Promise<{ rates: number[]; metrics: Record<string, number[]> }> {
  const rates: number[] = [];
  const metrics: Record<string, number[]> = {};
  await c.run(); // warm-up
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    const result = await c.run();
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const work = typeof result === 'number' ? result : result.work;
    rates.push(work / secs);
    if (typeof result !== 'number') {
      for (const [k, v] of Object.entries(result.metrics ?? {})) {
        metrics[k] = [...(metrics[k] ?? []), v];
      }
    }
  }
  return { rates, metrics };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runSuite(suite: BenchSuite, outDir: string): Promise<string> {
  await suite.setup?.();
  const sections: string[] = [];
  for (const bc of await suite.cases()) sections.push(await runCase(bc));
  const machine = `${type()} ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const md = [
    `# Benchmark: ${suite.name}`,
    '',
    suite.description,
    '',
    ...(suite.goal ? [`Goal: ${suite.goal}`, ''] : []),
    `Machine: ${machine}  `,
    `Date: ${new Date().toISOString()}`,
    '',
    ...sections,
  ].join('\n');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${suite.name}.md`);
  writeFileSync(file, `${md}\n`);
  return file;
}

async function runCase(bc: BenchCase): Promise<string> {
  const rounds = bc.rounds ?? 5;
  const rows: Row[] = [];
  for (const c of bc.contenders) {
    const why = c.unavailable?.();
    if (why) {
      rows.push({
        contender: c.name,
        ours: !!c.ours,
        median: Number.NaN,
        min: Number.NaN,
        max: Number.NaN,
        skipped: why,
      });
      console.log(`  ${bc.name} / ${c.name}: skipped (${why})`);
      continue;
    }
    const { rates, metrics } = await measure(c, rounds);
    const sorted = [...rates].sort((a, b) => a - b);
    const row: Row = {
      contender: c.name,
      ours: !!c.ours,
      median: sorted[Math.floor(sorted.length / 2)]!,
      min: sorted[0]!,
      max: sorted[sorted.length - 1]!,
      rss: await c.peakRss?.(),
      metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, median(v)])),
    };
    rows.push(row);
    console.log(
      `  ${bc.name} / ${c.name}: ${fmt(row.median)} ${bc.unit}/s (min ${fmt(row.min)}, max ${fmt(row.max)}) ${mib(row.rss)}`,
    );
  }
  const ours = rows.find((r) => r.ours && !r.skipped);
  const hasRss = rows.some((r) => r.rss !== undefined);
  const metricNames = [...new Set(rows.flatMap((r) => Object.keys(r.metrics ?? {})))];
  const head = `| contender | median ${bc.unit}/s | min | max | ours ÷ this |${hasRss ? ' peak RSS |' : ''}${metricNames.map((m) => ` ${m} |`).join('')}`;
  const sep = `|---|---:|---:|---:|---:|${hasRss ? '---:|' : ''}${metricNames.map(() => '---:|').join('')}`;
  const lines = rows.map((r) =>
    r.skipped
      ? `| ${r.contender} | skipped: ${r.skipped} | | | |${hasRss ? ' |' : ''}${metricNames.map(() => ' |').join('')}`
      : `| ${r.ours ? `**${r.contender}**` : r.contender} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${ours ? `${(ours.median / r.median).toFixed(2)}×` : ''} |${hasRss ? ` ${mib(r.rss)} |` : ''}${metricNames.map((m) => ` ${r.metrics?.[m] === undefined ? '' : fmt(r.metrics[m]!)} |`).join('')}`,
  );
  return [`## ${bc.name}`, '', `${rounds} rounds after one warm-up round.`, '', head, sep, ...lines, ''].join(
    '\n',
  );
}
