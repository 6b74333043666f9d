// Harvesters that are not ours read our provider; our harvester reads a provider that is not ours.
import { fileURLToPath } from 'node:url';
import { OaiHarvester } from '@bibwire/oai-pmh/client';
import { type RunningNodeServer as RunningServer, serveNode } from '@bibwire/oai-pmh/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, perlPeer } from '../../../testing/peers.js';
import { runPeerAsync } from './peers-async.js';
import { marcHandler } from './responses.js';

const PREFIXES = ['oai_dc', 'marcxml', 'marc21'] as const;

let server: RunningServer;
let expectedIds: string[];

async function harvestIds(url: string, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const h of new OaiHarvester({ baseUrl: url }).listIdentifiers({ metadataPrefix: prefix }))
    ids.push(h.identifier);
  return ids;
}

describeWithPeers(
  'Catmandu::OAI and HTTP::OAI harvest our provider',
  [commandPeer('catmandu'), perlPeer('Catmandu::Importer::OAI'), perlPeer('HTTP::OAI')],
  () => {
    beforeAll(async () => {
      server = await serveNode(await marcHandler(), { port: 0, path: '/oai' });
      expectedIds = await harvestIds(server.url, 'oai_dc');
    });
    afterAll(() => server?.close());

    it('the provider has enough records for several pages (page size 5)', () => {
      expect(expectedIds.length).toBeGreaterThan(10);
    });

    it.each(PREFIXES)('catmandu convert OAI harvests every %s record across the tokens', async (prefix) => {
      const out = await runPeerAsync('catmandu', [
        'convert',
        'OAI',
        '--url',
        server.url,
        '--metadataPrefix',
        prefix,
        '--handler',
        prefix === 'oai_dc' ? 'oai_dc' : 'marcxml',
        'to',
        'JSON',
        '--line_delimited',
        '1',
      ]);
      const records = out
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      if (prefix === 'oai_dc') {
        expect(records.map((r) => r._id)).toEqual(expectedIds);
        expect(records.every((r) => Array.isArray(r.title) && r.title.length > 0)).toBe(true);
      } else {
        // Catmandu's marcxml handler names a record by its 001 (our local identifier) and parses its
        // fields: every record has a leader and a 245.
        expect(records.map((r) => String(r._id).trim())).toEqual(
          expectedIds.map((id) => id.replace('oai:example.org:', '').replace(/\.13$/, '')),
        );
        const marc = records.map((r) => r.record as unknown[][]);
        expect(
          marc.every((fields) => fields.some((f) => f[0] === 'LDR') && fields.some((f) => f[0] === '245')),
        ).toBe(true);
      }
    });

    it('HTTP::OAI::Harvester walks ListIdentifiers and ListRecords with resumption', async () => {
      const script = `
        use HTTP::OAI;
        my $h = HTTP::OAI::Harvester->new(baseURL => $ARGV[0], resume => 1);
        my $id = $h->Identify; die $id->message if $id->is_error;
        print "NAME ", $id->repositoryName, "\\n";
        my $li = $h->ListIdentifiers(metadataPrefix => 'marc21', onRecord => sub { print "ID ", $_[0]->identifier, "\\n" });
        die $li->message if $li->is_error;
        my $lr = $h->ListRecords(metadataPrefix => 'oai_dc', set => 'perl', onRecord => sub { print "SET ", $_[0]->identifier, "\\n" });
        die $lr->message if $lr->is_error;
        my $bad = $h->GetRecord(identifier => 'oai:example.org:nope', metadataPrefix => 'oai_dc');
        print "ERR ", ($bad->is_error ? $bad->message : 'none'), "\\n";
      `;
      const output = (await runPeerAsync('perl', ['-e', script, server.url])).toString('utf8');
      const lines = output.trim().split('\n');
      expect(lines[0]).toBe('NAME MARC test repository');
      expect(lines.filter((l) => l.startsWith('ID ')).map((l) => l.slice(3))).toEqual(expectedIds);
      const perlSet = lines.filter((l) => l.startsWith('SET ')).map((l) => l.slice(4));
      expect(perlSet.length).toBeGreaterThan(0);
      const ours: string[] = [];
      for await (const r of new OaiHarvester({ baseUrl: server.url }).listRecords({
        metadataPrefix: 'oai_dc',
        set: 'perl',
      })) {
        ours.push(r.header.identifier);
      }
      expect(perlSet).toEqual(ours);
      expect(output).toMatch(/\nERR [\s\S]*idDoesNotExist/);
    });
  },
);

describeWithPeers(
  "our harvester reads HTTP::OAI's static-repository gateway",
  [perlPeer('HTTP::OAI'), perlPeer('XML::LibXML')],
  () => {
    let gateway: RunningServer;
    const repo = fileURLToPath(new URL('./fixtures/httpoai-static-repository.xml', import.meta.url));
    const script = fileURLToPath(new URL('./fixtures/httpoai-gateway.pl', import.meta.url));

    beforeAll(async () => {
      gateway = await serveNode(
        async (request) => {
          const url = new URL(request.url);
          const body = await runPeerAsync('perl', [
            script,
            repo,
            `${url.origin}${url.pathname}`,
            url.search.slice(1),
          ]);
          return new Response(new Uint8Array(body), {
            headers: { 'content-type': 'text/xml; charset=utf-8' },
          });
        },
        { port: 0, path: '/oai' },
      );
    });
    afterAll(() => gateway?.close());

    it('Identify, ListMetadataFormats, ListRecords, ListIdentifiers, GetRecord and an error', async () => {
      const h = new OaiHarvester({ baseUrl: gateway.url, retries: 0 });
      const info = await h.identify();
      expect(info).toMatchObject({
        repositoryName: 'Demo repository',
        granularity: 'YYYY-MM-DD',
        deletedRecord: 'no',
      });
      expect((await h.listMetadataFormats()).map((f) => f.metadataPrefix)).toEqual(['oai_dc', 'oai_rfc1807']);
      const records = [];
      for await (const r of h.listRecords({ metadataPrefix: 'oai_dc' })) records.push(r);
      expect(records.map((r) => r.header.identifier)).toEqual([
        'oai:arXiv:cs/0112017',
        'oai:perseus:Perseus:text:1999.02.0084',
      ]);
      expect(records[1]?.metadata).toContain('<dc:creator>Tacitus</dc:creator>');
      expect(records[1]?.metadata).toMatch(
        /^<oai_dc:dc xmlns:oai_dc="http:\/\/www.openarchives.org\/OAI\/2.0\/oai_dc\/"/,
      );
      const ids = [];
      for await (const x of h.listIdentifiers({ metadataPrefix: 'oai_rfc1807' })) ids.push(x.identifier);
      expect(ids.length).toBeGreaterThan(0);
      const one = await h.getRecord('oai:perseus:Perseus:text:1999.02.0084', 'oai_dc');
      expect(one.header.datestamp).toBe('2002-05-01');
      await expect(h.getRecord('oai:perseus:Perseus:text:1999.02.0084', 'mods')).rejects.toMatchObject({
        code: 'OAI_PROTOCOL_ERROR',
        oaiCode: 'cannotDisseminateFormat',
      });
    });
  },
);
