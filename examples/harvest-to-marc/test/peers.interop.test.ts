// The harvested files read by independent MARC tools: YAZ (ISO 2709 and MARCXML) and xmllint.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../testing/peers.js';
import { harvestToFile } from '../src/harvest.js';
import { sampleOaiHandler, sampleRecords } from '../src/sample-provider.js';

const handler = sampleOaiHandler();
const inProcess = (url: string, init: RequestInit) => handler(new Request(url, init));

describeWithPeers(
  'harvested files in YAZ and xmllint',
  [commandPeer('yaz-marcdump'), commandPeer('xmllint')],
  () => {
    it('yaz-marcdump reads every record of the .mrc and the .xml, with the same titles', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'harvest-peer-'));
      const mrc = join(dir, 'all.mrc');
      const xml = join(dir, 'all.xml');
      await harvestToFile({ baseUrl: 'http://p/oai', out: mrc, fetch: inProcess });
      await harvestToFile({ baseUrl: 'http://p/oai', out: xml, fetch: inProcess });
      const fromMrc = runPeer('yaz-marcdump', [mrc]).toString('utf8');
      const fromXml = runPeer('yaz-marcdump', ['-i', 'marcxml', xml]).toString('utf8');
      const titles = (dump: string) => dump.split('\n').filter((l) => l.startsWith('245 '));
      expect(titles(fromMrc).length).toBe(sampleRecords().length);
      expect(titles(fromXml)).toEqual(titles(fromMrc));
      runPeer('xmllint', ['--noout', xml]);
    });
  },
);
