// Every verb's responses, error cases included, validated by xmllint against the OAI-PMH schema
// bundle (OAI-PMH.xsd + oai_dc + oai-identifier + MARC21slim, strict wildcards).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { commandPeer, describeWithPeers, runPeer } from '../../../testing/peers.js';
import { get, makeHandler } from './fixtures.js';
import { marcHandler, QUERIES } from './responses.js';

const dir = mkdtempSync(join(tmpdir(), 'oai-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(name: string, xml: string): void {
  const file = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 100)}.xml`);
  writeFileSync(file, xml);
  process.env.XML_CATALOG_FILES = sharedPath('schemas', 'catalog.xml');
  runPeer('xmllint', [
    '--nonet',
    '--noout',
    '--schema',
    sharedPath('schemas', 'oai-pmh', 'oai-pmh-bundle.xsd'),
    file,
  ]);
}

describeWithPeers('OAI-PMH responses validate against the schema (xmllint)', [commandPeer('xmllint')], () => {
  it.each(QUERIES)('tiny-record provider: %s', async (query) => {
    const xml = await get(makeHandler(), query);
    expect(() => validate(query, xml)).not.toThrow();
  });

  it.each(QUERIES)('day granularity: %s', async (query) => {
    const xml = await get(
      makeHandler(undefined, { granularity: 'YYYY-MM-DD', deletedRecord: 'transient' }),
      query,
    );
    expect(() => validate(`day ${query}`, xml)).not.toThrow();
  });

  it.each([...QUERIES, ...QUERIES.map((q) => q.replace('oai_dc', 'marcxml'))])(
    'MARC provider: %s',
    async (query) => {
      const xml = await get(await marcHandler(), query);
      expect(() => validate(`marc ${query}`, xml)).not.toThrow();
    },
  );

  it('the page after the first, and the last page with its empty token', async () => {
    const h = makeHandler();
    let xml = await get(h, 'verb=ListRecords&metadataPrefix=oai_dc');
    let n = 0;
    for (;;) {
      expect(() => validate(`page ${n++}`, xml)).not.toThrow();
      const token = /<resumptionToken[^>]*>([^<]+)</.exec(xml)?.[1];
      if (!token) break;
      xml = await get(h, `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
    }
    expect(n).toBe(3);
  });
});
