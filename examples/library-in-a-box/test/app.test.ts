import { describe, expect, it } from 'vitest';
import { createDemoHandler } from '../src/app.js';
import { loadCatalogue } from '../src/catalogue.js';

const catalogue = loadCatalogue();
const handle = createDemoHandler(catalogue, { httpPort: 8080, sipPort: 6001 });
const get = (path: string) => handle(new Request(`http://127.0.0.1:8080${path}`));

describe('demo catalogue', () => {
  it('has a few hundred records with items and unique ids and barcodes', () => {
    expect(catalogue.records.length).toBeGreaterThanOrEqual(300);
    const ids = catalogue.records.map((r) => r.fields.find((f) => f.tag === '001'));
    expect(new Set(ids.map((f) => (f && 'value' in f ? f.value : ''))).size).toBe(catalogue.records.length);
    expect(new Set(catalogue.items.map((i) => i.barcode)).size).toBe(catalogue.items.length);
    expect(loadCatalogue().items).toEqual(catalogue.items); // deterministic
  });
});

describe('demo HTTP', () => {
  it('serves the page', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('library in a box');
  });

  it('searches over SRU and reads one record as MARCXML with its items', async () => {
    const search = await (
      await get('/sru?version=2.0&operation=searchRetrieve&query=dc.title%3Datlas&recordSchema=dc')
    ).text();
    expect(Number(/numberOfRecords>(\d+)</.exec(search)?.[1])).toBeGreaterThan(0);
    const one = await (
      await get('/sru?version=2.0&operation=searchRetrieve&query=rec.id%3Dbw000001&recordSchema=marcxml')
    ).text();
    expect(one).toContain('tag="952"');
    expect(one).toMatch(/numberOfRecords>1</);
  });

  it('answers OAI-PMH Identify, ListSets and ListRecords', async () => {
    expect(await (await get('/oai?verb=Identify')).text()).toContain(
      '<repositoryName>bibwire library in a box</repositoryName>',
    );
    const sets = await (await get('/oai?verb=ListSets')).text();
    expect(sets).toContain('<setSpec>main</setSpec>');
    const records = await (await get('/oai?verb=ListRecords&metadataPrefix=oai_dc&set=east')).text();
    expect(records).toContain('<oai_dc:dc');
    expect(records).toContain('resumptionToken');
  });

  it('renders barcodes as PNG and lists a record’s items', async () => {
    const item = catalogue.items[0]!;
    const png = await get(`/svc/barcode?type=Code39&barcode=${item.barcode}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await (await get(`/api/records/${item.recordId}/items`)).json()).toContainEqual(item);
    expect((await get('/nope')).status).toBe(404);
  });
});
