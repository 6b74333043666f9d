import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseCql, SruError } from '../src/index.js';
import { createMarcBackend, createSruHandler } from '../src/server.js';
import { parseXml } from '../src/xml/dom.js';
import { cqlish, cqlQuery } from './arbitraries.js';
import { BOOKS } from './fixtures.js';

const backend = createMarcBackend(BOOKS);
const handler = createSruHandler({ backend });
const schema = backend.describe().schemas[0];

const paramName = fc.constantFrom(
  'operation',
  'version',
  'query',
  'startRecord',
  'maximumRecords',
  'recordPacking',
  'recordXMLEscaping',
  'recordSchema',
  'sortKeys',
  'scanClause',
  'responsePosition',
  'maximumTerms',
  'queryType',
  'stylesheet',
  'x-extra',
  'bogus',
);
const paramValue = fc.oneof(
  cqlish,
  fc.constantFrom(
    'searchRetrieve',
    'scan',
    'explain',
    '1.1',
    '1.2',
    '2.0',
    '0',
    '1',
    '-1',
    '99999999999999999999',
    'xml',
    'string',
    'dc',
    'marcxml',
  ),
  fc.string({ maxLength: 12 }),
);

describe('server and translator properties', () => {
  test.prop([fc.array(fc.tuple(paramName, paramValue), { maxLength: 6 }), fc.boolean()], { numRuns: 60 })(
    'any request gets HTTP 200 and a well-formed SRU document',
    async (params, post) => {
      const query = new URLSearchParams(params).toString();
      const request = post
        ? new Request('http://x/', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: query,
          })
        : new Request(`http://x/?${query}`);
      const res = await handler(request);
      expect(res.status).toBe(200);
      const root = parseXml(await res.text());
      expect(['explainResponse', 'searchRetrieveResponse', 'scanResponse']).toContain(root.name);
    },
  );

  test.prop([cqlQuery()], { numRuns: 60 })(
    'any parsed query searches or fails with an SRU diagnostic',
    (q) => {
      try {
        const r = backend.search({
          query: q,
          startRecord: 1,
          maximumRecords: 10,
          schema,
          sortKeys: q.sortKeys,
        });
        expect(r.numberOfRecords).toBeGreaterThanOrEqual(r.records.length);
      } catch (e) {
        expect(SruError.is(e) && e.code === 'UNSUPPORTED' && typeof e.diagnostic === 'number').toBe(true);
      }
    },
  );

  test.prop([cqlish], { numRuns: 60 })('CQL-like strings search or fail with a diagnostic', (s) => {
    try {
      const q = parseCql(s);
      backend.search({ query: q, startRecord: 1, maximumRecords: 10, schema, sortKeys: q.sortKeys });
    } catch (e) {
      expect(SruError.is(e) && typeof e.diagnostic === 'number').toBe(true);
    }
  });
});
