import { build, createFramer, encode, Sip2Error, type Sip2FramedItem } from '@bibwire/sip2';
import { describe, expect, it } from 'vitest';

const bytes = (s: string) => new TextEncoder().encode(s);
const codes = (items: Sip2FramedItem[]) =>
  items.map((i) => (i.kind === 'message' ? i.decoded.message.code : i.error.code));

describe('createFramer', () => {
  it('splits pipelined messages and joins split ones', () => {
    const framer = createFramer();
    expect(codes(framer.push(bytes('9900302.00AY1AZFCA5\r941AY0AZFDFD\r97')))).toEqual(['99', '94']);
    expect(framer.bufferedBytes).toBe(2);
    expect(codes(framer.push(bytes('AZFE')))).toEqual([]);
    expect(codes(framer.push(bytes('F5\r')))).toEqual(['97']);
    expect(framer.bufferedBytes).toBe(0);
  });

  it('treats CRLF as one terminator, LF alone as a terminator, and skips blank lines', () => {
    const framer = createFramer();
    const items = framer.push(bytes('9900302.00\r\n   \r\n9900302.00\n\n'));
    expect(codes(items)).toEqual(['99', '99']);
    const [first, second] = items;
    expect(first?.kind === 'message' && first.decoded.message.terminator).toBe('\r');
    expect(first?.kind === 'message' && first.decoded.warnings).toEqual([]);
    expect(second?.kind === 'message' && second.decoded.warnings.map((w) => w.code)).toEqual([
      'NONSTANDARD_TERMINATOR',
    ]);
  });

  it('turns an undecodable message into an error item and goes on', () => {
    const framer = createFramer();
    const items = framer.push(bytes('XX\r9\r941\r'));
    expect(codes(items)).toEqual(['UNKNOWN_MESSAGE', 'TRUNCATED_MESSAGE', '94']);
    expect(items[0]?.raw).toEqual(bytes('XX'));
  });

  it('strict mode: defects are error items', () => {
    const framer = createFramer({ mode: 'strict' });
    const items = framer.push(bytes('9900302.00AY1AZ0000\r9900302.00AY1AZFCA5\r'));
    expect(codes(items)).toEqual(['CHECKSUM_MISMATCH', '99']);
  });

  it('discards a message longer than the maximum, with one error, and resynchronises', () => {
    const framer = createFramer({ maxMessageBytes: 20 });
    const long = 'x'.repeat(15);
    expect(codes(framer.push(bytes(long)))).toEqual([]);
    expect(codes(framer.push(bytes(long)))).toEqual(['MESSAGE_TOO_LARGE']);
    expect(framer.bufferedBytes).toBe(0);
    expect(codes(framer.push(bytes(`${long}${long}\r941\r`)))).toEqual(['94']);
    expect(codes(framer.push(bytes(`${'y'.repeat(30)}\r941\r`)))).toEqual(['MESSAGE_TOO_LARGE', '94']);
  });

  it('end() returns an unterminated last message with a warning (error in strict mode)', () => {
    const tolerant = createFramer();
    tolerant.push(bytes('941'));
    const [item] = tolerant.end();
    expect(item?.kind === 'message' && item.decoded.warnings.map((w) => w.code)).toEqual([
      'MISSING_TERMINATOR',
    ]);
    const strict = createFramer({ mode: 'strict' });
    strict.push(bytes('941'));
    expect(codes(strict.end())).toEqual(['MISSING_TERMINATOR']);
  });

  it('copies what it keeps: reusing the chunk buffer does not change earlier messages', () => {
    const framer = createFramer();
    const chunk = bytes('9410');
    framer.push(chunk.subarray(0, 3));
    chunk.fill(0x20);
    const [item] = framer.push(bytes('\r'));
    expect(item?.kind === 'message' && item.decoded.message.fixed).toEqual({ ok: '1' });
  });

  it('decodes in the configured charset and rejects a bad maximum', () => {
    const framer = createFramer({ charset: 'cp850' });
    const message = build.checkoutResponse({
      ok: true,
      institutionId: 'M',
      patronIdentifier: 'P',
      itemIdentifier: 'I',
      titleIdentifier: 'Ærø',
      transactionDate: '20261123    101112',
      sequence: 1,
    });
    const [item] = framer.push(encode(message, { charset: 'cp850' }));
    expect(item?.kind === 'message' && item.decoded.message).toEqual(message);
    expect(() => createFramer({ maxMessageBytes: 0 })).toThrow(Sip2Error);
  });
});
