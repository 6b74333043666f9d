import {
  type FieldCondition,
  type KohaQuery,
  kq,
  parseKohaQuery,
  serializeKohaQuery,
  type Vendor,
} from '@bibwire/koha-client';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

// JSON has no -0, NaN or Infinity: generated numbers stay representable.
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);
const field = fc.oneof(
  fc.constantFrom('name', 'surname', 'library_id', 'biblio.title', 'me.date_due', '__proto__', 'constructor'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.startsWith('-')),
);

const operator: fc.Arbitrary<FieldCondition> = fc.oneof(
  scalar.map((v) => kq.eq(v)),
  scalar.map((v) => kq.ne(v)),
  scalar.map((v) => kq.lt(v)),
  scalar.map((v) => kq.ge(v)),
  scalar.map((v) => kq.not(v)),
  fc.string().map((s) => kq.like(s)),
  fc.string().map((s) => kq.notLike(s)),
  fc.array(scalar, { maxLength: 4 }).map((vs) => kq.in(vs)),
  fc.array(scalar, { maxLength: 4 }).map((vs) => kq.notIn(vs)),
  fc.tuple(scalar, scalar).map(([a, b]) => kq.between(a, b)),
  fc.tuple(scalar, scalar).map(([a, b]) => kq.notBetween(a, b)),
  fc.string({ minLength: 1 }).map((f) => kq.ident(f)),
  fc.string().map((s) => kq.regexp(s)),
);

const { condition } = fc.letrec<{ condition: FieldCondition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    operator,
    fc.array(tie('condition'), { maxLength: 3 }),
    fc.array(tie('condition'), { maxLength: 3 }).map((cs) => kq.anyOf(...cs)),
    fc.array(tie('condition'), { maxLength: 3 }).map((cs) => kq.allOf(...cs)),
  ),
}));

const { query } = fc.letrec<{ query: KohaQuery }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.dictionary(field, condition, { maxKeys: 4 }).map((fields) => kq.where(fields)),
    fc.array(tie('query'), { maxLength: 3 }),
    fc.array(tie('query'), { maxLength: 3 }).map((qs) => kq.and(...qs)),
    fc.array(tie('query'), { maxLength: 3 }).map((qs) => kq.or(...qs)),
  ),
}));

describe('q builder', () => {
  test.prop([query])('output is valid JSON that round-trips to the same query', (q) => {
    const text = serializeKohaQuery(q);
    expect(() => JSON.parse(text)).not.toThrow();
    expect(parseKohaQuery(text)).toEqual(q);
    expect(serializeKohaQuery(parseKohaQuery(text))).toBe(text);
  });

  test.prop([fc.string({ maxLength: 80 })])('arbitrary text parses or fails with INVALID_QUERY', (s) => {
    try {
      parseKohaQuery(s);
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_QUERY' });
    }
  });

  test.prop([fc.json()])('arbitrary JSON parses or fails with INVALID_QUERY and a path', (s) => {
    try {
      parseKohaQuery(s);
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_QUERY', field: expect.stringMatching(/^\$/) });
    }
  });

  it('builds the documented forms (golden)', () => {
    expect(serializeKohaQuery(kq.where<Vendor>({ name: kq.like('Acme%'), active: true }))).toBe(
      '{"name":{"-like":"Acme%"},"active":true}',
    );
    expect(serializeKohaQuery(kq.where({ 'me.surname': kq.in(['Smith', 'Jones']) }))).toBe(
      '{"me.surname":{"-in":["Smith","Jones"]}}',
    );
    expect(serializeKohaQuery(kq.where({ date_due: kq.between('2026-01-01', '2026-02-01') }))).toBe(
      '{"date_due":{"-between":["2026-01-01","2026-02-01"]}}',
    );
    expect(serializeKohaQuery(kq.or(kq.where({ surname: 'Smith' }), kq.where({ firstname: 'Ann' })))).toBe(
      '{"-or":[{"surname":"Smith"},{"firstname":"Ann"}]}',
    );
    expect(serializeKohaQuery([{ surname: 'Smith' }, { surname: 'Jones' }])).toBe(
      '[{"surname":"Smith"},{"surname":"Jones"}]',
    );
    expect(serializeKohaQuery(kq.where({ priority: kq.anyOf(kq.lt(2), kq.gt(8)) }))).toBe(
      '{"priority":{"-or":[{"<":2},{">":8}]}}',
    );
    expect(serializeKohaQuery(kq.where({ checkin_date: null, 'item.barcode': kq.notLike('TMP%') }))).toBe(
      '{"checkin_date":null,"item.barcode":{"-not_like":"TMP%"}}',
    );
  });

  it('refuses what Koha would not understand, with the path', () => {
    expect(() => parseKohaQuery('{"name":{"-likee":"x"}}')).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY', field: '$.name.-likee' }),
    );
    expect(() => parseKohaQuery('{"x":{"-between":[1]}}')).toThrow(
      expect.objectContaining({ field: '$.x.-between' }),
    );
    expect(() => parseKohaQuery('{"x":{"-in":"a"}}')).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY' }),
    );
    expect(() => parseKohaQuery('{"-nand":[]}')).toThrow(expect.objectContaining({ field: '$.-nand' }));
    expect(() => parseKohaQuery('"text"')).toThrow(expect.objectContaining({ field: '$' }));
    expect(() => parseKohaQuery('{bad')).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }));
    expect(() => serializeKohaQuery({ x: Number.NaN })).toThrow(expect.objectContaining({ field: '$.x' }));
    expect(() => serializeKohaQuery({ x: {} })).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }));
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => serializeKohaQuery({ x: deep as FieldCondition })).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY' }),
    );
  });
});
