import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIso2709 } from '@bibwire/marcxml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedPath } from '../../../../testing/paths.js';
import { commandPeer, describeWithPeers, runPeer } from '../../../../testing/peers.js';
import { SruClient } from '../../src/client.js';
import { parseCql, SruError, toXcql } from '../../src/index.js';
import { createMarcBackend, createSruHandler, type RunningServer, serveNode } from '../../src/server.js';

const MARC = ['perl-camel.usmarc', 'marc4j-summerland.mrc'].map((f) =>
  sharedPath('data', 'marc', 'iso2709-marc21', f),
);
const records = MARC.flatMap((f) => parseIso2709(readFileSync(f)));
const handler = createSruHandler({ backend: createMarcBackend(records) });
const schemas = sharedPath('schemas');

async function body(query: string): Promise<string> {
  return (await handler(new Request(`http://127.0.0.1:8080/${query}`))).text();
}

function validate(xml: string, schema: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sru-xsd-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    runPeer('xmllint', ['--nonet', '--noout', '--schema', join(schemas, schema), file]);
    return 'ok';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeWithPeers(
  'SRU 2.0 responses validate against the OASIS schemas (xmllint)',
  [commandPeer('xmllint')],
  () => {
    const requests = [
      '',
      '?query=dc.title%3Dperl&maximumRecords=3',
      '?query=perl&recordSchema=dc&recordXMLEscaping=string',
      '?query=cql.allRecords%3D1%20sortBy%20dc.date%2Fsort.descending&maximumRecords=2&startRecord=2',
      '?query=(perl',
      '?query=dc.nothing%3Dx',
      '?query=x&bogus=1',
      '?query=x&startRecord=0&maximumRecords=-3&recordXMLEscaping=base64&resultSetTTL=x',
      '?query=x&recordPacking=string&sortKeys=dc.title,,0&stylesheet=%2Fs.xsl&resultSetTTL=60',
      '?query=x&queryType=searchTerms',
      '?operation=scan&scanClause=dc.title%3Dp&maximumTerms=5',
      '?operation=scan&scanClause=dc.nothing%3Dp',
    ];
    it.each(requests)('sruResponse.xsd accepts %j', async (q) => {
      expect(validate(await body(q), 'sru-2.0/local/sruResponse.xsd')).toBe('ok');
    });

    it('the Explain record validates against zeerex-2.0.xsd', async () => {
      const xml = await body('');
      const zeerex = xml.slice(xml.indexOf('<explain '), xml.indexOf('</explain>') + '</explain>'.length);
      expect(validate(zeerex, 'zeerex/zeerex-2.0.xsd')).toBe('ok');
    });

    it('XCQL 2.0 output validates against xcql.xsd', () => {
      for (const q of [
        'cat',
        'a and (b or c) not d',
        'dc.title any/relevant "a b" prox/distance<3 x',
        'a sortBy dc.date/sort.descending',
      ]) {
        expect(validate(toXcql(parseCql(q), { version: '2.0' }), 'sru-2.0/local/xcql.xsd')).toBe('ok');
      }
    });
  },
);

describeWithPeers('yaz-client drives our server', [commandPeer('yaz-client')], () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serveNode(handler);
  });
  afterAll(() => server.close());

  // Asynchronous: the server runs in this process, so a synchronous spawn would deadlock.
  const session = (mode: string, commands: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn('yaz-client', [server.url], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      const timer = setTimeout(() => child.kill(), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(out);
      });
      child.stdin.end(`sru ${mode}\n${commands.join('\n')}\nquit\n`);
    });

  it.each(['get 1.1', 'get 1.2', 'post 1.2', 'get 2.0'])(
    'search, show, scan and explain over SRU %s',
    async (mode) => {
      const out = await session(mode, ['find dc.title=perl', 'show 1', 'scan dc.title=perl', 'explain']);
      expect(out).toContain('Number of hits: 9');
      expect(out).toContain('pos=1 schema=info:srw/schema/1/marcxml-v1.1');
      expect(out).toContain('<record xmlns="http://www.loc.gov/MARC21/slim">');
      expect(out).toMatch(/perl: 9/);
      expect(out).toContain('<explain xmlns="http://explain.z3950.org/dtd/2.0/"');
    },
  );

  it('sees our diagnostics', async () => {
    const out = await session('get 1.2', ['find dc.nothing=x']);
    expect(out).toMatch(/16|Unsupported index/);
  });
});

/** The Explain block Zebra copies into its explain response, shaped like Koha's explain-biblios.xml. */
function zebraExplain(port: number): string {
  return `<explain xmlns="http://explain.z3950.org/dtd/2.0/"><serverInfo protocol="SRW/SRU/Z39.50"><host>127.0.0.1</host><port>${port}</port><database>Default</database></serverInfo><databaseInfo><title lang="en" primary="true">Test catalogue</title></databaseInfo><indexInfo><set name="dc" identifier="info:srw/cql-context-set/1/dc-v1.1"/><index search="true" scan="true" sort="false"><title lang="en">Title</title><map><name set="dc">title</name></map></index></indexInfo></explain>`;
}

describeWithPeers(
  'our client reads a Zebra SRU server',
  [commandPeer('zebraidx'), commandPeer('zebrasrv')],
  () => {
    let dir = '';
    let zebra: ChildProcess | undefined;
    let url = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'zebra-'));
      mkdirSync(join(dir, 'reg'));
      mkdirSync(join(dir, 'lock'));
      writeFileSync(
        join(dir, 'zebra.cfg'),
        [
          'profilePath: .:/usr/share/idzebra-2.0/tab:/usr/share/yaz/etc',
          'modulePath: /usr/lib/x86_64-linux-gnu/idzebra-2.0/modules:/usr/lib/idzebra-2.0/modules',
          'attset: bib1.att',
          'attset: explain.att',
          'recordType: grs.marcxml.marc21',
          `register: ${join(dir, 'reg')}:20M`,
          `lockDir: ${join(dir, 'lock')}`,
          '',
        ].join('\n'),
      );
      runPeer('zebraidx', ['-c', join(dir, 'zebra.cfg'), 'init']);
      runPeer('zebraidx', ['-c', join(dir, 'zebra.cfg'), '-t', 'grs.marcxml.marc21', 'update', ...MARC]);
      // zebrasrv cannot report an ephemeral port: try a few random ones.
      for (let attempt = 0; attempt < 5 && url === ''; attempt++) {
        const port = 20000 + Math.floor(Math.random() * 20000);
        writeFileSync(
          join(dir, 'yazgfs.xml'),
          `<yazgfs><listen id="l">tcp:127.0.0.1:${port}</listen><server id="s" listenref="l"><directory>${dir}</directory><config>zebra.cfg</config><cql2rpn>/usr/share/yaz/etc/pqf.properties</cql2rpn>${zebraExplain(port)}</server></yazgfs>`,
        );
        const child = spawn('zebrasrv', ['-f', join(dir, 'yazgfs.xml')], { cwd: dir, stdio: 'ignore' });
        for (let i = 0; i < 50; i++) {
          await new Promise((r) => setTimeout(r, 100));
          const ok = await fetch(`http://127.0.0.1:${port}/`).then(
            () => true,
            () => false,
          );
          if (ok) {
            url = `http://127.0.0.1:${port}/`;
            zebra = child;
            break;
          }
          if (child.exitCode !== null) break;
        }
        if (url === '') child.kill();
      }
      if (url === '') throw new Error('zebrasrv did not start');
    }, 60_000);

    afterAll(() => {
      zebra?.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    it.each(['1.1', '1.2', '2.0'] as const)(
      'searchRetrieve over SRU %s returns MARCXML records',
      async (version) => {
        const client = new SruClient({ url, version });
        const page = await client.searchRetrieve('dc.title = perl', { maximumRecords: 2 });
        expect(page.numberOfRecords).toBe(9);
        expect(page.records).toHaveLength(2);
        expect(page.records[0]?.data).toMatch(/^<record xmlns="http:\/\/www.loc.gov\/MARC21\/slim">/);
        // Zebra omits nextRecordPosition; records() falls back to counting.
      },
    );

    it('iterates over every record across pages', async () => {
      const client = new SruClient({ url });
      let n = 0;
      for await (const r of client.records('cql.allRecords = 1 or perl or chabon', { maximumRecords: 4 })) {
        expect(r.data).toContain('<leader>');
        n++;
      }
      expect(n).toBeGreaterThanOrEqual(10);
    });

    it.each(['1.2', '2.0'] as const)('reads the Explain record over SRU %s', async (version) => {
      const explain = await new SruClient({ url, version }).explain();
      expect(explain.record).toMatch(/^<explain xmlns="http:\/\/explain.z3950.org\/dtd\/2.0\/"/);
      expect(explain.record).toContain('<title lang="en" primary="true">Test catalogue</title>');
    });

    it('reads scan terms', async () => {
      const terms = (await new SruClient({ url }).scan('dc.title = perl', { maximumTerms: 3 })).terms;
      expect(terms[0]).toMatchObject({ value: 'perl', numberOfRecords: 9 });
    });

    it('turns surrogate and fatal diagnostics into typed results and errors', async () => {
      const client = new SruClient({ url });
      const page = await client.searchRetrieve('perl', { maximumRecords: 1, recordSchema: 'nosuchschema' });
      expect(page.records[0]?.diagnostic?.uri).toBe('info:srw/diagnostic/1/66');
      const error = await client.searchRetrieve('(perl').catch((e: unknown) => e);
      expect(SruError.is(error) && error.code === 'SRU_DIAGNOSTIC' && error.diagnostic).toBe(10);
    });
  },
);
