import { computeChecksum } from '@bibwire/sip2';
import type { BenchSuite } from '../lib/types.js';

// A tiny suite that keeps the harness honest while the codec benchmarks are written.
const message = new TextEncoder().encode(
  '64              00120261123    101112000000000000000000000000AOMAIN|AA23529000445172|AEJohn Doe|BZ0010|AU3000001|AY1AZ',
);
const N = 200_000;

export default {
  name: 'sip2-checksum',
  description: 'SIP2 AZ checksum over a 64 response',
  cases: () => [
    {
      name: 'checksum of a 64 response',
      unit: 'messages',
      contenders: [
        {
          name: '@bibwire/sip2 computeChecksum',
          ours: true,
          run: () => {
            for (let i = 0; i < N; i++) computeChecksum(message);
            return N;
          },
        },
      ],
    },
  ],
} satisfies BenchSuite;
