import { createTokenCodec, OaiError, type ResumptionState } from '@bibwire/oai-pmh';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { get, makeHandler } from './fixtures.js';

const codec = createTokenCodec('secret one');
const state: ResumptionState = {
  verb: 'ListRecords',
  metadataPrefix: 'oai_dc',
  from: '2020-01-01',
  set: 'a:b',
  after: { datestamp: 1_600_000_000_000, identifier: 'oai:x.org:1' },
  cursor: 100,
  completeListSize: 1234,
  expires: 2_000_000_000_000,
};

const stateArb: fc.Arbitrary<ResumptionState> = fc.record(
  {
    verb: fc.constantFrom('ListRecords' as const, 'ListIdentifiers' as const, 'ListSets' as const),
    metadataPrefix: fc.string(),
    from: fc.string(),
    until: fc.string(),
    set: fc.string(),
    after: fc.oneof(
      fc.string(),
      fc.record({
        datestamp: fc.integer({ min: -1e13, max: 1e13 }),
        identifier: fc.string({ unit: 'grapheme' }),
      }),
    ),
    cursor: fc.nat(),
    completeListSize: fc.nat(),
    expires: fc.integer({ min: 1, max: 2 ** 50 }),
  },
  { requiredKeys: ['verb', 'after', 'cursor', 'expires'] },
);

describe('resumption token codec', () => {
  it('round-trips a state', async () => {
    expect(await codec.decode(await codec.encode(state), 0)).toEqual(state);
  });

  test.prop([stateArb])('decode(encode(s)) equals s for any state', async (s) => {
    expect(await codec.decode(await codec.encode(s), 0)).toEqual(s);
  });

  test.prop([stateArb, fc.nat(), fc.integer({ min: 1, max: 255 })])(
    'changing any one character of a token makes it refused',
    async (s, where, delta) => {
      const token = await codec.encode(s);
      const i = where % token.length;
      const ch = String.fromCharCode((token.charCodeAt(i) + delta) % 128);
      const tampered = token.slice(0, i) + ch + token.slice(i + 1);
      fc.pre(tampered !== token);
      await expect(codec.decode(tampered, 0)).rejects.toMatchObject({ code: 'BAD_RESUMPTION_TOKEN' });
    },
  );

  test.prop([fc.string({ maxLength: 300 })])(
    'arbitrary text is refused with the typed error',
    async (text) => {
      const result = await codec.decode(text, 0).then(
        () => 'accepted',
        (e: unknown) => (OaiError.is(e) ? e.code : 'other'),
      );
      expect(result).toBe('BAD_RESUMPTION_TOKEN');
    },
  );

  it('refuses a token signed with another key, and an expired one', async () => {
    const token = await createTokenCodec('secret two').encode(state);
    await expect(codec.decode(token, 0)).rejects.toMatchObject({ code: 'BAD_RESUMPTION_TOKEN' });
    const good = await codec.encode(state);
    await expect(codec.decode(good, state.expires)).rejects.toThrow(/expired/);
  });

  it('refuses an empty secret', () => {
    expect(() => createTokenCodec('')).toThrow(OaiError);
  });
});

describe('tokens over the protocol', () => {
  const tokenOf = (xml: string): string => /<resumptionToken[^>]*>([^<]*)</.exec(xml)?.[1] ?? '';

  it('a tampered token gives badResumptionToken', async () => {
    const h = makeHandler();
    const token = tokenOf(await get(h, 'verb=ListRecords&metadataPrefix=oai_dc'));
    expect(token).not.toBe('');
    const tampered = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    const xml = await get(h, `verb=ListRecords&resumptionToken=${encodeURIComponent(tampered)}`);
    expect(xml).toContain('<error code="badResumptionToken">');
    expect(xml).toContain('resumptionToken=');
  });

  it('a stale token (past expirationDate) gives badResumptionToken', async () => {
    let now = Date.UTC(2024, 0, 15);
    const h = makeHandler(undefined, { now: () => now, tokenTtlSeconds: 60 });
    const token = tokenOf(await get(h, 'verb=ListIdentifiers&metadataPrefix=oai_dc'));
    now += 61_000;
    const xml = await get(h, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`);
    expect(xml).toContain('<error code="badResumptionToken">resumptionToken has expired</error>');
  });

  it('a token from one verb is refused by another', async () => {
    const h = makeHandler();
    const token = tokenOf(await get(h, 'verb=ListIdentifiers&metadataPrefix=oai_dc'));
    const xml = await get(h, `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
    expect(xml).toContain('<error code="badResumptionToken">');
  });

  it('a token from a provider with another secret is refused', async () => {
    const token = tokenOf(await get(makeHandler(), 'verb=ListRecords&metadataPrefix=oai_dc'));
    const other = makeHandler(undefined, { tokenSecret: 'another secret' });
    const xml = await get(other, `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`);
    expect(xml).toContain('<error code="badResumptionToken">');
  });
});
