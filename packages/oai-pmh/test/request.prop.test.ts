import { formatUtcDate, parseUtcDate } from '@bibwire/oai-pmh';
import { OaiResponseParser } from '@bibwire/oai-pmh/client';
import { parseOaiArguments } from '@bibwire/oai-pmh/server';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BASE, makeHandler } from './fixtures.js';

const handler = makeHandler();
const names = fc.constantFrom(
  'verb',
  'identifier',
  'metadataPrefix',
  'from',
  'until',
  'set',
  'resumptionToken',
  'x',
);
const values = fc.oneof(
  fc.constantFrom(
    'Identify',
    'ListRecords',
    'ListIdentifiers',
    'ListSets',
    'GetRecord',
    'ListMetadataFormats',
  ),
  fc.constantFrom('oai_dc', 'oai:example.org:3', '2020-01-02', '2020-01-02T00:00:00Z', 'books', 'maps:x', ''),
  fc.string({ maxLength: 20 }),
);

describe('any request gets a well-formed OAI-PMH answer', () => {
  test.prop([fc.array(fc.tuple(names, values), { maxLength: 6 }), fc.boolean()])(
    'GET or POST, the body parses and holds either errors or exactly the verb asked',
    async (pairs, post) => {
      const query = new URLSearchParams(pairs).toString();
      const request = post
        ? new Request(BASE, {
            method: 'POST',
            body: query,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          })
        : new Request(`${BASE}?${query}`);
      const response = await handler(request);
      expect(response.status).toBe(200);
      const parser = new OaiResponseParser();
      parser.write(await response.text());
      parser.end();
      const { errors, verb } = parser.envelope;
      expect(errors.length > 0 !== (verb !== undefined)).toBe(true);
      if (verb) expect(pairs.filter(([k]) => k === 'verb').map(([, v]) => v)).toEqual([verb]);
    },
  );
});

describe('dates', () => {
  const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) });
  test.prop([instant])('formatUtcDate and parseUtcDate round-trip in both granularities', (ms) => {
    const seconds = formatUtcDate(ms);
    expect(parseUtcDate(seconds)?.start).toBe(Math.floor(ms / 1000) * 1000);
    const day = formatUtcDate(ms, 'YYYY-MM-DD');
    const parsed = parseUtcDate(day)!;
    expect(parsed.start <= ms && ms < parsed.end).toBe(true);
  });

  test.prop([fc.string({ maxLength: 25 })])('parseUtcDate never throws', (text) => {
    const d = parseUtcDate(text);
    if (d) expect(formatUtcDate(d.start, d.granularity)).toBe(text);
  });

  it('parseOaiArguments keeps arguments verbatim when valid', () => {
    expect(
      parseOaiArguments(
        [
          ['verb', 'ListRecords'],
          ['metadataPrefix', 'oai_dc'],
          ['set', 'a:b'],
          ['from', '2020-01-01'],
        ],
        'YYYY-MM-DD',
      ),
    ).toEqual({
      ok: true,
      verb: 'ListRecords',
      args: { metadataPrefix: 'oai_dc', set: 'a:b', from: '2020-01-01' },
    });
  });
});
