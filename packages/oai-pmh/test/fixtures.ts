// Shared test fixtures: a memory repository of tiny records with a Dublin Core format.
import type { MetadataFormat } from '@bibwire/oai-pmh';
import { escapeText } from '@bibwire/oai-pmh';
import {
  createOaiHandler,
  type MemoryItemInput,
  MemoryRepository,
  type OaiProviderOptions,
} from '@bibwire/oai-pmh/server';

export interface TinyRecord {
  readonly title: string;
}

export const dcFormat: MetadataFormat<TinyRecord> = {
  metadataPrefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  metadataNamespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  render: (r) =>
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${escapeText(r.title)}</dc:title></oai_dc:dc>`,
};

export const BASE = 'http://127.0.0.1/oai';
export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 1);

export function sampleItems(n: number): MemoryItemInput<TinyRecord>[] {
  return Array.from({ length: n }, (_, i) => ({
    identifier: `oai:example.org:${i + 1}`,
    datestamp: T0 + Math.floor(i / 3) * DAY + (i % 3) * 1000,
    setSpecs: i % 2 === 0 ? ['books', 'books:fiction'] : ['maps'],
    ...(i % 7 === 6 ? { deleted: true } : { record: { title: `Title ${i + 1} & <more>` } }),
  }));
}

export function makeHandler(
  items: MemoryItemInput<TinyRecord>[] = sampleItems(25),
  extra: Partial<OaiProviderOptions<TinyRecord>> = {},
) {
  const repository = new MemoryRepository<TinyRecord>({
    items,
    sets: [
      { setSpec: 'books:fiction', setName: 'Fiction' },
      { setSpec: 'maps', setName: 'Maps' },
    ],
  });
  return createOaiHandler<TinyRecord>({
    repository,
    formats: [dcFormat],
    repositoryName: 'Test repository',
    adminEmails: ['admin@example.org'],
    baseUrl: BASE,
    deletedRecord: 'persistent',
    pageSize: 10,
    tokenSecret: 'test secret',
    repositoryIdentifier: 'example.org',
    now: () => Date.UTC(2024, 0, 15, 10),
    ...extra,
  });
}

export async function get(handler: (r: Request) => Promise<Response>, query: string): Promise<string> {
  const res = await handler(new Request(`${BASE}?${query}`));
  return res.text();
}
