/**
 * SIP2 error-detection checksum (the AZ field): the 16-bit two's complement of the sum of every
 * byte of the message up to and including "AZ", as four upper-case hex digits.
 */
export function computeChecksum(bytes: Uint8Array): string {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum = (sum + bytes[i]!) & 0xffff;
  return (-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}
