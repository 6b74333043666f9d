import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseCql, parseCqlJson, parseXcql, SruError, toCql, toCqlJson, toXcql } from '../src/index.js';
import { cqlish, cqlQuery } from './arbitraries.js';

describe('CQL properties', () => {
  test.prop([cqlQuery()])('parse ∘ toCql is the identity on trees', (q) => {
    expect(parseCql(toCql(q))).toEqual(q);
  });

  test.prop([cqlQuery()])('toCql is a fixed point after one round', (q) => {
    const text = toCql(q);
    expect(toCql(parseCql(text))).toBe(text);
  });

  test.prop([cqlQuery()])('JSON round trip', (q) => {
    expect(parseCqlJson(toCqlJson(q))).toEqual(q);
  });

  test.prop([cqlQuery()])('XCQL 1.x round trip', (q) => {
    expect(parseXcql(toXcql(q))).toEqual(q);
  });

  test.prop([cqlQuery(false)])('XCQL 2.0 round trip (prefixes at the root only)', (q) => {
    expect(parseXcql(toXcql(q, { version: '2.0', indent: 2 }))).toEqual(q);
  });

  test.prop([fc.oneof(fc.string({ maxLength: 60 }), fc.string({ maxLength: 30, unit: 'binary' }), cqlish)])(
    'arbitrary input parses or throws SruError',
    (s) => {
      try {
        const q = parseCql(s);
        expect(parseCql(toCql(q))).toEqual(q);
      } catch (e) {
        expect(SruError.is(e)).toBe(true);
        const err = e as SruError;
        expect([10, 12, 13, 14, 38]).toContain(err.diagnostic);
        expect(err.offset).toBeGreaterThanOrEqual(0);
        expect(err.offset).toBeLessThanOrEqual(s.length);
      }
    },
  );

  test.prop([fc.string({ maxLength: 200 })])('arbitrary XCQL/JSON input gives a tree or SruError', (s) => {
    for (const read of [parseXcql, parseCqlJson]) {
      try {
        read(s);
      } catch (e) {
        expect(SruError.is(e)).toBe(true);
      }
    }
  });
});
