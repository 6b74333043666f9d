import { build, decode, encode, getFields, type Sip2Message } from '@bibwire/sip2';
import { MemoryIls, SipSession } from '@bibwire/sip2/server';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

// Drives SipSession directly (no sockets): random transactions from a logged-in terminal.
function session(errorDetection: 'on' | 'off' | 'auto' = 'auto') {
  const ils = new MemoryIls({
    patrons: [
      { id: 'p1', name: 'One' },
      { id: 'p2', name: 'Two' },
    ],
    items: Array.from({ length: 6 }, (_, i) => ({ id: `i${i}`, title: `T${i}`, titleId: `t${i % 3}` })),
  });
  const s = new SipSession(
    {
      ils,
      accounts: new Map([['k', { loginId: 'k', password: 'p', institutionId: 'MAIN', errorDetection }]]),
      institutions: new Map([['MAIN', { id: 'MAIN' }]]),
      allowStatusBeforeLogin: true,
      requireLogin: true,
      maxSummaryItems: 50,
    },
    { loginAllowed: () => true, loginResult: () => {}, ilsError: () => {} },
  );
  const send = async (m: Sip2Message) => {
    const raw = encode(m);
    const out = await s.handle({ kind: 'message', raw, decoded: decode(raw) });
    if (out.kind !== 'reply') throw new Error(`expected a reply, got ${out.kind}`);
    return decode(out.bytes);
  };
  return { ils, send };
}

const inst = { institutionId: 'MAIN' };
const patron = fc.constantFrom('p1', 'p2', 'px');
const item = fc.constantFrom('i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'ix');
const request = fc.oneof(
  fc
    .record({ p: patron, i: item })
    .map(({ p, i }) =>
      build.checkout({ ...inst, patronIdentifier: p, itemIdentifier: i, scRenewalPolicy: true }),
    ),
  item.map((i) => build.checkin({ ...inst, itemIdentifier: i })),
  fc
    .record({ p: patron, i: item })
    .map(({ p, i }) => build.renew({ ...inst, patronIdentifier: p, itemIdentifier: i })),
  patron.map((p) => build.renewAll({ ...inst, patronIdentifier: p })),
  fc
    .record({ p: patron, i: item, add: fc.boolean() })
    .map(({ p, i, add }) =>
      build.hold({ ...inst, holdMode: add ? 'add' : 'delete', patronIdentifier: p, itemIdentifier: i }),
    ),
  item.map((i) => build.itemInformation({ ...inst, itemIdentifier: i })),
);

describe('SipSession', () => {
  test.prop([fc.array(request, { maxLength: 40 }), fc.integer({ min: 0, max: 9 })], { numRuns: 50 })(
    'random transactions: every request gets its response code, an item is out to at most one patron, 64 counts equal its lists',
    async (requests, seq) => {
      const { send, ils } = session();
      expect(
        (
          await send({
            ...build.login({ loginUserId: 'k', loginPassword: 'p' }),
            sequence: seq,
            checksum: true,
          })
        ).message.sequence,
      ).toBe(seq);
      const answers: Record<string, string> = {
        '11': '12',
        '09': '10',
        '29': '30',
        '65': '66',
        '15': '16',
        '17': '18',
      };
      for (const r of requests) {
        const reply = await send(r);
        expect(reply.message.code).toBe(answers[r.code]);
      }
      const loans = ils.snapshot().loans!;
      expect(new Set(loans.map((l) => l.itemId)).size).toBe(loans.length);
      for (const p of ['p1', 'p2']) {
        for (const summary of ['chargedItems', 'holdItems', 'unavailableHoldItems'] as const) {
          const info = (await send(build.patronInformation({ ...inst, patronIdentifier: p, summary })))
            .message;
          const count = {
            chargedItems: 'chargedItemsCount',
            holdItems: 'holdItemsCount',
            unavailableHoldItems: 'unavailableHoldsCount',
          }[summary];
          const id = { chargedItems: 'AU', holdItems: 'AS', unavailableHoldItems: 'CD' }[summary];
          expect(Number((info.fixed as Record<string, string>)[count])).toBe(getFields(info, id).length);
        }
        const charged = (
          await send(build.patronInformation({ ...inst, patronIdentifier: p, summary: 'chargedItems' }))
        ).message;
        expect(getFields(charged, 'AU').sort()).toEqual(
          loans
            .filter((l) => l.patronId === p)
            .map((l) => l.itemId)
            .sort(),
        );
      }
    },
  );

  it('with error detection on, a message without AY/AZ is answered with 96', async () => {
    const { send } = session('on');
    expect(
      (await send({ ...build.login({ loginUserId: 'k', loginPassword: 'p' }), sequence: 0, checksum: true }))
        .message.code,
    ).toBe('94');
    expect((await send(build.itemInformation({ ...inst, itemIdentifier: 'i1' }))).message.code).toBe('96');
    const ok = await send({
      ...build.itemInformation({ ...inst, itemIdentifier: 'i1' }),
      sequence: 3,
      checksum: true,
    });
    expect(ok.message).toMatchObject({ code: '18', sequence: 3 });
    expect(ok.checksum.valid).toBe(true);
  });

  it('with error detection off, replies carry no AY/AZ even when asked', async () => {
    const { send } = session('off');
    await send(build.login({ loginUserId: 'k', loginPassword: 'p' }));
    const r = await send({
      ...build.itemInformation({ ...inst, itemIdentifier: 'i1' }),
      sequence: 3,
      checksum: true,
    });
    expect(r.checksum.present).toBe(false);
    expect(r.message.sequence).toBeUndefined();
  });
});
