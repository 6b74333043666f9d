import { build, decode, encode, type Sip2Message } from '@bibwire/sip2';
import { MemoryIls, SipSession } from '@bibwire/sip2/server';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';

// The delimiter is framing only: the same requests on a `^` (or `~`) account and on a `|` account
// get the same answers, field for field.
const NOW = new Date('2026-03-02T10:00:00Z');

function session(delimiter: string | undefined) {
  const ils = new MemoryIls(
    {
      patrons: [
        { id: 'p1', name: 'One', password: '1111' },
        { id: 'p2', name: 'Two' },
      ],
      items: Array.from({ length: 5 }, (_, i) => ({
        id: `i${i}`,
        title: `Title ${i}`,
        titleId: `t${i % 2}`,
      })),
    },
    { now: () => NOW },
  );
  const account = { loginId: 'k', password: 'p', institutionId: 'MAIN', ...(delimiter ? { delimiter } : {}) };
  const s = new SipSession(
    {
      ils,
      accounts: new Map([['k', account]]),
      institutions: new Map([['MAIN', { id: 'MAIN', name: 'Main' }]]),
      allowStatusBeforeLogin: true,
      requireLogin: true,
      maxSummaryItems: 50,
    },
    { loginAllowed: () => true, loginResult: () => {}, ilsError: () => {} },
  );
  let loggedIn = false;
  return async (m: Sip2Message) => {
    const options = loggedIn && delimiter ? { fieldDelimiter: delimiter } : {};
    const raw = encode(m, options);
    const out = await s.handle({ kind: 'message', raw, decoded: decode(raw, options) });
    if (out.kind !== 'reply') throw new Error(`expected a reply, got ${out.kind}`);
    const reply = decode(
      out.bytes,
      delimiter && (loggedIn || m.code === '93') ? { fieldDelimiter: delimiter } : {},
    );
    if (m.code === '93') loggedIn = true;
    return reply;
  };
}

const inst = { institutionId: 'MAIN' };
const patron = fc.constantFrom('p1', 'p2', 'px');
const item = fc.constantFrom('i0', 'i1', 'i2', 'i3', 'i4', 'ix');
const request: fc.Arbitrary<Sip2Message> = fc.oneof(
  fc
    .record({ p: patron, i: item })
    .map(({ p, i }) => build.checkout({ ...inst, patronIdentifier: p, itemIdentifier: i })),
  item.map((i) => build.checkin({ ...inst, itemIdentifier: i })),
  fc
    .record({ p: patron, i: item })
    .map(({ p, i }) => build.renew({ ...inst, patronIdentifier: p, itemIdentifier: i })),
  fc
    .record({ p: patron, i: item })
    .map(({ p, i }) => build.hold({ ...inst, holdMode: 'add', patronIdentifier: p, itemIdentifier: i })),
  item.map((i) => build.itemInformation({ ...inst, itemIdentifier: i })),
  fc
    .record({ p: patron, pin: fc.constantFrom('1111', 'bad', '') })
    .map(({ p, pin }) =>
      build.patronInformation({ ...inst, patronIdentifier: p, patronPassword: pin, summary: 'chargedItems' }),
    ),
  fc.constant(build.scStatus({})),
);

/** A reply without the fixed fields that hold the current time. */
const comparable = (m: Sip2Message) => ({
  code: m.code,
  fields: m.fields,
  fixed: Object.fromEntries(Object.entries(m.fixed).filter(([name]) => !/date|sync/i.test(name))),
});

describe('delimiters are framing only', () => {
  test.prop([fc.constantFrom('^', '~', '!'), fc.array(request, { maxLength: 25 })], { numRuns: 40 })(
    'a custom-delimiter account answers like a `|` account',
    async (delimiter, requests) => {
      const pipe = session(undefined);
      const other = session(delimiter);
      const login = build.login({ loginUserId: 'k', loginPassword: 'p' });
      expect((await pipe(login)).message.fixed).toEqual((await other(login)).message.fixed);
      for (const r of requests) {
        const a = await pipe(r);
        const b = await other(r);
        expect(b.warnings).toEqual([]);
        expect(comparable(b.message)).toEqual(comparable(a.message));
      }
    },
  );
});
