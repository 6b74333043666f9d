// One search: the SRU client's record iterator (it follows nextRecordPosition across pages) up to
// `max` records, each turned into text as it arrives.
import { SruClient, type SruClientVersion } from '@bibwire/sru-cql/client';
import { showRecord } from './show.js';

export interface SearchOptions {
  readonly url: string;
  readonly query: string;
  /** Default 10. */
  readonly max?: number;
  /** recordSchema; default `dc`. */
  readonly schema?: string;
  /** Default 1.2 (what most servers, Koha's Zebra included, speak). */
  readonly version?: SruClientVersion;
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
}

export interface SearchOutcome {
  readonly total: number;
  readonly shown: number;
}

export async function search(options: SearchOptions, print: (text: string) => void): Promise<SearchOutcome> {
  const client = new SruClient({
    url: options.url,
    version: options.version ?? '1.2',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const max = options.max ?? 10;
  const schema = options.schema ?? 'dc';
  // The first page tells the total; the iterator then continues from where it ends.
  const first = await client.searchRetrieve(options.query, {
    maximumRecords: Math.min(max, 50),
    recordSchema: schema,
  });
  print(`${first.numberOfRecords} records match ${options.query}\n`);
  let shown = 0;
  for (const record of first.records) {
    if (shown >= max) break;
    print(showRecord(record, record.position ?? shown + 1));
    shown++;
  }
  const next = first.nextRecordPosition;
  if (shown < max && next !== undefined && first.records.length > 0) {
    for await (const record of client.records(options.query, {
      startRecord: next,
      recordSchema: schema,
      limit: max - shown,
    })) {
      print(showRecord(record, record.position ?? shown + 1));
      shown++;
    }
  }
  return { total: first.numberOfRecords, shown };
}
