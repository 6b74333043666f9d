import { build, decode, encode, encodeInto, type Sip2Message } from '@bibwire/sip2';
import type { BenchSuite, RoundResult } from '../lib/types.js';

// Wire bytes of the messages measured: each round decodes them (checksum verified) and encodes
// the decoded message again (checksum recomputed).
const DATE = '20261123    101112';
const wire = (m: Sip2Message) => encode(m);

const patronStatusRequest = wire(
  build.patronStatusRequest({
    language: 1,
    transactionDate: DATE,
    institutionId: 'MAIN',
    patronIdentifier: '23529000445172',
    patronPassword: '1234',
    sequence: 1,
  }),
);
const patronStatusResponse = wire(
  build.patronStatusResponse({
    language: 1,
    transactionDate: DATE,
    institutionId: 'MAIN',
    patronIdentifier: '23529000445172',
    personalName: 'Doe, Jane',
    validPatron: true,
    validPatronPassword: true,
    currencyType: 'USD',
    feeAmount: '0.00',
    screenMessage: ['Greetings from the library'],
    sequence: 1,
  }),
);
const patronInformationResponse = wire(
  build.patronInformationResponse({
    language: 1,
    transactionDate: DATE,
    chargedItemsCount: 20,
    institutionId: 'MAIN',
    patronIdentifier: '23529000445172',
    personalName: 'Doe, Jane',
    holdItemsLimit: 10,
    overdueItemsLimit: 5,
    chargedItemsLimit: 25,
    validPatron: true,
    feeAmount: '2.50',
    chargedItems: Array.from({ length: 20 }, (_, i) => `3900${String(i).padStart(10, '0')}`),
    emailAddress: 'jane@example.org',
    screenMessage: ['Welcome'],
    sequence: 2,
  }),
);
const checkoutResponse = wire(
  build.checkoutResponse({
    ok: true,
    renewalOk: false,
    magneticMedia: 'N',
    desensitize: 'Y',
    transactionDate: DATE,
    institutionId: 'MAIN',
    patronIdentifier: '23529000445172',
    itemIdentifier: '39000000001234',
    titleIdentifier: 'Les Misérables / Victor Hugo',
    dueDate: '20261207    235900',
    mediaType: '001',
    screenMessage: ['Checked out'],
    sequence: 3,
  }),
);

function roundTrips(messages: readonly Uint8Array[], n: number): number {
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    for (const m of messages) bytes += encode(decode(m).message).length;
  }
  if (bytes === 0) throw new Error('nothing encoded');
  return n;
}

const N = 50_000;

// The machine is shared: wall-clock rates swing with other jobs, CPU time (this process, all its
// threads, GC included) much less. Each round reports both.
function cpuTimed(run: () => number): RoundResult {
  const before = process.cpuUsage();
  const work = run();
  const used = process.cpuUsage(before);
  return { work, metrics: { 'per CPU-second': work / ((used.user + used.system) / 1e6) } };
}

// The zero-allocation variant for servers: encodeInto one reused output buffer.
const output = new Uint8Array(4096);
function roundTripsInto(message: Uint8Array, n: number): number {
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += encodeInto(decode(message).message, output);
  if (bytes === 0) throw new Error('nothing encoded');
  return n;
}

// The two halves on their own, to show where the time goes.
const patronInformationMessage = decode(patronInformationResponse).message;
function decodes(message: Uint8Array, n: number): number {
  let fields = 0;
  for (let i = 0; i < n; i++) fields += decode(message).message.fields.length;
  if (fields === 0) throw new Error('nothing decoded');
  return n;
}
function encodes(message: Sip2Message, n: number): number {
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += encode(message).length;
  if (bytes === 0) throw new Error('nothing encoded');
  return n;
}

// No other SIP2 codec is installed here; as a yardstick for the machine's speed at the time of
// the run, the same 64 message as JSON through V8's native JSON.parse + JSON.stringify.
const patronInformationJson = JSON.stringify(decode(patronInformationResponse).message);
function jsonRoundTrips(n: number): number {
  let chars = 0;
  for (let i = 0; i < n; i++) chars += JSON.stringify(JSON.parse(patronInformationJson)).length;
  if (chars === 0) throw new Error('nothing serialised');
  return n;
}

export default {
  name: 'sip2-codec',
  description: 'SIP2 decode (checksum verified) + encode (checksum stamped) of whole messages, UTF-8',
  goal: 'at least 500,000 decode+encode per second of the 64 response (20 item fields)',
  cases: () => [
    {
      name: `23/24 exchange (${patronStatusRequest.length} + ${patronStatusResponse.length} bytes)`,
      unit: 'exchanges',
      contenders: [
        {
          name: '@bibwire/sip2',
          ours: true,
          run: () => cpuTimed(() => roundTrips([patronStatusRequest, patronStatusResponse], N)),
        },
      ],
    },
    {
      name: `64 response, 20 AU fields (${patronInformationResponse.length} bytes)`,
      unit: 'messages',
      contenders: [
        {
          name: '@bibwire/sip2',
          ours: true,
          run: () => cpuTimed(() => roundTrips([patronInformationResponse], N)),
        },
        {
          name: '@bibwire/sip2 decode + encodeInto (reused output buffer)',
          run: () => cpuTimed(() => roundTripsInto(patronInformationResponse, N)),
        },
        {
          name: '@bibwire/sip2 decode alone',
          run: () => cpuTimed(() => decodes(patronInformationResponse, N)),
        },
        {
          name: '@bibwire/sip2 encode alone',
          run: () => cpuTimed(() => encodes(patronInformationMessage, N)),
        },
        {
          name: 'yardstick (not SIP2): JSON.parse + JSON.stringify of the same message',
          run: () => cpuTimed(() => jsonRoundTrips(N)),
        },
      ],
    },
    {
      name: `12 response, non-ASCII title (${checkoutResponse.length} bytes)`,
      unit: 'messages',
      contenders: [
        { name: '@bibwire/sip2', ours: true, run: () => cpuTimed(() => roundTrips([checkoutResponse], N)) },
      ],
    },
  ],
} satisfies BenchSuite;
