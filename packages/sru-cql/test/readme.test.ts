import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { controlField, createRecord, dataField } from '@bibwire/marcxml';
import { describe, expect, it } from 'vitest';
import { SruClient } from '../src/client.js';
import { parseCql, toCql, toXcql } from '../src/index.js';
import { createMarcBackend, createSruHandler } from '../src/server.js';

// The README's example, verbatim between the markers below, with console.log captured.
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('README example', () => {
  it('is the code this test runs', () => {
    const block = readme.match(/```ts\n([\s\S]*?)```/)?.[1] ?? '';
    const body = block.replace(/^import .*\n/gm, '').trim();
    expect(exampleSource.replace(/\s+/g, ' ').trim()).toBe(body.replace(/\s+/g, ' ').trim());
  });

  it('prints what its comments say', async () => {
    const logs: unknown[][] = [];
    await example((...args: unknown[]) => logs.push(args));
    const expected = [...exampleSource.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
    expect(logs.map((args) => args.map(String).join(' '))).toEqual(expected);
  });
});

const exampleSource = `const query = parseCql('dc.title any "coral reefs" and dc.date > 1990 sortBy dc.date/sort.descending');
console.log(toCql(query)); // dc.title any "coral reefs" and dc.date > 1990 sortBy dc.date/sort.descending
console.log(toXcql(query, { version: '2.0' }).startsWith('<xcql xmlns="http://docs.oasis-open.org/ns/search-ws/xcql">')); // true

const records = [
  createRecord(undefined, [
    controlField('001', 'reef-1'),
    controlField('008', '000101s1999    fr            000 0 fre  '),
    dataField('245', '1', '0', [['a', 'Guide des récifs coralliens / A Guide to Coral Reefs']]),
  ]),
];
const handler = createSruHandler({ backend: createMarcBackend(records) }); // (Request) => Promise<Response>

const client = new SruClient({ url: 'http://sru.example/', version: '2.0', fetch: async (input, init) => handler(new Request(input, init)) });
const page = await client.searchRetrieve(query, { recordSchema: 'dc' });
console.log(page.numberOfRecords, page.records[0]?.data.includes('<dc:title>')); // 1 true`;

async function example(log: (...args: unknown[]) => void): Promise<void> {
  const console = { log };
  const query = parseCql('dc.title any "coral reefs" and dc.date > 1990 sortBy dc.date/sort.descending');
  console.log(toCql(query)); // dc.title any "coral reefs" and dc.date > 1990 sortBy dc.date/sort.descending
  console.log(
    toXcql(query, { version: '2.0' }).startsWith(
      '<xcql xmlns="http://docs.oasis-open.org/ns/search-ws/xcql">',
    ),
  ); // true

  const records = [
    createRecord(undefined, [
      controlField('001', 'reef-1'),
      controlField('008', '000101s1999    fr            000 0 fre  '),
      dataField('245', '1', '0', [['a', 'Guide des récifs coralliens / A Guide to Coral Reefs']]),
    ]),
  ];
  const handler = createSruHandler({ backend: createMarcBackend(records) }); // (Request) => Promise<Response>

  const client = new SruClient({
    url: 'http://sru.example/',
    version: '2.0',
    fetch: async (input, init) => handler(new Request(input, init)),
  });
  const page = await client.searchRetrieve(query, { recordSchema: 'dc' });
  console.log(page.numberOfRecords, page.records[0]?.data.includes('<dc:title>')); // 1 true
}
