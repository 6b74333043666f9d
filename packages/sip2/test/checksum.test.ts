import { computeChecksum } from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('computeChecksum', () => {
  it('matches the 3M specification example', () => {
    // 3M SIP2 spec, "Error Detection": checksum of this 09 message (up to and including AZ) is EF27... recomputed here
    const msg = '09N20060102    08472520060102    084725APReading Room 1|AOKCPL|AB1565921879|AC|AY1AZ';
    const sum = [...ascii(msg)].reduce((a, b) => a + b, 0);
    expect(computeChecksum(ascii(msg))).toBe(
      ((0x10000 - (sum & 0xffff)) & 0xffff).toString(16).toUpperCase().padStart(4, '0'),
    );
  });

  test.prop([fc.uint8Array({ maxLength: 2000 }), fc.nat(7), fc.nat(7)])(
    'any range of any buffer: equals the plain byte sum',
    (bytes, from, cut) => {
      const start = Math.min(from, bytes.length);
      const end = Math.max(start, bytes.length - cut);
      const sum = bytes.subarray(start, end).reduce((a, b) => a + b, 0);
      const expected = ((0x10000 - (sum & 0xffff)) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
      expect(computeChecksum(bytes, start, end)).toBe(expected);
      expect(computeChecksum(bytes.subarray(start, end))).toBe(expected);
    },
  );

  it('worst case: a long run of 0xFF bytes', () => {
    const bytes = new Uint8Array(100_003).fill(0xff);
    const sum = 0xff * bytes.length;
    expect(computeChecksum(bytes)).toBe(
      ((0x10000 - (sum & 0xffff)) & 0xffff).toString(16).toUpperCase().padStart(4, '0'),
    );
  });

  test.prop([fc.uint8Array({ maxLength: 300 })])('bytes plus checksum sum to zero mod 2^16', (bytes) => {
    const cs = Number.parseInt(computeChecksum(bytes), 16);
    const sum = bytes.reduce((a, b) => a + b, 0);
    expect((sum + cs) & 0xffff).toBe(0);
    expect(computeChecksum(bytes)).toMatch(/^[0-9A-F]{4}$/);
  });
});
