// Whatever Koha answers to the circulation calls, they resolve or throw KohaError, and the helpers
// that read Koha's refusals never throw. The fetch is injected, so no server is needed.
import { isMissingRoute, KohaClient, KohaError, renewalRefusalReason } from '@bibwire/koha-client';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

const answer = fc.record({
  status: fc.constantFrom(200, 201, 202, 204, 400, 401, 403, 404, 412, 500),
  body: fc.oneof(
    fc.json(),
    fc.string({ maxLength: 40 }),
    fc.constant('{"error":"Renewal not authorized (too_many)"}'),
    fc.constant('{"errors":[{"message":"Not Found.","path":"/"}],"status":404}'),
    fc.constant('{"patron_id":5,"cardnumber":"C5"}'),
  ),
});

const clientAnswering = (a: { status: number; body: string }) =>
  new KohaClient({
    baseUrl: 'http://koha.test',
    retry: false,
    fetch: async () =>
      new Response(a.status === 204 ? null : a.body, {
        status: a.status,
        headers: { 'content-type': 'application/json' },
      }),
  });

// A marker no message of ours contains, so the password can only show up if it leaked.
const secret = fc.string({ maxLength: 12 }).map((s) => `\u017d${s}\u017d`);

test.prop([answer, secret], { numRuns: 60 })(
  'renew, validatePassword, cancel and checkin resolve or throw KohaError, never the password',
  async (a, password) => {
    const koha = clientAnswering(a);
    const calls: Array<() => Promise<unknown>> = [
      () => koha.checkouts.renew(1),
      () => koha.patrons.validatePassword('C5', password),
      () => koha.holds.cancel(1),
      () => koha.checkins.create({ barcode: 'B1' }),
    ];
    for (const call of calls) {
      try {
        await call();
      } catch (error) {
        expect(KohaError.is(error)).toBe(true);
        expect(() => renewalRefusalReason(error)).not.toThrow();
        expect(typeof isMissingRoute(error)).toBe('boolean');
        if (!a.body.includes(password)) {
          expect(`${(error as Error).message}${JSON.stringify(error)}`).not.toContain(password);
        }
      }
    }
  },
);

test.prop([fc.stringMatching(/^[a-z_]{1,20}$/)])(
  'renewalRefusalReason reads back any reason code',
  (code) => {
    const error = new KohaError('HTTP_STATUS', 'x', {
      status: 403,
      kohaError: `Renewal not authorized (${code})`,
    });
    expect(renewalRefusalReason(error)).toBe(code);
    expect(
      renewalRefusalReason(
        new KohaError('HTTP_STATUS', 'x', { status: 404, kohaError: error.kohaError ?? '' }),
      ),
    ).toBeUndefined();
  },
);

test.prop([fc.anything()])('the refusal readers accept anything', (value) => {
  expect(renewalRefusalReason(value)).toBeUndefined();
  expect(isMissingRoute(value)).toBe(false);
});
