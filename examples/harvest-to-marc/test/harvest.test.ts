import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getControlValue, type MarcRecord, parseIso2709, parseMarcXml } from '@bibwire/marcxml';
import { OaiError } from '@bibwire/oai-pmh';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../../testing/memory-io.js';
import { main } from '../src/cli.js';
import { formatFromPath, type HarvestProgress, harvestToFile } from '../src/harvest.js';
import { sampleOaiHandler, sampleRecords, serveLocally } from '../src/sample-provider.js';

const handler = sampleOaiHandler();
const inProcess = (url: string, init: RequestInit) => handler(new Request(url, init));
const baseUrl = 'http://provider.test/oai';
const tempDir = () => mkdtemp(join(tmpdir(), 'harvest-test-'));

// Same fields and leader, apart from the record length and base address a writer recomputes.
const sameContent = (a: MarcRecord, b: MarcRecord) =>
  JSON.stringify(a.fields) === JSON.stringify(b.fields) &&
  a.leader.slice(5, 12) + a.leader.slice(17) === b.leader.slice(5, 12) + b.leader.slice(17);

const ids = (records: MarcRecord[]) => records.map((r) => getControlValue(r, '001'));

describe('harvestToFile', () => {
  it('writes every record of the provider to ISO 2709, items left out as Koha marc21 does', async () => {
    const out = join(await tempDir(), 'all.mrc');
    const progress: HarvestProgress[] = [];
    const summary = await harvestToFile({
      baseUrl,
      out,
      fetch: inProcess,
      onProgress: (p) => progress.push(p),
    });
    const source = sampleRecords();
    expect(summary).toMatchObject({ written: source.length, deleted: 0, skipped: 0, format: 'iso2709' });
    // pageSize 4 → ceil(n / 4) pages, each reported as it arrives.
    expect(summary.pages).toBe(Math.ceil(source.length / 4));
    expect(progress.map((p) => p.pages)).toEqual(Array.from({ length: summary.pages }, (_, i) => i + 1));
    expect(progress.at(-1)?.completeListSize).toBe(source.length);
    const written = parseIso2709(await readFile(out));
    const sorted = [...source].sort((a, b) =>
      getControlValue(a, '001')! < getControlValue(b, '001')! ? -1 : 1,
    );
    expect(new Set(ids(written))).toEqual(new Set(ids(sorted)));
    for (const record of written) {
      const original = source.find((s) => getControlValue(s, '001') === getControlValue(record, '001'))!;
      const withoutItems = {
        leader: original.leader,
        fields: original.fields.filter((f) => f.tag !== '952'),
      };
      expect(sameContent(record, withoutItems)).toBe(true);
    }
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('writes MARCXML for .xml holding the same records as the ISO 2709 harvest', async () => {
    const dir = await tempDir();
    await harvestToFile({ baseUrl, out: join(dir, 'a.mrc'), fetch: inProcess });
    const xml = await harvestToFile({ baseUrl, out: join(dir, 'a.xml'), fetch: inProcess });
    expect(xml.format).toBe('marcxml');
    const text = await readFile(join(dir, 'a.xml'), 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const fromXml = parseMarcXml(text);
    const fromIso = parseIso2709(await readFile(join(dir, 'a.mrc')));
    expect(fromXml.length).toBe(fromIso.length);
    for (const [i, r] of fromXml.entries()) expect(sameContent(r, fromIso[i]!)).toBe(true);
  });

  it('passes set, from and until to the provider', async () => {
    const out = join(await tempDir(), 'east.mrc');
    await harvestToFile({
      baseUrl,
      out,
      fetch: inProcess,
      set: 'east',
      from: '2024-01-05',
      until: '2024-01-15',
    });
    // East holds the even-numbered records; 005 of record n is 2024-01-n.
    expect(ids(parseIso2709(await readFile(out))).sort()).toEqual(['demo10', 'demo12', 'demo6', 'demo8']);
  });

  it('an empty selection gives an empty, valid file', async () => {
    const out = join(await tempDir(), 'none.xml');
    const summary = await harvestToFile({ baseUrl, out, fetch: inProcess, from: '2030-01-01' });
    expect(summary.written).toBe(0);
    expect(parseMarcXml(await readFile(out))).toEqual([]);
  });

  it('counts records of a non-MARC prefix as skipped instead of writing them', async () => {
    const out = join(await tempDir(), 'dc.mrc');
    const summary = await harvestToFile({
      baseUrl,
      out,
      fetch: inProcess,
      prefix: 'oai_dc',
      until: '2024-01-03',
    });
    expect(summary).toMatchObject({ written: 0, skipped: 3 });
  });

  it('a protocol error leaves neither the file nor its .part behind', async () => {
    const out = join(await tempDir(), 'bad.mrc');
    const error = await harvestToFile({ baseUrl, out, fetch: inProcess, prefix: 'nope' }).catch(
      (e: unknown) => e,
    );
    expect(OaiError.is(error)).toBe(true);
    expect((error as OaiError).code).toBe('OAI_PROTOCOL_ERROR');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('chooses the format from the extension', () => {
    expect(formatFromPath('x.XML')).toBe('marcxml');
    expect(formatFromPath('x.mrc')).toBe('iso2709');
    expect(formatFromPath('x')).toBe('iso2709');
  });
});

describe('command line', () => {
  it('without arguments runs the offline demonstration and exits 0', async () => {
    const m = memoryIo();
    expect(await main([], m.io)).toBe(0);
    expect(m.out()).toMatch(/sample OAI-PMH provider on http:\/\/127\.0\.0\.1:\d+\/oai/);
    expect(m.out()).toContain(`wrote ${sampleRecords().length} records`);
    expect(m.out()).toContain('wrote 4 records');
    expect(m.err()).toContain('page 1 arrived');
  });

  it('harvests a given URL over HTTP into --out', async () => {
    const provider = await serveLocally(handler);
    try {
      const out = join(await tempDir(), 'main.xml');
      const m = memoryIo();
      expect(await main([provider.url, '--set', 'main', '--out', out], m.io)).toBe(0);
      expect(ids(parseMarcXml(await readFile(out))).every((id) => Number(id?.slice(4)) % 2 === 1)).toBe(true);
    } finally {
      await provider.close();
    }
  });

  it('reports an unreachable provider with exit code 1', async () => {
    const m = memoryIo();
    const out = join(await tempDir(), 'x.mrc');
    expect(await main(['http://127.0.0.1:9/oai', '--out', out], m.io)).toBe(1);
    expect(m.err()).toContain('harvest failed');
  });

  it('rejects unknown options with exit code 2', async () => {
    const m = memoryIo();
    expect(await main(['--bogus'], m.io)).toBe(2);
    expect(m.err()).toContain('usage');
  });
});

describe('output errors', () => {
  it('an unwritable path is reported as the file system error, with nothing left behind', async () => {
    const out = join(await tempDir(), 'missing-dir', 'x.mrc');
    const error = await harvestToFile({ baseUrl, out, fetch: inProcess }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(existsSync(`${out}.part`)).toBe(false);
  });
});
