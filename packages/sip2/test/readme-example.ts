import { build, createFramer, encode, getField } from '@bibwire/sip2';

// Self-check side: a checkout request with error detection (AY1 + AZ checksum).
const request = build.checkout({
  institutionId: 'MAIN',
  patronIdentifier: '23529000445172',
  itemIdentifier: '39000000001234',
  sequence: 1,
});
const bytes = encode(request, { charset: 'utf-8' });

// Server side: frame the byte stream, decode, check, read fields by id.
const framer = createFramer({ charset: 'utf-8', mode: 'tolerant' });
for (const item of framer.push(bytes)) {
  if (item.kind === 'error') throw item.error;
  const { message, checksum, warnings } = item.decoded;
  console.log(message.code, checksum.valid, getField(message, 'AB'), warnings.length);
  // → 11 true 39000000001234 0
}
