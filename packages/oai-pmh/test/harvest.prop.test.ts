import { formatUtcDate } from '@bibwire/oai-pmh';
import { OaiHarvester } from '@bibwire/oai-pmh/client';
import { createOaiHandler, type MemoryItemInput, MemoryRepository } from '@bibwire/oai-pmh/server';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { dcFormat, type TinyRecord } from './fixtures.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2021, 5, 1);
const SETS = ['a', 'a:x', 'a:y', 'b'];

const itemArb = fc.record({
  id: fc.integer({ min: 1, max: 400 }),
  // Few distinct datestamps so many items share one: the identifier must break ties.
  offset: fc.integer({ min: 0, max: 20 }).map((n) => n * (DAY / 4)),
  sets: fc.subarray(SETS, { maxLength: 2 }),
  deleted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

const queryArb = fc.record({
  from: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  span: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  set: fc.option(fc.constantFrom(...SETS), { nil: undefined }),
  policy: fc.constantFrom('no' as const, 'persistent' as const),
  verb: fc.constantFrom('ListRecords' as const, 'ListIdentifiers' as const),
});

test.prop([
  fc.uniqueArray(itemArb, { selector: (i) => i.id, maxLength: 80, size: 'medium' }),
  fc.integer({ min: 1, max: 12 }),
  queryArb,
])(
  'a full harvest through the tokens returns every selected record exactly once, in order',
  async (raw, pageSize, q) => {
    const items: MemoryItemInput<TinyRecord>[] = raw.map((r) => ({
      identifier: `oai:t.org:${r.id}`,
      datestamp: T0 + r.offset,
      setSpecs: r.sets,
      ...(r.deleted ? { deleted: true } : { record: { title: `t${r.id}` } }),
    }));
    const handler = createOaiHandler<TinyRecord>({
      repository: new MemoryRepository({ items, sets: SETS.map((s) => ({ setSpec: s, setName: s })) }),
      formats: [dcFormat],
      repositoryName: 'prop',
      adminEmails: ['a@t.org'],
      pageSize,
      deletedRecord: q.policy,
      tokenSecret: 'k',
      granularity: 'YYYY-MM-DD',
    });
    const harvester = new OaiHarvester({
      baseUrl: 'http://t.org/oai',
      fetch: (url, init) => handler(new Request(url, init)),
      retries: 0,
    });
    const fromMs = q.from === undefined ? undefined : T0 + q.from * DAY;
    const untilMs = q.span === undefined ? undefined : T0 + ((q.from ?? 0) + q.span) * DAY;
    const options = {
      metadataPrefix: 'oai_dc',
      ...(fromMs !== undefined && { from: formatUtcDate(fromMs, 'YYYY-MM-DD') }),
      ...(untilMs !== undefined && { until: formatUtcDate(untilMs, 'YYYY-MM-DD') }),
      ...(q.set !== undefined && { set: q.set }),
    };
    const got: string[] = [];
    if (q.verb === 'ListRecords') {
      for await (const r of harvester.listRecords(options)) {
        got.push(r.header.identifier);
        expect(r.metadata === undefined).toBe(r.header.deleted);
      }
    } else {
      for await (const h of harvester.listIdentifiers(options)) got.push(h.identifier);
    }
    const expected = items
      .filter((i) => q.policy !== 'no' || !i.deleted)
      .filter((i) => fromMs === undefined || (i.datestamp as number) >= fromMs)
      .filter((i) => untilMs === undefined || (i.datestamp as number) < untilMs + DAY)
      .filter(
        (i) =>
          q.set === undefined || (i.setSpecs ?? []).some((s) => s === q.set || s.startsWith(`${q.set}:`)),
      )
      .sort(
        (a, b) =>
          (a.datestamp as number) - (b.datestamp as number) ||
          (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0),
      )
      .map((i) => i.identifier);
    expect(got).toEqual(expected);
  },
);

test.prop([
  fc.uniqueArray(itemArb, { selector: (i) => i.id, maxLength: 60 }),
  queryArb,
  fc.array(itemArb, { maxLength: 10 }),
])(
  'MemoryRepository.countItems equals the number of items a full listing returns, after puts too',
  (raw, q, updates) => {
    const toInput = (r: (typeof raw)[number]) => ({
      identifier: `oai:t.org:${r.id}`,
      datestamp: T0 + r.offset,
      setSpecs: r.sets,
      ...(r.deleted ? { deleted: true } : { record: { title: `t${r.id}` } }),
    });
    const repo = new MemoryRepository<TinyRecord>({ items: raw.map(toInput) });
    for (const u of updates) repo.put(toInput(u));
    const query = {
      metadataPrefix: 'oai_dc',
      includeDeleted: q.policy !== 'no',
      ...(q.from !== undefined && { from: T0 + q.from * DAY }),
      ...(q.span !== undefined && { until: T0 + ((q.from ?? 0) + q.span) * DAY }),
      ...(q.set !== undefined && { set: q.set }),
    };
    expect(repo.countItems(query)).toBe(repo.listItems({ ...query, limit: 1000 }).length);
  },
);
